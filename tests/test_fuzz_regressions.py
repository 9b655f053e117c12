"""Every crash fuzzing found (docs/fuzzing.md), replayed: each input once crashed its parser.

The raw crashing inputs go through the harness exactly as the fuzzer ran them; each test then checks the
behaviour the fix promises, so a regression fails with a readable assertion, not only with the old crash.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from fuzz.harnesses import TARGETS, _check_storable, _source_files, decode_date_input  # noqa: E402

from crosswire.ingest import IngestOptions, read_file  # noqa: E402
from crosswire.ingest.manifest import load_manifest, split_front_matter  # noqa: E402
from crosswire.knowledge.petrarch.text import DictionaryError  # noqa: E402
from crosswire.knowledge.petrarch.verbs import read_verbs  # noqa: E402
from crosswire.model import Article  # noqa: E402
from crosswire.nlp.date_rules import resolve  # noqa: E402

# (target, raw input) exactly as libFuzzer or the mutator saved them.
CRASHES = [
    ("dates", b"\x00\xb4h\x01\x00previous day"),  # mention date 0001-01-01, "the day before" it
    ("dates", b"\x00\x01\x00\x00\x00last summer"),  # published 0001-01-01
    ("dates", b"\x00\x01\x00\xb4\x03sat"),
    ("dates", b"&\x01\x00\x00\x08sat"),
    ("dates", b"\xb4\x01\x05\xb4\x03Last month"),
    ("dates", b"\x00\x01\x00\x00\x00past fri"),
    ("dates", b"\x00\x0c\xad\x00\x0099999999999 days ago"),
    ("dates", b"\x00\x0c\xad\x00\x0010000 years ago"),
    ("petrarch_verbs", b"&PLACE\n+STOCKHOLM\n&\r\n\r\nCITY\n+HANOI\n\n--- MEET [040] ---\nMEET\n"),
    ("petrarch_verbs", b"--- MEET [040] ---\nMEET {MET}\n_ [041]\n"),
    ("manifest_csv", b"path,outlet,url\r\neaste\x00rn-daily-ledger-editorial.txt,Eastern Daily Ledger,\r\n"),
    ("manifest_toml", b'[[article]]\npath = "a\\u0000b.txt"\noutlet = "X"\n'),
    ("front_matter", b"+++\n+++\nSkip to main content\n"),
    # Issue #18: dates at the calendar's edge with an offset overflowed when the article was stored,
    # refusing the whole batch (the target checks that what read_file yields can be stored).
    ("source_dates", b"9999-12-31T23:59:59-23:59"),
    ("source_dates", b"0001-01-01T00:00:00+14:00"),
    ("source_dates", b"Fri, 31 Dec 9999 23:59:59 -2359"),
]


@pytest.mark.parametrize("target,data", CRASHES, ids=[f"{t}-{i}" for i, (t, _) in enumerate(CRASHES)])
def test_crashing_input_no_longer_crashes(target: str, data: bytes) -> None:
    TARGETS[target].run(data)


@pytest.mark.parametrize("data", [d for t, d in CRASHES if t == "dates"])
def test_dates_outside_the_calendar_are_unresolved(data: bytes) -> None:
    phrase, published, mention, future, prefix = decode_date_input(data)
    res = resolve(phrase, published=published, mention=mention, future=future, prefix=prefix)
    assert res.precision == "unresolved" and res.value is None and res.rule == "out_of_calendar"


def test_dates_near_the_calendar_edges_still_resolve_inside_it() -> None:
    # The fix gives up only where the answer is outside the calendar, not near its edges.
    res = resolve("yesterday", published=date(1, 1, 2))
    assert res.value == "0001-01-01" and res.precision == "day"
    res = resolve("three days ago", published=date(2026, 3, 6))
    assert res.value == "2026-03-03"


def test_bare_synset_marker_is_a_dictionary_error() -> None:
    with pytest.raises(DictionaryError, match=r"^v\.txt:3: synset line names no synset"):
        read_verbs("&PLACE\n+STOCKHOLM\n&\nCITY\n", "v.txt")


@pytest.mark.parametrize("line", ["_", "+", "_ {MET}", "+ {MET}"])
def test_verb_line_without_a_verb_is_a_dictionary_error(line: str) -> None:
    with pytest.raises(DictionaryError, match=r"^v\.txt:3: verb line has no verb"):
        read_verbs(f"--- MEET [040] ---\nMEET {{MET}}\n{line} [041]\n", "v.txt")


@pytest.mark.parametrize(
    "name,content",
    [
        ("m.csv", b"path,outlet\r\na\x00b.txt,X\r\n"),
        ("m.toml", b'[[article]]\npath = "a\\u0000b.txt"\noutlet = "X"\n'),
    ],
)
def test_manifest_path_with_nul_names_the_manifest(tmp_path: Path, name: str, content: bytes) -> None:
    manifest = tmp_path / name
    manifest.write_bytes(content)
    with pytest.raises(ValueError) as err:
        load_manifest(manifest)
    assert str(manifest) in str(err.value) and "NUL character" in str(err.value)


def test_empty_toml_front_matter_block_stays_in_the_text() -> None:
    text = "+++\n+++\nSkip to main content\n"
    assert split_front_matter(text) == ({}, text)
    # A block with fields is still read, as before.
    fields, rest = split_front_matter('+++\noutlet = "X"\n+++\nBody.\n')
    assert fields == {"outlet": "X"} and rest == "Body.\n"


def test_panic_inside_fastwarc_becomes_a_clear_error() -> None:
    """fastwarc (Rust) panics when its stream cannot tell(); the panic is a BaseException, not an Exception."""
    import gzip
    import io

    from crosswire.ingest.warc import read_warc

    class NoTell(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            chunk = self.data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

        def tell(self) -> int:
            raise io.UnsupportedOperation("no tell")

    archive = gzip.decompress((REPO_ROOT / "examples" / "crawl.warc.gz").read_bytes())
    with pytest.raises(ValueError, match="malformed WARC .* the WARC parser failed"):
        list(read_warc("crawl.warc", NoTell(archive), None))


@pytest.mark.parametrize("data", [d for t, d in CRASHES if t == "source_dates"])
def test_edge_dates_are_left_out_with_a_warning(data: bytes, tmp_path: Path) -> None:
    for name, content in _source_files(data.decode()):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        articles = [item for item in read_file(path, IngestOptions()) if isinstance(item, Article)]
        assert articles, name
        for article in articles:
            _check_storable(article)
            # Where the format states the date with its offset, the date is left out, and said so.
            if name in ("a.jsonl", "b.html") and not data.startswith(b"Fri"):
                assert article.published is None and any(
                    "outside the calendar" in w for w in article.warnings
                )
