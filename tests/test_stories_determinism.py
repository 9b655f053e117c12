"""The same input gives the same stories whatever the process's string-hash seed.

Set and frozenset iteration order changes with PYTHONHASHSEED, so anything that builds a summary, a keyword
list or a title from a set without sorting differs from run to run (and between Dask workers). Two runs of
`crosswire analyze` on the seeds in processes with different hash seeds must write identical outputs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

OUTPUTS = ("stories.jsonl", "events.jsonl", "quotes.jsonl", "actors.jsonl")


def _analyze(seeds_dir: Path, out: Path, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-m", "crosswire.cli", "analyze", str(seeds_dir), "--out", str(out)]
    command += ["--db", str(out / "crosswire.db")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
def test_outputs_do_not_depend_on_the_hash_seed(seeds_dir: Path, tmp_path: Path) -> None:
    _analyze(seeds_dir, tmp_path / "a", "1")
    _analyze(seeds_dir, tmp_path / "b", "2")
    for name in OUTPUTS:
        first = (tmp_path / "a" / name).read_text(encoding="utf-8")
        second = (tmp_path / "b" / name).read_text(encoding="utf-8")
        assert first, name
        assert first == second, f"{name} differs between hash seeds"
