"""Fuzz targets: one function per parser, taking raw bytes, raising only when the parser misbehaves.

Every target is a plain `Callable[[bytes], None]`, so the same code runs under atheris (coverage-guided,
`fuzz/run.py`), under the random mutator in `fuzz/mutate.py` (the fallback, and the CI-speed pytest run in
tests/test_fuzz_harnesses.py), and on a single crashing input in tests/test_fuzz_regressions.py.

What counts as a crash: any exception a parser lets escape other than its documented refusal
(`ValueError` with a message, which `iter_articles` turns into a per-file Problem; `DictionaryError`, a
ValueError naming file and line, for PETRARCH dictionaries), and any result breaking the contract
(an Article with no text, a Problem with no message, a resolved date that is not a date, and, for
everything that goes through `read_file`, an Article the store cannot take: a date that overflows in
UTC, a NUL or other control character, an unpaired surrogate).
"""

from __future__ import annotations

import atexit
import io
import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from crosswire.ingest import IngestOptions, read_file
from crosswire.ingest.context import ReadContext
from crosswire.ingest.decode import declared_encoding, decode_bytes, detect_language
from crosswire.ingest.detect import FORMATS, HEAD_BYTES, detect_format
from crosswire.ingest.feeds import read_feed
from crosswire.ingest.fields import utc_range_problem
from crosswire.ingest.html import read_html
from crosswire.ingest.jsonl import read_jsonl
from crosswire.ingest.manifest import load_manifest, split_front_matter
from crosswire.ingest.text import read_text
from crosswire.ingest.warc import read_warc
from crosswire.knowledge.petrarch.dictionaries import read_actors, read_agents, read_discards
from crosswire.knowledge.petrarch.text import DictionaryError
from crosswire.knowledge.petrarch.verbs import read_verbs
from crosswire.model import Article, Problem
from crosswire.nlp import date_rules
from crosswire.store import codec

OPTIONS = IngestOptions()
CONTEXT = ReadContext(sources=OPTIONS.sources, source_path="fuzz-input")
# Scratch files for targets whose parser takes a path (manifests, whole-file ingest): one folder per process.
_SCRATCH = Path(tempfile.mkdtemp(prefix="crosswire-fuzz-"))
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)


class ContractError(AssertionError):
    """A parser returned something that breaks its contract (counted as a crash)."""


def _check_items(items: Iterable[Any], path: str | None = None) -> None:
    for item in items:
        if isinstance(item, Problem):
            if not item.message.strip() or item.severity not in ("error", "warning"):
                raise ContractError(f"unclear Problem: {item!r}")
            if path is not None and item.path != path:
                raise ContractError(f"Problem names {item.path!r}, not the file {path!r}")
        elif isinstance(item, Article):
            if not isinstance(item.text, str) or not item.text.strip():
                raise ContractError("Article without text")
            if path is not None:  # through read_file: what leaves ingest must be storable
                _check_storable(item)
        else:
            raise ContractError(f"reader yielded {type(item).__name__}")


# What the store refuses or a terminal obeys (see ingest.fields.clean_text_fields).
_UNSTORABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _check_storable(article: Article) -> None:
    """An article one batch can hold: its row encodes (dates convert to UTC), no text field holds a
    control character or an unpaired surrogate, and it encodes as UTF-8 (one hostile record once
    stopped a whole batch: issue #18)."""
    try:
        codec.article_row(article)
    except (OverflowError, ValueError) as err:
        raise ContractError(f"article the store cannot take: {err}") from err
    for name in ("text", "title", "outlet", "url", "external_id", "section", "genre", "language"):
        value = getattr(article, name)
        if isinstance(value, str) and _UNSTORABLE.search(value):
            raise ContractError(f"control character or surrogate in {name}: {value[:60]!r}")
    for name in ("published", "updated"):
        value = getattr(article, name)
        if value is not None and utc_range_problem(value) is not None:
            raise ContractError(f"{name} {value!r} overflows in UTC")


def _reader(run: Callable[[], Iterable[Any]]) -> None:
    """A reader may refuse with a ValueError that says why; anything else escaping it is a crash."""
    try:
        _check_items(list(run()))
    except ContractError:
        raise
    except ValueError as err:
        if not str(err).strip():
            raise ContractError("ValueError without a message") from err


# --------------------------------------------------------------------------- ingest readers


def fuzz_text(data: bytes) -> None:
    decoded = decode_bytes(data)
    _reader(lambda: read_text(Path("fuzz.txt"), decoded.text, CONTEXT))


def fuzz_html(data: bytes) -> None:
    _reader(lambda: read_html("fuzz.html", data, CONTEXT))


def fuzz_feed(data: bytes) -> None:
    _reader(lambda: read_feed("fuzz.xml", data, CONTEXT))


def fuzz_warc(data: bytes) -> None:
    _reader(lambda: read_warc("fuzz.warc", io.BytesIO(data), CONTEXT, max_record_bytes=2_000_000))


def fuzz_jsonl(data: bytes) -> None:
    _reader(lambda: read_jsonl("fuzz.jsonl", io.BytesIO(data), CONTEXT, max_record_bytes=1_000_000))


def fuzz_detect(data: bytes) -> None:
    """Format detection, decoding and language detection: every input gets an answer, never an error."""
    fmt = detect_format(Path("fuzz"), data[:HEAD_BYTES])
    if fmt not in FORMATS:
        raise ContractError(f"unknown format {fmt!r}")
    decoded = decode_bytes(data, declared_encoding(data))
    if not isinstance(decoded.text, str):
        raise ContractError("decode_bytes gave no text")
    language = detect_language(decoded.text)
    if language is not None and not language.isalpha():
        raise ContractError(f"language {language!r}")


def fuzz_ingest_file(data: bytes) -> None:
    """The whole per-file path (detect, size limit, reader, manifest, language) through `read_file`."""
    name = ("a.txt", "b.html", "c.warc.gz", "d.jsonl", "e.xml", "f")[data[0] % 6] if data else "empty"
    path = _SCRATCH / name
    path.write_bytes(data[1:])
    try:
        _check_items(read_file(path, OPTIONS), str(path))  # read_file itself must never raise
    finally:
        path.unlink(missing_ok=True)


def _manifest(data: bytes, suffix: str) -> None:
    path = _SCRATCH / f"manifest{suffix}"
    path.write_bytes(data)
    try:
        entries = load_manifest(path)
    except ValueError as err:
        # The refusal names the manifest file, so the user knows which file to fix.
        if str(path) not in str(err):
            raise ContractError(f"manifest error does not name the file: {err}") from err
        return
    finally:
        path.unlink(missing_ok=True)
    if not entries or not all(isinstance(key, str) and key for key in entries):
        raise ContractError("manifest loaded with no usable entries")


def fuzz_manifest_csv(data: bytes) -> None:
    _manifest(data, ".csv")


def fuzz_manifest_toml(data: bytes) -> None:
    _manifest(data, ".toml")


def fuzz_front_matter(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    fields, rest = split_front_matter(text)
    if not isinstance(fields, dict) or not isinstance(rest, str):
        raise ContractError("split_front_matter returned the wrong types")
    if not fields and rest != text:
        raise ContractError("text changed although no front matter was found")
    if fields and not text.lstrip("\ufeff").endswith(rest):
        raise ContractError("the body after the front matter is not the end of the text")


# --------------------------------------------------------------------------- PETRARCH dictionaries


def _dictionary(read: Callable[..., Any], data: bytes, lenient: bool) -> None:
    text = data.decode("utf-8", errors="replace")
    warnings: list[str] | None = [] if lenient else None
    try:
        read(text, "fuzz.txt", warnings) if warnings is not None else read(text, "fuzz.txt")
    except DictionaryError as err:
        if not str(err).startswith("fuzz.txt"):
            raise ContractError(f"dictionary error does not name the file: {err}") from err


def fuzz_petrarch_actors(data: bytes) -> None:
    _dictionary(read_actors, data, lenient=bool(data) and data[0] % 2 == 1)


def fuzz_petrarch_agents(data: bytes) -> None:
    _dictionary(read_agents, data, lenient=bool(data) and data[0] % 2 == 1)


def fuzz_petrarch_verbs(data: bytes) -> None:
    _dictionary(read_verbs, data, lenient=False)


def fuzz_petrarch_discards(data: bytes) -> None:
    _dictionary(read_discards, data, lenient=False)


# --------------------------------------------------------------------------- dates sources print

_DATED_BODY = (
    "Negotiators from both delegations met in Stockholm on Monday for a third round of talks, officials "
    "said, and the envoy told reporters that both sides would meet again before the end of the month."
)


def _source_files(value: str) -> list[tuple[str, str]]:
    """(file name, content) of one article per format, each giving `value` as its publication date
    where that format prints one (the places where a date at the calendar's edge once overflowed)."""
    html_value = value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    xml_value = html_value.replace("]]>", "")
    record = {
        "id": "fuzz",
        "title": "Talks resume",
        "text": _DATED_BODY,
        "published": value,
        "updated": value,
    }
    return [
        ("a.jsonl", json.dumps(record) + "\n"),
        (
            "b.html",
            f'<html><head><title>Talks resume</title><meta property="article:published_time" '
            f'content="{html_value}"><meta property="article:modified_time" content="{html_value}">'
            f"</head><body><article><h1>Talks resume</h1><p>{_DATED_BODY}</p><p>{_DATED_BODY}</p>"
            "</article></body></html>",
        ),
        (
            "c.xml",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/'
            f"</link><item><title>Talks resume</title><link>https://wire.example/1</link><pubDate>{xml_value}"
            f"</pubDate><description>{_DATED_BODY}</description></item></channel></rss>",
        ),
        (
            "d.atom",
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire'
            f"</title><entry><title>Talks resume</title><id>urn:fuzz</id><updated>{xml_value}</updated>"
            f'<published>{xml_value}</published><content type="html">{_DATED_BODY}</content></entry></feed>',
        ),
        ("e.txt", f"---\ntitle: Talks resume\npublished: {json.dumps(value)}\n---\n{_DATED_BODY}\n"),
        ("f.txt", f"Talks resume\n\nPosted on : {value}\n\n{_DATED_BODY}\n"),
    ]


def fuzz_source_dates(data: bytes) -> None:
    """A date as JSONL, HTML meta, RSS, Atom, front matter and a dateline print it, through the whole
    per-file path (`read_file`): whatever it says, every article that comes out can be stored."""
    value = data.decode("utf-8", errors="replace")[:200]
    for name, content in _source_files(value):
        path = _SCRATCH / name
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
        try:
            _check_items(read_file(path, OPTIONS), str(path))
        finally:
            path.unlink(missing_ok=True)


# --------------------------------------------------------------------------- the time resolver

_PREFIXES = ("", "by", "until", "till", "through", "since")
_EPOCH = date(1900, 1, 1)


def _anchor(raw: bytes) -> date | None:
    """Two bytes to an anchor date: none, the calendar's edges, or a day from 1900 to 2079."""
    value = int.from_bytes(raw.ljust(2, b"\0"), "big")
    if value < 0x100:
        return None
    if value < 0x180:
        return date.min + timedelta(days=value - 0x100)
    if value < 0x200:
        return date.max - timedelta(days=value - 0x180)
    return _EPOCH + timedelta(days=value)


def decode_date_input(data: bytes) -> tuple[str, date | None, date | None, bool, str]:
    """(phrase, published, mention, future, prefix) from fuzz bytes: a 5-byte header, then the phrase."""
    head, phrase = data[:5].ljust(5, b"\0"), data[5:].decode("utf-8", errors="replace")
    return phrase, _anchor(head[1:3]), _anchor(head[3:5]), bool(head[0] & 1), _PREFIXES[head[0] % 6]


def encode_date_input(phrase: str, published: date | None, mention: date | None = None) -> bytes:
    """The inverse of decode_date_input for seeds (anchors in 1900-2079, past tense, no prefix)."""

    def anchor(day: date | None) -> bytes:
        return b"\0\0" if day is None else (day - _EPOCH).days.to_bytes(2, "big")

    return b"\0" + anchor(published) + anchor(mention) + phrase.encode("utf-8")


def fuzz_dates(data: bytes) -> None:
    phrase, published, mention, future, prefix = decode_date_input(data)
    res = date_rules.resolve(phrase, published=published, mention=mention, future=future, prefix=prefix)
    if res.precision not in ("day", "month", "year", "range", "duration", "unresolved"):
        raise ContractError(f"precision {res.precision!r}")
    for value in (res.value, res.end_value):
        if value is not None:
            date.fromisoformat(value)  # raises ValueError (a crash here) on anything but a date
    if res.value and res.end_value and res.end_value < res.value:
        raise ContractError(f"range ends before it starts: {res}")
    if res.precision == "unresolved" and res.value is not None:
        raise ContractError("unresolved with a value")


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable[[bytes], None]
    kind: str  # which seed corpus it starts from (fuzz/seeds.py)
    # libFuzzer's -max_len: longer inputs only slow the search down for these parsers.
    max_len: int = 64_000


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("text", fuzz_text, "text"),
        Target("html", fuzz_html, "html"),
        Target("feed", fuzz_feed, "feed"),
        Target("warc", fuzz_warc, "warc"),
        Target("jsonl", fuzz_jsonl, "jsonl"),
        Target("detect", fuzz_detect, "any", 16_000),
        Target("ingest_file", fuzz_ingest_file, "any_named"),
        Target("manifest_csv", fuzz_manifest_csv, "manifest_csv", 8_000),
        Target("manifest_toml", fuzz_manifest_toml, "manifest_toml", 8_000),
        Target("front_matter", fuzz_front_matter, "front_matter", 8_000),
        Target("petrarch_actors", fuzz_petrarch_actors, "petrarch_actors", 8_000),
        Target("petrarch_agents", fuzz_petrarch_agents, "petrarch_agents", 8_000),
        Target("petrarch_verbs", fuzz_petrarch_verbs, "petrarch_verbs", 8_000),
        Target("petrarch_discards", fuzz_petrarch_discards, "petrarch_discards", 4_000),
        Target("dates", fuzz_dates, "dates", 200),
        Target("source_dates", fuzz_source_dates, "source_dates", 200),
    )
}
