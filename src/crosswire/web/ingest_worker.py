"""The process that runs the web server's ingest jobs, so that reading, parsing and story building
(spaCy, MiniLM: seconds of CPU per upload) never hold the server process's GIL against the request
handlers.

One long-lived child per `IngestJobs`, started with the "spawn" context (a fresh interpreter: it
inherits none of uvicorn's threads, sockets or event loop), opening the store by URL itself and
keeping its models loaded between jobs. It runs one job at a time, sending the job's progress back
over a pipe, and runs at a lower CPU priority so that on a small machine the readers win.

    worker = IngestWorker(store)
    worker.run(folder, run.ANALYSIS_STEPS, report)   # report({"state": "reading"}), ... ; raises JobFailed
    worker.close()

`run_job` is the job itself, the same whether it runs in the child or (for a store a child cannot
open, such as in-memory SQLite) in the server's own coordinator thread.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from crosswire.corpus import Corpus
from crosswire.errors import CrosswireError
from crosswire.ingest_run import ingest_into
from crosswire.store import open_store
from crosswire.store.core import SqlStore
from crosswire.web.security import UPLOAD_PREFIX

MANIFEST_NAME = "manifest.csv"  # beside fetched pages: the URL each came from
# Added to the worker's niceness: on 2 cores, a request handler should not wait behind a parse.
WORKER_NICE = 10
# How often the parent checks that a silent worker is still alive while a job runs.
POLL_S = 0.5
STOP_WAIT_S = 10.0

Report = Callable[[dict[str, Any]], None]


class JobFailed(CrosswireError, RuntimeError):
    """A job did not finish; the message is what the job record reports."""


def run_job(store: SqlStore, folder: Path, steps: Sequence[Any], report: Report) -> None:
    """Ingest the files in `folder` into `store`, then run the analysis `steps` over the corpus.

    `report(fields)` receives the job record's fields as they change: state ("reading",
    "analysing"), task/done/total (progress), counts and problems (file names only, never the
    private folder). Raises whatever ingest or a step raised."""
    report({"state": "reading"})
    manifest = folder / MANIFEST_NAME

    def progress(task: str, done: int, total: int | None) -> None:
        report({"task": task, "done": done, "total": total})

    summary = ingest_into(
        store,
        [folder],
        manifest=manifest if manifest.exists() else None,
        progress=progress,
        db_url=store.url,
    )
    report(
        {
            "counts": dict(summary.counts),
            "problems": [
                {
                    # The name the file was uploaded with (its folder and numeric prefix left out).
                    "path": UPLOAD_PREFIX.sub("", Path(p.path).name, count=1),
                    "message": re.sub(re.escape(str(folder)) + r"/(?:\d{3}-)?", "", p.message),
                    "severity": p.severity,
                }
                for p in summary.problems
            ],
        }
    )
    if steps:
        report({"state": "analysing"})
        corpus = Corpus(store, store.url, summary)
        for step in steps:
            step(corpus, progress)


def child_can_open(store: SqlStore) -> bool:
    """Whether another process opening this store's URL sees the same data (not in-memory SQLite)."""
    return store.shared_between_processes()


class IngestWorker:
    """The server's handle on its worker process: started on first use, restarted after a crash."""

    def __init__(self, store: SqlStore, nice: int = WORKER_NICE) -> None:
        # The full URL (password included, SQLite path absolute), for the child to open by itself.
        self.db_url = store.full_url()
        self.nice = nice
        self._process: Any = None
        self._conn: Connection | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def run(self, folder: Path, steps: Sequence[Any], report: Report) -> None:
        """Run one job in the worker; returns when it is done, raises JobFailed when it failed or the
        worker died (the next call starts a new one). `steps` must pickle (module-level functions);
        the caller checks that first."""
        request = ("job", str(folder), list(steps))
        conn = self._send(request)
        started = retried = False
        while True:
            try:
                if not conn.poll(POLL_S):
                    if not self._process.is_alive():
                        raise EOFError
                    continue
                message = conn.recv()
            except (EOFError, OSError):
                if started or retried:
                    raise JobFailed(self._crash_message()) from None
                # It died before taking the job (killed while idle, the death not yet visible when
                # the job was sent): nothing of this job ran, so a fresh worker takes it, once.
                retried = True
                self._discard()
                conn = self._send(request)
                continue
            kind = message[0]
            if kind == "started":
                started = True
            elif kind == "report":
                report(message[1])
            elif kind == "done":
                return
            else:
                raise JobFailed(str(message[1]))

    def _send(self, request: Any) -> Connection:
        conn = self._ensure_started()
        try:
            conn.send(request)  # pickled whole before anything is written
        except OSError:
            # It died while idle, after the check in _ensure_started: nothing of this job ran, so a
            # fresh worker takes it.
            self._discard()
            conn = self._ensure_started()
            try:
                conn.send(request)
            except OSError:
                raise JobFailed(self._crash_message()) from None
        return conn

    def close(self) -> None:
        """Ask the worker to stop (it finishes nothing half-way: jobs are waited for by the caller),
        then end it if it does not."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None or conn is None:
            return
        try:
            conn.send(None)
        except OSError:
            pass  # already gone
        process.join(STOP_WAIT_S)
        if process.is_alive():
            process.terminate()
            process.join(STOP_WAIT_S)
        conn.close()
        process.close()

    def _ensure_started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._discard()
        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(
            target=worker_main,
            args=(self.db_url, child_end, self.nice),
            name="crosswire-ingest-worker",
            daemon=True,  # ended with the server even if it exits without `close`
        )
        process.start()
        # Only the child holds its end now, so a dead child reads as EOF here rather than a hang.
        child_end.close()
        self._process, self._conn = process, parent_end
        return parent_end

    def _crash_message(self) -> str:
        process = self._process
        code = None
        if process is not None:
            process.join(STOP_WAIT_S)
            code = process.exitcode
        self._discard()
        if code is not None and code < 0:
            try:
                how = f"was killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"was killed by signal {-code}"
        else:
            how = f"exited with code {code}"
        return f"the ingest worker process {how} while running this job; a new one runs the next job"

    def _discard(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join(STOP_WAIT_S)
            self._process.close()
        self._process = self._conn = None


def worker_main(db_url: str, conn: Connection, nice: int) -> None:
    """The child: open the store, then run jobs from `conn` until told to stop or the server is gone."""
    # Ctrl-C in a terminal reaches the whole process group; the server decides when this one ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice:
        os.nice(nice)

    try:
        store = open_store(db_url)
    except Exception as exc:  # the first job says why; the next one starts a new worker to try again
        try:
            if conn.recv() is not None:
                conn.send(("failed", f"the ingest worker cannot open the store: {exc}"))
        except (EOFError, OSError):
            pass
        return
    try:
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                return  # the server process is gone
            if request is None:
                return
            _, folder, steps = request
            conn.send(("started",))  # from here on, a death fails this job rather than retrying it
            try:
                run_job(store, Path(folder), steps, lambda fields: conn.send(("report", fields)))
            except Exception as exc:  # reported as the job's error; the batch's transaction rolled back
                conn.send(("failed", str(exc) or type(exc).__name__))
            else:
                conn.send(("done",))
    finally:
        store.close()
