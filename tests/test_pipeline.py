"""The whole `analyze` job end to end: ingest -> analysis -> events -> stories -> outputs, on SQLite
and PostgreSQL, in-process and on a Dask LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import crosswire
from conftest import SEEDS
from crosswire.api import analyze
from crosswire.nlp import runtime
from crosswire.store import open_store
from store_support import pg_schema_url

MANIFEST = """path,outlet,url,published
001_65975df8b9dd0a79.txt,The Dong-A Ilbo,,
002_6cec0ba30b4f510f.txt,The Japan Times,,
"""


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_out")
    manifest = out / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    with crosswire.analyze([SEEDS], out=out, manifest=manifest) as corpus:
        assert corpus.count() == 3
    return out


def test_analyze_writes_every_output(seeds_out):
    for name in (
        "articles.jsonl",
        "quotes.jsonl",
        "actors.jsonl",
        "events.jsonl",
        "events.csv",
        "stories.jsonl",
        "report.md",
        "report.html",
    ):
        assert (seeds_out / name).stat().st_size > 0, name
    articles = {a["id"]: a for a in _lines(seeds_out / "articles.jsonl")}
    # The main event (5W1H) rides on each analysed article.
    assert all(isinstance(a["main_event"], dict) for a in articles.values())
    quotes = _lines(seeds_out / "quotes.jsonl")
    assert {q["article_id"] for q in quotes} <= set(articles)
    putin = [q for q in quotes if (q["speaker"]["name"] or "").endswith("Putin") and q["kind"] == "direct"]
    assert any("guaranteed first" in q["text"] for q in putin)
    for quote in quotes:  # offsets point into the article's clean text
        text = articles[quote["article_id"]]["text"]
        assert quote["start"] < quote["end"] <= len(text)


def test_actor_and_event_records(seeds_out):
    actors = _lines(seeds_out / "actors.jsonl")
    kim = [a for a in actors if a["name"] == "Kim Jong-un"]
    assert kim and all("PRKGOV" in a["codes"] for a in kim)
    events = _lines(seeds_out / "events.jsonl")
    summit = [
        e
        for e in events
        if e["cameo"].startswith("04")
        and e["date"] == "2019-04-25"
        and {e["source"]["code"][:3], (e["target"] or {}).get("code", "")[:3]} == {"PRK", "RUS"}
    ]
    assert summit, "the Kim-Putin summit on 2019-04-25 is an event"
    for event in events:
        assert event["mentions"] and event["rule"]


def test_seeds_form_one_story(seeds_out):
    stories = _lines(seeds_out / "stories.jsonl")
    assert len(stories) == 1
    assert set(stories[0]["outlets"]) == {"The Hankyoreh", "The Dong-A Ilbo", "The Japan Times"}


def test_reanalysis_skips_analysed_articles(seeds_out, monkeypatch):
    calls = []
    real = runtime.parse_many

    def counting(texts, **kwargs):
        texts = list(texts)
        calls.append(len(texts))
        return real(texts, **kwargs)

    monkeypatch.setattr(runtime, "parse_many", counting)
    with analyze([SEEDS], db=str(seeds_out / "crosswire.db"), manifest=seeds_out / "manifest.csv") as corpus:
        assert corpus.summary.counts["added"] == 0
    assert sum(calls) == 0, "a second run re-parsed articles that were already analysed"


def test_analyze_on_postgresql(tmp_path):
    article = SEEDS / "001_65975df8b9dd0a79.txt"
    with pg_schema_url() as url:
        with analyze([article], db=url, out=tmp_path) as corpus:
            assert corpus.count() == 1
            stored = corpus.analysis(next(corpus.articles()).id)
            assert stored is not None and stored.quotes and stored.actors
        assert _lines(tmp_path / "stories.jsonl")


def test_dask_local_cluster_matches_in_process(tmp_path):
    from dask.distributed import Client, LocalCluster

    from crosswire.scale import DaskExecutor, analyze_store

    paths = [SEEDS / "000_f0607265b9170836.txt"]
    local = open_store(str(tmp_path / "local.db"))
    remote = open_store(str(tmp_path / "dask.db"))
    crosswire.api.ingest_into(local, paths)
    crosswire.api.ingest_into(remote, paths)
    assert analyze_store(local) == 1
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            assert analyze_store(remote, executor=DaskExecutor(client, "local")) == 1
    article_id = next(local.iter_articles()).id
    a, b = local.get_analysis(article_id), remote.get_analysis(article_id)
    assert [q.text for q in a.quotes] == [q.text for q in b.quotes]
    assert sorted(x.name for x in a.actors) == sorted(x.name for x in b.actors)
    assert sorted(e.cameo for e in a.events) == sorted(e.cameo for e in b.events)
    local.close()
    remote.close()


def test_export_events_as_gdelt_table(seeds_out, tmp_path):
    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from crosswire.cli import app

    db = str(seeds_out / "crosswire.db")
    result = CliRunner().invoke(
        app,
        ["export", "--what", "events", "--format", "parquet", "--db", db, "--out", str(tmp_path), "--json"],
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert len(table) == len(_lines(seeds_out / "events.jsonl")) > 0
    codes = {row["EventRootCode"] for row in table}
    assert "04" in codes  # the summits
    bad = CliRunner().invoke(app, ["export", "--what", "nonsense", "--db", db, "--out", str(tmp_path)])
    assert bad.exit_code == 2


def test_show_prints_the_analysis(seeds_out):
    from typer.testing import CliRunner

    from crosswire.cli import app

    db = str(seeds_out / "crosswire.db")
    dong_a = next(a for a in _lines(seeds_out / "articles.jsonl") if a["outlet"] == "The Dong-A Ilbo")
    result = CliRunner().invoke(app, ["show", dong_a["id"], "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for heading in ("actors (", "quotes (", "events (", "main event:"):
        assert heading in result.output
    assert "Vladimir Putin (RUSGOV)" in result.output
