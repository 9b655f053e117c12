"""News media as parties: outlets, agencies and the article's own outlet or authors, which report acts rather
than do them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from crosswire.events.context import ArticleContext
from crosswire.knowledge.sources import OUTLET_TAILS, SourceRegistry
from crosswire.model import EventActor

MEDIA_WORDS = frozenset(
    "newspaper paper daily weekly radio television tv broadcaster magazine website channel wire cnn msnbc "
    "bbc cbs nbc pbs npr cnbc c-span buzzfeed politico axios reuters afp".split()
)


def web_address(name: str) -> bool:
    """ "Heraldnews.com", "example.co.uk": a name that is a web address (a site, not a party)."""
    return re.fullmatch(r"[\w-]+(\.[\w-]+)*\.(com|org|net|co\.uk|uk|news)", name.strip().lower()) is not None


def is_medium(ctx: ArticleContext, actor: EventActor) -> bool:
    """A news outlet or agency (CAMEO role MED, one of the outlets crosswire knows, or named as one: "Ansa
    news agency", "Belgrade radio"), the article's own outlet, or one of its authors."""
    name = (actor.name or "").strip()
    words = set(name.lower().split())
    tail = name.split()[-1].lower() if name.split() else ""
    if name.lower().removeprefix("the ") in OUTLET_TAILS:
        return True  # "told the Post"
    named = (
        bool(words & MEDIA_WORDS)
        or "news agency" in name.lower()
        or (len(words) > 1 and tail in OUTLET_TAILS)
    )
    known = bool(name) and _outlets().by_name(name.removeprefix("The ").removeprefix("the ")) is not None
    return "MED" in (actor.code or "")[:6] or named or known or is_own_outlet(ctx, actor)


@lru_cache(maxsize=1)
def _outlets() -> SourceRegistry:
    return SourceRegistry.builtin()


def names_medium(tok: Token) -> bool:
    """ "Ansa news agency", "Belgrade radio", "the newspaper": the phrase's head names a medium."""
    words = {c.lower_ for c in tok.children}
    if any(
        c.dep_ == "appos" and c.lemma_.lower() in MEDIA_WORDS | {"station", "network", "outlet"}
        for c in tok.children
    ):
        return True  # "WVLK, a radio station"
    return tok.lower_ in MEDIA_WORDS or (tok.lemma_.lower() == "agency" and "news" in words)


def is_own_outlet(ctx: ArticleContext, actor: EventActor) -> bool:
    """The outlet that publishes the article, or its author: they report the events, they are no party."""
    name = (actor.name or "").strip().lower()
    if not name:
        return False
    own = {(ctx.article.outlet or "").strip().lower()} | {a.strip().lower() for a in ctx.article.authors}
    return name in own - {""}
