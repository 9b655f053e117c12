"""The bad-input catalogue (issue #8, section 3): each hostile or broken input gets a clear per-file
refusal or is read safely, in bounded time and memory, and never costs the store what it already holds.

Generated here, in tmp_path: nothing is downloaded and no large file is kept (the 200 MB file is sparse).
"""

from __future__ import annotations

import gzip
import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from crosswire import api
from crosswire.ingest import MAX_ANALYSABLE_CHARS, IngestOptions, read_file
from crosswire.ingest.warc import BOMB_RATIO
from crosswire.model import Article, Problem
from crosswire.store import open_store
from ingest_samples import PARAGRAPHS, html_page, rss_feed, warc_archive

SECRET = "CROSSWIRE-SECRET-8c41f"


@pytest.fixture(scope="module")
def options() -> IngestOptions:
    return IngestOptions()


def read(path: Path, options: IngestOptions) -> list[Article | Problem]:
    items = list(read_file(path, options))
    for item in items:
        if isinstance(item, Problem):
            assert item.path == str(path) and item.message.strip() and str(path) in str(item)
    return items


def only_problem(path: Path, options: IngestOptions) -> Problem:
    items = read(path, options)
    assert len(items) == 1 and isinstance(items[0], Problem), items
    return items[0]


def all_text(items: list[Article | Problem]) -> str:
    return " ".join(i.text + " " + (i.title or "") if isinstance(i, Article) else i.message for i in items)


def measured(run) -> tuple[object, float, int]:
    """(result, seconds, peak bytes allocated by Python while it ran)."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = run()
    finally:
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, seconds, peak


# --------------------------------------------------------------------------- empty, huge, binary


@pytest.mark.parametrize("name", ["a.txt", "b.html", "c.xml", "d.warc.gz", "e.jsonl", "no-extension"])
def test_zero_byte_file_of_every_kind(tmp_path: Path, options: IngestOptions, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    problem = only_problem(path, options)
    assert problem.severity == "error" and problem.message == "empty file; nothing to read"


def _sparse(path: Path, head: bytes, size: int) -> Path:
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)  # a hole: 200 MB on paper, a few KB on disk
    return path


# Sparse files read as NULs past what was written: the text must outlast the 64 KB format detection reads.
LONG_BODY = ("\n\n".join(PARAGRAPHS * 200)).encode()


@pytest.mark.parametrize(
    "name,head",
    [
        (
            "big.html",
            html_page().replace("</body>", "<p>" + "</p><p>".join(PARAGRAPHS * 200) + "</p></body>").encode(),
        ),
        ("big.txt", b"Kim arrives\n\n" + LONG_BODY),
    ],
)
def test_200_mb_file_is_refused_by_size_without_being_read(
    tmp_path: Path, options: IngestOptions, name: str, head: bytes
) -> None:
    path = _sparse(tmp_path / name, head, 200 * 1024 * 1024)
    items, seconds, peak = measured(lambda: read(path, options))
    [problem] = items
    assert isinstance(problem, Problem) and problem.severity == "error"
    assert "209,715,200 bytes" in problem.message and "over the limit of 20,000,000" in problem.message
    assert seconds < 5 and peak < 4 * 1024 * 1024, (seconds, peak)  # the file was never held in memory


def test_200_mb_record_in_a_streamed_file_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    """JSONL and WARC are streamed: one 200 MB record is skipped, the records around it are kept."""
    lines = [(json.dumps({"id": f"ok{i}", "text": " ".join(PARAGRAPHS)}) + "\n").encode() for i in range(200)]
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:  # 200 good lines (past the 64 KB detection window), then 200 MB
        handle.write(b"".join(lines) + b'{"id": "huge", "text": "')
        handle.seek(200 * 1024 * 1024, os.SEEK_CUR)
        handle.write(b'"}\n' + b'{"id": "last", "text": "' + PARAGRAPHS[0].encode() + b'"}\n')
    small = IngestOptions(max_bytes=1_000_000)
    items, seconds, peak = measured(lambda: read(path, small))
    ids = [i.external_id for i in items if isinstance(i, Article)]
    assert len(ids) == 201 and ids[-1] == "last"
    [problem] = [i for i in items if isinstance(i, Problem)]
    assert problem.message.startswith("line 201: ") and "over the limit of 1,000,000" in problem.message
    assert seconds < 30 and peak < 8 * 1024 * 1024, (seconds, peak)


def test_article_over_the_parser_limit_is_stored_but_not_analysed(
    tmp_path: Path, options: IngestOptions
) -> None:
    """Over spaCy's 1,000,000 characters the parse would fail (and stop every resumed analysis run there)."""
    path = tmp_path / "long.jsonl"
    text = "\n\n".join(PARAGRAPHS * 1500)
    assert len(text) > MAX_ANALYSABLE_CHARS
    path.write_text(
        json.dumps({"id": "long", "text": text}) + "\n" + json.dumps({"id": "short", "text": text[:5000]})
    )
    long, short = read(path, options)
    assert isinstance(long, Article) and long.text == text and not long.analysable
    assert long.warnings == [
        f"article text of {len(text):,} characters is over the parser's limit of 1,000,000: stored and flagged, not analysed"
    ]
    assert isinstance(short, Article) and short.analysable and short.warnings == []


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
        bytes(range(256)) * 40,
        os.urandom(0) + bytes((i * 7919) % 256 for i in range(20_000)),
        gzip.compress(html_page().encode()),  # compressed input other than WARC is not read
    ],
    ids=["elf", "all-bytes", "pseudo-random", "gzip-html"],
)
def test_binary_files_are_refused(tmp_path: Path, options: IngestOptions, data: bytes) -> None:
    path = tmp_path / "article.html"
    path.write_bytes(data)
    problem = only_problem(path, options)
    assert problem.severity == "error" and "binary file" in problem.message


# --------------------------------------------------------------------------- encodings


def _text_dump() -> str:
    return "Kim arrives in Vladivostok\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("kind", ["txt", "html"])
def test_utf16_with_and_without_byte_order_mark(
    tmp_path: Path, options: IngestOptions, encoding: str, kind: str
) -> None:
    content = _text_dump() if kind == "txt" else html_page().replace('<meta charset="utf-8">', "")
    path = tmp_path / f"utf16.{kind}"
    path.write_bytes(content.encode(encoding))  # "utf-16" writes a BOM, the -le/-be forms do not
    [article] = read(path, options)
    assert isinstance(article, Article), article
    assert PARAGRAPHS[0] in article.text and "\x00" not in article.text
    assert article.language == "en" and article.analysable
    if encoding == "utf-16":
        assert article.warnings == []
    else:  # no BOM: detected, and said so
        assert article.warnings == [f"not UTF-8: decoded as {encoding} (detected)"]


def test_mixed_encodings_in_one_file(tmp_path: Path, options: IngestOptions) -> None:
    """A UTF-8 file with a paragraph pasted in from a cp1252 file: both parts come out right."""
    utf8_part = (
        "Kim arrives in Vladivostok\n\n" + PARAGRAPHS[0] + "\n\n"
        "Caf\u00e9 owners in Seoul \u2014 \u201cwary\u201d of the talks \u2014 watched the news.\n\n"
    )
    cp1252_part = "The minister\u2019s plan was rejected, officials said on Friday in Seoul.\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8_part.encode("utf-8") + cp1252_part.encode("cp1252"))
    [article] = read(path, options)
    assert isinstance(article, Article)
    assert "Caf\u00e9 owners in Seoul \u2014 \u201cwary\u201d" in article.text
    assert "The minister\u2019s plan was rejected" in article.text
    assert article.warnings == ["mixed encodings: UTF-8 with 1 byte(s) read as cp1252"]


def test_mostly_legacy_file_is_still_decoded_as_its_legacy_encoding(
    tmp_path: Path, options: IngestOptions
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(_text_dump().replace("Officials", "Caf\u00e9 officials").encode("cp1252"))
    [article] = read(path, options)
    assert "Caf\u00e9 officials in Seoul" in article.text
    assert any(w.startswith("not UTF-8: decoded as cp125") for w in article.warnings)


# --------------------------------------------------------------------------- deeply nested HTML


def _nested(depth: int, inner: str) -> str:
    return (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + inner
        + "</div>" * depth
        + "</body></html>"
    )


def test_100k_nested_divs_are_refused_clearly_in_bounded_time(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "deep.html"
    path.write_text(_nested(100_000, "".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    problem, seconds, _ = measured(lambda: only_problem(path, options))
    assert problem.severity == "error" and "nests elements more than 255 deep" in problem.message
    assert seconds < 60, seconds  # no RecursionError, no runaway


def test_nesting_within_the_parser_limit_is_read(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "nested.html"
    path.write_text(_nested(200, "".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    [article] = read(path, options)
    assert isinstance(article, Article) and PARAGRAPHS[1] in article.text


def test_deeply_nested_feed_content_and_warc_page(tmp_path: Path, options: IngestOptions) -> None:
    deep = "<div>" * 50_000 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * 50_000
    feed = tmp_path / "deep.xml"
    feed.write_text(
        rss_feed().replace("</item>", f"<content:encoded><![CDATA[{deep}]]></content:encoded></item>", 1)
    )
    items = read(feed, options)  # the entry is read (from its summary if the content is too deep), no crash
    assert [type(i) for i in items].count(Article) == 2
    archive = tmp_path / "deep.warc"
    archive.write_bytes(_warc([("page", _nested(100_000, "<p>" + PARAGRAPHS[0] + "</p>"))]))
    [problem] = read(archive, options)
    assert isinstance(problem, Problem) and "nests elements more than 255 deep" in problem.message


# --------------------------------------------------------------------------- XML entities


def _billion_laughs(levels: int = 10) -> str:
    lines = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return "<!DOCTYPE rss [\n" + "\n".join(lines) + "\n]>\n"


def _feed_with_doctype(doctype: str, reference: str) -> str:
    body = rss_feed().split("?>", 1)[1]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + doctype
        + body.replace("<description>", f"<description>{reference} ", 1)
    )


@pytest.fixture()
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.mark.parametrize("attack", ["billion-laughs", "external-file", "external-parameter", "utf-16"])
def test_feeds_declaring_entities_are_refused(
    tmp_path: Path, options: IngestOptions, secret_file: Path, attack: str
) -> None:
    doctype = {
        "billion-laughs": _billion_laughs(),
        "external-file": f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret_file}">]>\n',
        "external-parameter": f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "file://{secret_file}"> %p;]>\n',
        "utf-16": _billion_laughs(),
    }[attack]
    reference = "&xxe;" if attack == "external-file" else "&lol9;"
    content = _feed_with_doctype(doctype, reference)
    path = tmp_path / "feed.xml"
    path.write_bytes(content.encode("utf-16") if attack == "utf-16" else content.encode())
    problem, seconds, peak = measured(lambda: only_problem(path, options))
    assert problem.severity == "error"
    assert "cannot read as feed: feed declares XML entities" in problem.message
    assert SECRET not in problem.message
    assert seconds < 5 and peak < 16 * 1024 * 1024, (seconds, peak)


def test_feed_quoting_an_entity_declaration_in_its_text_is_still_read(
    tmp_path: Path, options: IngestOptions
) -> None:
    quoted = "<![CDATA[<p>The parser bug involved a line like <!ENTITY x 'y'> in a document type.</p>]]>"
    path = tmp_path / "feed.xml"
    path.write_text(rss_feed().replace("<description>", f"<description>{quoted} ", 1))
    assert [type(i) for i in read(path, options)].count(Article) == 2


def _warc(records: list[tuple[str, str]], content_type: str = "text/html") -> bytes:
    out = b""
    for i, (name, body) in enumerate(records):
        payload = (
            f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}; charset=utf-8\r\n\r\n".encode() + body.encode()
        )
        header = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{name}-{i:04d}>\r\n"
            f"WARC-Target-URI: https://example.org/{name}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        ).encode()
        out += header + payload + b"\r\n\r\n"
    return out


def test_warc_html_with_entity_declarations_is_neutralised(
    tmp_path: Path, options: IngestOptions, secret_file: Path
) -> None:
    """HTML parsers never expand DOCTYPE entities: the page is read, the attack stays inert text."""
    page = (
        html_page()
        .replace(
            "<!DOCTYPE html>",
            f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret_file}">' + _billion_laughs()[15:-3] + "]>",
        )
        .replace("<p>", "<p>&xxe; &lol9; ", 1)
    )
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(_warc([("page", page)]))
    items, seconds, peak = measured(lambda: read(archive, options))
    assert SECRET not in all_text(items) and "lollollol" not in all_text(items)
    assert seconds < 30 and peak < 64 * 1024 * 1024


def test_warc_holding_a_feed_does_not_parse_it(
    tmp_path: Path, options: IngestOptions, secret_file: Path
) -> None:
    feed = _feed_with_doctype(f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret_file}">]>\n', "&xxe;")
    archive = tmp_path / "feeds.warc"
    archive.write_bytes(_warc([("feed", feed)], content_type="application/rss+xml"))
    [problem] = read(archive, options)
    assert problem.severity == "warning" and "1 record(s) but no HTML response" in problem.message


# --------------------------------------------------------------------------- compression bombs


def _gzip_bomb(zeros: int, prefix: bytes = b"") -> bytes:
    """A .warc.gz whose one record claims `zeros` bytes of NULs: megabytes that inflate to gigabytes."""
    header = (
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
        f"Content-Type: text/plain\r\nContent-Length: {zeros}\r\n\r\n"
    ).encode()
    # Concatenated gzip members inflate as one stream, so one compressed block of NULs can be repeated.
    block = 1 << 22
    member = gzip.compress(bytes(block), compresslevel=9)
    return prefix + gzip.compress(header) + member * (zeros // block) + gzip.compress(b"\r\n\r\n")


def test_gzip_warc_bomb_is_refused_quickly(tmp_path: Path, options: IngestOptions) -> None:
    good = gzip.compress(warc_archive())  # a real compressed archive first: its articles are kept
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(_gzip_bomb(1 << 30, prefix=good))  # 1 GiB of NULs in about 1 MB
    items, seconds, peak = measured(lambda: read(path, options))
    assert [type(i) for i in items] == [Article, Article, Problem]
    problem = items[-1]
    assert problem.severity == "error" and "compression bomb" in problem.message
    assert f"more than {BOMB_RATIO} times" in problem.message
    assert seconds < 10 and peak < 64 * 1024 * 1024, (seconds, peak)


def test_ordinary_compressed_warc_is_read_whole(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "crawl.warc.gz"
    # One gzip member per record, as crawlers write them.
    records = warc_archive().split(b"WARC/1.0\r\n")[1:]
    path.write_bytes(b"".join(gzip.compress(b"WARC/1.0\r\n" + r) for r in records))
    items = read(path, options)
    assert [type(i) for i in items] == [Article, Article]


# --------------------------------------------------------------------------- nothing stored is lost


def test_a_batch_of_hostile_files_leaves_the_store_as_it_was(tmp_path: Path, secret_file: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    good = tmp_path / "good"
    good.mkdir()
    (good / "page.html").write_text(html_page())
    first = api.ingest([good], db=db)
    assert first.counts["added"] == 1
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "bomb.warc.gz").write_bytes(_gzip_bomb(1 << 28))
    (bad / "laughs.xml").write_text(_feed_with_doctype(_billion_laughs(), "&lol9;"))
    (bad / "xxe.xml").write_text(
        _feed_with_doctype(f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret_file}">]>', "&x;")
    )
    (bad / "deep.html").write_text(_nested(100_000, "<p>" + PARAGRAPHS[0] + "</p>"))
    (bad / "empty.txt").write_bytes(b"")
    _sparse(bad / "huge.txt", b"Headline\n\n" + PARAGRAPHS[0].encode(), 200 * 1024 * 1024)
    second = api.ingest([bad, good], db=db)
    assert second.counts.get("added", 0) == 0
    problems = {Path(p.path).name: p.message for p in second.problems}
    assert set(problems) == {"bomb.warc.gz", "laughs.xml", "xxe.xml", "deep.html", "empty.txt", "huge.txt"}
    with open_store(db) as store:
        assert store.count_articles() == 1
        [row] = store.list_articles()
        assert SECRET not in str(row) and row["title"]
