"""The registry of analysis components and the analysis in progress they share (as spaCy's components
share a Doc).

A component is a function of one `AnalysisInProgress`: it reads what earlier components found and adds
its own part to `work.analysis`. Adding one is a module with the function and its registration,

    @component("claims")
    def claims(work: AnalysisInProgress) -> None:
        work.analysis.main_event = ...

and its name in the order the pipeline runs (`data/pipeline.toml`, or `order=` of `analyze_article`).
The registry is filled on import: the orchestration layer imports the modules that register
(`crosswire.analysis` imports nlp's and the event coder's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from crosswire.errors import CrosswireError
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.knowledge.resources import Resources
from crosswire.model import Analysis, Article, Quote


class ComponentError(CrosswireError, ValueError):
    """A component named twice, or a pipeline order naming a component nobody registered."""


@dataclass
class AnalysisInProgress:
    """One article's analysis while its components run."""

    article: Article
    doc: Doc
    resources: Resources
    analysis: Analysis
    # Every attributed stretch, beliefs and intentions ("analysts believe that ...") included: they mark
    # whose words a stretch is for tone and events, while `analysis.quotes` keeps only reported speech.
    attributed: list[Quote] = field(default_factory=list)

    @property
    def kb(self) -> KnowledgeBase:
        return self.resources.knowledge_base


Component = Callable[[AnalysisInProgress], None]

COMPONENTS: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register the decorated function as the analysis component `name`."""

    def register(function: Component) -> Component:
        if name in COMPONENTS and COMPONENTS[name] is not function:
            raise ComponentError(f"analysis component {name!r} is registered twice")
        COMPONENTS[name] = function
        return function

    return register


def registered(name: str) -> Component:
    """The component registered as `name`; ComponentError naming what is registered when none is."""
    try:
        return COMPONENTS[name]
    except KeyError:
        known = ", ".join(sorted(COMPONENTS)) or "none"
        raise ComponentError(
            f"analysis component {name!r} is not registered (registered: {known}); import the module that "
            "registers it (crosswire.analysis registers the built-in ones)"
        ) from None
