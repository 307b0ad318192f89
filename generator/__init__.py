"""Servicebook: service management as code.

Records (Markdown files with YAML front matter under ``records/``) are loaded,
validated and linked; SLA clocks and statuses are computed as of an instant; the
result is rendered into a staging docs folder that MkDocs builds.
"""

__version__ = "0.2.0"
