"""Ingest jobs run in a separate worker process (web/ingest_worker.py): the job's progress and errors
reach the job record, a killed worker fails its job with a clear message and is replaced for the
next one, shutdown ends it; a store no child can open (in-memory SQLite) runs jobs in-process.

The steps below are module-level functions, so the server sends them to the worker by name, as it
does the real analysis steps; they leave evidence (their process id) in files named by the
environment the worker inherits.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import psutil
import pytest
from fastapi.testclient import TestClient

from crosswire import run as api  # the run module holds the step lists analyze reads
from crosswire.store import open_store
from crosswire.web.app import create_app
from crosswire.web.jobs import IngestJob, IngestJobs

NOTE = (
    "Talks resume in Hanoi\n\n"
    "Officials from both countries met in Hanoi on Monday to discuss the sanctions that have held up "
    "trade for two years. A spokesman said the meeting was constructive and would continue.\n"
)
OTHER = "Ferry service restored\n\nThe ferry between the two islands sailed again on Tuesday after repairs.\n"
EVIDENCE = "CROSSWIRE_TEST_JOB_EVIDENCE"
TOKEN = "jobs-token-123"


def record_pid_step(corpus, progress) -> None:
    """Writes the pid it ran in and the number of stored articles, and reports progress."""
    progress("recording", 1, 2)
    count = corpus.store.count_articles()
    Path(os.environ[EVIDENCE]).write_text(f"{os.getpid()} {count}", encoding="utf-8")
    progress("recording", 2, 2)


def failing_step(corpus, progress) -> None:
    raise ValueError("the test step refuses this corpus")


def killing_step(corpus, progress) -> None:
    Path(os.environ[EVIDENCE]).write_text(str(os.getpid()), encoding="utf-8")
    os.kill(os.getpid(), signal.SIGKILL)


def _finished(jobs: IngestJobs, job: IngestJob, seconds: float = 240.0) -> IngestJob:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = jobs.get(job.id)
        if found is not None and found.to_dict()["finished"]:
            return found
        time.sleep(0.05)
    raise AssertionError(f"job {job.id} did not finish: {jobs.get(job.id)}")


def _wait_dead(pid: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} still running")


@pytest.fixture()
def evidence(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "evidence.txt"
    monkeypatch.setenv(EVIDENCE, str(path))
    return path


def test_a_job_runs_in_the_worker_process_and_reports_back(tmp_path, evidence, monkeypatch):
    monkeypatch.setattr(api, "ANALYSIS_STEPS", [record_pid_step])
    with open_store(str(tmp_path / "s.db")) as store:
        jobs = IngestJobs(store)
        try:
            job = _finished(jobs, jobs.submit([("note.txt", NOTE.encode("utf-8"))]))
            assert job.state == "done" and job.error is None, job.to_dict()
            assert job.counts.get("added") == 1
            # The last progress the step reported in the worker reached the job record here.
            assert (job.task, job.done, job.total) == ("recording", 2, 2)
            pid, count = map(int, evidence.read_text(encoding="utf-8").split())
            assert pid != os.getpid() and pid == jobs.worker.pid
            assert count == 1 and store.count_articles() == 1  # the child wrote the server's store
            worker = psutil.Process(pid)
            assert worker.is_running() and worker.nice() > psutil.Process().nice()  # reads win the CPU
            # One long-lived worker: the next job runs in the same process.
            second = _finished(jobs, jobs.submit([("other.txt", OTHER.encode("utf-8"))]))
            assert second.state == "done" and int(evidence.read_text().split()[0]) == pid
            assert store.count_articles() == 2
        finally:
            jobs.shutdown()
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        assert jobs.worker.pid is None
        jobs.shutdown()  # a second shutdown (the app's lifespan after a test's own) is harmless


def test_a_failing_step_fails_its_job_and_the_worker_runs_the_next(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "ANALYSIS_STEPS", [failing_step])
    with open_store(str(tmp_path / "s.db")) as store:
        jobs = IngestJobs(store)
        try:
            failed = _finished(jobs, jobs.submit([("note.txt", NOTE.encode("utf-8"))]))
            assert failed.state == "failed"
            assert failed.error == "the test step refuses this corpus"
            assert failed.counts.get("added") == 1  # ingest committed before the step ran
            pid = jobs.worker.pid
            monkeypatch.setattr(api, "ANALYSIS_STEPS", [])
            done = _finished(jobs, jobs.submit([("other.txt", OTHER.encode("utf-8"))]))
            assert done.state == "done" and jobs.worker.pid == pid
            assert store.count_articles() == 2
        finally:
            jobs.shutdown()


def test_a_killed_worker_fails_its_job_and_is_restarted(tmp_path, evidence, monkeypatch):
    monkeypatch.setattr(api, "ANALYSIS_STEPS", [killing_step])
    shared = tmp_path / "jobs"
    shared.mkdir()
    with open_store(str(tmp_path / "s.db")) as store:
        jobs = IngestJobs(store, state_dir=shared)
        try:
            killed = _finished(jobs, jobs.submit([("note.txt", NOTE.encode("utf-8"))]))
            assert killed.state == "failed"
            assert killed.error is not None and "ingest worker process was killed by SIGKILL" in killed.error
            dead = int(evidence.read_text(encoding="utf-8"))
            # Another server process sharing the folder reports the same failure.
            seen = IngestJobs(store, state_dir=shared).get(killed.id)
            assert seen is not None and seen.state == "failed" and seen.error == killed.error
            monkeypatch.setattr(api, "ANALYSIS_STEPS", [record_pid_step])
            done = _finished(jobs, jobs.submit([("other.txt", OTHER.encode("utf-8"))]))
            assert done.state == "done", done.to_dict()
            alive = int(evidence.read_text(encoding="utf-8").split()[0])
            assert alive != dead and alive == jobs.worker.pid
            assert store.count_articles() == 2  # what the killed job ingested before dying stays
            # A worker killed while idle is replaced without failing the next job.
            os.kill(alive, signal.SIGKILL)
            _wait_dead(alive)  # without reaping it: that is the worker handle's job
            third = _finished(
                jobs, jobs.submit([("third.txt", b"Third note\n\nThe harbour reopened today.\n")])
            )
            assert third.state == "done", (third.error, third.to_dict())
            assert int(evidence.read_text(encoding="utf-8").split()[0]) not in (dead, alive)
        finally:
            jobs.shutdown()


def test_a_worker_that_cannot_open_the_store_fails_the_job_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "ANALYSIS_STEPS", [])
    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        jobs = IngestJobs(store)
        try:
            for path in tmp_path.glob("s.db*"):  # the file, with its WAL, replaced behind its back
                path.unlink()
            db.mkdir()
            failed = _finished(jobs, jobs.submit([("note.txt", NOTE.encode("utf-8"))]))
            assert failed.state == "failed"
            assert failed.error is not None and failed.error.startswith(
                "the ingest worker cannot open the store"
            )
            assert str(db) in failed.error and "is a directory" in failed.error
        finally:
            jobs.shutdown()


@pytest.mark.postgres
def test_the_worker_opens_a_postgresql_store_by_its_url(evidence, monkeypatch):
    from store_support import pg_schema_url

    monkeypatch.setattr(api, "ANALYSIS_STEPS", [record_pid_step])
    with pg_schema_url() as url, open_store(url) as store:
        jobs = IngestJobs(store)
        try:
            job = _finished(jobs, jobs.submit([("note.txt", NOTE.encode("utf-8"))]))
            assert job.state == "done" and job.counts.get("added") == 1, job.to_dict()
            pid, count = map(int, evidence.read_text(encoding="utf-8").split())
            # The child saw the test's own schema (the URL's search_path option travelled with it).
            assert pid == jobs.worker.pid != os.getpid() and count == 1
            assert store.count_articles() == 1
        finally:
            jobs.shutdown()


def test_an_in_memory_store_runs_jobs_in_process(evidence, monkeypatch):
    monkeypatch.setattr(api, "ANALYSIS_STEPS", [record_pid_step])
    with open_store(":memory:") as store:
        jobs = IngestJobs(store)
        try:
            assert jobs.worker is None  # a child would open an empty database of its own
            job = _finished(jobs, jobs.submit([("note.txt", NOTE.encode("utf-8"))]))
            assert job.state == "done" and job.counts.get("added") == 1
            assert (job.task, job.done, job.total) == ("recording", 2, 2)
            assert evidence.read_text(encoding="utf-8") == f"{os.getpid()} 1"
            assert store.count_articles() == 1
        finally:
            jobs.shutdown()


def test_a_step_that_cannot_be_sent_runs_in_process(tmp_path, monkeypatch):
    ran_in: list[int] = []

    def local_step(corpus, progress) -> None:  # defined in a function: cannot be pickled by name
        ran_in.append(os.getpid())

    monkeypatch.setattr(api, "ANALYSIS_STEPS", [local_step])
    with open_store(str(tmp_path / "s.db")) as store:
        jobs = IngestJobs(store)
        try:
            job = _finished(jobs, jobs.submit([("note.txt", NOTE.encode("utf-8"))]))
            assert job.state == "done" and ran_in == [os.getpid()]
            assert jobs.worker.pid is None  # never started
        finally:
            jobs.shutdown()


def test_uploads_through_the_app_run_in_the_worker_and_it_stops_with_the_app(tmp_path, evidence, monkeypatch):
    monkeypatch.setattr(api, "ANALYSIS_STEPS", [record_pid_step])
    db = str(tmp_path / "web.db")
    app = create_app(db, token=TOKEN)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.post(
            "/api/v1/ingest",
            files={"files": ("note.txt", NOTE.encode("utf-8"), "text/plain")},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code == 202
        job_id = response.json()["id"]
        deadline = time.monotonic() + 120
        while not (job := client.get(f"/api/v1/ingest/{job_id}").json())["finished"]:
            assert time.monotonic() < deadline, job
            time.sleep(0.05)
        assert job["state"] == "done" and job["counts"]["added"] == 1 and job["error"] is None
        assert set(job) == {"id", "files", "state", "task", "done", "total", "counts", "problems", "error",
                            "finished"}  # fmt: skip
        pid = int(evidence.read_text(encoding="utf-8").split()[0])
        assert pid != os.getpid() and psutil.pid_exists(pid)
        listed = client.get("/api/v1/articles").json()
        assert [a["title"] for a in listed["items"]] == ["Talks resume in Hanoi"]
    # Leaving the client ran the app's shutdown: the worker is gone.
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
