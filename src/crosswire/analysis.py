"""The article analysis with every built-in component registered: nlp's extractors (`nlp/components.py`,
through `nlp/pipeline.py`) and the event coder (`events/component.py`). Whatever analyses articles (the
run's executors, the evaluations, the tests) imports them from here, so no component is left out."""

from __future__ import annotations

from crosswire.events import component  # noqa: F401  (registers the event coder)
from crosswire.knowledge.resources import Resources
from crosswire.nlp.pipeline import analyze_article, analyze_articles, pipeline_order

__all__ = ["Resources", "analyze_article", "analyze_articles", "pipeline_order"]
