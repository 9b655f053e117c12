"""The REST API under /api/v1. Records have the export contract's shapes (docs/output-format.md):
articles as `article_record`, everything else as `model.to_dict`. Lists are pages:
`{"items": [...], "total": N, "limit": L, "offset": O}`.

Reading is open on a loopback bind, otherwise it needs the token; writing always needs it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from pydantic import AfterValidator, BaseModel, Field

from crosswire.model import article_record, to_dict
from crosswire.store import browse
from crosswire.store.search import SearchFilters
from crosswire.web.jobs import pasted_document
from crosswire.web.lookup import article_or_404, story_or_404
from crosswire.web.security import check_upload_name, public_article, require_read, require_write
from crosswire.web.views.compare import compare, recompare_story
from crosswire.web.views.ingest import read_uploads

router = APIRouter(prefix="/api/v1", tags=["api"], dependencies=[Depends(require_read)])

# An offset past a billion records is no page of any store; bounded, it never overflows a 64-bit integer.
MAX_OFFSET = 1_000_000_000


def iso_date(value: str | None) -> str | None:
    """An ISO date or datetime that names a real day ("2019-13-45" does not); ValueError otherwise."""
    if value is not None:
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
        except ValueError:
            raise ValueError(f"not an ISO date or datetime: {value[:40]!r}") from None
    return value


Limit = Annotated[int, Query(ge=1, le=200, description="records per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="records to skip")]
DateParam = Annotated[
    str | None,
    Query(description="ISO date or datetime", pattern=r"^\d{4}-\d{2}-\d{2}", max_length=40),
    AfterValidator(iso_date),
]
RootParam = Annotated[str | None, Query(pattern=r"^\d{2}$", description="two-digit CAMEO root, e.g. 04")]


def _page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/articles", summary="Articles, newest first")
def list_articles(
    request: Request,
    outlet: str | None = None,
    since: DateParam = None,
    until: DateParam = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    found, total = browse.page_articles(_store(request), outlet, since, until, limit, offset)
    return _page([article_record(public_article(a)) for a in found], total, limit, offset)


@router.get("/articles/{article_id}", summary="One article")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    article = article_or_404(_store(request), article_id)
    return article_record(public_article(article))


@router.get(
    "/articles/{article_id}/analysis", summary="Actors, quotes, events, places and dates of one article"
)
def get_analysis(request: Request, article_id: str) -> dict[str, Any]:
    analysis = _store(request).get_analysis(article_id)
    if analysis is None:
        raise HTTPException(404, f"no analysis stored for article {article_id!r}")
    return to_dict(analysis)


@router.delete(
    "/articles/{article_id}",
    summary="Delete an article (needs the token)",
    dependencies=[Depends(require_write)],
)
def delete_article(request: Request, article_id: str) -> Response:
    if not browse.delete_article(_store(request), article_id, recompare=recompare_story):
        raise HTTPException(404, f"no article with id {article_id!r}")
    return Response(status_code=204)


@router.get("/stories", summary="Stories, largest first")
def list_stories(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    sizes = browse.story_sizes(_store(request), limit=limit + offset)[offset:]
    return _page(sizes, browse.count_stories(_store(request)), limit, offset)


@router.get("/stories/{story_id}", summary="One story")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    story = story_or_404(_store(request), story_id)
    return to_dict(story)


@router.get("/stories/{story_id}/comparison", summary="Corroborated, single-source and omitted facts")
def get_comparison(request: Request, story_id: str, all_events: bool = False) -> dict[str, Any]:
    """`doubted` lists the events the precision gate doubts, kept out of the other lists unless
    `all_events`."""
    store = _store(request)
    story = story_or_404(store, story_id)
    return compare(story, all_events, browse.article_heads(store, story.article_ids).values())


@router.get("/quotes", summary="Quotes, by date")
def list_quotes(
    request: Request,
    speaker: str | None = None,
    article_id: str | None = None,
    outlet: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    items, total = browse.page_quotes(_store(request), speaker, article_id, outlet, limit, offset)
    return _page(items, total, limit, offset)


@router.get("/events", summary="Events, by date")
def list_events(
    request: Request,
    article_id: str | None = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code prefix")] = None,
    source_code: str | None = None,
    target_code: str | None = None,
    since: DateParam = None,
    until: DateParam = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    filters = {
        "article_id": article_id,
        "cameo": cameo,
        "source_code": source_code,
        "target_code": target_code,
        "since": since,
        "until": until,
    }
    items: list[Any] = []
    total = 0
    # Streamed from the store: only the requested page is kept.
    for event in _store(request).iter_events(**{k: v for k, v in filters.items() if v is not None}):
        if offset <= total < offset + limit:
            items.append(to_dict(event))
        total += 1
    return _page(items, total, limit, offset)


@router.get("/actors", summary="Actors across articles, most reported first")
def list_actors(
    request: Request, prefix: str | None = None, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    items = browse.actor_names(_store(request), prefix, limit, offset)
    return {"items": items, "limit": limit, "offset": offset}


@router.get("/actors/{name}", summary="An actor's codes, quotes and events")
def get_actor(request: Request, name: str, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    profile = browse.actor_profile(_store(request), name)
    quotes, total = browse.page_quotes(_store(request), speaker=name, limit=limit, offset=offset)
    if not profile["article_ids"] and not total:
        raise HTTPException(404, f"no actor named {name!r}")
    return {
        "name": name,
        "codes": profile["codes"],
        "article_ids": profile["article_ids"],
        "events": [to_dict(e) for e in profile["events"]],
        "quotes": _page(quotes, total, limit, offset),
    }


@router.get("/search", summary="Full-text search over articles or quotes")
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    kind: Annotated[str, Query(pattern="^(articles|quotes)$")] = "articles",
    outlet: str | None = None,
    since: DateParam = None,
    until: DateParam = None,
    actor: str | None = None,
    root: RootParam = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    filters = SearchFilters(outlet=outlet, since=since, until=until, actor=actor, root=root)
    cache = request.app.state.search_cache  # searches run in its few threads (SearchCache.in_thread)
    page = await cache.in_thread(cache.search, _store(request), kind, q, filters, limit, offset)
    # `total` counts up to 10,000 matches; `total_capped` says that more matched.
    return dict(_page(page.hits, page.total, page.limit, page.offset), total_capped=page.capped)


class PastedText(BaseModel):
    text: str = Field(min_length=1)
    title: str | None = None
    outlet: str | None = None
    published: Annotated[
        str | None,
        Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}", max_length=40),
        AfterValidator(iso_date),
    ] = None


@router.post(
    "/ingest",
    status_code=202,
    summary="Ingest uploaded files (needs the token)",
    dependencies=[Depends(require_write)],
)
async def ingest_files(request: Request, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
    contents = await read_uploads(request, files)
    return request.app.state.jobs.submit(contents).to_dict()


@router.post(
    "/ingest/text",
    status_code=202,
    summary="Ingest pasted text (needs the token)",
    dependencies=[Depends(require_write)],
)
def ingest_text(request: Request, body: PastedText) -> dict[str, Any]:
    limits = request.app.state.settings.limits
    if len(body.text) > limits.max_paste_chars:
        raise HTTPException(413, f"pasted text too long: the limit is {limits.max_paste_chars} characters")
    document = pasted_document(body.text, body.title, body.outlet, body.published)
    return request.app.state.jobs.submit([("pasted.txt", document.encode("utf-8"))]).to_dict()


class PageUrl(BaseModel):
    url: str = Field(min_length=1, max_length=2000)


@router.post(
    "/ingest/url",
    status_code=202,
    summary="Fetch an article page by URL and ingest it (needs the token; public http(s) addresses only)",
    dependencies=[Depends(require_write)],
)
def ingest_url(request: Request, body: PageUrl) -> dict[str, Any]:
    settings = request.app.state.settings
    return request.app.state.jobs.submit_url(body.url, settings.fetch).to_dict()


@router.get("/ingest/{job_id}", summary="An ingest job's progress")
def ingest_status(request: Request, job_id: str) -> dict[str, Any]:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job {job_id!r}")
    return job.to_dict()


@router.get("/outlets", summary="Outlets with their article counts")
def list_outlets(request: Request) -> dict[str, Any]:
    counts = browse.outlet_counts(_store(request))
    return {"items": counts, "total": len(counts)}


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> Response:
    """A local, script-free page over the OpenAPI schema (Swagger UI would need a CDN)."""
    schema = request.app.openapi()
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary", ""),
            "params": [p["name"] for p in op.get("parameters", [])],
        }
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
    ]
    return request.app.state.templates.TemplateResponse(request, "api_docs.html", {"endpoints": endpoints})


__all__ = ["check_upload_name", "router"]
