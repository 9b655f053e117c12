"""The event coder as an analysis component: registered as "events" (`nlp/registry.py`), it codes an
article's events from the actors, times, places and attributions the components before it found."""

from __future__ import annotations

from crosswire.events.extract import extract_events
from crosswire.nlp.registry import AnalysisInProgress, component


@component("events")
def events(work: AnalysisInProgress) -> None:
    found = work.analysis
    found.events = extract_events(
        work.article,
        work.doc,
        found.actors,
        found.times,
        found.places,
        work.attributed,
        gated=work.resources.event_gate,
    )
