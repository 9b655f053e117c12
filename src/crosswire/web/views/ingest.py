"""The ingest page: upload files or paste text (CSRF-checked form posts carrying the write token),
then watch the background job's progress, polled by static/app.js from the status endpoint.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crosswire.web.jobs import is_real_day, pasted_document
from crosswire.web.security import (
    TOKEN_COOKIE,
    check_csrf,
    check_form_token,
    check_upload_name,
    require_read,
    same_secret,
)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


async def read_uploads(request: Request, files: list[UploadFile]) -> list[tuple[str, bytes]]:
    """(name, content) of each upload, refusing too many files, wrong types and files over the limit
    (read in pieces, so an oversized file is never held whole)."""
    limits = request.app.state.settings.limits
    chosen = [f for f in files if f.filename]
    if not chosen:
        raise HTTPException(400, "no file uploaded")
    if len(chosen) > limits.max_files:
        raise HTTPException(413, f"too many files: at most {limits.max_files} per upload")
    out = []
    for upload in chosen:
        name = check_upload_name(upload.filename, limits)
        data = bytearray()
        while piece := await upload.read(256 * 1024):
            data.extend(piece)
            if len(data) > limits.max_file_bytes:
                raise HTTPException(
                    413, f"upload {name!r}: larger than the limit of {limits.max_file_bytes} bytes"
                )
        out.append((name, bytes(data)))
    return out


def _page(request: Request, context: dict[str, Any], status: int = 200) -> Response:
    settings = request.app.state.settings
    context.setdefault("job", None)
    context.setdefault("error", None)
    context.update(
        {
            "limits": settings.limits,
            "fetch": settings.fetch,
            "token_required": True,
            "writing_enabled": bool(settings.token),
        }
    )
    return request.app.state.templates.TemplateResponse(request, "ingest.html", context, status_code=status)


@router.get("/ingest", dependencies=[Depends(require_read)])
def ingest_page(request: Request, job: str | None = None) -> Response:
    found = request.app.state.jobs.get(job) if job else None
    return _page(request, {"job": found.to_dict() if found else None})


@router.post("/ingest/upload", dependencies=[Depends(require_read)])
async def upload(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    csrf_token: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    check_form_token(request, token)
    job = request.app.state.jobs.submit(await read_uploads(request, files))
    return RedirectResponse(f"/ingest?job={job.id}", status_code=303)


@router.post("/ingest/paste", dependencies=[Depends(require_read)])
def paste(
    request: Request,
    text: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    outlet: Annotated[str, Form()] = "",
    published: Annotated[str, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
) -> Response:
    check_csrf(request, csrf_token)
    check_form_token(request, token)
    limits = request.app.state.settings.limits
    if not text.strip():
        raise HTTPException(400, "pasted text is empty")
    if len(text) > limits.max_paste_chars:
        raise HTTPException(413, f"pasted text too long: the limit is {limits.max_paste_chars} characters")
    if published and not is_real_day(published):
        raise HTTPException(400, f"published: {published!r} is no day of the calendar")
    document = pasted_document(text, title or None, outlet or None, published or None)
    job = request.app.state.jobs.submit([("pasted.txt", document.encode("utf-8"))])
    return RedirectResponse(f"/ingest?job={job.id}", status_code=303)


@router.post("/ingest/url", dependencies=[Depends(require_read)])
def fetch_url(
    request: Request,
    url: Annotated[str, Form(max_length=2000)],
    csrf_token: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    check_form_token(request, token)
    job = request.app.state.jobs.submit_url(url, request.app.state.settings.fetch)
    return RedirectResponse(f"/ingest?job={job.id}", status_code=303)


@router.get("/login")
def login_page(request: Request) -> Response:
    return request.app.state.templates.TemplateResponse(request, "login.html", {"error": None})


@router.post("/login")
def login(
    request: Request, token: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = ""
) -> Response:
    """Sign in for reading on a non-loopback bind: the token goes into an HttpOnly cookie."""
    check_csrf(request, csrf_token)
    if not same_secret(token, request.app.state.settings.token):
        return request.app.state.templates.TemplateResponse(
            request, "login.html", {"error": "wrong token"}, status_code=401
        )
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response
