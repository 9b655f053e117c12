"""Accuracy measurement against the gold sets in ../shared/eval/: one module per extractor."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

# check(record) -> None when the record is usable, else what is wrong with it
RecordCheck = Callable[[Any], str | None]


def read_records(path: str | Path, check: RecordCheck, limit: int | None = None) -> list[dict[str, Any]]:
    """The JSON objects of a gold JSONL file; a bad record raises ValueError naming the file and line."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such gold file")
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{line_no}: not valid JSON ({exc.msg})") from None
            problem = "not a JSON object" if not isinstance(rec, dict) else check(rec)
            if problem:
                raise ValueError(f"{path}:{line_no}: {problem}")
            records.append(rec)
            if limit is not None and len(records) >= limit:
                break
    return records
