"""Ingest jobs run in a background thread, so an upload returns at once and the page polls
`/api/v1/ingest/{job_id}` for progress.

Uploaded files are written into a private temporary folder, read by the same `ingest_into` the CLI
uses (then every analysis step in `api.ANALYSIS_STEPS`), and the folder is removed afterwards.
One worker thread runs jobs one after another: the store takes one writer at a time anyway.

With several server processes (`crosswire serve --workers N`) a job runs in the process that took
the upload, but its progress is polled from whichever process the next request reaches; so each
process writes its jobs' status into a shared folder (`state_dir`) and reads the others' from it.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosswire import api
from crosswire.store.core import Store
from crosswire.web.fetch import FetchPolicy, fetch_page

MAX_KEPT_JOBS = 100
MANIFEST_NAME = "manifest.csv"  # beside fetched pages: the URL each came from
# Progress is written to the shared folder at most this often (state changes are written at once).
PROGRESS_WRITE_S = 0.5
_JOB_ID = re.compile(r"[0-9a-f]{16}")


@dataclass
class IngestJob:
    id: str
    files: list[str]
    state: str = "queued"  # queued, reading, analysing, done, failed
    task: str | None = None
    done: int = 0
    total: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "files": list(self.files),
            "state": self.state,
            "task": self.task,
            "done": self.done,
            "total": self.total,
            "counts": dict(self.counts),
            "problems": list(self.problems),
            "error": self.error,
            "finished": self.state in ("done", "failed"),
        }


def _job_from_dict(data: dict[str, Any]) -> IngestJob:
    job = IngestJob(id=str(data["id"]), files=list(data.get("files") or []))
    for name in ("state", "task", "done", "total", "counts", "problems", "error"):
        if name in data:
            setattr(job, name, data[name])
    return job


def pasted_document(text: str, title: str | None, outlet: str | None, published: str | None) -> str:
    """Pasted text as a plain-text file with TOML front matter the text reader understands."""
    fields = {"title": title, "outlet": outlet, "published": published}
    # json.dumps writes a valid TOML basic string for any text (quotes, backslashes, newlines escaped).
    lines = [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items() if value]
    if not lines:
        return text
    return "+++\n" + "\n".join(lines) + "\n+++\n" + text


class IngestJobs:
    """The server's ingest queue: submit files, read job status."""

    def __init__(self, store: Store, state_dir: Path | None = None) -> None:
        self.store = store
        self.state_dir = state_dir
        self._jobs: dict[str, IngestJob] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crosswire-ingest")

    def submit(self, files: list[tuple[str, bytes]], urls: dict[str, str] | None = None) -> IngestJob:
        """Queue (name, content) pairs; names must already be checked (see security.check_upload_name).
        `urls`: name -> the URL a file was fetched from, given to ingest as a manifest."""
        folder = Path(tempfile.mkdtemp(prefix="crosswire-upload-"))
        rows = []
        for i, (name, data) in enumerate(files):
            # A numeric prefix keeps two uploads of the same name apart.
            (folder / f"{i:03d}-{name}").write_bytes(data)
            if urls and name in urls:
                rows.append({"path": f"{i:03d}-{name}", "url": urls[name]})
        if rows:
            with (folder / MANIFEST_NAME).open("w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, fieldnames=["path", "url"])
                writer.writeheader()
                writer.writerows(rows)
        job = IngestJob(id=secrets.token_hex(8), files=[name for name, _ in files])
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_KEPT_JOBS:
                gone = self._jobs.pop(next(iter(self._jobs)))
                if self.state_dir is not None:
                    (self.state_dir / f"{gone.id}.json").unlink(missing_ok=True)
        self._save(job)
        self._pool.submit(self._run, job, folder)
        return job

    def submit_url(self, url: str, policy: FetchPolicy) -> IngestJob:
        """Fetch one page (web/fetch.py: FetchError when refused or failed) and queue it, with the URL
        it came from (after redirects) as the article's URL."""
        page = fetch_page(url, policy)
        return self.submit([(page.file_name, page.content)], urls={page.file_name: page.url})

    def get(self, job_id: str) -> IngestJob | None:
        with self._lock:
            found = self._jobs.get(job_id)
        if found is not None or self.state_dir is None or not _JOB_ID.fullmatch(job_id):
            return found
        return self._load(self.state_dir / f"{job_id}.json")

    def recent(self, limit: int = 10) -> list[IngestJob]:
        with self._lock:
            mine = list(self._jobs.values())[-limit:][::-1]
        if self.state_dir is None:
            return mine
        # Every process's jobs, newest first by the time their status was last written.
        files = sorted(self.state_dir.glob("*.json"), key=_mtime, reverse=True)[:limit]
        found = [job for job in (self._load(path) for path in files) if job is not None]
        return found or mine

    def _save(self, job: IngestJob) -> None:
        if self.state_dir is None:
            return
        # Written whole and renamed into place, so a reader never sees half a file.
        path = self.state_dir / f"{job.id}.json"
        partial = path.with_name(f".{job.id}.{threading.get_ident()}.tmp")
        partial.write_text(json.dumps(job.to_dict()), encoding="utf-8")
        os.replace(partial, path)

    @staticmethod
    def _load(path: Path) -> IngestJob | None:
        try:
            return _job_from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # gone, or written by something else: not a job we can report

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: IngestJob, folder: Path) -> None:
        written = [0.0]

        def progress(task: str, done: int, total: int | None) -> None:
            job.task, job.done, job.total = task, done, total
            if time.monotonic() - written[0] >= PROGRESS_WRITE_S:
                written[0] = time.monotonic()
                self._save(job)

        try:
            job.state = "reading"
            self._save(job)
            manifest = folder / MANIFEST_NAME
            summary = api.ingest_into(
                self.store,
                [folder],
                manifest=manifest if manifest.exists() else None,
                progress=progress,
                db_url=self.store.url,
            )
            job.counts = dict(summary.counts)
            job.problems = [
                {
                    "path": Path(p.path).name,
                    "message": p.message.replace(str(folder) + "/", ""),
                    "severity": p.severity,
                }
                for p in summary.problems
            ]
            if api.ANALYSIS_STEPS:
                job.state = "analysing"
                self._save(job)
                corpus = api.Corpus(self.store, self.store.url, summary)
                for step in api.ANALYSIS_STEPS:
                    step(corpus, progress)
            job.state = "done"
        except Exception as exc:  # reported to the page; the store's transaction already rolled back
            job.state, job.error = "failed", str(exc).replace(str(folder) + "/", "")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            self._save(job)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
