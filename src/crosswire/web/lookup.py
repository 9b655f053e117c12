"""Store look-ups shared by the pages and the REST API: a missing record is a 404 naming the id."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from crosswire.model import Article, Story
from crosswire.store import browse


def story_or_404(store: Any, story_id: str) -> Story:
    story = store.get_story(story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return story


def story_view_or_404(store: Any, story_id: str) -> dict[str, Any]:
    """The story page's data (`browse.story_view`: the story, headings, events, actors, one read)."""
    view = browse.story_view(store, story_id)
    if view is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return view


def article_or_404(store: Any, article_id: str) -> Article:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article
