"""The repository's Servicebook settings (``servicebook.yml`` at the root, optional)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from generator.errors import UserError
from generator.models.calendar_record import check_timezone
from generator.models.common import Duration, RecordModel, Timestamp
from generator.models.instant_range import DEFAULT_RANGE, WIDEST, InstantRange, range_problem
from generator.output_folders import output_problem
from generator.records.schema_version import CURRENT_SCHEMA, FIRST_SCHEMA, newer_schema_problem
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
    maintainers: str | None = Field(
        default=None,
        description="Roster id of the group that maintains the records: its GitHub team "
        "owns the catch-all /records/ rule of the generated CODEOWNERS (every record no "
        "owner covers); unset, the file says so in a comment and the catch-all is missing.",
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
        le=36_500,
        description="With request_pages: open_and_recent, how many days before as_of a "
        "request received, resolved or closed keeps its page.",
    )
    builder: Literal["mkdocs", "zensical"] = Field(
        default="mkdocs",
        description="The static-site builder run on the staging folder: mkdocs (MkDocs 1.x "
        "with Material, the default) or zensical (Zensical, Material's successor, which "
        "builds the same staged pages; install it with pip install 'servicebook[zensical]').",
    )
    request_page_shell: bool = Field(
        default=True,
        description="With builder: mkdocs, request pages are converted by Servicebook and "
        "filled into the theme's page as MkDocs builds it once, checked byte for byte "
        "against MkDocs on every build (many times faster on thousands of requests); "
        "false: MkDocs builds every request page itself.",
    )
    instant_range: InstantRangeSetting = Field(
        default_factory=lambda: InstantRangeSetting(),
        description="The span of time records may speak about: every timestamp and date in "
        "a record, --as-of, --at and intake times must lie from earliest to latest "
        "(midnight UTC); at most 1900-01-01 to 2500-01-01.",
    )
    auto_close: Duration | None = Field(
        default=None,
        description="Close resolved requests not confirmed within this time (calendar time) "
        "when their agreement sets no auto_close of its own, and requests under no "
        "agreement; default: none, they stay resolved until closed.",
    )
    records_schema: int = Field(
        default=FIRST_SCHEMA,
        alias="schema",
        ge=1,
        description="The schema version the records are written to (absent: 1, the records "
        f"of 0.1.0); this release reads schema {CURRENT_SCHEMA}, and `servicebook migrate` "
        "rewrites records of an older one.",
    )
    monitoring: MonitoringSetting = Field(
        default_factory=lambda: MonitoringSetting(),
        description="Where the Prometheus alerting rules are and how they are held against "
        "the agreements' first-response targets (see docs/monitoring-thresholds.md).",
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

    @property
    def instants(self) -> InstantRange:
        """The instant range as the loader and the options use it."""
        return InstantRange(self.instant_range.earliest, self.instant_range.latest)

    @field_validator("records_schema")
    @classmethod
    def _known_schema(cls, value: int) -> int:
        problem = newer_schema_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value

    @model_validator(mode="after")
    def _as_of_in_range(self) -> Config:
        problem = None if self.as_of is None else range_problem(self.as_of, self.instants)
        if problem is not None:
            raise ValueError(f"as_of: {problem}")
        return self


class InstantRangeSetting(RecordModel):
    """``instant_range: {earliest: 1970-01-01, latest: 2200-01-01}`` in servicebook.yml."""

    earliest: date = Field(default=DEFAULT_RANGE.earliest, description="First date allowed.")
    latest: date = Field(default=DEFAULT_RANGE.latest, description="Last date allowed (00:00Z).")

    @model_validator(mode="after")
    def _sensible(self) -> InstantRangeSetting:
        low, high = WIDEST
        if not low <= self.earliest < self.latest <= high:
            raise ValueError(
                f"{self.earliest.isoformat()} to {self.latest.isoformat()} is not a range "
                f"within {low.isoformat()} to {high.isoformat()}; earliest must come before "
                "latest, e.g. {earliest: 1970-01-01, latest: 2200-01-01}"
            )
        return self


class MonitoringSetting(RecordModel):
    """``monitoring:`` in servicebook.yml: the alerting rules and the delays around them."""

    folder: str = Field(
        default="monitoring", description="Folder of Prometheus rule files (*.yml, *.yaml)."
    )
    component_label: str = Field(
        default="component", description="The alert label that names the component's id."
    )
    priority_label: str = Field(
        default="priority", description="The alert label that names a priority (P1 to P5)."
    )
    severity_label: str = Field(
        default="severity", description="The alert label mapped to a priority by severities."
    )
    severities: dict[str, str] = Field(
        default_factory=lambda: {"critical": "P1", "high": "P2", "warning": "P3", "info": "P4"},
        description="Severity label value -> priority, for alerts without a priority label.",
    )
    evaluation_interval: Duration = Field(
        default=60,
        description="How often Prometheus evaluates a rule group without an interval of its "
        "own (Prometheus's default: 1m).",
    )
    notification_delay: Duration = Field(
        default=300,
        description="From an alert firing to a person notified: Alertmanager's grouping "
        "wait and the paging (default 5m).",
    )
    safe_share: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="The share of its priority's first-response target an alert may use "
        "(evaluation interval + for + notification delay) before the margin counts as thin.",
    )

    @field_validator("severities")
    @classmethod
    def _priorities(cls, value: dict[str, str]) -> dict[str, str]:
        wrong = [f"{k}: {v}" for k, v in value.items() if v not in PRIORITIES]
        if wrong:
            raise ValueError(
                f"{', '.join(wrong)} is not a priority; map each severity to one of P1 to P5"
            )
        return value


PRIORITIES = ("P1", "P2", "P3", "P4", "P5")


def load_config(root: Path) -> Config:
    """Read ``servicebook.yml`` if present; a bad file is a user error naming the line."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config()
    text = path.read_text(encoding="utf-8")
    config = load_settings(text, CONFIG_FILE, Config, empty_ok=True)
    for name, other in (("staging_dir", None), ("site_dir", Path(config.staging_dir))):
        problem = output_problem(root, Path(getattr(config, name)), other)
        if problem is not None:
            line = next(
                (n for n, row in enumerate(text.splitlines(), 1) if row.startswith(name)), 0
            )
            raise UserError(
                f"{CONFIG_FILE}:{line}: {name}: {getattr(config, name)!r} cannot be an output "
                f"folder: {problem}; use a folder of its own, such as "
                f"{'.servicebook' if name == 'staging_dir' else 'site'}"
            )
    return config


def instant_range_of(root: Path) -> InstantRange:
    """The instant range set in ``root``'s servicebook.yml (the default without one)."""
    return load_config(root).instants


def cache_folder(root: Path, config: Config) -> Path | None:
    """Where the record cache lives (None when the ``cache`` setting is off)."""
    return root / config.staging_dir / "cache" if config.cache else None
