"""Exports: JSONL, CSV and Parquet written from Articles and read back with independent readers."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta, timezone

import duckdb
import pyarrow.parquet as pq
import pytest

from crosswire.export import FORMATS, export_articles
from crosswire.export.jsonl import read_jsonl, write_articles_jsonl
from crosswire.export.tables import LIST_SEPARATOR, write_articles_csv, write_articles_parquet
from crosswire.model import Article, article_from_record, article_record

KST = timezone(timedelta(hours=9))
CONTRACT = {
    "id",
    "external_id",
    "source_path",
    "url",
    "outlet",
    "title",
    "authors",
    "published",
    "updated",
    "genre",
    "language",
    "text",
    "word_count",
    "duplicate_of",
}


def _articles() -> list[Article]:
    return [
        Article(
            text='Envoys met in Stockholm.\n\nThe talks, "sincere" by one account, ended; no date was set.',
            title="Envoys meet, talks end without a date",
            outlet="The Harbor Courier",
            url="https://courier.example/a1",
            source_path="in/a1.txt",
            authors=["Mara Lind", "Kim Ji-eun"],
            published=datetime(2019, 10, 6, 9, 15, tzinfo=KST),
            updated=datetime(2019, 10, 6, 11, 0, tzinfo=KST),
            genre="news",
            language="en",
            captions=["Delegates arrive, Oct. 5; photo: pool"],
            near_duplicates=["00aa11bb22cc33dd"],
        ),
        Article(text="평양은 아무 말도 하지 않았다.", title=None, source_path="in/b.txt", language="ko"),
        Article(
            text="An editorial with no byline.",
            title="Editorial",
            outlet="Capital Times",
            external_id="rec-7",
            published=datetime(2019, 4, 29, 7, 42, tzinfo=UTC),
            genre="editorial",
            duplicate_of="0123456789abcdef",
            main_event={"who": ["Pyongyang"], "what": "rejected talks"},
        ),
    ]


def test_jsonl_round_trip_keeps_every_contract_field(tmp_path):
    articles = _articles()
    path = tmp_path / "sub" / "articles.jsonl"
    assert write_articles_jsonl(iter(articles), path) == 3
    records = read_jsonl(path)
    assert [r["id"] for r in records] == [a.id for a in articles]
    for record, article in zip(records, articles, strict=True):
        assert CONTRACT <= record.keys()
        assert record == json.loads(json.dumps(article_record(article)))
        assert article_from_record(record).id == article.id
    assert records[0]["published"] == "2019-10-06T09:15:00+09:00"
    assert records[1]["published"] is None and records[1]["authors"] == []
    # Non-ASCII stays readable in the file, not \u-escaped.
    assert "평양은" in path.read_text(encoding="utf-8")
    assert not (tmp_path / "sub" / "articles.jsonl.part").exists()


def test_read_jsonl_names_the_broken_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1}\n{"id": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl: line 2"):
        read_jsonl(path)


def test_csv_one_row_per_article_with_documented_list_encoding(tmp_path):
    articles = _articles()
    path = tmp_path / "articles.csv"
    assert write_articles_csv(articles, path) == 3
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3
    first, second, third = rows
    assert first["id"] == articles[0].id
    assert first["authors"].split(LIST_SEPARATOR) == ["Mara Lind", "Kim Ji-eun"]
    assert json.loads(first["captions"]) == ["Delegates arrive, Oct. 5; photo: pool"]
    assert first["text"] == articles[0].text  # quotes, commas and blank lines survive quoting
    assert first["published"] == "2019-10-06T09:15:00+09:00"
    assert int(first["word_count"]) == articles[0].word_count
    assert second["authors"] == "" and second["outlet"] == "" and second["main_event"] == ""
    assert json.loads(third["main_event"]) == {"who": ["Pyongyang"], "what": "rejected talks"}
    assert third["external_id"] == "rec-7"


def test_parquet_typed_columns_and_tz_aware_timestamps(tmp_path):
    articles = _articles()
    path = tmp_path / "articles.parquet"
    assert write_articles_parquet(articles, path, batch_size=2) == 3  # two record batches
    table = pq.read_table(path)
    schema = table.schema
    assert str(schema.field("published").type) == "timestamp[us, tz=UTC]"
    assert str(schema.field("authors").type) == "list<element: string>"
    assert str(schema.field("word_count").type) == "int32"
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [a.id for a in articles]
    assert rows[0]["published"] == articles[0].published  # same instant, now in UTC
    assert rows[0]["published"].utcoffset() == timedelta(0)
    assert rows[0]["published_local"] == "2019-10-06T09:15:00+09:00"
    assert rows[0]["authors"] == ["Mara Lind", "Kim Ji-eun"]
    assert rows[1]["published"] is None and rows[1]["authors"] == []
    assert json.loads(rows[2]["main_event"])["what"] == "rejected talks"


def test_parquet_is_queryable_with_duckdb(tmp_path):
    path = tmp_path / "articles.parquet"
    write_articles_parquet(_articles(), path)
    got = duckdb.sql(
        f"SELECT outlet, count(*) AS n FROM read_parquet('{path}') WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY outlet"
    ).fetchall()
    assert got == [("Capital Times", 1), ("The Harbor Courier", 1)]


def test_writers_stream_from_a_generator(tmp_path):
    # A generator can only be consumed once: the writers must not materialise or re-read it.
    def many():
        for i in range(2500):
            yield Article(
                text=f"Article number {i} about the talks.", title=f"T{i}", source_path=f"g/{i}.txt"
            )

    for fmt in FORMATS:
        path, count = export_articles(many(), tmp_path / fmt, fmt)
        assert count == 2500
        assert path.name == f"articles.{fmt}"
    assert pq.ParquetFile(tmp_path / "parquet" / "articles.parquet").metadata.num_rows == 2500
    assert len(read_jsonl(tmp_path / "jsonl" / "articles.jsonl")) == 2500


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export_articles([], tmp_path, "xml")


def test_every_articles_jsonl_field_is_documented():
    # External scorers read docs/output-format.md: a field added to the record must be documented there.
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "output-format.md").read_text(encoding="utf-8")
    section = doc.split("## articles.jsonl", 1)[1].split("\n## ", 1)[0]
    documented = {line.split("`")[1] for line in section.splitlines() if line.startswith("| `")}
    assert set(article_record(_articles()[0])) == documented
    for heading in ("## quotes.jsonl", "## actors.jsonl", "## events.jsonl", "## stories.jsonl"):
        assert heading in doc
