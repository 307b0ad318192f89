"""Changing records from the command line: new records, events, closure, commits."""
