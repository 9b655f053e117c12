"""Ingest jobs run in the background, so an upload returns at once and the page polls
`/api/v1/ingest/{job_id}` for progress.

Uploaded files are written into a private temporary folder, read by the same `ingest_into` the CLI
uses (then every analysis step in `run.ANALYSIS_STEPS`), and the folder is removed afterwards.
One coordinator thread takes jobs one after another (the store takes one writer at a time anyway)
and hands each to a separate worker process (web/ingest_worker.py), so parsing and story building
never hold this process's GIL against the request handlers; the worker's progress, errors and
crashes come back to the job record here. Only where a child process cannot open the same store
(in-memory SQLite), or a step cannot be sent to one, does the job run in the coordinator thread.

With several server processes (`crosswire serve --workers N`) a job runs in the process that took
the upload, but its progress is polled from whichever process the next request reaches; so each
process writes its jobs' status into a shared folder (`state_dir`) and reads the others' from it.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import pickle
import re
import secrets
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from crosswire import run
from crosswire.errors import CrosswireError
from crosswire.ingest.fields import one_line, strip_controls
from crosswire.store.core import SqlStore
from crosswire.web.fetch import FetchPolicy, fetch_page
from crosswire.web.ingest_worker import MANIFEST_NAME, IngestWorker, child_can_open, run_job

MAX_KEPT_JOBS = 100
# Progress is written to the shared folder at most this often (state changes are written at once).
PROGRESS_WRITE_S = 0.5
_JOB_ID = re.compile(r"[0-9a-f]{16}")
# An upload's folder is named after the server process that took it, so a server started after one that was
# killed (SIGKILL, a crash, a power cut: no shutdown ran) can tell its leftovers from a live process's.
UPLOAD_PREFIX = "crosswire-upload-"
_UPLOAD_FOLDER = re.compile(re.escape(UPLOAD_PREFIX) + r"(\d+)-")


def sweep_orphan_uploads(root: Path | None = None) -> list[Path]:
    """Remove upload folders left in the temporary folder by server processes that no longer run (the
    uploads of a job that never finished: their articles were not stored, or are stored already).
    Returns the folders removed."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(UPLOAD_PREFIX + "*"):
        found = _UPLOAD_FOLDER.match(folder.name)
        if found is None or not folder.is_dir() or folder.is_symlink() or _process_alive(int(found[1])):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or a number we cannot ask about: not ours to remove
    return True


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
    """Pasted text as a plain-text file with TOML front matter the text reader understands.

    Control characters and unpaired surrogates (a JSON "\\ud800") are taken out first: a NUL would make
    the file read as binary and the paste be lost, a surrogate cannot be written as UTF-8 at all."""
    text = strip_controls(text)[0]
    title, outlet = (one_line(value) if value else None for value in (title, outlet))
    fields = {"title": title, "outlet": outlet, "published": published}
    # json.dumps writes a valid TOML basic string for any text (quotes, backslashes, newlines escaped).
    lines = [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items() if value]
    if not lines:
        return text
    return "+++\n" + "\n".join(lines) + "\n+++\n" + text


def is_real_day(value: str) -> bool:
    """Whether an ISO date or datetime names a day of the calendar ("2020-02-30" does not)."""
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return False
    return True


class UploadNotSaved(CrosswireError, RuntimeError):
    """The uploaded files could not be written to the job's folder (which is removed again)."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(f"cannot save the upload for ingest: {cause.strerror or cause}")
        # 507 Insufficient Storage when the disk is full, else 503: the server, not the request, failed.
        self.status = 507 if cause.errno in (errno.ENOSPC, errno.EDQUOT) else 503


def _write_upload(folder: Path, files: list[tuple[str, bytes]], urls: dict[str, str] | None) -> None:
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


class IngestJobs:
    """The server's ingest queue: submit files, read job status."""

    def __init__(self, store: SqlStore, state_dir: Path | None = None) -> None:
        """The worker process starts with the first job (none when a child could not open `store`)."""
        self.store = store
        self.state_dir = state_dir
        self._jobs: dict[str, IngestJob] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crosswire-ingest")
        self._folders: dict[str, Path] = {}  # uploads queued or running, removed when their job ends
        sweep_orphan_uploads()
        self.worker = IngestWorker(store) if child_can_open(store) else None

    def submit(self, files: list[tuple[str, bytes]], urls: dict[str, str] | None = None) -> IngestJob:
        """Queue (name, content) pairs; names must already be checked (see security.check_upload_name).
        `urls`: name -> the URL a file was fetched from, given to ingest as a manifest."""
        try:
            folder = Path(tempfile.mkdtemp(prefix=f"{UPLOAD_PREFIX}{os.getpid()}-"))
        except OSError as exc:
            raise UploadNotSaved(exc) from exc
        try:
            _write_upload(folder, files, urls)
        except OSError as exc:  # a full disk, a name the file system refuses: nothing is left behind
            shutil.rmtree(folder, ignore_errors=True)
            raise UploadNotSaved(exc) from exc
        job = IngestJob(id=secrets.token_hex(8), files=[name for name, _ in files])
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_KEPT_JOBS:
                gone = self._jobs.pop(next(iter(self._jobs)))
                if self.state_dir is not None:
                    (self.state_dir / f"{gone.id}.json").unlink(missing_ok=True)
        self._save(job)
        with self._lock:
            self._folders[job.id] = folder
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
        """Wait for the running job, drop queued ones (and their uploads), stop the worker process (safe
        to call twice)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            dropped, self._folders = list(self._folders.values()), {}
        for folder in dropped:  # queued jobs that never ran: their uploads go too
            shutil.rmtree(folder, ignore_errors=True)
        if self.worker is not None:
            self.worker.close()

    def _run(self, job: IngestJob, folder: Path) -> None:
        written = [0.0]

        def report(fields: dict[str, Any]) -> None:
            for name, value in fields.items():
                setattr(job, name, value)
            # State changes are written at once, progress at most every PROGRESS_WRITE_S.
            if "state" in fields or time.monotonic() - written[0] >= PROGRESS_WRITE_S:
                written[0] = time.monotonic()
                self._save(job)

        steps = list(run.ANALYSIS_STEPS)
        state, error = "done", None
        try:
            if self.worker is not None and _sendable(steps):
                self.worker.run(folder, steps, report)
            else:
                run_job(self.store, folder, steps, report)
        except Exception as exc:  # reported to the page; the store's transaction already rolled back
            state, error = "failed", (str(exc) or type(exc).__name__).replace(str(folder) + "/", "")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            with self._lock:
                self._folders.pop(job.id, None)
        # The final state goes to the shared folder before this process shows it: whoever sees the job
        # finished here must find it finished in every other server process too.
        self._save(replace(job, state=state, error=error))
        job.state, job.error = state, error


def _sendable(steps: list[Any]) -> bool:
    """Whether the steps can be sent to another process (functions pickle by module and name; one
    defined inside a function cannot, and then runs here)."""
    try:
        pickle.dumps(steps)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
