"""Export buttons: the store's articles as JSONL, CSV or Parquet (the `crosswire export` writers), and
the briefing report. Files are written to a temporary folder and removed after they are sent.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from crosswire.export import FORMATS, export_articles
from crosswire.report import write_report
from crosswire.web.security import public_article, require_read

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


@router.get("/briefing.{fmt}")
def briefing(request: Request, fmt: str, all_events: bool = False) -> Response:
    """The briefing report as a download (the HTML one is self-contained, so it is not shown under
    this site's CSP but saved and opened as a file); `?all_events=1` shows the events the precision
    gate doubts as facts too (by default they are listed apart as less certain)."""
    if fmt not in ("md", "html"):
        raise HTTPException(404, f"unknown briefing format {fmt!r}: choose md or html")
    store = request.app.state.store
    folder = Path(tempfile.mkdtemp(prefix="crosswire-report-"))
    try:
        path = Path(write_report(store, folder, all_events=all_events)[f"report_{fmt}"])
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return _send(folder, path, MEDIA_TYPES[fmt])
