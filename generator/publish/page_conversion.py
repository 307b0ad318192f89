"""Many request pages converted at once: in a pool of processes, one per core.

Converting a request page costs about 1.4 ms of Python-Markdown; 25,000 of them are the
largest part of a full build after rendering, and the work is independent page by page.
Each worker builds one :class:`~generator.publish.direct_pages.Converter` when it starts
and converts chunks of pages; results come back in the order asked, so the output is
the same as converting one by one. A few pages (an incremental build) are converted
here in this process: starting workers costs more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

from generator.publish.direct_pages import Converter
from generator.publish.page_shell import FilledPage

POOL_FROM = 500
"""Pages to convert from which a pool pays for the start of its workers (~0.5 s)."""
_CHUNK = 250


@dataclass(frozen=True)
class ConverterSettings:
    """What every worker needs to build the same converter."""

    extensions: list[Any]
    configs: Mapping[str, Any]
    known: Collection[str]
    directory_urls: bool

    def converter(self) -> Converter:
        return Converter(self.extensions, self.configs, self.known, self.directory_urls)


Converted = tuple[str, FilledPage | None, list[str]]
"""A page's path, its conversion (None: MkDocs builds it) and the files it links to."""

_worker: Converter | None = None


def _start(settings: ConverterSettings) -> None:
    global _worker
    _worker = settings.converter()


def _convert_chunk(chunk: list[tuple[str, bytes]]) -> list[Converted]:
    assert _worker is not None
    return [_one(_worker, path, text) for path, text in chunk]


def _one(converter: Converter, path: str, text: bytes) -> Converted:
    page = converter.convert(path, text.decode("utf-8"))
    return path, page, sorted(converter.targets)


def convert_all(
    paths: list[str], files: Mapping[str, bytes], settings: ConverterSettings
) -> Iterator[Converted]:
    """Every page of ``paths`` converted, in order."""
    cores = os.cpu_count() or 1
    if len(paths) < POOL_FROM or cores < 2:
        converter = settings.converter()
        for path in paths:
            yield _one(converter, path, files[path])
        return
    chunks = (
        [(path, files[path]) for path in paths[start : start + _CHUNK]]
        for start in range(0, len(paths), _CHUNK)
    )
    # spawn, not fork: the workers start small instead of copying this whole process.
    context = get_context("spawn")
    workers = min(cores, 8)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(settings,)
    ) as pool:
        for results in pool.map(_convert_chunk, chunks):
            yield from results
