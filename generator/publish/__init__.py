"""From computed facts to a published site: pages, staging folder, MkDocs run."""
