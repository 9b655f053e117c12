"""events.jsonl records and the GDELT-like event table in CSV and Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from crosswire.export.events import COLUMNS, event_record, write_event_table, write_events_jsonl
from crosswire.model import Event, EventActor, EventMention, Place


def sample() -> list[Event]:
    return [
        Event(
            source=EventActor("Treasury Department", "USAGOV", "a1"),
            target=EventActor("North Korea", "PRK"),
            cameo="163",
            plover="COERCE",
            mode="restrict",
            goldstein=-8.0,
            date="2019-04-19",
            date_precision="day",
            date_source="relative",
            reported_on="2019-04-22",
            mentions=[
                EventMention(
                    "art1", 10, 60, 'The "Treasury" imposed sanctions, on North Korea.', "Japan Times"
                ),
                EventMention("art2", 900, 950, "Sanctions were imposed.", "Yonhap"),
            ],
            rule="sanction.impose",
            confidence=0.7,
        ),
        Event(
            source=EventActor("Kim Jong-un", "PRKGOV"),
            target=None,
            cameo="010",
            status="planned",
            negated=True,
            reported_on="2019-04-29",
            place=Place("Hanoi", country="VNM", lat=21.0, lon=105.8),
            mentions=[EventMention("art1", 0, 20, "Kim said it.", None)],
            claim_by="KCNA",
            rule="statement.say",
        ),
    ]


def test_event_record_shape() -> None:
    rec = event_record(sample()[0])
    assert rec["id"] == sample()[0].id and rec["article_ids"] == ["art1", "art2"]
    assert rec["source"]["code"] == "USAGOV" and rec["target"]["name"] == "North Korea"
    assert rec["mentions"][0] == {
        "article_id": "art1", "start": 10, "end": 60, "outlet": "Japan Times",
        "sentence": 'The "Treasury" imposed sanctions, on North Korea.',
        "status": "happened", "negated": False, "date": None, "date_end": None, "date_source": "none",
    }  # fmt: skip
    assert (rec["date"], rec["date_source"], rec["reported_on"]) == ("2019-04-19", "relative", "2019-04-22")
    rec2 = event_record(sample()[1])
    assert rec2["target"] is None and rec2["place"] == {
        "name": "Hanoi",
        "country": "VNM",
        "lat": 21.0,
        "lon": 105.8,
    }
    assert rec2["claim_by"] == "KCNA"
    # Undated: the publication day is reported_on, never the date.
    assert (rec2["date"], rec2["date_source"], rec2["reported_on"]) == (None, "none", "2019-04-29")
    assert (rec2["status"], rec2["negated"]) == ("planned", True)


def test_jsonl_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert write_events_jsonl(sample(), path) == 2
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["cameo"] for line in lines] == ["163", "010"]
    assert not (tmp_path / "events.jsonl.part").exists()


def test_csv_table(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_event_table(sample(), path, "csv", urls={"art1": "https://example.org/a"})
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    first, second = rows
    assert first["SQLDATE"] == "20190419" and first["EventRootCode"] == "16" and first["QuadClass"] == "4"
    assert first["Actor1CountryCode"] == "USA" and first["Actor1Type1Code"] == "GOV"
    assert first["NumMentions"] == "2" and first["NumSources"] == "2" and first["NumArticles"] == "2"
    assert first["SOURCEURL"] == "https://example.org/a"
    assert first["Actor2Name"] == "North Korea" and first["EventBaseCode"] == "163"
    assert (
        second["QuadClass"] == "1" and second["Actor2Code"] == "" and second["ActionGeo_CountryCode"] == "VNM"
    )
    assert second["claim_by"] == "KCNA"
    assert (first["date_source"], first["reported_on"], first["status"], first["negated"]) == (
        "relative", "2019-04-22", "happened", "0",
    )  # fmt: skip
    assert (second["SQLDATE"], second["date_source"], second["reported_on"]) == ("", "none", "2019-04-29")
    assert (second["status"], second["negated"]) == ("planned", "1")


def test_parquet_table(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_event_table(sample(), path, format="parquet") == 2
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert table.column("SQLDATE").to_pylist() == [20190419, None]
    assert table.column("reported_on").to_pylist() == ["2019-04-22", "2019-04-29"]
    assert table.column("status").to_pylist() == ["happened", "planned"]
    assert table.column("GoldsteinScale").to_pylist()[0] == -8.0


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="events.xlsx.*unknown event table format"):
        write_event_table(sample(), tmp_path / "events.xlsx", format="xlsx")
