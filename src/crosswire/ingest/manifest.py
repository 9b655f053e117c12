"""What a file does not say about itself: a manifest (CSV or TOML) and front matter.

A copy-pasted article often lacks its outlet, URL or date. The user supplies them either in a
manifest beside the corpus (`--manifest FILE`) or in a front-matter block at the top of the file.
Both override what the reader infers from the text.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any

from crosswire.ingest.datetimes import parse_datetime

MANIFEST_FIELDS = ("path", "outlet", "url", "published")
FRONT_MATTER_KEYS = ("outlet", "url", "published", "title", "authors", "genre", "language")


@dataclass
class ManifestEntry:
    path: str
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # any other columns/keys, as written


class Manifest(dict[str, ManifestEntry]):
    """Entries keyed by path as written, plus the indexes `lookup` uses (built once per manifest)."""

    def __init__(self, entries: dict[str, ManifestEntry], base_dir: Path | None = None):
        super().__init__(entries)
        self.base_dir = base_dir
        self.by_basename: dict[str, list[str]] = {}
        self.by_absolute: dict[str, str] = {}
        for key in entries:
            parts = _parts(key)
            if parts:
                self.by_basename.setdefault(parts[-1], []).append(key)
            if base_dir is not None:
                absolute = Path(key) if Path(key).is_absolute() else base_dir / key
                self.by_absolute[str(_normpath(absolute))] = key


def _parts(path: str) -> tuple[str, ...]:
    return tuple(p for p in PurePosixPath(path.replace("\\", "/")).parts if p not in (".", ""))


def _normpath(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def load_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Entries by path from a CSV (header `path,outlet,url,published`) or TOML manifest.

    TOML takes either `[[article]]` tables with a `path` key or one table per path
    (`["seeds/001.txt"]` with `outlet = ...`). Raises ValueError("<file>: <problem>") on bad input.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read manifest: {exc}") from exc
    if not raw.strip():
        raise ValueError(f"{path}: manifest is empty")
    suffix = path.suffix.lower()
    is_toml = suffix == ".toml" or (suffix != ".csv" and raw.lstrip().startswith(("[", "#")))
    entries = _from_toml(raw, path) if is_toml else _from_csv(raw, path)
    if not entries:
        raise ValueError(f"{path}: manifest lists no files")
    return Manifest(entries, base_dir=_normpath(path.parent))


def _from_csv(raw: str, where: Path) -> dict[str, ManifestEntry]:
    reader = csv.DictReader(io.StringIO(raw))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "path" not in header:
        raise ValueError(
            f"{where}: CSV header must name a 'path' column (expected {','.join(MANIFEST_FIELDS)})"
        )
    if len(set(header)) != len(header):
        raise ValueError(f"{where}: CSV header repeats a column name")
    reader.fieldnames = header
    entries: dict[str, ManifestEntry] = {}
    rows: dict[str, int] = {}
    for line_no, row in enumerate(reader, start=2):
        if None in row:
            raise ValueError(f"{where}: line {line_no}: more cells than header columns")
        cells = {k: (v or "").strip() for k, v in row.items()}
        if not any(cells.values()):
            continue
        entry = _entry(cells, f"{where}: line {line_no}")
        if entry.path in entries:
            raise ValueError(
                f"{where}: line {line_no}: path {entry.path!r} already listed on line {rows[entry.path]}"
            )
        entries[entry.path] = entry
        rows[entry.path] = line_no
    return entries


def _from_toml(raw: str, where: Path) -> dict[str, ManifestEntry]:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{where}: not valid TOML: {exc}") from exc
    tables: list[tuple[str, dict[str, Any]]] = []
    articles = data.pop("article", [])
    if not isinstance(articles, list):
        raise ValueError(f"{where}: 'article' must be an array of tables ([[article]])")
    for i, table in enumerate(articles, start=1):
        if not isinstance(table, dict):
            raise ValueError(f"{where}: article #{i} must be a table")
        tables.append((f"{where}: article #{i}", table))
    for key, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"{where}: top-level key {key!r} must be a table named after a file path")
        tables.append((f"{where}: [{key}]", {"path": key, **table}))
    entries: dict[str, ManifestEntry] = {}
    for label, table in tables:
        entry = _entry(table, label)
        if entry.path in entries:
            raise ValueError(f"{label}: path {entry.path!r} listed twice")
        entries[entry.path] = entry
    return entries


def _entry(cells: dict[str, Any], where: str) -> ManifestEntry:
    path = cells.get("path")
    if not isinstance(path, str) or not path.strip():
        raise ValueError(f"{where}: missing 'path'")
    if "\0" in path:  # no file system allows it, and os.path functions raise on it
        raise ValueError(f"{where}: 'path' {path!r} contains a NUL character")
    values: dict[str, str | None] = {}
    for key in ("outlet", "url"):
        value = cells.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{where}: '{key}' must be text")
        values[key] = value.strip() or None if isinstance(value, str) else None
    published = cells.get("published")
    try:
        published_at = as_datetime(published)
    except ValueError as exc:
        raise ValueError(f"{where}: 'published' {published!r} is not a date: {exc}") from exc
    extra = {k: v for k, v in cells.items() if k not in MANIFEST_FIELDS and v not in ("", None)}
    return ManifestEntry(path.strip(), values["outlet"], values["url"], published_at, extra)


def as_datetime(value: Any) -> datetime | None:
    """A TOML/CSV/front-matter date value as a datetime; raises ValueError when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if not isinstance(value, str):
        raise ValueError("expected a date")
    parsed = parse_datetime(value)
    if parsed is None:
        raise ValueError("unrecognised date format (use ISO 8601, e.g. 2019-04-29T16:26+09:00)")
    return parsed


def lookup(manifest: dict[str, ManifestEntry], file_path: Path) -> ManifestEntry | None:
    """The entry for `file_path`: by the path as written, the same file relative to the manifest's
    folder, a relative path the file's path ends with, or (when unambiguous) its basename."""
    text = str(file_path)
    if text in manifest:
        return manifest[text]
    index = manifest if isinstance(manifest, Manifest) else Manifest(manifest)
    if index.by_absolute:
        key = index.by_absolute.get(str(_normpath(Path(file_path))))
        if key is not None:
            return manifest[key]
    parts = _parts(text)
    if not parts:
        return None
    candidates = index.by_basename.get(parts[-1], [])
    # The longest key whose components end the file's path: "seeds/001.txt" for ".../seeds/001.txt".
    suffixes = [k for k in candidates if parts[-len(_parts(k)) :] == _parts(k) and ".." not in _parts(k)]
    if suffixes:
        return manifest[max(suffixes, key=lambda k: len(_parts(k)))]
    return None


# --------------------------------------------------------------------------- front matter

_FENCES = {"---": "yaml", "+++": "toml"}
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_LIST_ITEM = re.compile(r"^\s*-\s+(.*)$")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(fields, rest) for a '---' `key: value` block or a '+++' TOML block at the very top of `text`.

    Only a well-formed block counts: a text that merely starts with a '---' rule keeps it. Values are
    strings except `authors` (a list) and TOML's own dates; unknown keys are kept as written.
    """
    body = text.lstrip("\ufeff")
    first, _, after = body.partition("\n")
    fence = first.strip()
    if fence not in _FENCES:
        return {}, text
    end = re.search(rf"^{re.escape(fence)}[ \t]*$", after, re.MULTILINE)
    if end is None:
        return {}, text
    block, rest = after[: end.start()], after[end.end() :].lstrip("\r\n")
    fields = _toml_block(block) if _FENCES[fence] == "toml" else _yaml_block(block)
    if fields is None:
        return {}, text
    if isinstance(fields.get("authors"), str):
        fields["authors"] = [a.strip() for a in re.split(r",|;|\band\b", fields["authors"]) if a.strip()]
    if isinstance(fields.get("author"), str) and "authors" not in fields:
        fields["authors"] = [fields.pop("author").strip()]
    return fields, rest


def _toml_block(block: str) -> dict[str, Any] | None:
    try:
        # An empty block is no front matter, as for YAML: the '+++' lines stay in the text.
        return tomllib.loads(block) or None
    except tomllib.TOMLDecodeError:
        return None


def _yaml_block(block: str) -> dict[str, Any] | None:
    # Just enough YAML for front matter: `key: value`, quoted values, `[a, b]` and `- item` lists.
    fields: dict[str, Any] = {}
    current: str | None = None
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        if item and current is not None:
            previous = fields.get(current)
            fields[current] = [*(previous if isinstance(previous, list) else []), _unquote(item.group(1))]
            continue
        m = _KEY_VALUE.match(line)
        if m is None:
            return None  # not front matter after all
        current, value = m.group(1).lower(), m.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            fields[current] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            fields[current] = _unquote(value) if value else None  # a list may follow
    return {k: v for k, v in fields.items() if v is not None} or None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
