"""The repository's Servicebook settings (``servicebook.yml`` at the root, optional)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from generator.models.calendar_record import check_timezone
from generator.models.common import RecordModel, Timestamp
from generator.settings_file import load_settings

CONFIG_FILE = "servicebook.yml"


class Config(RecordModel):
    """Settings for one repository of records; every field has a default."""

    as_of: Timestamp | None = Field(
        default=None,
        description="Pinned instant for statuses and SLA clocks (e.g. for a demo); "
        "default: now. `--as-of` on the command line wins.",
    )
    timezone: str = Field(
        default="UTC", description="Time zone for dates shown where no agreement gives one."
    )
    site_name: str | None = Field(
        default=None, description="Overrides site_name of mkdocs.yml in the built site."
    )
    staging_dir: str = Field(
        default=".servicebook",
        description="Folder for the staged site: docs/ (generated pages plus docs/) "
        "and the generated mkdocs.yml that builds them.",
    )
    site_dir: str = Field(default="site", description="Folder the built site is written to.")
    provider: str | None = Field(
        default=None, description="Roster id of the provider organization (shown on the site)."
    )
    request_pages: Literal["all", "open_and_recent"] = Field(
        default="all",
        description="Which requests get a page of their own: all (the default), or "
        "open_and_recent: open requests and those received or closed within recent_days "
        "before as_of; every request stays listed in the monthly request tables.",
    )
    recent_days: int = Field(
        default=90,
        ge=0,
        description="With request_pages: open_and_recent, how many days before as_of a "
        "request received, resolved or closed keeps its page.",
    )
    builder: Literal["mkdocs", "zensical"] = Field(
        default="mkdocs",
        description="The static-site builder run on the staging folder: mkdocs (MkDocs 1.x "
        "with Material, the default) or zensical (Zensical, Material's successor, which "
        "builds the same staged pages; install it with pip install 'servicebook[zensical]').",
    )
    cache: bool = Field(
        default=True,
        description="Keep validated records in the cache/ folder of staging_dir, keyed by a "
        "hash of each file, so unchanged records are not parsed again (false: no cache).",
    )

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_timezone(value)


def load_config(root: Path) -> Config:
    """Read ``servicebook.yml`` if present; a bad file is a user error naming the line."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config()
    return load_settings(path.read_text(encoding="utf-8"), CONFIG_FILE, Config, empty_ok=True)


def cache_folder(root: Path, config: Config) -> Path | None:
    """Where the record cache lives (None when the ``cache`` setting is off)."""
    return root / config.staging_dir / "cache" if config.cache else None
