"""Plain-text dumps of news pages (an article copied out of a browser and saved as .txt).

The common shape: maybe a kicker ("Commentary / World") or a label ("[News analysis]"), the
headline, datelines ("Posted on : 2019-04-29 16:26 KST"), a byline (at the top or the end), a deck,
photo captions (often twice), the body, then contact, copyright and "Most viewed" boxes. The reader
classifies each line (textlines.py), keeps the headline apart, and joins the body paragraphs.

Decisions, so the output is predictable:
- the deck/subtitle under the headline stays in `text` as its first paragraph: it is the outlet's
  own summary and framing, which analysts compare; only the headline goes to `title`.
- section headings inside the body stay in `text` as their own paragraphs (they are content).
- an author's bio at the end leaves `text` only when it opens with a byline author's name or "The
  writer is": then it is certainly about the writer, not the story. Otherwise it stays.
- precedence for metadata: the manifest entry, then front matter, then what the text says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from crosswire.ingest import textlines as tl
from crosswire.ingest.context import ReadContext
from crosswire.ingest.datetimes import dateline, is_date_only, localise, zone_for_country, zone_named
from crosswire.ingest.manifest import as_datetime, split_front_matter
from crosswire.knowledge.sources import _MASTHEAD_LINES as MASTHEAD_LINES
from crosswire.knowledge.sources import SourceRegistry
from crosswire.model import Article, Outlet

# No-break spaces (Dong-A's dateline ends in three), zero-width characters, tabs.
_INVISIBLE = (("\u00a0", " "), ("\u200b", ""), ("\u200c", ""), ("\u200d", ""), ("\ufeff", ""), ("\t", " "))
_SPACES = re.compile(r" {2,}")
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250
EDGE_LINES = 8  # an unlabelled date-only line counts as the dateline only this close to the top


@dataclass
class Page:
    """What the lines of one page say, before the manifest and front matter are applied."""

    title: str | None = None
    section: str | None = None
    genre: str | None = None  # from a label or kicker
    authors: list[str] = field(default_factory=list)
    author_roles: dict[str, str] = field(default_factory=dict)
    published: datetime | None = None
    updated: datetime | None = None
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)  # from contact lines and bylines
    urls: list[str] = field(default_factory=list)  # from "Source: https://..." lines


def read_text(path: Path, text: str, context: ReadContext) -> Iterator[Article]:
    """One Article from a plain-text page dump; ValueError naming the file when there is no body."""
    fields, body = split_front_matter(text)
    page = parse_page(body, context.sources)
    entry = context.manifest_entry
    url = (entry.url if entry else None) or _text(fields.get("url")) or (page.urls[0] if page.urls else None)
    outlet, outlet_name = _resolve_outlet(
        context.sources, entry.outlet if entry else None, fields, url, page, body
    )
    # A zone the user states for this file beats the outlet's home zone (a Seoul paper's Tokyo bureau).
    zones = (zone_named(context.default_timezone), zone_for_country(outlet.country) if outlet else None)
    warnings: list[str] = []
    try:
        stated = as_datetime(fields.get("published"))
    except ValueError:
        # As a JSONL record's: a date that is there but cannot be read is left out with a warning,
        # never the whole article ("99999-01-01", a zone of -23:59), and never read as a nearby date.
        shown = repr(fields.get("published"))
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        warnings.append(f"front matter published {shown} is not a date crosswire can read; left out")
        stated = None
    published = (entry.published if entry else None) or stated or page.published
    paragraphs = page.paragraphs
    if not paragraphs:
        raise ValueError(f"{path}: no article text found (only headline, boilerplate or metadata lines)")
    authors = _authors(fields.get("authors")) or page.authors
    genre = _text(fields.get("genre")) or page.genre
    if genre is None:
        genre = "editorial" if looks_editorial(paragraphs, authors, outlet) else "news"
    yield Article(
        text="\n\n".join(paragraphs),
        title=_text(fields.get("title")) or page.title,
        outlet=outlet_name,
        url=url,
        source_path=context.source_path or str(path),
        authors=authors,
        author_roles={a: r for a, r in page.author_roles.items() if a in authors},
        published=localise(published, *zones),
        updated=localise(page.updated, *zones),
        section=page.section,
        genre=genre,
        language=_text(fields.get("language")),
        captions=page.captions,
        warnings=[*warnings, *([] if page.title or fields.get("title") else ["no headline found"])],
        format="text",
    )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [a.strip() for a in value if isinstance(a, str) and a.strip()] if isinstance(value, list) else []


def _resolve_outlet(
    sources: SourceRegistry,
    manifest_outlet: str | None,
    fields: dict[str, Any],
    url: str | None,
    page: Page,
    body: str,
) -> tuple[Outlet | None, str | None]:
    # What the user states wins (spelled as the registry spells it when it knows the outlet); else the
    # registry's match on the page's own evidence; else unknown, never guessed.
    for stated in (manifest_outlet, _text(fields.get("outlet"))):
        if stated:
            known = sources.by_name(stated)
            return known, known.name if known else stated
    emails: list[str | None] = [*page.emails] or [None]
    for email in emails:
        found = sources.match(url=url, email=email)
        if found:
            return found, found.name
    found = sources.match(text=_masthead_evidence(body), page=body)
    return found, found.name if found else None


# What a credit line must contain (see sources._CREDIT_LINE), as lower-case substrings free of the
# letters that case-insensitive regexes also match in other scripts (i, k, s).
_CREDIT_MARKS = ("©", "(c)", "opyr", "rved")


def _masthead_evidence(body: str) -> str:
    """The part of `body` the registry's masthead match reads, for the same answer at less cost.

    It reads credit lines anywhere and bare mastheads among the first and last lines; a page with no
    credit marker at all needs only those edge lines, which spares a regex pass over every line.
    """
    low = body.lower()
    if any(mark in low for mark in _CREDIT_MARKS):
        return body
    lines = [line for line in body.splitlines() if line.strip()]
    if len(lines) <= 2 * MASTHEAD_LINES:
        return body
    return "\n".join(lines[:MASTHEAD_LINES] + lines[-MASTHEAD_LINES:])


def parse_page(text: str, sources: SourceRegistry) -> Page:
    """Classify every line of a page dump and collect the article's parts."""
    lines: list[str] = []
    blocks: list[int] = []  # which blank-line-separated block each line is in
    block = 0
    for char, replacement in _INVISIBLE:  # str.replace, not str.translate: several times faster here
        if char in text:
            text = text.replace(char, replacement)
    text = _SPACES.sub(" ", text)
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if line:
            lines.append(line)
            blocks.append(block)
        else:
            block += 1
    page = Page()
    kinds = _drop_chrome(lines, blocks, page)
    _classify_metadata(lines, kinds, page, sources)
    title_at = _read_header(lines, kinds, page, sources)
    page.paragraphs = _body(lines, blocks, kinds, title_at, page)
    return page


def _drop_chrome(lines: list[str], blocks: list[int], page: Page) -> list[str | None]:
    """Mark navigation, share rows, contact/copyright lines and "Most viewed" boxes as dropped."""
    kinds: list[str | None] = [None] * len(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if i and blocks[i] == blocks[i - 1] and line[:1].islower() and not lines[i - 1].endswith(tl.TERMINAL):
            i += 1  # the rest of a hard-wrapped sentence ("line."), whatever words it holds
            continue
        if tl.is_list_marker(line):
            # A box of other headlines: the marker and the link-like lines under it.
            kinds[i] = "drop"
            i += 1
            while i < len(lines) and tl.is_link_like(lines[i]) and tl.parse_byline(lines[i]) is None:
                kinds[i] = "drop"
                i += 1
            continue
        url = tl.URL_LINE.match(line)
        if url:
            kinds[i] = "drop"
            page.urls.append(url.group("url"))
        elif tl.is_boilerplate(line):
            kinds[i] = "drop"
            page.emails.extend(tl.EMAIL.findall(line))
        i += 1
    return kinds


def _classify_metadata(
    lines: list[str], kinds: list[str | None], page: Page, sources: SourceRegistry
) -> None:
    """Datelines, bylines and their role lines, photo captions, duplicated lines."""
    seen: dict[str, int] = {}
    previous: int | None = None
    for i, line in enumerate(lines):
        if kinds[i]:
            continue
        dates = dateline(line)
        if dates and (not is_date_only(line) or i < EDGE_LINES):
            kinds[i] = "date"
            for kind, value in dates:
                if kind == "published" and page.published is None:
                    page.published = value
                elif kind == "updated" and page.updated is None:
                    page.updated = value
            continue
        byline = tl.parse_byline(line, sources)
        if byline:
            kinds[i] = "byline"
            authors, role, emails = byline
            page.authors.extend(a for a in authors if a not in page.authors)
            page.emails.extend(emails)
            if role is None and i + 1 < len(lines) and not kinds[i + 1] and tl.is_role_line(lines[i + 1]):
                role = lines[i + 1]  # "by Michael Macarthur Bosack" / "Contributing Writer"
                kinds[i + 1] = "role"
            for author in authors:
                if role:
                    page.author_roles.setdefault(author, role)
            continue
        if previous is not None and line == lines[previous] and len(line.split()) >= 4:
            # The same line twice in a row is a photo's alt text plus its caption.
            kinds[previous] = kinds[i] = "caption"
        elif tl.is_caption(line, sources):
            kinds[i] = "caption"
        elif line in seen and len(line.split()) >= 4:
            kinds[i] = "duplicate"  # a pull quote repeating the body: keep the first copy only
        seen.setdefault(line, i)
        previous = i
        if kinds[i] == "caption" and line not in page.captions:
            page.captions.append(line)


def _read_header(
    lines: list[str], kinds: list[str | None], page: Page, sources: SourceRegistry
) -> int | None:
    """Find the headline among the first unclassified lines; mark kickers, labels and mastheads."""
    remaining = [i for i, k in enumerate(kinds) if k is None]
    for n, i in enumerate(remaining):
        line = lines[i]
        following = lines[remaining[n + 1]] if n + 1 < len(remaining) else None
        # "Opinion | Commentary" above a headline is a kicker, not a label on the title "Commentary".
        label, rest = (None, line) if _is_kicker(line, following) else tl.split_label(line)
        if label is not None:
            # "[News analysis]": a genre label that is also the page's section; "[Exclusive]": a section.
            page.genre = page.genre or tl.genre_of_label(label)
            page.section = page.section or label
            line = rest
        if label is None and len(line.split()) <= 6 and sources.by_name(line) is not None:
            kinds[i] = "masthead"
            continue
        # A kicker sits above a headline: "Commentary / World", "Editorial", or a bare one- or two-word
        # section name ("Diplomacy") when a headline (no full stop) and more text follow.
        short = len(line.split()) <= 2 and not line.endswith((".", "?", "!")) and n + 2 < len(remaining)
        if label is None and (
            _is_kicker(line, following) or (short and _headline_like(following, stop=False))
        ):
            # Breadcrumbs printed one per line ("National", "North Korea") make one section path.
            after_kicker = n > 0 and kinds[remaining[n - 1]] == "kicker"
            page.section = (
                f"{page.section} / {line}" if page.section and after_kicker else page.section or line
            )
            kinds[i] = "kicker"
            page.genre = page.genre or tl.kicker_genre(line)[1]
            continue
        if not _headline_like(line):
            return None  # the page starts with body text: no headline to find
        kinds[i] = "title"
        page.title = line
        return i
    return None


def _headline_like(line: str | None, stop: bool = True) -> bool:
    """Short enough for a headline; with stop=False, also without a final full stop."""
    if not line:
        return False
    words = len(line.split())
    if not stop and line.endswith("."):
        return False
    return (
        words <= MAX_TITLE_WORDS and len(line) <= MAX_TITLE_CHARS and not (words >= 12 and line.endswith("."))
    )


def _is_kicker(line: str, following: str | None) -> bool:
    """A section line ("Commentary / World", "Editorial") with a headline right under it."""
    return len(line.split()) <= 8 and tl.kicker_genre(line)[0] and _headline_like(following, stop=False)


def _body(
    lines: list[str], blocks: list[int], kinds: list[str | None], title_at: int | None, page: Page
) -> list[str]:
    """The unclassified lines after the headline, wrapped lines joined, a closing author bio left out."""
    paragraphs: list[str] = []
    last_block: int | None = None
    for i, line in enumerate(lines):
        if kinds[i] is not None or (title_at is not None and i < title_at):
            continue
        if role_line_near_byline(lines, kinds, i):
            kinds[i] = "role"
            continue
        if paragraphs and blocks[i] == last_block and _continues(paragraphs[-1], line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"  # a hard-wrapped paragraph
        else:
            paragraphs.append(line)
        last_block = blocks[i]
    while paragraphs and tl.is_author_bio(paragraphs[-1], page.authors):
        paragraphs.pop()
    return paragraphs


def role_line_near_byline(lines: list[str], kinds: list[str | None], i: int) -> bool:
    """A bare role line ("Staff Writer") right above or below a byline or dateline."""
    if not tl.is_role_line(lines[i]):
        return False
    near = [kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(k in ("byline", "date") for k in near)


def _continues(previous: str, line: str) -> bool:
    # Hard-wrapped text: the previous line stops mid-sentence and this one carries on (lower case,
    # or the previous line is long enough to have been wrapped). Short headings stay separate.
    if previous.endswith(tl.TERMINAL):
        return False
    return line[:1].islower() or len(previous) >= 55


# ---------------------------------------------------------------- genre

_QUOTED = re.compile(r"“[^”]{0,800}”|\"[^\"]{0,800}\"")
_FIRST_PLURAL = re.compile(r"\b(?:we|We|our|Our|us)\b")  # case-sensitive: "US" is the country
_NORMATIVE = re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to)\b", re.IGNORECASE)
_EVALUATIVE = re.compile(
    r"\b(?:worrisome|worrying|regrettable|deplorable|unacceptable|disturbing|remains to be seen|"
    r"it is (?:high )?time|it is (?:imperative|essential|crucial|important|necessary)|we hope|we urge)\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"\b(?:said|says|told|according to)\b")


# An editorial shows its voice within its first pages; a very long text (a 50 MB dump) is judged by
# its opening, not copied and split whole.
GENRE_SAMPLE_CHARS = 20_000


def _opening(paragraphs: list[str], limit: int) -> str:
    """The first paragraphs, joined, up to about `limit` characters."""
    taken: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if size >= limit:
            break
        taken.append(paragraph[: limit - size])
        size += len(taken[-1]) + 1
    return " ".join(taken)


def looks_editorial(paragraphs: list[str], authors: list[str], outlet: Outlet | None) -> bool:
    """An unsigned opinion piece in the paper's own voice: an editorial.

    Dong-A-style editorials carry no byline and argue in the first person plural ("we cannot
    completely rule out"), with normative modals ("the government should ...") and evaluations ("What
    is worrisome"); unsigned news copy reports what others said instead. Wire agencies run no
    editorials. Quoted speech is ignored: a quoted "we must" belongs to the speaker.
    """
    if authors or (outlet is not None and outlet.kind == "wire agency"):
        return False
    own_voice = _QUOTED.sub(" ", _opening(paragraphs, GENRE_SAMPLE_CHARS))
    words = len(own_voice.split())
    if words < 80:
        return False
    # Two of three signs; each test stops at its first (or second) hit instead of counting them all.
    plural = _FIRST_PLURAL.search(own_voice) is not None
    normative = len(list(islice(_NORMATIVE.finditer(own_voice), 2))) >= 2
    if not (plural or normative):
        return False
    score = plural + normative + (_EVALUATIVE.search(own_voice) is not None)
    return score >= 2 and len(_REPORTING.findall(own_voice)) <= max(3, words // 150)
