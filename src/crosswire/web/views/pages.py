"""The reading pages: dashboard, story, article, actor, actors and search."""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from crosswire.model import shown_quote
from crosswire.store import browse
from crosswire.store.search import SearchFilters
from crosswire.stories.summary import situation_summary
from crosswire.web.lookup import article_or_404, story_view_or_404
from crosswire.web.security import require_read
from crosswire.web.views.charts import month_bars
from crosswire.web.views.compare import (
    actor_events,
    compare,
    sentence_link,
    story_chart,
    story_graph,
    story_timeline_rows,
)
from crosswire.web.views.highlight import Annotation, annotations_for, marked_snippet, parse_range, segments

router = APIRouter(
    dependencies=[Depends(require_read)], include_in_schema=False, default_response_class=HTMLResponse
)


_OUTLETS_TTL_S = 30.0
# The story page reads the options and scenarios from at most this many member articles (the latest in
# corpus order): a story of hundreds of articles must still open in well under a second.
_OPTION_ARTICLES = 40


def _outlet_choices(request: Request) -> list[str]:
    """The search form's outlet names, recounted at most every 30 s: a GROUP BY over the whole store
    on every search would cost more than the search itself at 50k articles."""
    cached = getattr(request.app.state, "outlet_choices", None)
    now = time.monotonic()
    if cached is None or now - cached[0] > _OUTLETS_TTL_S:
        names = [row["outlet"] for row in browse.outlet_counts(request.app.state.store) if row["outlet"]]
        cached = (now, names)
        request.app.state.outlet_choices = cached
    return cached[1]


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    context.setdefault("token_required", bool(request.app.state.settings.token))
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/")
def dashboard(request: Request) -> Response:
    store = request.app.state.store
    return render(
        request,
        "dashboard.html",
        {
            "outlets": browse.outlet_counts(store),
            "chart": month_bars(browse.monthly_counts(store)),
            "stories": browse.story_sizes(store, limit=30),
            "recent": store.list_articles(limit=15),
            "total": store.count_articles(),
            "runs": store.list_runs(limit=5),
            "jobs": [job.to_dict() for job in request.app.state.jobs.recent(5)],
        },
    )


@router.get("/articles")
def article_list(
    request: Request, outlet: str | None = None, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> Response:
    store = request.app.state.store
    rows = store.list_articles(limit=50, offset=(page - 1) * 50, outlet=outlet)
    total = store.count_articles(outlet=outlet)
    return render(request, "articles.html", {"rows": rows, "outlet": outlet, "page": page, "total": total})


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, all_events: bool = False) -> Response:
    """A story's page; the events the precision gate doubts are in a collapsed "less certain" list,
    out of the facts, the timeline and the graph, unless `?all_events=1`."""
    view = story_view_or_404(request.app.state.store, story_id)
    story, heads = view["story"], view["heads"]
    columns: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article_id in story.article_ids:
        head = heads.get(article_id)
        if head:
            columns[head["outlet"] or "unknown outlet"].append(head)
    rows = story_timeline_rows(story, all_events)
    members = [heads[i] for i in story.article_ids if i in heads]
    store = request.app.state.store
    latest = store.in_corpus_order(set(story.article_ids))[-_OPTION_ARTICLES:]
    articles = [a for a in (store.get_article(i) for i in latest) if a is not None]
    analyses = {a.article_id: a for a in store.iter_analyses(latest)}
    options = situation_summary(articles, analyses, story.facts, all_events).options
    return render(
        request,
        "story.html",
        {
            "story": story,
            "columns": dict(columns),
            "coverage": sorted(members, key=lambda h: (h["published"] is None, str(h["published"] or ""))),
            "comparison": compare(story, all_events, members),
            "timeline": rows,
            "chart": Markup(story_chart(rows)),
            "graph": story_graph(story, all_events),
            "options": [
                {
                    **o,
                    "links": [
                        {**c, "href": sentence_link(c["article_id"], c["start"], c["end"])}
                        for c in o["citations"]
                    ],
                }  # fmt: skip
                for o in options
            ],
        },
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, hl: str | None = None) -> Response:
    store = request.app.state.store
    article = article_or_404(store, article_id)
    analysis = store.get_analysis(article_id)
    annotations = annotations_for(analysis, article_id)
    target = parse_range(hl, len(article.text))
    if target:
        annotations.append(Annotation(target[0], target[1], "target", "linked sentence"))
    return render(
        request,
        "article.html",
        {
            "article": article,
            "article_id": article_id,
            "segments": segments(article.text, annotations),
            "analysis": analysis,
            "stories": store.list_stories(article_id=article_id),
            "target": target,
            "sentence_link": sentence_link,
        },
    )


@router.get("/actors")
def actor_list(request: Request, prefix: str | None = None) -> Response:
    actors = browse.actor_names(request.app.state.store, prefix, limit=200)
    return render(request, "actors.html", {"actors": actors, "prefix": prefix})


@router.get("/actors/{name}")
def actor_page(request: Request, name: str, page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    store = request.app.state.store
    profile = browse.actor_profile(store, name)
    quotes, total_quotes = browse.page_quotes(store, speaker=name, limit=100, offset=(page - 1) * 100)
    if not profile["article_ids"] and not total_quotes:
        raise HTTPException(404, f"no actor named {name!r}")
    heads = browse.article_heads(store, profile["article_ids"])
    # the stories holding its articles, each read once (an article of a story already read needs no query)
    found: dict[str, Any] = {}
    covered: set[str] = set()
    for article_id in profile["article_ids"]:
        if article_id not in covered:
            for story in store.list_stories(article_id):
                found[story.id] = story
                covered.update(story.article_ids)
    stories = list(found.values())
    return render(
        request,
        "actor.html",
        {
            "name": name,
            "profile": profile,
            "heads": heads,
            "timeline": actor_events(name, profile["events"], profile["article_events"], stories),
            "quotes": quotes,
            "total_quotes": total_quotes,
            "page": page,
            "sentence_link": sentence_link,
        },
    )


@router.get("/search")
async def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    kind: Annotated[str, Query(pattern="^(articles|quotes)$")] = "articles",
    outlet: str = "",
    since: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
    until: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
    actor: str = "",
    root: Annotated[str, Query(pattern=r"^(\d{2})?$")] = "",
    page: Annotated[int, Query(ge=1, le=500)] = 1,
) -> Response:
    form = {
        "q": q,
        "kind": kind,
        "outlet": outlet,
        "since": since,
        "until": until,
        "actor": actor,
        "root": root,
    }
    # Searching and rendering run in the search threads (`SearchCache.in_thread`): a few at a time, in
    # order of arrival, rather than in the thread pool every other page shares.
    return await request.app.state.search_cache.in_thread(_search_page, request, form, page)


def _search_page(request: Request, form: dict[str, str], page: int) -> Response:
    result = None
    if form["q"].strip():
        filters = SearchFilters(
            outlet=form["outlet"] or None,
            since=form["since"] or None,
            until=form["until"] or None,
            actor=form["actor"] or None,
            root=form["root"] or None,
        )
        result = request.app.state.search_cache.search(
            request.app.state.store, form["kind"], form["q"], filters, limit=20, offset=(page - 1) * 20
        )
        for hit in result.hits:
            if form["kind"] == "quotes":
                # shown as every page shows a quote: a direct one in one pair of marks (its own dropped,
                # never ““...””), reported speech without marks of its own (model.shown_quote)
                hit["snippet_html"] = marked_snippet(shown_quote(hit.get("snippet") or "", hit.get("kind")))
                hit["href"] = sentence_link(hit["article_id"], hit["start"], hit["end"])
            else:
                hit["snippet_html"] = marked_snippet(hit.get("snippet"))
    return render(
        request,
        "search.html",
        {"form": form, "result": result, "page": page, "outlets": _outlet_choices(request)},
    )
