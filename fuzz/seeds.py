"""Seed corpora for the fuzz targets, generated from the example corpus in examples/.

Nothing here is stored: `seed_inputs(kind)` builds the seeds in memory each run, so the repository
holds no copies of article texts. The PETRARCH dictionary seeds are small dictionaries written from the
example corpus's own outlets, people and places, one format feature per line.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import tomllib
from datetime import date, datetime
from pathlib import Path

from fuzz.harnesses import encode_date_input

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MAX_SEED_BYTES = 64_000


def _files(*patterns: str) -> list[Path]:
    return sorted(p for pattern in patterns for p in EXAMPLES.glob(pattern) if p.is_file())


def _truth() -> dict:
    return tomllib.loads((EXAMPLES / "truth.toml").read_text(encoding="utf-8"))


def _manifest_entries() -> list[dict]:
    return list(tomllib.loads((EXAMPLES / "manifest.toml").read_text(encoding="utf-8")).get("article", []))


def _warc_seeds() -> list[bytes]:
    packed = (EXAMPLES / "crawl.warc.gz").read_bytes()
    plain = gzip.decompress(packed)
    # The whole archive (compressed and not) and its first record alone, so records are reached early.
    first_end = plain.find(b"\r\n\r\nWARC/", 1)
    return [
        packed[:MAX_SEED_BYTES],
        plain[:MAX_SEED_BYTES],
        plain[: first_end + 4] if first_end > 0 else plain,
    ]


def _jsonl_seeds() -> list[bytes]:
    lines = (EXAMPLES / "articles.jsonl").read_bytes().splitlines(keepends=True)
    return [b"".join(lines)[:MAX_SEED_BYTES], *lines[:3]]


def _manifest_csv() -> list[bytes]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["path", "outlet", "url", "published", "timezone"])
    for entry in _manifest_entries():
        writer.writerow([entry.get("path"), entry.get("outlet", ""), entry.get("url", ""),
                         entry.get("published", ""), "Asia/Seoul"])  # fmt: skip
    full = out.getvalue().encode()
    return [full, full.splitlines(keepends=True)[0] + full.splitlines(keepends=True)[1]]


def _manifest_toml() -> list[bytes]:
    raw = (EXAMPLES / "manifest.toml").read_bytes()
    per_path = "".join(
        f'["{e["path"]}"]\noutlet = "{e.get("outlet", "x")}"\npublished = 2026-03-06T07:30:00+09:00\n\n'
        for e in _manifest_entries()
    )
    return [raw, per_path.encode()]


def _front_matter() -> list[bytes]:
    body = (EXAMPLES / "harbor-courier-stockholm-talks.txt").read_text(encoding="utf-8")[:3000]
    seeds = []
    for article in _truth().get("article", [])[:4]:
        authors = ", ".join(article.get("authors", []))
        yaml = (
            f'---\noutlet: {article.get("outlet")}\nurl: "{article.get("url", "")}"\n'
            f"published: {article.get('published')}\nauthors:\n  - {authors}\ngenre: {article.get('genre')}\n---\n"
        )
        toml = f'+++\noutlet = "{article.get("outlet")}"\npublished = {article.get("published")}\n+++\n'
        seeds += [(yaml + body).encode(), (toml + body).encode()]
    return seeds


def _names() -> tuple[list[str], list[str]]:
    """(outlets, capitalised phrases) from the example corpus, as dictionary phrases."""
    outlets = [a["outlet"] for a in _truth().get("article", []) if a.get("outlet")]
    text = " ".join(p.read_text(encoding="utf-8") for p in _files("*.txt"))
    phrases = sorted(set(re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b", text)))[:40]
    return sorted(set(outlets)), phrases


def _petrarch(kind: str) -> list[bytes]:
    outlets, phrases = _names()
    words = [p.upper().replace(" ", "_") for p in phrases] or ["NORTH_KOREA"]
    if kind == "petrarch_actors":
        lines = ["<!-- actors from the example corpus", "-->"]
        for i, phrase in enumerate(words):
            lines.append(f"{phrase}  [X{i:02d}]  # comment")
            if i % 3 == 0:
                lines += [
                    f"+{phrase}_OFFICIAL",
                    f"    [X{i:02d}GOV < 960101]",
                    f"    [X{i:02d}REB 19960101 - 20191231]",
                ]
            if i % 5 == 0:
                lines += [f"    [X{i:02d}NEW > 200101]", f"{phrase}_GROUP [A/B/C]"]
        return ["\n".join(lines).encode(), "\n".join(lines[:8]).encode()]
    if kind == "petrarch_agents":
        lines = ["!PERSON! = MAN, WOMAN, OFFICIAL"]
        for i, outlet in enumerate(outlets):
            code = f"~M{i}" if i % 2 else f"M{i}~"
            plurals = " {} " if i % 3 == 0 else " "
            lines.append(f"{outlet.upper().replace(' ', '_')}!PERSON!{plurals}[{code}]")
        lines += ["POLICE {} [~COP]", "EDITOR {EDITORS} [~MED]"]
        return ["\n".join(lines).encode()]
    if kind == "petrarch_verbs":
        verbs = (
            "&PLACE\n+STOCKHOLM\n+VLADIVOSTOK\n+&CITY\n&CITY\n+HANOI\n\n"
            "--- MEET [040] ---\nMEET {MET MEETING}\n+SIT_DOWN {SAT_DOWN}\n"
            "- $ * + IN &PLACE [043]\n- * WITH + [042]\n- SAID WOULD * NOW [040]\n- ^ * % [---]\n\n"
            "--- ACCUSE [112] ---\nACCUSE\nBLAME [111]\n- $ * + OF [111:112]\n- * _ + _ OF @ [112]\n"
        )
        return [verbs.encode(), verbs.split("\n\n")[1].encode()]
    return ["\n".join([*words[:10], *(f"+{o.upper()}" for o in outlets)]).encode()]  # discards


def _date_seeds() -> list[bytes]:
    from crosswire.nlp.dates import _MISSED

    seeds: list[bytes] = []
    published = date(2026, 3, 6)
    for path in _files("*.txt", "*.html"):
        text = path.read_text(encoding="utf-8")
        for m in _MISSED.finditer(text):
            seeds.append(encode_date_input(m.group(0), published, date(2026, 3, 4)))
    for article in _truth().get("article", []):
        when = article.get("published")
        if isinstance(when, str):
            day = datetime.fromisoformat(when).date()
            seeds.append(encode_date_input(day.strftime("%B %d, %Y"), day))
    shapes = [
        "three days ago", "two weeks later", "the previous day", "last month", "next year", "this past Friday",
        "by the end of the year", "since 2016", "2016-2017", "the 1990s", "nearly 70 years", "mid-March",
        "the beginning of next month", "over the past five years", "late Tuesday night", "10 p.m. local time",
        "early this year", "last summer", "26 April", "4/29/2019", "2019-04-26", "year-end",
    ]  # fmt: skip
    seeds += [encode_date_input(s, published, date(2026, 3, 4)) for s in shapes]
    return list(dict.fromkeys(seeds))


def _source_date_seeds() -> list[bytes]:
    """Publication dates as the example corpus prints them, in the shapes sources use, and the
    calendar's edges with offsets that once overflowed in UTC (issue #18)."""
    seeds = [str(a["published"]) for a in _truth().get("article", []) if a.get("published")]
    seeds += [
        "2019-04-29T16:26:00+09:00", "2019-04-29 16:26 KST", "Mon, 29 Apr 2019 07:26:00 GMT", "1556522760",
        "April 29, 2019 07:42", "29 April 2019 | 10:05 GMT", "2019-04-29", "20190429T162600Z",
        "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+14:00", "Fri, 31 Dec 9999 23:59:59 -2359",
        "99999-01-01", "9999-12-31 23:59 EST", "0001-01-01 00:00 KST", "-62135596800", "253402300799",
    ]  # fmt: skip
    return list(dict.fromkeys(s.encode("utf-8") for s in seeds))


def seed_inputs(kind: str) -> list[bytes]:
    """The seeds for one target's `kind` (harnesses.Target.kind)."""
    if kind == "text":
        return [p.read_bytes()[:MAX_SEED_BYTES] for p in _files("*.txt")]
    if kind == "html":
        return [p.read_bytes()[:MAX_SEED_BYTES] for p in _files("*.html")]
    if kind == "feed":
        return [p.read_bytes()[:MAX_SEED_BYTES] for p in _files("*.xml")]
    if kind == "warc":
        return _warc_seeds()
    if kind == "jsonl":
        return _jsonl_seeds()
    if kind in ("any", "any_named"):
        found = [
            *seed_inputs("text"),
            *seed_inputs("html"),
            *seed_inputs("feed"),
            *_warc_seeds(),
            *_jsonl_seeds(),
        ]
        if kind == "any":
            return [s[:16_000] for s in found]
        # The first byte chooses the file name (harnesses.fuzz_ingest_file): .txt .html .warc.gz .jsonl .xml
        names = {b"Harbor": 0, b"<!": 1, b"<html": 1, b"\x1f\x8b": 2, b"WARC": 2, b"{": 3, b"<?xml": 4}
        return [bytes([next((v for k, v in names.items() if s.startswith(k)), 5)]) + s for s in found]
    if kind == "manifest_csv":
        return _manifest_csv()
    if kind == "manifest_toml":
        return _manifest_toml()
    if kind == "front_matter":
        return _front_matter()
    if kind.startswith("petrarch_"):
        return _petrarch(kind)
    if kind == "dates":
        return _date_seeds()
    if kind == "source_dates":
        return _source_date_seeds()
    raise ValueError(f"no seeds for {kind!r}")
