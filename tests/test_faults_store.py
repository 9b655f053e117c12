"""Damaged stores and a full disk: a clear message naming the file, never a traceback, never lost data.

Each damaged store (random bytes, a truncated store, a text file named .db, another program's SQLite
database, a store written by a newer crosswire, a store with one damaged page) is given to the CLI
commands that open a store (ingest, analyze, list, doctor, serve) and to the Python API. A full disk
is a real one: a 2 MB tmpfs (or, where mounting is not permitted, SQLite's max_page_count, which fails
writes with the same SQLITE_FULL error).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool
from typer.testing import CliRunner

from crosswire import api
from crosswire import doctor as cli_doctor
from crosswire.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WIDE = {"COLUMNS": "400"}  # one line per message, so the asserts see the whole file name


def run(*args: str):
    return CliRunner().invoke(app, list(args), env=WIDE)


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    """A real store holding the example corpus (ingest only: no models), closed so no WAL is left."""
    path = tmp_path_factory.mktemp("good") / "good.db"
    summary = api.ingest([str(EXAMPLES)], db=str(path))
    assert summary.counts["added"] >= 10, summary.counts
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    return path


def _garbage(path: Path, _good: Path) -> str:
    path.write_bytes(random.Random(8).randbytes(8192))
    return "file is not a database"


def _text_file(path: Path, _good: Path) -> str:
    path.write_text("title,outlet\nnot,a database\n", encoding="utf-8")
    return "file is not a database"


def _truncated(path: Path, good: Path) -> str:
    path.write_bytes(good.read_bytes()[:20_000])  # the schema survives, the tables' pages do not
    return "malformed"


def _other_program(path: Path, _good: Path) -> str:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    return "not a crosswire store (it holds other tables: invoices)"


def _newer_revision(path: Path, good: Path) -> str:
    shutil.copyfile(good, path)
    # Closed (not only committed), so the change is checkpointed into the file the test compares.
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f999_from_the_future'")
    return "'f999_from_the_future' is unknown to this crosswire"


DAMAGED = {
    "garbage": _garbage,
    "text_file": _text_file,
    "truncated": _truncated,
    "other_program": _other_program,
    "newer_revision": _newer_revision,
}


@pytest.fixture(params=sorted(DAMAGED))
def damaged(request, tmp_path, good_store) -> Iterator[tuple[Path, str, bytes]]:
    path = tmp_path / f"{request.param}.db"
    expected = DAMAGED[request.param](path, good_store)
    yield path, expected, path.read_bytes()


def _assert_clean_failure(result, path: Path, expected: str, code: int = 3) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    text = one_line(result.output)
    assert result.exit_code == code, text
    assert str(path) in text and expected in text, text


def test_cli_commands_refuse_a_damaged_store_by_name(damaged, tmp_path):
    path, expected, before = damaged
    article = tmp_path / "one.txt"
    article.write_text(
        "Seoul, June 3 - Envoys met again on Monday to discuss the talks. " * 5, encoding="utf-8"
    )
    for args in (
        ("list", "articles", "--db", str(path)),
        ("ingest", str(article), "--db", str(path)),
        ("analyze", str(article), "--db", str(path)),
        ("serve", "--db", str(path), "--port", "1"),  # the store is opened before anything binds
    ):
        _assert_clean_failure(run(*args), path, expected)
    json_result = run("list", "articles", "--db", str(path), "--json")
    _assert_clean_failure(json_result, path, expected)
    assert '"exit_code": 3' in json_result.stdout
    # Nothing was written into the file: another program's data and a newer store stay as they were.
    assert path.read_bytes() == before


def test_doctor_names_the_damaged_store(damaged):
    path, expected, before = damaged
    check = cli_doctor.check_store(str(path))
    assert check.status == "fail" and str(path) in check.detail and expected in one_line(check.detail)
    assert cli_doctor.exit_code([check]) == 3
    assert path.read_bytes() == before


def test_python_api_raises_store_error_naming_the_file(damaged):
    path, expected, _before = damaged
    for call in (lambda: api.open_corpus(str(path)), lambda: api.ingest([str(EXAMPLES)], db=str(path))):
        with pytest.raises(api.StoreError) as caught:
            call()
        assert str(path) in str(caught.value) and expected in str(caught.value)
        assert caught.value.exit_code == 3


def test_a_damaged_page_is_found_by_doctor_and_never_a_traceback(tmp_path, good_store):
    path = tmp_path / "bitrot.db"
    shutil.copyfile(good_store, path)
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = random.Random(3).randbytes(page_size)  # the articles table's root
    path.write_bytes(bytes(data))
    check = cli_doctor.check_store(str(path))
    assert check.status == "fail" and str(path) in check.detail, check.detail
    assert "damage" in check.detail or "malformed" in check.detail, check.detail
    result = run("list", "articles", "--db", str(path))
    _assert_clean_failure(result, path, "malformed")


def test_doctor_passes_an_intact_store(good_store, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copyfile(good_store, path)
    check = cli_doctor.check_store(str(path))
    assert check.status == "ok" and "articles" in check.detail, check.detail


# -- a full disk ----------------------------------------------------------------------------------


def _write_articles(folder: Path, count: int, words: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    vocabulary = [f"{rng.choice('bdfgklmnprstvz')}{rng.choice('aeiou')}{n}" for n in range(3000)]
    folder.mkdir(parents=True)
    paths = []
    for i in range(count):
        body = " ".join(rng.choice(vocabulary) for _ in range(words))
        path = folder / f"{seed}-{i:04d}.txt"
        path.write_text(
            f"Report {seed}-{i}\n\nSeoul, June 3 - Officials said on Monday that {body}.\n", "utf-8"
        )
        paths.append(path)
    return paths


@pytest.fixture
def small_disk(tmp_path) -> Iterator[tuple[Path, bool]]:
    """A folder on a 2 MB tmpfs, or a plain folder with SQLite capped at 2 MB where mounting fails."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
        ).returncode
        == 0
    )
    if mounted:
        try:
            yield folder, True
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        return

    def cap(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA max_page_count = 512")  # 512 pages of 4 KB

    event.listen(Pool, "connect", cap)
    try:
        yield folder, False
    finally:
        event.remove(Pool, "connect", cap)


@pytest.mark.slow
def test_disk_full_fails_clearly_and_keeps_every_committed_article(small_disk, tmp_path):
    folder, mounted = small_disk
    db = folder / f"store-{uuid.uuid4().hex[:6]}.db"
    first = _write_articles(tmp_path / "first", 20, 120, seed=1)
    fits = run("ingest", str(first[0].parent), "--db", str(db), "--json")
    assert fits.exit_code == 0, fits.output
    with api.open_corpus(str(db)) as corpus:
        committed = {a.id: a.text for a in corpus.articles()}
    assert len(committed) == 20

    too_big = _write_articles(tmp_path / "second", 400, 400, seed=2)  # ~1 MB of text and its indexes
    result = run("ingest", str(too_big[0].parent), "--db", str(db))
    _assert_clean_failure(result, db, "database or disk is full")
    assert "disk full" in one_line(result.output)

    with api.open_corpus(str(db)) as corpus:  # still opens, on the still-full disk
        assert corpus.count() == 20, "a part of the failed batch was stored"
        assert {a.id: a.text for a in corpus.articles()} == committed
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # Space freed, the same ingest completes into the same store.
    copy = tmp_path / "moved.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    again = run("ingest", str(too_big[0].parent), "--db", str(copy), "--json")
    if not mounted:  # the cap applies to every SQLite connection of this process, the copy included
        assert again.exit_code == 3
        return
    assert again.exit_code == 0, again.output
    with api.open_corpus(str(copy)) as corpus:
        assert corpus.count() == 420
