"""Time expressions: every date, time and span of time in an article, resolved to calendar dates.

Candidates are spaCy's DATE and TIME entities plus what a regex scan finds that the model misses
("the previous day" is often not an entity, nor "yesterday" at a sentence start). Each is resolved by
`date_rules.resolve` against two anchors:

* the publication date (`Article.published`, read in the article's own time zone): "yesterday", "last
  month", "this past Friday", and the year of "Apr. 26";
* the date of the event the text is already discussing, for expressions that count from it ("the previous
  day", "two days later"): the nearest earlier day-precise date in the same sentence, else in the same
  paragraph. "On Apr. 26, KCNA reported that Kim told Putin during their summit the previous day" is
  Apr. 25.

Tense decides the direction of bare weekdays and of dates without a year: a future-tense sentence ("will
meet on Tuesday") looks ahead of the anchor, any other looks back. The word before an expression can turn it
into a range ("by the end of the year", "since 2016"); it is then part of the TimeRef's text.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from crosswire.model import Article, TimeRef
from crosswire.nlp import date_rules as rules
from crosswire.nlp.runtime import doc_text

# Expressions the model often leaves untagged; matched case-insensitively on word boundaries.
_MISSED = re.compile(
    r"\b(?:"
    r"(?:the\s+)?(?:previous|following|next|preceding|prior|same)\s+(?:day|night|morning|evening)"
    r"|(?:a|one)\s+day\s+(?:earlier|later|before)|the\s+day\s+(?:before|after)(?:\s+(?:yesterday|tomorrow))?"
    r"|yesterday|today|tonight|tomorrow"
    rf"|(?:this\s+past|this\s+coming|last|next)\s+{rules.WEEKDAY_RE}"
    rf"|(?:on\s+)?{rules.WEEKDAY_RE}(?=\s|[,.;]|$)"
    r"|(?:earlier|later)\s+this\s+(?:week|month|year)|(?:last|next|this)\s+(?:week|month|year)"
    r"|(?:the\s+)?end\s+of\s+(?:the|this|next)\s+(?:year|month)"
    rf"|{rules.MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    r"|(?:1[89]\d\d|20\d\d)\s*[-\u2013]\s*(?:1[89]\d\d|20\d\d)"
    r")\b",
    re.IGNORECASE,
)
# Words before an expression that change what it means (date_rules._apply_prefix).
PREFIXES = frozenset({"by", "until", "till", "through", "since"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "\u2019ll"})
# Weekday regex hits that are names, not days ("Sun" the newspaper, "Wed" in a headline); require a capital.
_AMBIGUOUS_SHORT = frozenset({"sun", "sat", "wed", "mon", "tue", "thu", "fri", "may", "mar"})


def anchor_date(article: Article) -> date | None:
    """The publication date as the outlet's readers saw it (the datetime's own zone, not UTC)."""
    return article.published.date() if article.published else None


def extract_times(article: Article, doc: Doc) -> list[TimeRef]:
    """Every temporal expression in `doc` (parsed from `article.text`), resolved (see the module docstring)."""
    published = anchor_date(article)
    out: list[TimeRef] = []
    text = doc_text(doc)  # Doc.text joins every token on each access
    for start, end in candidate_spans(doc, text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        prefix_tok = doc[span.start - 1] if span.start > 0 else None
        prefix = prefix_tok.lower_ if prefix_tok is not None and prefix_tok.lower_ in PREFIXES else ""
        mention = mention_date(out, start, text.rfind("\n", 0, start) + 1)
        res = rules.resolve(
            text[start:end], published=published, mention=mention, future=is_future(span), prefix=prefix
        )
        if prefix and res.precision == "range" and res.rule.startswith(prefix):
            start = prefix_tok.idx  # type: ignore[union-attr]
        out.append(
            TimeRef(
                text=text[start:end],
                start=start,
                end=end,
                value=res.value,
                end_value=res.end_value,
                precision=res.precision,
                anchor=res.anchor,
                rule=res.rule,
            )
        )
    return out


def candidate_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """DATE/TIME entities, then regex hits that overlap none of them, in text order."""
    text = doc_text(doc) if text is None else text
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans = [_trim(text, a, b) for a, b in spans]
    taken = sorted(spans)
    for m in _MISSED.finditer(text):
        a, b = m.start(), m.end()
        if m.group(0).lower().startswith("on "):
            a += 3
        word = text[a:b]
        if word.lower() in _AMBIGUOUS_SHORT and not word[0].isupper():
            continue
        if word.lower() in ("may", "march", "sun", "sat") and word.istitle():
            continue  # the verb "may" and the newspaper "Sun" outnumber the month and the day
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
    return sorted(s for s in taken if s[1] > s[0])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive or punctuation the entity swallowed ("Friday's", "2019,")."""
    piece = text[start:end]
    cut = re.search(r"(?:['\u2019]s|[,.;:])$", piece)
    if cut and not re.search(
        r"\b[a-z]\.$|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.$", piece, re.I
    ):
        end -= len(cut.group(0))
    return start, end


def is_future(span: Span) -> bool:
    """Whether the clause the expression sits in is in the future tense ("will meet on Tuesday")."""
    verb: Token | None = span.root
    for _ in range(4):
        if verb is None:
            break
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head if verb.head.i != verb.i else None
    if verb is None:
        return False
    words = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb.lower_]
    if any(w in FUTURE_AUX for w in words):
        return True
    # "is going to meet", "plans to meet", "is set to", "is expected to"
    return (
        verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.lemma_ in ("go", "plan", "expect", "set", "schedule", "due", "intend", "aim")
    )


def mention_date(found: list[TimeRef], start: int, paragraph_start: int) -> date | None:
    """The nearest earlier day-precise date in the same paragraph (so in the same sentence when it has one)."""
    for ref in reversed(found):
        if ref.start < paragraph_start:
            break
        if ref.precision == "day" and ref.value and ref.end <= start:
            return date.fromisoformat(ref.value[:10])
    return None
