"""A short version of benchmarks/load.py: readers and uploads at once lose nothing and fail nothing.

A real `crosswire serve` process over a small analysed store; 8 concurrent clients read pages and
/api/v1 for 12 s while uploads go through POST /api/v1/ingest one at a time. Checked: no read or
upload failed, every acknowledged upload is in the store, the article count adds up. Timing and memory
are the benchmark's business (docs/benchmarks.md), not asserted here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "load.py"


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("crosswire_load_benchmark", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    added = str(BENCH.parent) not in sys.path
    try:
        spec.loader.exec_module(module)  # puts benchmarks/ on sys.path for generate.py and web.py
    finally:
        if added and str(BENCH.parent) in sys.path:
            sys.path.remove(str(BENCH.parent))
    return module


def test_readers_and_uploads_at_once_lose_nothing(tmp_path):
    bench = _load_benchmark()
    summary = bench.main(
        ["--articles", "8", "--clients", "8", "--duration", "12", "--workdir", str(tmp_path)]
    )
    assert summary["error_samples"] == [], summary
    assert summary["read_errors"] == 0 and summary["upload_errors"] == 0
    assert summary["reads"] > 0
    assert summary["uploads_acknowledged"] >= 1, "no upload finished while the readers ran"
    assert summary["lost_writes"] == 0
    assert summary["articles_after"] == summary["articles_before"] + summary["uploads_acknowledged"]
