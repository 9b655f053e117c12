"""The analysis is a registry of components run in an order that is data (issue #17 part 2)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from crosswire.analysis import analyze_article, pipeline_order
from crosswire.model import Article
from crosswire.nlp import registry
from crosswire.nlp.registry import AnalysisInProgress, ComponentError, component
from crosswire.nlp.runtime import parse

TEXT = "South Korea accused North Korea of violating the agreement."


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> dict:
    """The registry as it is, in a copy the test may register into without leaving anything behind."""
    copy = dict(registry.COMPONENTS)
    monkeypatch.setattr(registry, "COMPONENTS", copy)
    return copy


def test_the_order_is_the_data_file():
    text = resources.files("crosswire").joinpath("data/pipeline.toml").read_text(encoding="utf-8")
    assert pipeline_order() == tuple(tomllib.loads(text)["order"])
    assert pipeline_order() == ("actors", "times", "places", "quotes", "tone", "events", "main_event")
    # Every component the order names is registered once crosswire.analysis is imported.
    assert set(pipeline_order()) <= set(registry.COMPONENTS)


def test_a_registered_component_adds_to_the_analysis_where_the_order_puts_it(scratch_registry):
    @component("toy")
    def toy(work: AnalysisInProgress) -> None:
        # A toy annotation: every actor found so far is labelled, so where the toy runs shows.
        for actor in work.analysis.actors:
            actor.labels.append("toy")

    article = Article(text=TEXT)
    doc = parse(TEXT)
    after = analyze_article(article, doc, order=(*pipeline_order(), "toy"))
    assert after.actors and all("toy" in a.labels for a in after.actors)
    assert after.events  # the built-in components ran as before
    # Run first, the toy sees no actors yet: the order given decides.
    before = analyze_article(article, doc, order=("toy", *pipeline_order()))
    assert before.actors and not any("toy" in a.labels for a in before.actors)
    # Left out of the order, a component does not run.
    without = analyze_article(article, doc, order=[n for n in pipeline_order() if n != "events"])
    assert without.events == [] and without.actors


def test_unknown_and_twice_registered_components_are_errors(scratch_registry):
    with pytest.raises(ComponentError, match="'nope' is not registered"):
        analyze_article(Article(text=TEXT), parse(TEXT), order=("actors", "nope"))

    @component("twice")
    def first(work: AnalysisInProgress) -> None: ...

    with pytest.raises(ComponentError, match="registered twice"):

        @component("twice")
        def second(work: AnalysisInProgress) -> None: ...
