"""Incremental `analyze`: a re-run on an unchanged corpus decodes no file, parses nothing with spaCy,
embeds nothing and rewrites no output; a new file costs only that file; anything that could make the
stored articles differ (new bytes, another manifest, a deleted article, an edited output) is redone.
The main re-run test runs on SQLite and PostgreSQL (a fresh schema per test)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import crosswire.ingest as ingest_module
from crosswire.api import analyze
from crosswire.nlp import runtime
from crosswire.store import open_store
from crosswire.store.browse import delete_article
from crosswire.store.core import SqlStore as Store
from crosswire.store.file_cache import generation
from crosswire.stories.embed import Embedder
from store_support import backend_url

TEXT = """{title}

{city}, May {day} - The council of {city} voted on Tuesday to add {n} evening ferry crossings to the
river timetable from next month, after commuters complained that the last boat left before most shifts
ended. "We heard the night-shift workers," the mayor, Ana Ribeiro, told reporters. The transport
committee said the extra crossings would cost about {n}.2 million reais a year, paid from the municipal
fuel levy. Ferry operators welcomed the decision but warned that two of their vessels need repairs.
"""
OUTPUT_NAMES = ("articles.jsonl", "quotes.jsonl", "events.jsonl", "stories.jsonl", "report.md")


@pytest.fixture
def counters(monkeypatch) -> dict[str, int]:
    """How many files were decoded, texts parsed by spaCy and texts embedded, since the last clear."""
    counts = {"decoded": 0, "parsed": 0, "embedded": 0}
    read_file, parse_many, embed = ingest_module.read_file, runtime.parse_many, Embedder.embed

    def counting_read(path, options):
        counts["decoded"] += 1
        return read_file(path, options)

    def counting_parse(texts, *args, **kwargs):
        texts = list(texts)
        counts["parsed"] += len(texts)
        return parse_many(texts, *args, **kwargs)

    def counting_embed(self, texts, batch_size=32):
        counts["embedded"] += len(texts)
        return embed(self, texts, batch_size=batch_size)

    monkeypatch.setattr(ingest_module, "read_file", counting_read)
    monkeypatch.setattr(runtime, "parse_many", counting_parse)
    monkeypatch.setattr(Embedder, "embed", counting_embed)
    return counts


def write_article(folder: Path, i: int, city: str = "Porto Velho") -> Path:
    path = folder / f"ferry_{i:02d}.txt"
    text = TEXT.format(title=f"{city} adds ferry crossing number {i}", city=city, day=i + 1, n=i + 2)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, city in enumerate(["Porto Velho", "Manaus", "Belem"]):
        write_article(folder, i, city)
    return folder


def stamps(out: Path) -> dict[str, int]:
    return {name: (out / name).stat().st_mtime_ns for name in OUTPUT_NAMES}


def run(folder: Path, db: str, out: Path, **kwargs) -> dict[str, int]:
    with analyze([folder], db=db, out=out, **kwargs) as corpus:
        assert corpus.summary is not None
        return dict(corpus.summary.counts)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    yield from backend_url(request.param, tmp_path)


def test_an_unchanged_rerun_decodes_parses_embeds_and_writes_nothing(db_url, tmp_path, corpus_dir, counters):
    db, out = db_url, tmp_path / "out"
    first = run(corpus_dir, db, out)
    assert first["added"] == 3 and first["cached_files"] == 0
    assert counters["decoded"] == 3 and counters["embedded"] == 3 and counters["parsed"] >= 3
    first_parsed = counters["parsed"]
    before = stamps(out)
    articles_before = (out / "articles.jsonl").read_bytes()

    counters.update(decoded=0, parsed=0, embedded=0)
    with open_store(db) as store:
        generation_before = generation(store)
    again = run(corpus_dir, db, out)
    assert counters == {"decoded": 0, "parsed": 0, "embedded": 0}
    assert again["cached_files"] == 3 and again["unchanged"] == 3 and again["read"] == 3
    assert again["added"] == again["updated"] == 0
    assert stamps(out) == before  # no output rewritten
    assert (out / "articles.jsonl").read_bytes() == articles_before
    with open_store(db) as store:
        assert generation(store) == generation_before  # the run record alone changes no data

    # One new file: only it is decoded, parsed and embedded, and the outputs now include it.
    counters.update(decoded=0, parsed=0, embedded=0)
    write_article(corpus_dir, 7, "Santarem")
    grown = run(corpus_dir, db, out)
    assert counters["decoded"] == 1 and counters["embedded"] == 1
    assert 0 < counters["parsed"] < first_parsed  # the new article's texts only
    assert grown["added"] == 1 and grown["cached_files"] == 3
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and any("Santarem" in json.loads(line)["title"] for line in lines)
    assert stamps(out)["articles.jsonl"] != before["articles.jsonl"]


def test_touched_files_are_hashed_not_decoded_and_edited_files_are_read(tmp_path, corpus_dir, counters):
    db, out = str(tmp_path / "c.db"), tmp_path / "out"
    run(corpus_dir, db, out)
    first = sorted(corpus_dir.glob("*.txt"))[0]
    info = first.stat()
    os.utime(first, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))  # same bytes, new time
    counters.update(decoded=0, parsed=0, embedded=0)
    assert run(corpus_dir, db, out)["cached_files"] == 3
    assert counters["decoded"] == 0

    # New bytes of the same size: the hash differs, so the file is read and the article updated.
    original = first.read_text(encoding="utf-8")
    edited = original.replace("Tuesday", "Thursda")
    assert len(edited.encode()) == len(original.encode())
    first.write_text(edited, encoding="utf-8")
    os.utime(first, ns=(info.st_atime_ns, info.st_mtime_ns + 9_000_000_000))
    counts = run(corpus_dir, db, out)
    assert counters["decoded"] == 1 and counts["cached_files"] == 2
    assert counts["added"] + counts["updated"] == 1
    assert "Thursda" in (out / "articles.jsonl").read_text(encoding="utf-8")


def test_another_manifest_reads_every_file_again(tmp_path, corpus_dir, counters):
    db, out = str(tmp_path / "c.db"), tmp_path / "out"
    run(corpus_dir, db, out)
    manifest = tmp_path / "manifest.csv"
    names = sorted(p.name for p in corpus_dir.glob("*.txt"))
    manifest.write_text("path,outlet\n" + "".join(f"corpus/{n},The Ferry Gazette\n" for n in names), "utf-8")
    counters.update(decoded=0, parsed=0, embedded=0)
    counts = run(corpus_dir, db, out, manifest=manifest)
    assert counters["decoded"] == 3 and counts["cached_files"] == 0
    rows = [json.loads(x) for x in (out / "articles.jsonl").read_text("utf-8").splitlines()]
    # The outlet is part of an article's identity, so the re-read articles are stored beside the
    # earlier ones (as exact duplicates of them), and the rewritten outputs show both.
    assert sum(r["outlet"] == "The Ferry Gazette" for r in rows) == 3 and counts["added"] == 3


def test_files_with_errors_are_never_cached(tmp_path, corpus_dir, counters):
    db, out = str(tmp_path / "c.db"), tmp_path / "out"
    (corpus_dir / "blank.txt").write_text("   \n", encoding="utf-8")
    assert run(corpus_dir, db, out)["errors"] == 1
    counters.update(decoded=0, parsed=0, embedded=0)
    again = run(corpus_dir, db, out)
    assert again["errors"] == 1 and again["cached_files"] == 3
    assert counters["decoded"] == 1  # the empty file is read (and reported) every time


def test_a_deleted_article_comes_back_on_the_next_run(tmp_path, corpus_dir, counters):
    db, out = str(tmp_path / "c.db"), tmp_path / "out"
    run(corpus_dir, db, out)
    with open_store(db) as store:
        victim = next(store.iter_articles())
        assert delete_article(store, victim.id)
        assert store.count_articles() == 2
    counters.update(decoded=0, parsed=0, embedded=0)
    counts = run(corpus_dir, db, out)
    assert counts["added"] == 1 and counts["cached_files"] == 0
    with open_store(db) as store:
        assert store.count_articles() == 3 and store.get_article(victim.id) is not None
    assert len((out / "articles.jsonl").read_text("utf-8").splitlines()) == 3


def test_an_edited_or_missing_output_is_written_again(tmp_path, corpus_dir):
    db, out = str(tmp_path / "c.db"), tmp_path / "out"
    run(corpus_dir, db, out)
    good = (out / "articles.jsonl").read_bytes()
    (out / "articles.jsonl").write_text("scribbled over\n", encoding="utf-8")
    (out / "stories.jsonl").unlink()
    run(corpus_dir, db, out)
    assert (out / "articles.jsonl").read_bytes() == good
    assert (out / "stories.jsonl").is_file()


def test_the_nlp_step_finds_unanalysed_articles_in_sql(tmp_path, corpus_dir, monkeypatch):
    db = str(tmp_path / "c.db")

    def no_id_sets(self):
        raise AssertionError("analyze must not load every analysed id into memory")

    monkeypatch.setattr(Store, "analysed_ids", no_id_sets)
    from crosswire.api import ingest

    ingest([corpus_dir], db=db)
    with open_store(db) as store:
        assert store.count_unanalysed() == 3
        assert sorted(a.id for a in store.iter_unanalysed()) == sorted(a.id for a in store.iter_articles())
    write_article(corpus_dir, 9, "Macapa")
    with analyze([corpus_dir], db=db) as corpus:
        assert corpus.store.count_unanalysed() == 0
        assert list(corpus.store.iter_unanalysed()) == []
        assert corpus.count() == 4
