"""SLA clocks: working time of calendars, and the clocks measured against it."""
