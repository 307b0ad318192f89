"""Put a built site in place file by file: unchanged files are not written (their mtimes
stay, so a web server, rsync or a browser cache sees only real changes), files the build
no longer makes are removed, and nothing outside the site folder is touched.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from pathlib import Path


def same_file(target: Path, content: bytes) -> bool:
    """Whether ``target`` holds ``content`` already."""
    try:
        return target.stat().st_size == len(content) and target.read_bytes() == content
    except (FileNotFoundError, NotADirectoryError):
        return False


def put(target: Path, content: bytes) -> bool:
    """Write ``content`` to ``target`` unless it is there already; True when written."""
    if same_file(target, content):
        return False
    if target.is_dir():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(content)
    tmp.replace(target)
    return True


def copy_tree(source: Path, target: Path, skip: Collection[str] = ()) -> tuple[set[str], int]:
    """Every file under ``source`` put at the same place under ``target``, except those
    whose relative path is in ``skip``; the relative paths, and how many were written."""
    paths: set[str] = set()
    written = 0
    for dirpath, _dirs, names in os.walk(source):
        here = Path(dirpath)
        for name in names:
            rel = (here / name).relative_to(source).as_posix()
            if rel in skip:
                continue
            paths.add(rel)
            written += put(target / rel, (here / name).read_bytes())
    return paths, written


def remove_others(target: Path, keep: set[str]) -> int:
    """Remove the files under ``target`` not in ``keep``, and folders left empty."""
    removed = 0
    walked: set[str] = set()
    emptied: set[str] = set()
    # Bottom up, with paths as text: on 50,000 files pathlib (and opening every folder
    # to see whether it is empty) costs seconds; a folder is empty when all it held went.
    top = os.fspath(target)
    for dirpath, dirnames, filenames in os.walk(top, topdown=False):
        walked.add(dirpath)
        # os.walk joins each name to ``top``: the relative path is the rest of the text.
        prefix = dirpath[len(top) + 1 :].replace(os.sep, "/") + "/" if dirpath != top else ""
        holds = False
        for name in filenames:
            if prefix + name in keep:
                holds = True
            else:
                Path(dirpath, name).unlink()
                removed += 1
        for name in dirnames:
            folder = f"{dirpath}{os.sep}{name}"
            if folder in emptied:
                Path(folder).rmdir()
            elif folder not in walked and Path(folder).is_symlink():
                Path(folder).unlink()
            else:
                holds = True
        if not holds:
            emptied.add(dirpath)
    return removed
