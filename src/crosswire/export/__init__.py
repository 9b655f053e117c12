"""Exports: the articles of a store as JSON Lines, CSV or Parquet (docs/output-format.md).

`export_articles` picks the writer by format name; the writers themselves live in `jsonl.py` and
`tables.py` and are imported only when used, so `import crosswire.export` stays cheap (no pyarrow).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from crosswire.model import Article

FORMATS = ("jsonl", "csv", "parquet")


def _writer(fmt: str) -> Callable[[Iterable[Article], Path], int]:
    if fmt == "jsonl":
        from crosswire.export.jsonl import write_articles_jsonl

        return write_articles_jsonl
    if fmt == "csv":
        from crosswire.export.tables import write_articles_csv

        return write_articles_csv
    if fmt == "parquet":
        from crosswire.export.tables import write_articles_parquet

        return write_articles_parquet
    raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def export_articles(
    articles: Iterable[Article], out_dir: str | os.PathLike[str], fmt: str
) -> tuple[Path, int]:
    """Write `articles` to `out_dir/articles.<fmt>`; returns the file written and its record count."""
    write = _writer(fmt)
    path = Path(out_dir) / f"articles.{fmt}"
    return path, write(articles, path)


__all__ = ["FORMATS", "export_articles"]
