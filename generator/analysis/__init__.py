"""Pure analysis of records: derived statuses, SLA results, metrics, impact."""
