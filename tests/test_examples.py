"""The example corpus (examples/) meets its spec, and benchmarks/generate.py is deterministic and well shaped.

These tests read the corpus files directly (stdlib, feedparser, fastwarc), not through crosswire's readers,
so they check the corpus itself: what it claims in truth.toml must be true of the files.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
import tomllib
import types
from collections import Counter
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import pycountry
import pytest
from fastwarc.warc import ArchiveIterator, WarcRecordType

from conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "examples"
BENCHMARKS = REPO_ROOT / "benchmarks"
KINDS = {"newspaper", "wire agency", "state media", "broadcaster", "magazine", "online"}
WORD = re.compile(r"\w+")


def _load(name: str, path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def truth() -> dict:
    return tomllib.loads((EXAMPLES / "truth.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sources() -> dict:
    return tomllib.loads((EXAMPLES / "sources.toml").read_text(encoding="utf-8"))


# ---- reading the corpus with plain tools ------------------------------------------------------------


class _Paragraphs(HTMLParser):
    """Text of every <p>, skipping script and style (enough to count words and find phrases)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "p":
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag == "p" and self._current is not None:
            self.paragraphs.append(" ".join("".join(self._current).split()))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None and not self._skip:
            self._current.append(data)


def html_body(html: str) -> str:
    parser = _Paragraphs()
    parser.feed(html)
    # Footer and byline paragraphs are short; story paragraphs are sentences of 12+ words.
    return "\n\n".join(p for p in parser.paragraphs if len(p.split()) >= 12)


def dump_body(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    # Photo captions end with their credit in parentheses; story paragraphs are 12+ words.
    return "\n\n".join(line for line in lines if len(line.split()) >= 12 and not line.endswith(")"))


def warc_records(path: Path) -> list[dict]:
    records = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, parse_http=False):
            raw = record.reader.read()
            records.append(
                {
                    "type": record.record_type,
                    "id": record.record_id,
                    "uri": record.headers.get("WARC-Target-URI"),
                    "raw": raw,
                }
            )
    return records


def warc_html(record: dict) -> tuple[str, str]:
    """(content type, body) of a WARC response record's HTTP payload."""
    head, _, body = record["raw"].partition(b"\r\n\r\n")
    headers = dict(line.split(": ", 1) for line in head.decode("ascii").split("\r\n")[1:] if ": " in line)
    return headers.get("Content-Type", ""), body.decode("utf-8")


def corpus_articles() -> dict[tuple[str, str | None], str]:
    """Every article in the corpus as (file, record id or None) -> body text."""
    articles: dict[tuple[str, str | None], str] = {}
    for path in sorted(EXAMPLES.iterdir()):
        name = path.name
        if name.endswith(".html"):
            articles[(name, None)] = html_body(path.read_text(encoding="utf-8"))
        elif name.endswith(".txt"):
            articles[(name, None)] = dump_body(path.read_text(encoding="utf-8"))
        elif name.endswith(".xml"):
            for entry in feedparser.parse(path.read_bytes()).entries:
                html = entry.content[0].value if entry.get("content") else entry.summary
                articles[(name, entry.id)] = html_body(html) or " ".join(html.split())
        elif name.endswith(".warc.gz"):
            for record in warc_records(path):
                if record["type"] == WarcRecordType.response:
                    content_type, body = warc_html(record)
                    if content_type.startswith("text/html"):
                        articles[(name, record["id"])] = html_body(body)
        elif name.endswith(".jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                articles[(name, rec["id"])] = rec["text"]
    return articles


@pytest.fixture(scope="module")
def articles() -> dict[tuple[str, str | None], str]:
    return corpus_articles()


def _key(entry: dict) -> tuple[str, str | None]:
    return entry["file"], entry.get("record")


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


# ---- the corpus -------------------------------------------------------------------------------------


def test_truth_lists_exactly_the_articles_in_the_files(truth: dict, articles: dict) -> None:
    listed = [_key(a) for a in truth["article"]]
    assert len(listed) == len(set(listed)), "an article is listed twice in truth.toml"
    assert set(listed) == set(articles), "truth.toml and the files disagree about which articles exist"
    assert len(articles) >= 12


def test_every_format_is_present_with_enough_articles(truth: dict) -> None:
    formats = Counter(a["format"] for a in truth["article"])
    assert formats["text"] >= 2 and formats["html"] >= 2 and formats["warc"] == 2
    assert formats["feed"] >= 4 and 2 <= formats["jsonl"] <= 3
    files = {a["file"] for a in truth["article"]}
    assert any(f.endswith(".rss.xml") for f in files) and any(f.endswith(".atom.xml") for f in files)
    assert "crawl.warc.gz" in files and "articles.jsonl" in files


def test_outlets_stories_and_genres(truth: dict, sources: dict) -> None:
    outlets = {a["outlet"] for a in truth["article"]}
    stories = {s["key"] for s in truth["story"]}
    assert len(outlets) >= 4 and len(stories) >= 3
    assert outlets <= {o["name"] for o in sources["outlet"]}
    for key in stories:
        members = [a for a in truth["article"] if a["story"] == key]
        assert len({a["outlet"] for a in members}) >= 3, f"story {key} needs several outlets to compare"
    assert {a["story"] for a in truth["article"]} == stories
    genres = Counter(a["genre"] for a in truth["article"])
    assert genres["analysis"] >= 1 and genres["editorial"] + genres["opinion"] >= 2
    assert genres["news"] >= 8


def test_dates_fall_in_a_three_week_window_with_offsets(truth: dict) -> None:
    published = [datetime.fromisoformat(a["published"]) for a in truth["article"]]
    assert all(p.utcoffset() is not None for p in published)
    assert timedelta(days=7) <= max(published) - min(published) <= timedelta(days=21)


def test_article_lengths(truth: dict, articles: dict) -> None:
    for entry in truth["article"]:
        words = len(articles[_key(entry)].split())
        if entry.get("summary_only"):
            assert 20 <= words < 150, entry
        else:
            assert 150 <= words <= 400, (entry["file"], entry.get("record"), words)


def test_sources_registry_is_complete_and_valid(truth: dict, sources: dict) -> None:
    for outlet in sources["outlet"]:
        assert {"name", "domains", "country", "language", "kind", "leaning", "owner", "aliases"} <= set(
            outlet
        )
        assert pycountry.countries.get(alpha_3=outlet["country"]), outlet["country"]
        assert outlet["kind"] in KINDS and outlet["language"] == "en"
        assert all(d.endswith(".example") for d in outlet["domains"]), "invented outlets use .example domains"
    domains = {d: o["name"] for o in sources["outlet"] for d in o["domains"]}
    for entry in truth["article"]:
        host = urlparse(entry["url"]).hostname or ""
        owners = [name for domain, name in domains.items() if host == domain or host.endswith("." + domain)]
        assert owners == [entry["outlet"]], (entry["url"], owners)


def test_manifest_covers_the_dump_without_an_outlet(truth: dict, sources: dict) -> None:
    manifest = tomllib.loads((EXAMPLES / "manifest.toml").read_text(encoding="utf-8"))["article"]
    names = {o["name"] for o in sources["outlet"]}
    by_path = {m["path"]: m for m in manifest}
    for entry in manifest:
        assert (EXAMPLES / entry["path"]).is_file(), entry["path"]
        assert entry.get("outlet") is None or entry["outlet"] in names
        if "published" in entry:
            assert datetime.fromisoformat(entry["published"]).utcoffset() is not None
    dumps = [a for a in truth["article"] if a["format"] == "text"]
    for dump in dumps:
        text = (EXAMPLES / dump["file"]).read_text(encoding="utf-8")
        emails = re.findall(r"[\w.+-]+@([\w.-]+\.example)", text)
        if not emails:  # nothing in the text names the outlet: the manifest must
            assert by_path[dump["file"]]["outlet"] == dump["outlet"]
    assert any(not re.search(r"@\w", (EXAMPLES / d["file"]).read_text()) for d in dumps)


def test_text_dumps_look_like_copied_pages() -> None:
    dumps = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.txt")}
    joined = "\n".join(dumps.values())
    assert re.search(r"^Published \w+ \d+, 2026 \d\d:\d\d", joined, re.M)
    assert re.search(r"^Posted \w+\. \d+, 2026 \d\d:\d\d", joined, re.M)
    assert re.search(r"^By [A-Z][a-z]+ [A-Z][a-z]+", joined, re.M)
    assert "Most viewed articles" in joined and re.search(r"direct questions .* to \S+@\S+", joined)
    for text in dumps.values():
        headline = next(line for line in text.splitlines() if len(line.split()) >= 5)
        assert not headline.endswith("."), "the first long line is the headline"
    captions = [
        line for line in joined.splitlines() if re.search(r"\((Meridian Wire|Harbor Courier)/[^)]+\)$", line)
    ]
    assert captions and any(captions.count(c) == 2 for c in captions), (
        "a photo caption repeated, as pages show it"
    )


def test_html_pages_carry_metadata_and_boilerplate(truth: dict) -> None:
    for entry in (a for a in truth["article"] if a["format"] == "html"):
        html = (EXAMPLES / entry["file"]).read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{entry["url"]}">' in html
        assert f'<meta property="article:published_time" content="{entry["published"]}">' in html
        assert re.search(r'<time [^>]*datetime="2026-03-\d\dT', html)
        for needle in (
            'property="og:title"',
            'property="og:site_name"',
            'name="author"',
            "<nav",
            "<footer",
            "<script",
            "advertisement",
        ):
            assert needle.lower() in html.lower(), (entry["file"], needle)
        assert f'content="{entry["authors"][0]}"' in html


def test_feeds_parse_with_feedparser(truth: dict) -> None:
    rss = feedparser.parse((EXAMPLES / "capital-times-asia.rss.xml").read_bytes())
    atom = feedparser.parse((EXAMPLES / "northern-observer.atom.xml").read_bytes())
    assert not rss.bozo and rss.version == "rss20" and not atom.bozo and atom.version == "atom10"
    with_content = [e for e in rss.entries if e.get("content")]
    summary_only = [e for e in rss.entries if not e.get("content")]
    assert len(with_content) == 1 and len(summary_only) == 1
    assert all(e.get("content") and e.published_parsed for e in atom.entries)
    expected = {a["record"]: a for a in truth["article"] if a["format"] == "feed"}
    for entry in rss.entries + atom.entries:
        assert entry.link == expected[entry.id]["url"]
        assert re.sub(r"^\[\w[\w ]*\] ", "", entry.title) == expected[entry.id]["title"]
        assert entry.author == expected[entry.id]["authors"][0]
    assert summary_only[0].id in {k for k, a in expected.items() if a.get("summary_only")}


def test_warc_parses_with_two_html_responses_and_a_skippable_record(truth: dict) -> None:
    records = warc_records(EXAMPLES / "crawl.warc.gz")
    responses = [r for r in records if r["type"] == WarcRecordType.response]
    html = [r for r in responses if warc_html(r)[0].startswith("text/html")]
    assert len(html) == 2 and len(records) - len(html) >= 1
    assert any(not warc_html(r)[0].startswith("text/html") for r in responses)
    expected = {a["record"]: a["url"] for a in truth["article"] if a["format"] == "warc"}
    assert {r["id"]: r["uri"] for r in html} == expected
    with (EXAMPLES / "crawl.warc.gz").open("rb") as stream:
        assert all(rec.verify_block_digest() for rec in ArchiveIterator(stream, parse_http=False))


def test_warc_is_reproducible_from_make_warc() -> None:
    make_warc = _load("examples_make_warc", EXAMPLES / "make_warc.py")
    assert make_warc.build_warc() == (EXAMPLES / "crawl.warc.gz").read_bytes(), "rerun examples/make_warc.py"


def test_jsonl_records_have_the_input_fields(truth: dict) -> None:
    lines = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    expected = {a["record"]: a for a in truth["article"] if a["format"] == "jsonl"}
    assert len(lines) == len(expected)
    for line in lines:
        rec = json.loads(line)
        assert set(rec) == {
            "id",
            "url",
            "outlet",
            "title",
            "authors",
            "published",
            "genre",
            "language",
            "text",
        }
        want = expected[rec["id"]]
        assert (rec["url"], rec["outlet"], rec["title"], rec["authors"]) == (
            want["url"],
            want["outlet"],
            want["title"],
            want["authors"],
        )
        assert datetime.fromisoformat(rec["published"]) == datetime.fromisoformat(want["published"])


def test_the_disagreement_is_in_the_texts(truth: dict, articles: dict) -> None:
    (disagreement,) = truth["disagreement"]
    claims = disagreement["claim"]
    assert len({c["outlet"] for c in claims}) >= 2 and len({c["value"] for c in claims}) == 2
    story_of = {a["file"]: a["story"] for a in truth["article"]}
    for claim in claims:
        assert story_of[claim["file"]] == disagreement["story"]
        text = articles[(claim["file"], None)]
        assert all(phrase in text for phrase in claim["evidence"]), claim
        others = [c for c in claims if c["value"] != claim["value"]]
        assert not any(p in text for c in others for p in c["evidence"]), "each side states only its version"


def test_the_wire_copy_is_near_verbatim_and_credited(truth: dict, articles: dict) -> None:
    (wire,) = truth["wire_copy"]
    original, copy = articles[(wire["original"], None)], articles[(wire["copy"], None)]
    assert f"({wire['agency']})" in copy
    assert jaccard(shingles(original), shingles(copy)) >= 0.7
    for key, text in articles.items():
        if key[0] not in (wire["original"], wire["copy"]):
            assert jaccard(shingles(copy), shingles(text)) < 0.3, key
    copies = [a for a in truth["article"] if a.get("wire_copy_of")]
    assert [(a["wire_copy_of"], a["file"]) for a in copies] == [(wire["original"], wire["copy"])]


def test_no_text_is_copied_from_the_shared_seeds(seeds_dir: Path, articles: dict) -> None:
    seed_shingles = set().union(
        *(shingles(p.read_text(encoding="utf-8"), 8) for p in seeds_dir.glob("*.txt"))
    )
    for key, text in articles.items():
        assert not shingles(text, 8) & seed_shingles, key


# ---- benchmarks/generate.py -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generate() -> types.ModuleType:
    sys.path.insert(0, str(BENCHMARKS))  # generate.py imports its vocabulary module beside it
    try:
        return _load("benchmarks_generate", BENCHMARKS / "generate.py")
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_generate_is_deterministic_and_seeded(generate: types.ModuleType) -> None:
    first = list(generate.generate_articles(40, seed=3))
    assert first == list(generate.generate_articles(40, seed=3))
    assert first != list(generate.generate_articles(40, seed=4))
    # With n_stories fixed, article i does not depend on n: a longer run extends a shorter one.
    longer = list(generate.generate_articles(40, seed=3, n_stories=5))
    assert list(generate.generate_articles(15, seed=3, n_stories=5)) == longer[:15]


def test_generate_counts_shape_and_streaming(generate: types.ModuleType) -> None:
    assert isinstance(generate.generate_articles(5), types.GeneratorType)
    assert list(generate.generate_articles(0)) == []
    with pytest.raises(ValueError, match="n must be"):
        list(generate.generate_articles(-1))
    huge = list(itertools.islice(generate.generate_articles(10**9, seed=1), 3))  # streams: no upfront work
    assert len(huge) == 3
    items = list(generate.generate_articles(300, seed=7, n_stories=12))
    assert len(items) == 300 and len({a["id"] for a in items}) == 300
    outlets = {name for name, _domain, _kind in generate.OUTLETS}
    assert len(outlets) >= 30
    for a in items:
        assert {
            "id",
            "story",
            "outlet",
            "url",
            "title",
            "authors",
            "published",
            "genre",
            "language",
            "text",
        } <= set(a)
        assert 200 <= len(a["text"].split()) <= 600
        assert a["outlet"] in outlets and a["published"].utcoffset() is not None
        assert a["genre"] in {"news", "analysis", "opinion", "editorial"}
    assert 2 <= len({a["story"] for a in items}) <= 12
    dates = [a["published"] for a in items]
    assert max(dates) - min(dates) > timedelta(days=180), "spread over a year"
    assert len({a["outlet"] for a in items}) >= 20 and len({a["title"] for a in items}) > 100


def test_generated_stories_share_rare_words_but_not_passages(generate: types.ModuleType) -> None:
    items = list(generate.generate_articles(200, seed=11, n_stories=20))
    vocab = [set(WORD.findall(a["text"].lower())) for a in items]
    frequency = Counter(w for words in vocab for w in words)
    rare = [{w for w in words if frequency[w] <= 0.1 * len(items)} for words in vocab]
    passages = [shingles(a["text"]) for a in items]
    same, different = [], []
    for i, j in itertools.combinations(range(len(items)), 2):
        same_story = items[i]["story"] == items[j]["story"]
        (same if same_story else different).append(jaccard(rare[i], rare[j]))
        # Articles of one story are separate reports, not wire copies of each other.
        assert jaccard(passages[i], passages[j]) < 0.5, (items[i]["id"], items[j]["id"])
    assert same and different
    # Story-specific words (names, places, the story's own name) give grouping real signal.
    assert sum(same) / len(same) > 4 * sum(different) / len(different)


def test_write_text_dumps_have_the_seed_shape(generate: types.ModuleType, tmp_path: Path) -> None:
    assert generate.write_text_dumps(tmp_path, 25, seed=2) == 25
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == 25
    for path, article in zip(files, generate.generate_articles(25, seed=2), strict=True):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].endswith(article["title"])
        assert re.fullmatch(r"Posted on : \d{4}-\d\d-\d\d \d\d:\d\d KST Modified on : .* KST", lines[2])
        assert lines[2][12:28] == article["published"].strftime("%Y-%m-%d %H:%M")
        text = "\n".join(lines)
        assert article["text"] in text
        if article["authors"]:
            assert f"By {article['authors'][0]}, staff reporter" in lines
        assert re.search(r"^Please direct comments or questions to \[desk@[\w.-]+\]$", text, re.M)


def test_write_jsonl_and_corpus(generate: types.ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "a.jsonl"
    assert generate.write_jsonl(out, 30, seed=5) == 30
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 30
    for rec in records:
        assert {"id", "url", "outlet", "title", "authors", "published", "genre", "language", "text"} <= set(
            rec
        )
        assert datetime.fromisoformat(rec["published"]).utcoffset() is not None
    corpus = tmp_path / "corpus"
    assert generate.write_corpus(corpus, 200, seed=1, copy_rate=0.1) == 200
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    assert len(texts) == 200
    assert {t.splitlines()[0] for t in texts} >= {"Go to contents", "Commentary / World"}
    bodies = Counter(dump_body(t) for t in texts)
    assert 0 < sum(n - 1 for n in bodies.values() if n > 1) < 40, "some exact copies, not too many"
