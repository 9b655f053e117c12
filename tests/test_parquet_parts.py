"""The partitioned Parquet dataset (`analyze --parquet DIR`): its layout, a round trip against the
store, one file per partition per batch, whole-dataset replacement, and refusing foreign folders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import crosswire
from crosswire.cli import app
from crosswire.export.parquet_parts import (
    MARKER,
    SCHEMAS,
    DatasetError,
    month_of,
    outlet_slug,
    read_marker,
    write_dataset,
)
from crosswire.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = [
    "harbor-courier-stockholm-talks.txt",
    "meridian-stockholm-talks.html",
    "eastern-daily-ledger-editorial.txt",
    "capital-times-cattle-wto.html",
]
PART = re.compile(
    r"^(articles|actors|quotes|events)/month=(\d{4}-\d{2}|unknown)/outlet_slug=[a-z0-9-]+/part-[0-9a-f]{16}\.parquet$"
    r"|^stories/part-[0-9a-f]{16}\.parquet$"
)


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("parquet")
    paths = [EXAMPLES / name for name in FILES]
    # The folder's manifest names the editorial's outlet and date; pass it as the folder would.
    with crosswire.analyze(
        paths, db=str(tmp / "store.db"), parquet=tmp / "pq", manifest=EXAMPLES / "manifest.toml",
        sources=EXAMPLES / "sources.toml",
    ) as corpus:  # fmt: skip
        assert corpus.count() == 4
        assert corpus.outputs["parquet"] == str(tmp / "pq")
    return tmp


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.parquet"))


def _table(folder: Path, table: str) -> list[dict]:
    partitioning = None if table == "stories" else "hive"
    return ds.dataset(folder / table, format="parquet", partitioning=partitioning).to_table().to_pylist()


def test_layout_is_hive_partitioned_by_month_and_outlet(run):
    folder = run / "pq"
    files = _files(folder)
    assert files and all(PART.match(name) for name in files), files
    marker = read_marker(folder)
    assert marker["version"] == 1 and marker["partitioning"]["quotes"] == ["month", "outlet_slug"]
    for table, count in marker["tables"].items():
        assert sum(pq.read_metadata(folder / f).num_rows for f in files if f.startswith(table + "/")) == count
        if count:
            assert pq.read_schema(next(folder.glob(f"{table}/**/*.parquet"))).equals(SCHEMAS[table])
    assert marker["tables"]["articles"] == 4 and marker["tables"]["quotes"] > 0
    for row in _table(folder, "articles"):  # each article sits in its own month and outlet
        assert row["outlet_slug"] == outlet_slug(row["outlet"])
        assert row["month"] == (row["published_local"] or "unknown")[:7]
    assert not list(folder.glob(".staging-*")), "the staging folder is removed"


def test_round_trip_matches_the_store(run):
    folder = run / "pq"
    with open_store(str(run / "store.db")) as store:
        articles = {a.id: a for a in store.iter_articles()}
        analyses = {a.article_id: a for a in store.iter_analyses()}
    rows = {r["id"]: r for r in _table(folder, "articles")}
    assert set(rows) == set(articles)
    for article_id, article in articles.items():
        row = rows[article_id]
        assert (row["outlet"], row["title"], row["text"], row["url"]) == (
            article.outlet,
            article.title,
            article.text,
            article.url,
        )
        assert row["month"] == month_of(article)
        assert json.loads(row["main_event"]) == article.main_event
    quotes = sorted((q["article_id"], q["position"], q["text"], q["start"], q["end"], q["speaker_name"])
                    for q in _table(folder, "quotes"))  # fmt: skip
    expected = sorted((a.article_id, i, q.text, q.start, q.end, q.speaker.name)
                      for a in analyses.values() for i, q in enumerate(a.quotes))  # fmt: skip
    assert quotes == expected
    actors = sorted((r["actor_id"], r["name"], tuple(r["codes"])) for r in _table(folder, "actors"))
    assert actors == sorted((x.actor_id, x.name, tuple(x.codes)) for a in analyses.values() for x in a.actors)
    events = sorted(
        (r["id"], r["article_id"], r["cameo"], len(r["mentions"]), r["date"], r["date_source"],
         r["reported_on"], r["status"], r["negated"])
        for r in _table(folder, "events")
    )  # fmt: skip
    assert events == sorted(
        (e.id, a.article_id, e.cameo, sum(m.article_id == a.article_id for m in e.mentions), e.date,
         e.date_source, e.reported_on, e.status, e.negated)
        for a in analyses.values() for e in a.events
    )  # fmt: skip
    stored = _table(folder, "events")
    assert stored and all(r["reported_on"] for r in stored)  # the stored events keep reported_on
    for quote in _table(folder, "quotes"):  # offsets still point into the article text
        assert rows[quote["article_id"]]["text"][quote["start"] : quote["end"]]


def _canonical(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(r, default=str, sort_keys=True) for r in rows)


def test_each_batch_writes_its_own_files(run, tmp_path):
    with open_store(str(run / "store.db")) as store:
        write_dataset(store, tmp_path / "one", batch_size=1)
        write_dataset(store, tmp_path / "all", batch_size=500)
    one, everything = _files(tmp_path / "one"), _files(tmp_path / "all")
    articles = [f for f in one if f.startswith("articles/")]
    assert len(articles) == 4  # four batches of one article: four files, no two alike
    assert len({Path(f).name for f in articles}) == 4
    for table in ("articles", "quotes", "actors", "events"):
        a, b = _table(tmp_path / "one", table), _table(tmp_path / "all", table)
        assert _canonical(a) == _canonical(b) and a
    # One batch touches each partition once: one file per partition.
    assert len([f for f in everything if f.startswith("articles/")]) == len(
        {str(Path(f).parent) for f in articles}
    )


def test_rewriting_replaces_the_dataset(run, tmp_path):
    target = tmp_path / "pq"
    store_path = tmp_path / "store.db"
    store_path.write_bytes((run / "store.db").read_bytes())
    with open_store(str(store_path)) as store:
        write_dataset(store, target)
        first = _files(target)
        write_dataset(store, target)
        assert _files(target) == first  # the same store gives the same files
        crosswire.api.ingest_into(store, [EXAMPLES / "harbor-courier-cattle-opinion.txt"])
        write_dataset(store, target)
    assert read_marker(target)["tables"]["articles"] == 5
    assert len(_table(target, "articles")) == 5  # no stale parts from the earlier batch layout


def test_a_folder_of_other_files_is_never_overwritten(run, tmp_path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with open_store(str(run / "store.db")) as store, pytest.raises(DatasetError, match="refusing"):
        write_dataset(store, foreign)
    assert (foreign / "notes.txt").read_text() == "keep me" and not (foreign / MARKER).exists()
    # The command refuses before it reads or analyses anything.
    result = CliRunner().invoke(
        app, ["analyze", str(EXAMPLES / FILES[0]), "--db", str(tmp_path / "s.db"), "--parquet", str(foreign)]
    )
    assert result.exit_code == 2 and "refusing" in result.output
    assert not (tmp_path / "s.db").exists()


def test_outlet_slugs():
    assert outlet_slug("The Hankyoreh") == "the-hankyoreh"
    assert outlet_slug("Le Monde / Édition") == "le-monde-dition"
    assert outlet_slug("../../etc") == "etc"  # never a path
    assert outlet_slug(None) == outlet_slug("***") == "unknown"
