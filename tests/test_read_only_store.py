"""Issue #18 item 7: a store on a read-only file system could not be read at all ("unable to open
database file", no word why). It now opens for reading, and a write says the store is read-only.

The read-only mount is simulated by reporting ST_RDONLY for the store's folder (mounting needs
privileges a test should not take); SQLite itself then opens the real file read-only and immutable,
so the reads and the refused write below are SQLite's own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire import api
from crosswire.cli import app
from crosswire.model import Article
from crosswire.store import engine, open_store

TEXT = "Envoys met in Stockholm on Monday for a third round of talks, officials said, and will meet again."


@pytest.fixture()
def read_only_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    db = tmp_path / "store" / "cw.db"
    with open_store(str(db)) as store:
        store.save_articles([Article(text=TEXT, title="Talks resume", outlet="Meridian Wire")])
    real = os.statvfs
    folder = str(db.parent)

    class ReadOnly:
        def __init__(self, result: os.statvfs_result) -> None:
            self._result = result
            self.f_flag = result.f_flag | os.ST_RDONLY

    def statvfs(path):
        result = real(path)
        return ReadOnly(result) if str(path) == folder else result

    monkeypatch.setattr(engine.os, "statvfs", statvfs)
    return str(db)


def test_a_store_on_a_read_only_file_system_can_be_read(read_only_store: str) -> None:
    before = sorted(p.name for p in Path(read_only_store).parent.iterdir())
    with api.open_corpus(read_only_store) as corpus:
        assert corpus.count() == 1
        assert [a.title for a in corpus.articles()] == ["Talks resume"]
    result = CliRunner().invoke(app, ["list", "articles", "--db", read_only_store, "--json"])
    assert result.exit_code == 0, result.output
    # Nothing was written beside it (no -wal or -shm file could be).
    assert sorted(p.name for p in Path(read_only_store).parent.iterdir()) == before


def test_writing_to_it_says_the_store_is_read_only(read_only_store: str, tmp_path: Path) -> None:
    page = tmp_path / "new.txt"
    page.write_text("New talks\n\n" + TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(page), "--db", read_only_store, "--json"])
    assert result.exit_code == 3
    assert "read-only" in result.output and "file system is mounted read-only" in result.output
    assert engine.read_only_file(Path(read_only_store)) and engine.read_only_file_system(
        Path(read_only_store)
    )
