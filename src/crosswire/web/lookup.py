"""Store look-ups shared by the pages and the REST API: a missing record is a 404 naming the id; a
story id that its story left behind when its members changed is a redirect to the story (StoryMoved)."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from crosswire.model import Article, Story
from crosswire.store import SqlStore, browse


class StoryMoved(Exception):
    """The story asked for is stored under a new id since its members changed (web/app.py redirects)."""

    def __init__(self, old_id: str, new_id: str) -> None:
        super().__init__(f"story {old_id} is now {new_id}")
        self.old_id, self.new_id = old_id, new_id


def _missing_story(store: SqlStore, story_id: str) -> Exception:
    moved = browse.story_moved_to(store, story_id)
    if moved is not None:
        return StoryMoved(story_id, moved)
    return HTTPException(404, f"no story with id {story_id!r}")


def story_or_404(store: SqlStore, story_id: str) -> Story:
    story = store.get_story(story_id)
    if story is None:
        raise _missing_story(store, story_id)
    return story


def story_view_or_404(store: SqlStore, story_id: str) -> dict[str, Any]:
    """The story page's data (`browse.story_view`: the story, headings, events, actors, one read)."""
    view = browse.story_view(store, story_id)
    if view is None:
        raise _missing_story(store, story_id)
    return view


def article_or_404(store: SqlStore, article_id: str) -> Article:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article
