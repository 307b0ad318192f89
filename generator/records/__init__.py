"""Reading records from disk: front matter, source maps, loading and linking."""
