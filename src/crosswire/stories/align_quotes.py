"""Quote alignment inside a story (the quote half of align.py; thresholds documented there).

Two quotes align when their speakers match and their words match by rapidfuzz: partial_ratio >=
PARTIAL_MIN for truncated quotes (the shorter having MIN_PARTIAL_WORDS words or more), or
token_set_ratio >= TOKEN_SET_MIN for reworded or reordered ones; anonymous speakers only when the words
alone match at ANONYMOUS_MIN.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from crosswire.model import Analysis, Article, Quote
from crosswire.stories.inputs import normalise_name
from crosswire.stories.sentences import SentenceIndex

PARTIAL_MIN = 90
MIN_PARTIAL_WORDS = 4
TOKEN_SET_MIN = 80
ANONYMOUS_MIN = 92  # anonymous speakers: the words alone must match closely


@dataclass
class QuoteReport:
    article_id: str
    outlet: str | None
    quote_id: str
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    similarity: float = 100.0  # to the group's longest quote
    length_ratio: float = 1.0  # this quote's length / the longest quote's length
    kind: str = "direct"  # the quote's kind (model.Quote): direct, indirect or mixed


@dataclass
class AlignedQuote:
    """One statement as quoted across a story's articles."""

    speaker: str
    anonymous: bool
    reports: list[QuoteReport] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({r.outlet for r in self.reports if r.outlet})

    @property
    def text(self) -> str:
        return max(self.reports, key=lambda r: len(r.text)).text

    @property
    def kind(self) -> str:
        """The kind of the report whose words `text` gives (shown with marks only when direct)."""
        return max(self.reports, key=lambda r: len(r.text)).kind


def quote_similarity(a: str, b: str) -> tuple[float, float]:
    """(partial_ratio, token_set_ratio) of two quotes' words, case and punctuation folded."""
    a, b = _folded(a), _folded(b)
    return fuzz.partial_ratio(a, b), fuzz.token_set_ratio(a, b)


@functools.lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    # Cached: a story's alignment compares each quote with every group's quotes, folding the same
    # texts again and again (it was most of a comparison's time).
    return " ".join(content_free(text))


def content_free(text: str) -> list[str]:
    """Lower-cased words of `text` (punctuation and quote marks dropped)."""
    return "".join(c.lower() if c.isalnum() or c.isspace() else " " for c in text).split()


def same_words(a: str, b: str, anonymous: bool = False) -> bool:
    partial, token_set = quote_similarity(a, b)
    if anonymous:
        return max(partial, token_set) >= ANONYMOUS_MIN
    shorter = min(len(a.split()), len(b.split()))
    return (partial >= PARTIAL_MIN and shorter >= MIN_PARTIAL_WORDS) or token_set >= TOKEN_SET_MIN


def speaker_name(quote: Quote) -> tuple[str, bool]:
    sp = quote.speaker
    if sp.anonymous:
        return (sp.description or sp.name or "anonymous source", True)
    return (sp.name or sp.mention or sp.actor_code or "unknown speaker", False)


def same_speaker(a: str, b: str) -> bool:
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    # "Putin" ~ "Vladimir Putin"; "Kim" alone is too common a surname to match "Kim Jong-un" on its own,
    # so a one-word name must be the other's last word and the longer name must contain it whole.
    return (len(wa) == 1 or len(wb) == 1) and wa[-1] == wb[-1] and len(wa[-1]) > 3


def align_quotes(articles: Sequence[Article], analyses: Mapping[str, Analysis]) -> list[AlignedQuote]:
    """Quotes of a story grouped by speaker and words (see the module docstring), widest first."""
    groups: list[AlignedQuote] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        sentences = SentenceIndex(article.text)
        for quote in analysis.quotes:
            name, anonymous = speaker_name(quote)
            s, e, sentence = sentences.sentence(quote.start, quote.end)
            report = QuoteReport(
                article.id,
                article.outlet,
                quote.id,
                quote.text,
                quote.start,
                quote.end,
                sentence,
                s,
                e,
                kind=quote.kind,
            )
            for group in groups:
                if group.anonymous != anonymous or (not anonymous and not same_speaker(group.speaker, name)):
                    continue
                if any(
                    r.article_id != article.id and same_words(r.text, quote.text, anonymous)
                    for r in group.reports
                ):
                    group.reports.append(report)
                    if not anonymous and len(name) > len(group.speaker):
                        group.speaker = name
                    break
            else:
                groups.append(AlignedQuote(name, anonymous, [report]))
    for group in groups:
        longest = group.text
        for r in group.reports:
            partial, token_set = quote_similarity(r.text, longest)
            r.similarity = round(max(partial, token_set), 1)
            r.length_ratio = round(len(r.text) / max(1, len(longest)), 3)
    groups.sort(key=lambda g: (-len(g.outlets), -len(g.reports), g.speaker))
    return groups
