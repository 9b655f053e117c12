"""JSON Lines writers: one record per line, written as the records stream past.

`articles.jsonl` is the output contract (docs/output-format.md); later issues add quotes, actors,
events and stories files through `write_jsonl` with their own record functions.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from crosswire.model import Article, article_record

T = TypeVar("T")


def dumps_record(record: dict[str, Any]) -> str:
    """One JSON line; non-ASCII kept as is so Korean or Japanese names stay readable."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)


def write_jsonl(
    items: Iterable[T], path: str | os.PathLike[str], to_record: Callable[[T], dict[str, Any]]
) -> int:
    """Write `to_record(item)` for each item as one line of `path`; returns the number of lines.

    Written to a temporary sibling and renamed at the end, so a crash never leaves a half file that
    a scorer could mistake for a complete one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    count = 0
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for item in items:
            fh.write(dumps_record(to_record(item)))
            fh.write("\n")
            count += 1
    tmp.replace(path)
    return count


def write_articles_jsonl(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write `articles.jsonl`: `model.article_record` per article, in the order given."""
    return write_jsonl(articles, path, article_record)


def read_jsonl(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a JSON Lines file back (used by tests and small tools); names the line that is broken."""
    records = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: line {number} is not valid JSON: {exc.msg}") from exc
    return records
