"""Progress of a long run: one line per phase, with its counts and seconds."""

from __future__ import annotations

import time
from collections.abc import Callable

Progress = Callable[[str], None]


class Phases:
    """One progress line per phase of a run, with its counts and seconds."""

    def __init__(self, progress: Progress | None) -> None:
        self._say = progress
        self._started = time.perf_counter()

    def start(self, message: str) -> None:
        """Announce a long phase before it runs (the builder gives no counts of its own)."""
        if self._say is not None:
            self._say(f"{message} …")
        self._started = time.perf_counter()

    def done(self, message: str) -> None:
        """Report a finished phase and start timing the next."""
        now = time.perf_counter()
        if self._say is not None:
            self._say(f"{message} in {now - self._started:.1f} s")
        self._started = now
