"""Random bytes and random text into every reader and into iter_articles: no crash, only clear outcomes.

Readers may refuse input they cannot parse by raising ValueError with a message (iter_articles turns
that into a per-file Problem); anything else escaping a reader is a bug.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.ingest import IngestOptions, iter_articles
from crosswire.ingest.context import ReadContext
from crosswire.ingest.detect import FORMATS, detect_format
from crosswire.ingest.feeds import read_feed
from crosswire.ingest.html import read_html
from crosswire.ingest.jsonl import read_jsonl
from crosswire.ingest.text import read_text
from crosswire.ingest.warc import read_warc
from crosswire.model import Article, Problem
from ingest_samples import html_page, rss_feed, warc_archive

OPTIONS = IngestOptions()
CONTEXT = ReadContext(sources=OPTIONS.sources, source_path="fuzz")
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Random data plus random data glued onto real headers, so the deeper parsing paths are reached too.
PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"<rss version='2.0'><channel><item>",
    b'{"text": "',
    b"<html><body><p>",
    warc_archive()[:300],
    rss_feed().encode()[:400],
    html_page().encode()[:700],
]
random_bytes = st.builds(
    lambda prefix, tail: prefix + tail, st.sampled_from(PREFIXES), st.binary(max_size=2000)
)
random_text = st.text(max_size=2000)

BYTE_READERS: dict[str, Callable[[bytes], Iterator[Any]]] = {
    "html": lambda data: read_html("fuzz.html", data, CONTEXT),
    "feed": lambda data: read_feed("fuzz.xml", data, CONTEXT),
    "warc": lambda data: read_warc("fuzz.warc", data, CONTEXT),
    "jsonl": lambda data: read_jsonl("fuzz.jsonl", data, CONTEXT),
}


def check_reader_outcome(run: Callable[[], Iterator[Any]]) -> None:
    try:
        items = list(run())
    except ValueError as err:  # a refusal must say why
        assert str(err).strip()
        return
    for item in items:
        assert isinstance(item, Article | Problem)
        if isinstance(item, Problem):
            assert item.message.strip() and item.severity in ("error", "warning")
        else:
            assert isinstance(item.text, str) and item.text.strip()


@pytest.mark.parametrize("reader", sorted(BYTE_READERS))
@FUZZ
@given(data=random_bytes)
def test_byte_readers_never_crash(reader: str, data: bytes) -> None:
    check_reader_outcome(lambda: BYTE_READERS[reader](data))


@pytest.mark.parametrize("reader", sorted(BYTE_READERS))
@FUZZ
@given(text=random_text)
def test_byte_readers_on_random_text(reader: str, text: str) -> None:
    check_reader_outcome(lambda: BYTE_READERS[reader](text.encode("utf-8")))


@FUZZ
@given(text=random_text)
def test_text_reader_never_crashes(text: str) -> None:
    check_reader_outcome(lambda: read_text(Path("fuzz.txt"), text, CONTEXT))


def _through_iter_articles(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        assert detect_format(path, data[:65536]) in FORMATS
        items = list(iter_articles([path], OPTIONS))
        for item in items:
            assert isinstance(item, Article | Problem)
            if isinstance(item, Problem):
                assert item.path == str(path) and item.message.strip()
            else:
                assert item.source_path == str(path) and item.text.strip()


@FUZZ
@given(data=random_bytes, name=st.sampled_from(["a.txt", "b.html", "c.warc.gz", "d.jsonl", "e.xml", "f"]))
def test_iter_articles_on_random_bytes(data: bytes, name: str) -> None:
    _through_iter_articles(data, name)


@FUZZ
@given(text=random_text)
def test_iter_articles_on_random_text(text: str) -> None:
    _through_iter_articles(text.encode("utf-8"), "random.txt")
