"""The plain data model every stage shares.

Readers in `ingest/` produce Articles; extractors in `nlp/` produce Mentions, Actors, Quotes, Events,
Places and TimeRefs that point back into `Article.text` by character offsets; `stories/` groups
Articles into Stories. Records are plain dataclasses so they pickle cheaply (process pools, Dask)
and serialise with `to_dict` into the JSON shapes documented in docs/output-format.md.

Ids are content hashes: the same input always gets the same id, which is what makes ingestion
idempotent and lets the store upsert instead of append.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@functools.lru_cache(maxsize=1024)
def normalise_text(text: str) -> str:
    """Text as compared for exact duplicates: NFKC, curly quotes folded, case and spacing ignored.

    Cached: an article's id and its text hash both normalise the same (long) text, and ingestion asks
    for both; str caches its own hash, so a repeated lookup costs almost nothing."""
    if len(text) <= PIECE_CHARS:
        return _normalise_piece(text).strip()
    # A very long text (a 50 MB dump) a piece at a time: re.sub over the whole would hold millions of
    # small pieces at once (600 MB for 50 MB). Pieces end where neither NFKC, the space folding nor
    # lower-casing looks across (see `text_pieces`), so the result is the same.
    return "".join(_normalise_piece(piece) for piece in text_pieces(text)).strip()


def _normalise_piece(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).lower()


PIECE_CHARS = 1 << 20
# A piece ends after a run of whitespace that an ASCII letter, digit or mark follows: nothing before
# such a character composes with it under NFKC, and no whitespace on either side is left to fold.
_PIECE_END = re.compile(r"\s+(?=[!-~])")


def text_pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """`text` in pieces of about `size` characters, each ending after a whole run of whitespace before
    an ASCII character (a text with no such place from some point on ends in one long piece)."""
    start = 0
    while start < len(text):
        run = _PIECE_END.search(text, start + size) if start + size < len(text) else None
        end = run.end() if run else len(text)
        yield text[start:end]
        start = end


def count_words(text: str) -> int:
    """`len(text.split())` without the list of every word (8 million strings for a 50 MB text)."""
    if len(text) <= PIECE_CHARS:
        return len(text.split())
    return sum(len(piece.split()) for piece in text_pieces(text))


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex content hash of `parts`; None and "" hash alike so optional fields stay stable."""
    h = hashlib.sha256()
    for part in parts:
        h.update(("" if part is None else str(part)).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@functools.lru_cache(maxsize=1024)
def _article_id(source: str, outlet: str | None, title: str | None, text: str) -> str:
    # Cached on the values, not on the (mutable) Article: a reader that sets the outlet later gets a new id.
    return stable_id("article", source, outlet, title, normalise_text(text))


@functools.lru_cache(maxsize=1024)
def text_hash(text: str) -> str:
    """Hash of the normalised text: equal for exact duplicates whatever their outlet or title."""
    return stable_id(normalise_text(text), length=32)


@dataclass
class Outlet:
    """A news source from the sources registry (data/sources.toml or a user's file)."""

    name: str
    domains: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-3
    language: str | None = None  # ISO 639-1
    kind: str | None = None  # newspaper, wire agency, state media, broadcaster, magazine, online
    leaning: str | None = None
    owner: str | None = None
    aliases: list[str] = field(default_factory=list)  # mastheads and short names seen in text
    # Regexes recognising the outlet's page layout at the top of a text dump (weakest evidence; see
    # knowledge/sources.py `by_layout`).
    layouts: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return stable_id("outlet", self.name.lower())


@dataclass
class Span:
    """A stretch of `Article.text`: [start, end) character offsets and the text they cover."""

    start: int
    end: int
    text: str


@dataclass
class TimeRef:
    """A temporal expression resolved against the article's publication date (the anchor)."""

    text: str
    start: int
    end: int
    value: str | None  # ISO date (or datetime) of the start of the referenced time
    end_value: str | None = None  # ISO date of the end, for ranges ("last month", "by the end of the year")
    precision: str = "day"  # day, month, year, range, unresolved
    anchor: str | None = None  # what it was resolved against: "published:2019-04-29", "absolute", ...
    rule: str | None = None


@dataclass
class Place:
    """A toponym resolved to a country (ISO3) and coordinates."""

    name: str
    start: int | None = None
    end: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # city, country, region, facility
    geonames_id: int | None = None


@dataclass
class Mention:
    """One textual mention of an actor."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name, title, pronoun, metonym (Pyongyang for North Korea), description


@dataclass
class Actor:
    """A person, organisation, state or group as it appears in one article, with CAMEO actor codes."""

    article_id: str
    name: str
    kind: str  # person, organisation, state, group, anonymous
    codes: list[str] = field(default_factory=list)  # CAMEO actor codes, e.g. ["PRKGOV"]
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO3
    role: str | None = None  # GOV, MIL, MED, RES ...
    title: str | None = None  # "Foreign Minister", "director of ..."
    anonymous: bool = False
    description: str | None = (
        None  # for anonymous actors: "a former senior official in the South Korean government"
    )
    former: bool = False
    code_evidence: list[str] = field(
        default_factory=list
    )  # why these codes: "kb:Kim Jong-un", "title:Foreign Minister"
    tone: float | None = None  # [-1, 1]
    evidence: list[Span] = field(default_factory=list)  # sentences the tone was read from
    labels: list[str] = field(
        default_factory=list
    )  # the labels the article uses: "Chairman Kim", "the dictator"

    @property
    def actor_id(self) -> str:
        return stable_id("actor", self.article_id, self.name.lower())


@dataclass
class Speaker:
    mention: str | None = None  # the words that name the speaker where the quote is attributed ("he")
    name: str | None = None  # resolved: "Kim Jong-un", "KCNA", or the anonymous description
    actor_code: str | None = None
    anonymous: bool = False
    description: str | None = None
    start: int | None = None
    end: int | None = None
    actor_id: str | None = None


_OPEN_MARKS = '\u201c\u201e\u00ab"'
_CLOSE_MARKS = '\u201d\u00bb"'
# Between the pieces of an interrupted quotation: '“A,” “B.”' (the attribution cut out).
_STRAIGHT_PAIR = re.compile(r'"([^"]*)"')
_PIECE_JOIN = re.compile(r"[\u201d\"]\s+[\u201c\"]")


def spoken_text(text: str) -> str:
    """A quote's words as an interface shows them inside its own quote marks: the quotation's enclosing
    marks and the comma before its attribution dropped ('“We will win,”' -> 'We will win'), the pieces of
    an interrupted quotation joined, a quoted fragment the content cut short closed again, and the
    quotations inside it given single marks ('could go down a “new path' -> "could go down a ‘new path’")."""
    words = _PIECE_JOIN.sub(" ", text.strip())
    if len(words) >= 2 and words[0] in _OPEN_MARKS and words[-1] in _CLOSE_MARKS:
        inner = words[1:-1]
        first_close, first_open = inner.find("\u201d"), inner.find("\u201c")
        # The two marks enclose one quotation unless one closes inside ('“Great” is what he said, “really.”').
        if '"' not in inner and (first_close < 0 or 0 <= first_open < first_close):
            words = inner
    elif words[:1] == "\u201c" and words.count("\u201c") > words.count("\u201d"):
        words = words[1:]  # the quotation's closing mark lies past the end of the quote
    words = words.rstrip().rstrip(",")
    opened, closed = words.count("\u201c"), words.count("\u201d")
    if opened > closed:
        words += "\u201d" * (opened - closed)
    # Inside the interface's own double marks, a quotation within the quote takes single ones.
    words = _STRAIGHT_PAIR.sub("\u2018\\1\u2019", words)
    return words.replace("\u201c", "\u2018").replace("\u201d", "\u2019")


_REPORTED_OPENERS = ("that ", "whether ", "if ", "to ", "how ", "why ", "what ", "when ", "where ", "who ")


def shown_quote(text: str, kind: str | None) -> str:
    """A quote as every interface shows it: a direct quote inside one pair of marks (`spoken_text`); an
    indirect or mixed one is the reporter's paraphrase, so it gets no marks of its own (a mixed quote keeps
    the marks around the words it quotes): "“that the North will ...”" would put a that-clause in the
    speaker's mouth."""
    if kind == "direct":
        return "\u201c" + (spoken_text(text) or text.strip()) + "\u201d"
    return " ".join(text.split()).rstrip(",")


def quote_line(speaker: str, text: str, kind: str | None) -> str:
    """`speaker`'s quote as one line: 'X: “words”' for a direct quote, 'X said that ...' for reported
    speech (a clause that opens otherwise reads 'X (paraphrased): ...')."""
    shown = shown_quote(text, kind)
    if kind == "direct":
        return f"{speaker}: {shown}"
    if shown.lower().startswith(_REPORTED_OPENERS):
        return f"{speaker} said {shown}"
    return f"{speaker} (paraphrased): {shown}"


@dataclass
class Quote:
    """A direct, indirect or mixed quote with its cue and resolved speaker."""

    article_id: str
    text: str
    start: int
    end: int
    kind: str  # direct, indirect, mixed; "attribution" for a belief or intention (never shown, see nlp/quote_speech)
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: Speaker = field(default_factory=Speaker)
    reported_via: str | None = None  # "KCNA" for "KCNA reported that Kim told Putin ..."
    spans: list[tuple[int, int]] = field(
        default_factory=list
    )  # pieces, for quotes interrupted by attribution

    @property
    def id(self) -> str:
        return stable_id("quote", self.article_id, self.start, self.end)


@dataclass
class EventActor:
    name: str | None
    code: str | None
    actor_id: str | None = None

    def __post_init__(self) -> None:
        # names are cut from the text: a phrase ending a paragraph carries its line breaks
        if self.name is not None:
            self.name = " ".join(self.name.split())


@dataclass
class EventMention:
    """One report of an event: the sentence, and what that report says of the act.

    A merged event keeps every report with its own status: one outlet may report the summit as held while
    another, writing the day before, only expects it. Only reports whose status is a fact status and not
    negated count towards corroboration."""

    article_id: str
    start: int
    end: int
    sentence: str
    outlet: str | None = None
    status: str = "happened"  # one of EVENT_STATUSES, as this report gives it
    negated: bool = False
    date: str | None = None  # the act's date as this report gives it (see Event.date)
    date_end: str | None = None
    date_source: str = "none"  # one of DATE_SOURCES, for this report's date


# What the reporting text says of an act (Event.status). Only "happened" and "ongoing" acts, affirmed, are
# facts; the others stay visible as what they are: "expected", "hypothetical", "demanded", "denied".
EVENT_STATUSES = ("happened", "ongoing", "planned", "hypothetical", "demanded", "denied")
FACT_STATUSES = frozenset({"happened", "ongoing"})
# Where an event's date came from (Event.date_source): the sentence itself ("on April 25"), a time relative
# to another dated mention or to publication ("the previous day", "last week"), the knowledge base of named
# events ("the Hanoi summit"), or nowhere (undated). The publication date is never an event's date: it is
# kept apart as `reported_on`.
DATE_SOURCES = ("text", "relative", "kb", "none")


def overall_status(reports: Iterable[tuple[str | None, bool]]) -> tuple[str, bool]:
    """The one status of a merged event over its reports' (status, negated): the rule events.jsonl
    (events/merge.py), `compare`, the timeline, the report and the web all show. Any affirmed fact
    report makes it a fact: "ongoing" only when every such report gives it as going on, else "happened".
    Otherwise a denial, then a negation (its most common mood), then the most common status."""
    pairs = [(s or "happened", bool(n)) for s, n in reports]
    facts = [s for s, n in pairs if s in FACT_STATUSES and not n]
    if facts:
        return ("ongoing" if all(s == "ongoing" for s in facts) else "happened"), False
    if any(s == "denied" and not n for s, n in pairs):
        return "denied", False
    negated = [s for s, n in pairs if n]
    pool = negated or [s for s, _ in pairs]
    if not pool:
        return "happened", False
    found = Counter(pool)
    return max(found, key=lambda s: (found[s], s)), bool(negated)


def status_word(status: str | None, negated: bool) -> str:
    """The one word every view shows for an event's status: "denied" for a negated report."""
    return "denied" if negated else (status or "happened")


@dataclass
class Event:
    """A who-did-what-to-whom event, coded in CAMEO and PLOVER, tied to the sentences that report it."""

    source: EventActor
    target: EventActor | None
    cameo: str
    mentions: list[EventMention] = field(default_factory=list)
    plover: str | None = None
    mode: str | None = None
    goldstein: float | None = None
    date: str | None = None  # the act's own time, never the publication date (None: undated)
    date_precision: str | None = None  # day, month, year, range
    date_end: str | None = None  # ISO date the act ended, for a range ("the 2018 summits", "1950-53")
    date_source: str = "none"  # one of DATE_SOURCES
    reported_on: str | None = None  # ISO date of the earliest report (publication), kept apart from `date`
    status: str = "happened"  # one of EVENT_STATUSES
    place: Place | None = None
    claim_by: str | None = None  # speaker when the event is reported inside a quote
    negated: bool = False
    rule: str | None = None  # lexicon entry or pattern that fired
    confidence: float = 0.5

    @property
    def article_ids(self) -> list[str]:
        return sorted({m.article_id for m in self.mentions})

    @property
    def is_fact(self) -> bool:
        """Reported as having happened (or going on), not negated: what may be shown as a fact."""
        return self.status in FACT_STATUSES and not self.negated

    @property
    def id(self) -> str:
        first = min(((m.article_id, m.start) for m in self.mentions), default=("", 0))
        return stable_id(
            "event",
            self.source.code,
            self.source.name,
            self.target and self.target.code,
            self.cameo,
            self.date,
            *first,
        )


@dataclass
class Article:
    """One news article after ingestion: metadata plus the clean body `text` every offset points into."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source_path: str | None = None
    external_id: str | None = None
    authors: list[str] = field(default_factory=list)
    author_roles: dict[str, str] = field(default_factory=dict)  # "Kim Ji-eun" -> "staff reporter"
    published: datetime | None = None
    updated: datetime | None = None
    section: str | None = None
    genre: str | None = None  # news, analysis, editorial, commentary, opinion
    language: str | None = None
    captions: list[str] = field(default_factory=list)  # photo captions, kept out of `text`
    duplicate_of: str | None = None  # id of the earlier article with the same normalised text
    near_duplicates: list[str] = field(default_factory=list)  # ids of near-duplicate / wire-copy articles
    warnings: list[str] = field(default_factory=list)
    analysable: bool = True  # False for non-English text: stored and flagged, not analysed
    main_event: dict[str, Any] | None = None  # 5W1H, filled by nlp
    format: str | None = None  # text, html, feed, warc, jsonl

    @property
    def id(self) -> str:
        return _article_id(self.external_id or self.url or "", self.outlet, self.title, self.text)

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)

    @property
    def word_count(self) -> int:
        return count_words(self.text)


@dataclass
class Fact:
    """A fact or quote aligned across a story's articles."""

    kind: str  # event, statement (a CAMEO 01 act: said, never a fact), quote
    summary: str  # events: a plain sentence written from the event's structure (stories/phrases.py)
    event_id: str | None = None
    quote_id: str | None = None
    outlets: list[str] = field(default_factory=list)  # every outlet with a report, whatever it says
    # Events: independent outlets among the reports that give the act as happened (the ones counted).
    independent_outlets: list[str] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)  # {article_id, outlet, start, end, text}
    # Events only (stories/briefing.py): the act's status over its reports, date, place, sides, codes.
    status: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None  # where the shown date came from (Event.date_source); None: not shown
    place: str | None = None
    source: dict[str, Any] | None = None  # {name, code}
    target: dict[str, Any] | None = None
    codes: dict[str, Any] = field(default_factory=dict)  # {cameo, cameo_name, plover, goldstein}
    first_reported: str | None = None
    # Events: the merged event's confidence (events/gate.py, combined over its reports by events/merge.py):
    # under the gate's threshold the fact is doubted (stories/briefing.py `is_doubted`). None: not an event.
    confidence: float | None = None
    # Events with two sides: the outlets whose articles name both sides in one sentence. Such an outlet
    # may report the act in words the coder did not read, so it is never said to leave it out.
    named_by: list[str] = field(default_factory=list)


@dataclass
class Story:
    """Articles from one or more outlets that cover the same story."""

    article_ids: list[str]
    title: str | None = None
    outlets: list[str] = field(default_factory=list)
    date_span: tuple[str | None, str | None] = (None, None)
    facts: list[Fact] = field(default_factory=list)
    portrayal: dict[str, dict[str, float]] = field(default_factory=dict)
    # {outlet: {actor: [{article_id, outlet, start, end, text}]}}: the sentences behind each tone
    portrayal_evidence: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    related: list[str] = field(default_factory=list)
    # The ids this story had before its members changed (an id is a hash of the members): a link to
    # /stories/<old id> is redirected here, so a bookmark survives the story gaining an article.
    previous_ids: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return stable_id("story", *sorted(self.article_ids))


@dataclass
class Analysis:
    """Everything the nlp stage found in one article; a pure function of (Article, Doc)."""

    article_id: str
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    main_event: dict[str, Any] | None = None


_PLAIN = (str, int, float, bool, type(None))
_PROPERTIES = ("id", "actor_id", "article_ids", "word_count")


@functools.cache
def _record_names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A record class's field names and the properties `to_dict` adds, looked up once per class."""
    fields = tuple(f.name for f in dataclasses.fields(cls))
    return fields, tuple(n for n in _PROPERTIES if isinstance(getattr(cls, n, None), property))


def to_dict(obj: Any) -> Any:
    """Serialise a record (recursively) to JSON-ready values, properties like `id` included."""
    # Most values are plain (a story's facts hold thousands of sentence fields): test those first.
    if isinstance(obj, _PLAIN):
        return obj
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields, properties = _record_names(type(obj))
        out = {name: to_dict(getattr(obj, name)) for name in fields}
        for name in properties:
            out[name] = to_dict(getattr(obj, name))
        return out
    return obj


def article_record(article: Article) -> dict[str, Any]:
    """The `articles.jsonl` shape (docs/output-format.md): the output contract external scorers use."""
    return {
        "id": article.id,
        "external_id": article.external_id,
        "source_path": article.source_path,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "genre": article.genre,
        "section": article.section,
        "language": article.language,
        "text": article.text,
        "word_count": article.word_count,
        "duplicate_of": article.duplicate_of,
        "near_duplicates": list(article.near_duplicates),
        "captions": list(article.captions),
        "main_event": article.main_event,
    }


def article_from_record(rec: dict[str, Any]) -> Article:
    """Inverse of `article_record` (used by the store and the JSONL reader of our own output)."""

    def dt(v: Any) -> datetime | None:
        return datetime.fromisoformat(v) if isinstance(v, str) and v else None

    return Article(
        text=rec.get("text") or "",
        title=rec.get("title"),
        outlet=rec.get("outlet"),
        url=rec.get("url"),
        source_path=rec.get("source_path"),
        external_id=rec.get("external_id"),
        authors=list(rec.get("authors") or []),
        author_roles=dict(rec.get("author_roles") or {}),
        published=dt(rec.get("published")),
        updated=dt(rec.get("updated")),
        section=rec.get("section"),
        genre=rec.get("genre"),
        language=rec.get("language"),
        captions=list(rec.get("captions") or []),
        duplicate_of=rec.get("duplicate_of"),
        near_duplicates=list(rec.get("near_duplicates") or []),
        warnings=list(rec.get("warnings") or []),
        analysable=rec.get("analysable", True),
        main_event=rec.get("main_event"),
        format=rec.get("format"),
    )


@dataclass
class Problem:
    """A per-file error or warning from ingestion: reported in the run summary, never fatal to a batch."""

    path: str
    message: str
    severity: str = "error"  # error (file skipped) or warning (article kept, flagged)

    def __str__(self) -> str:
        return f"{self.path}: {self.severity}: {self.message}"


# progress(task, completed, total): task is "files" or "articles" during ingest, the step's name
# during analysis ("analysis", "stories"); total is None while unknown. The CLI draws Rich progress
# bars from these calls; every stage that reports progress takes one of these.
ProgressFn = Callable[[str, int, int | None], None]


def outlet_readings(fact: Fact) -> list[dict[str, Any]]:
    """Per outlet, what its reports say of the act: [{outlet, reads, counted}], counted ones first."""
    by_outlet: dict[str, set[str]] = {}
    for s in fact.sentences:
        by_outlet.setdefault(str(s.get("outlet") or "unknown outlet"), set()).add(
            str(s.get("reads") or "reported")
        )
    rows = []
    for outlet, words in by_outlet.items():
        counted = "reported" in words
        rows.append(
            {"outlet": outlet, "reads": "reported" if counted else sorted(words)[0], "counted": counted}
        )
    return sorted(rows, key=lambda r: (not r["counted"], r["outlet"]))
