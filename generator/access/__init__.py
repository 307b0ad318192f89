"""Access control support: who must review changes to which records."""
