"""nlp's analysis components: actors, times, places, quotes, tone and the 5W1H main event, each the
registered adapter of its extractor to the analysis in progress (`nlp/registry.py`)."""

from __future__ import annotations

from crosswire.nlp.actors import extract_actors
from crosswire.nlp.dates import extract_times
from crosswire.nlp.fivew import main_event as five_w_one_h
from crosswire.nlp.places import extract_places
from crosswire.nlp.quotes import extract_quotes
from crosswire.nlp.registry import AnalysisInProgress, component
from crosswire.nlp.tone_model import score_tone


@component("actors")
def actors(work: AnalysisInProgress) -> None:
    work.analysis.actors = extract_actors(work.article, work.doc, work.kb, sources=work.resources.sources)


@component("times")
def times(work: AnalysisInProgress) -> None:
    work.analysis.times = extract_times(work.article, work.doc)


@component("places")
def places(work: AnalysisInProgress) -> None:
    countries = sorted({a.country for a in work.analysis.actors if a.country})
    work.analysis.places = extract_places(work.article, work.doc, countries)


@component("quotes")
def quotes(work: AnalysisInProgress) -> None:
    work.attributed = extract_quotes(work.article, work.doc, work.analysis.actors, attributions=True)
    # A quote with no speaker cannot be shown as anyone's words ('..., asked if ..., said, "..."' misparsed),
    # nor one whose speaker is a pronoun the article did not resolve ("she: ..." tells an analyst nothing).
    work.analysis.quotes = [
        q
        for q in work.attributed
        if q.kind != "attribution"
        and (q.speaker.name or (q.speaker.mention and q.speaker.mention.lower() not in _PRONOUNS))
    ]


_PRONOUNS = frozenset("he she him her it they them we i who which that this these those".split())


@component("tone")
def tone(work: AnalysisInProgress) -> None:
    work.analysis.actors = score_tone(work.article, work.doc, work.analysis.actors, work.attributed)


@component("main_event")
def main_event(work: AnalysisInProgress) -> None:
    found = work.analysis
    found.main_event = five_w_one_h(
        work.article,
        work.doc,
        actors=found.actors,
        times=found.times,
        places=found.places,
        quotes=work.attributed,
    )
