"""Turning submissions from outside git (a GitHub issue form) into request records."""
