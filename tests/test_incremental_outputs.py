"""Adding articles to an analysed corpus rewrites the outputs exactly as a full run on the grown corpus
would write them, while copying what did not change: quotes/actors lines of articles analysed before
(export/analysis.py), events merged from one query (export/bulk.py), and the report built from the
stories' stored facts (report/stored.py) rather than aligning every story again."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from crosswire.api import analyze
from crosswire.export.analysis import SPLICE_INDEX, write_analysis_jsonl, write_analysis_jsonl_spliced
from crosswire.store import open_store
from crosswire.stories import align_quotes

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
from generate import generate_articles, jsonl_record  # noqa: E402

N, EXTRA, STORIES = 14, 3, 3
OUTPUTS = (
    "articles.jsonl",
    "quotes.jsonl",
    "actors.jsonl",
    "events.jsonl",
    "events.csv",
    "stories.jsonl",
    "report.md",
    "report.html",
)


def write_articles(folder: Path, start: int, stop: int, n_stories: int) -> None:
    """Articles start..stop-1, one JSONL file each, with their outlets (so stories have facts that
    one outlet reports and omissions, which the report shows)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, article in enumerate(generate_articles(stop, 0, n_stories=n_stories)):
        if i >= start:
            record = json.dumps(jsonl_record(article), ensure_ascii=False)
            (folder / f"{i:04d}.jsonl").write_text(record + "\n", encoding="utf-8")


def run(folder: Path, db: Path, out: Path) -> None:
    with analyze([folder], db=f"sqlite:///{db}", out=out):
        pass


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    """A full run on N+EXTRA articles, and a run on N followed by one after adding EXTRA."""
    root = tmp_path_factory.mktemp("grown")
    corpus, full, grown = root / "corpus", root / "full", root / "grown"
    full.mkdir()
    grown.mkdir()
    # One folder for both, so the articles' source paths agree.
    write_articles(corpus, 0, N, STORIES)
    run(corpus, grown / "store.db", grown / "out")
    write_articles(corpus, N, N + EXTRA, STORIES)
    run(corpus, grown / "store.db", grown / "out")
    run(corpus, full / "store.db", full / "out")
    return {"full": full, "grown": grown, "corpus": corpus}


@pytest.mark.parametrize("name", OUTPUTS)
def test_outputs_after_adding_articles_equal_a_full_run(runs, name):
    full = (runs["full"] / "out" / name).read_bytes()
    grown = (runs["grown"] / "out" / name).read_bytes()
    assert full, f"{name} is empty: the corpus should give every output something"
    assert grown == full, f"{name} differs between the full run and the run after adding articles"


def test_the_report_shows_compared_facts(runs):
    report = (runs["full"] / "out" / "report.md").read_text(encoding="utf-8")
    single = report.split("**Single-source and unconfirmed facts**", 1)[1].split("**Omissions**", 1)[0]
    assert single.count("report.html#a-") >= 5, "no single-source fact cited: the comparison is vacuous"
    assert report.count("**Omissions**\n\n- ") >= 2  # facts two outlets report and another leaves out


def test_the_grown_run_aligns_only_the_stories_that_changed(runs, tmp_path, monkeypatch):
    """Once more with one new article: quotes are aligned only inside the stories step, for the one
    story that gained it, never again by the report."""
    calls: list[int] = []
    original = align_quotes.align_quotes

    def counting(articles, analyses):
        calls.append(len(articles))
        return original(articles, analyses)

    import crosswire.stories.compare as compare_module

    monkeypatch.setattr(compare_module, "align_quotes", counting)
    grown = runs["grown"]
    write_articles(runs["corpus"], N + EXTRA, N + EXTRA + 1, STORIES)
    run(runs["corpus"], grown / "store.db", grown / "out")
    with open_store(f"sqlite:///{grown / 'store.db'}") as store:
        stories = store.list_stories()
    assert len(calls) <= 1 < len(stories)


def test_spliced_quote_and_actor_lines_follow_every_store_change(runs, tmp_path):
    """Re-analysed, deleted and new articles, and an edited output file, against the plain writer."""
    db = f"sqlite:///{runs['full'] / 'store.db'}"
    spliced, plain = tmp_path / "spliced", tmp_path / "plain"
    plain.mkdir()

    def same() -> bool:
        write_analysis_jsonl_spliced(store, spliced)
        write_analysis_jsonl(store.iter_analyses(), plain)
        return all(
            (spliced / n).read_bytes() == (plain / n).read_bytes() for n in ("quotes.jsonl", "actors.jsonl")
        )

    with open_store(db) as store:
        assert same()
        index = json.loads((spliced / SPLICE_INDEX).read_text(encoding="utf-8"))
        assert len(index["articles"]) == store.count_articles()
        # A copied article's lines come from the old file: prove it by planting a marker there.
        first_quotes = next(row for row in index["articles"] if row[3] > 0)
        quotes_path = spliced / "quotes.jsonl"
        data = bytearray(quotes_path.read_bytes())
        offset, length = first_quotes[2], first_quotes[3]
        data[offset : offset + length] = data[offset : offset + length].replace(b'"text"', b'"TEXT"', 1)
        quotes_path.write_bytes(bytes(data))
        assert same()  # the edit changed the file's size or time: everything was written afresh
        assert b'"TEXT"' not in quotes_path.read_bytes()
        # The same edit with the index told the file is unchanged: the planted bytes are copied...
        quotes_path.write_bytes(bytes(data))
        index = json.loads((spliced / SPLICE_INDEX).read_text(encoding="utf-8"))
        stat = quotes_path.stat()
        index["files"]["quotes"] = [stat.st_size, stat.st_mtime_ns]
        (spliced / SPLICE_INDEX).write_text(json.dumps(index), encoding="utf-8")
        write_analysis_jsonl_spliced(store, spliced)
        assert b'"TEXT"' in quotes_path.read_bytes()
        # ...but not by another crosswire version, whose record shapes may differ.
        index = json.loads((spliced / SPLICE_INDEX).read_text(encoding="utf-8"))
        index["key"][0] = "0.0.0-other"
        (spliced / SPLICE_INDEX).write_text(json.dumps(index), encoding="utf-8")
        assert same() and b'"TEXT"' not in quotes_path.read_bytes()
        # Analysed again (a new analysis time): that article's lines are rebuilt, the rest copied.
        aid = first_quotes[0]
        analysis = store.get_analysis(aid)
        assert analysis is not None and analysis.quotes
        analysis.quotes = analysis.quotes[:1]
        store.save_analyses([analysis])
        assert same()
        from crosswire.store.browse import delete_article

        delete_article(store, index["articles"][-1][0])
        assert same()


def test_bulk_reads_equal_the_stores_own(runs):
    """store/bulk.py's streamed, one-pass reads give the very records the Store's per-article readers give."""
    with open_store(f"sqlite:///{runs['full'] / 'store.db'}") as store:
        expected = list(store.iter_analyses())
        assert len(expected) > N and any(a.quotes and a.events and a.places for a in expected)
        assert list(store.iter_all_analyses()) == expected
        some = {a.article_id for a in expected[::3]}
        assert list(store.iter_all_analyses(some)) == [a for a in expected if a.article_id in some]
        slim = list(store.iter_all_analyses(parts=("quotes",)))
        assert [a.quotes for a in slim] == [a.quotes for a in expected] and not any(a.actors for a in slim)
        assert list(store.analysed_events()) == [e for a in expected for e in a.events]
        assert store.stored_stories() == store.list_stories()
        with pytest.raises(ValueError, match="unknown parts"):
            list(store.iter_all_analyses(parts=("nope",)))


def test_bulk_reads_work_on_a_single_connection_store(runs, tmp_path):
    """An in-memory SQLite store has one connection: every table is streamed on it at once."""
    from crosswire.report.render import write_report

    with open_store(f"sqlite:///{runs['full'] / 'store.db'}") as source:
        articles = list(source.iter_articles())
        analyses = list(source.iter_analyses())
    with open_store(":memory:") as memory:
        memory.save_articles(articles)
        memory.save_analyses(analyses)
        assert list(memory.iter_all_analyses()) == analyses
        written = write_report(memory, tmp_path)
    assert "Stories" in Path(written["report_md"]).read_text(encoding="utf-8")
