"""Export buttons: the store's articles as JSONL, CSV or Parquet (the `crosswire export` writers), and
the briefing report. Files are written to a temporary folder and removed after they are sent.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from crosswire.export import FORMATS, export_articles
from crosswire.store import SqlStore, browse
from crosswire.web.security import public_article, require_read
from crosswire.web.views.compare import compare

router = APIRouter(prefix="/export", dependencies=[Depends(require_read)], include_in_schema=False)
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


def _send(folder: Path, path: Path, media_type: str) -> FileResponse:
    return FileResponse(
        path,
        media_type=media_type,
        filename=path.name,
        content_disposition_type="attachment",
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


@router.get("/articles.{fmt}")
def export(request: Request, fmt: str) -> Response:
    if fmt not in FORMATS:
        raise HTTPException(404, f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    folder = Path(tempfile.mkdtemp(prefix="crosswire-export-"))
    try:
        articles = (public_article(a) for a in request.app.state.store.iter_articles())
        path, _count = export_articles(articles, folder, fmt)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return _send(folder, path, MEDIA_TYPES[fmt])


def _report_writer() -> Any:
    """The report stage's `write_report(store_or_corpus, out_dir) -> {"report_md", "report_html"}`."""
    try:
        from crosswire.report import write_report
    except ImportError:
        return None
    return write_report


@router.get("/briefing.{fmt}")
def briefing(request: Request, fmt: str) -> Response:
    """The briefing report as a download (the HTML one is self-contained, so it is not shown under
    this site's CSP but saved and opened as a file)."""
    if fmt not in ("md", "html"):
        raise HTTPException(404, f"unknown briefing format {fmt!r}: choose md or html")
    store = request.app.state.store
    folder = Path(tempfile.mkdtemp(prefix="crosswire-report-"))
    try:
        writer = _report_writer()
        if writer is not None:
            path = Path(writer(store, folder)[f"report_{fmt}"])
        elif fmt == "md":
            path = folder / "briefing.md"
            path.write_text(briefing_markdown(store), encoding="utf-8")
        else:
            raise HTTPException(501, "the HTML briefing needs the report stage (crosswire.report)")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return _send(folder, path, MEDIA_TYPES[fmt])


def briefing_markdown(store: SqlStore, max_stories: int = 20) -> str:
    """A short briefing from the stored stories: per story, what several outlets agree on, what only
    one reports, and what each outlet leaves out. Used until the report stage provides its own."""
    lines = ["# Briefing", "", f"{store.count_articles()} articles in the store.", ""]
    for row in browse.story_sizes(store, limit=max_stories):
        story = store.get_story(row["id"])
        if story is None:
            continue
        result = compare(story)
        lines += [
            f"## {_md(story.title or 'Untitled story')}",
            "",
            f"{len(story.article_ids)} articles from {', '.join(_md(o) for o in result['outlets']) or 'unknown outlets'}.",
            "",
        ]
        for heading, facts in (
            ("Corroborated", result["corroborated"]),
            ("Single source", result["single_source"]),
        ):
            if facts:
                lines.append(f"**{heading}:**")
                lines += [
                    f"- {_md(f['summary'])} ({', '.join(_md(o) for o in f['outlets'])})" for f in facts[:10]
                ]
                lines.append("")
        for outlet, facts in result["omitted"].items():
            lines.append(f"*{_md(outlet)} leaves out:* " + "; ".join(_md(f["summary"]) for f in facts[:5]))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md(value: Any) -> str:
    # Article text is untrusted: neutralise Markdown/HTML so a renderer shows it as text.
    text = " ".join(str(value).split())
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text
