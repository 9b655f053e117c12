"""Several server processes over one store (`crosswire serve --workers N`): ingest jobs are reported
by every process, and a real two-process server answers searches and job polls."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from crosswire import run as api  # the run module holds the step lists analyze reads
from crosswire.model import Article
from crosswire.store import open_store
from crosswire.web.jobs import IngestJobs

TOKEN = "workers-token-123"
NOTE = (
    "Talks resume in Hanoi\n\n"
    "Officials from both countries met in Hanoi on Monday to discuss the sanctions that have held up "
    "trade for two years. A spokesman said the meeting was constructive and would continue.\n\n"
    "The two delegations agreed to meet again next month, according to people familiar with the talks.\n"
)


def _wait(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail("timed out")


def test_a_job_taken_by_one_process_is_reported_by_another(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "ANALYSIS_STEPS", [])  # reading is enough to follow a job
    shared = tmp_path / "jobs"
    shared.mkdir()
    with open_store(str(tmp_path / "s.db")) as store:
        taker, other = IngestJobs(store, state_dir=shared), IngestJobs(store, state_dir=shared)
        alone = IngestJobs(store)
        try:
            job = taker.submit([("note.txt", NOTE.encode("utf-8"))])
            seen = other.get(job.id)
            assert seen is not None and seen.files == ["note.txt"]
            done = _wait(lambda: (j := other.get(job.id)) and j.to_dict()["finished"] and j)
            assert done.state == "done" and done.counts.get("added") == 1
            assert [j.id for j in other.recent()] == [job.id]
            assert alone.get(job.id) is None  # without the shared folder, only the taker knows
            assert other.get("../../etc/passwd") is None and other.get("0" * 16) is None
        finally:
            for jobs in (taker, other, alone):
                jobs.shutdown()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_with_two_workers_answers_searches_and_job_polls(tmp_path):
    db = str(tmp_path / "served.db")
    with open_store(db) as store:
        store.save_articles([Article(text="Talks on sanctions resumed in Stockholm.", title="Talks")])
    port = _free_port()
    env = dict(os.environ, CROSSWIRE_TOKEN=TOKEN)
    command = [
        str(Path(sys.executable).with_name("crosswire")),
        "serve",
        "--db",
        db,
        "--port",
        str(port),
        "--workers",
        "2",
        "--optimize-search",
    ]
    proc = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:

        def up() -> bool:
            try:
                return httpx.get(base + "/api/v1/outlets", timeout=1).status_code == 200
            except httpx.HTTPError:
                return proc.poll() is not None

        _wait(up, 120)
        assert proc.poll() is None, "the server exited"
        assert proc.stderr is not None
        assert "search index: 1 segment(s) merged" in proc.stderr.readline() + proc.stderr.readline()
        found = httpx.get(base + "/api/v1/search", params={"q": "Stockholm"}).json()
        assert found["total"] == 1 and found["total_capped"] is False
        assert "<mark>Stockholm</mark>" in httpx.get(base + "/search", params={"q": "Stockholm"}).text
        headers = {"Authorization": f"Bearer {TOKEN}"}
        job = httpx.post(base + "/api/v1/ingest/text", json={"text": NOTE}, headers=headers)
        assert job.status_code == 202
        job_id = job.json()["id"]
        # New connections each time, so the polls are spread over both processes.
        statuses = [httpx.get(f"{base}/api/v1/ingest/{job_id}").status_code for _ in range(8)]
        assert statuses == [200] * 8
        assert httpx.get(f"{base}/api/v1/ingest/{'f' * 16}").status_code == 404
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
