"""Git history of the records: one ``git log`` pass, revisions, audit findings."""
