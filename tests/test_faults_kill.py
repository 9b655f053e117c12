"""`crosswire analyze` killed with SIGKILL 20 times over one corpus: the store stays consistent, loses
nothing, duplicates nothing, and an uninterrupted re-run ends exactly where a clean run does.

The real CLI runs in a child process on a generated corpus (24 articles, with exact and near copies).
A clean run into its own store is watched first, to learn when its phases begin (ingest, analysis,
stories, output writing); then each killed run is stopped at a random moment inside one chosen phase:
the child is watched until it reaches the phase (by reading its store and output folder, as any other
reader could) and killed after a random delay drawn within that phase's clean duration. After every
kill the store is checked (SQLite's integrity check, foreign keys, every row's article exists, no row
twice, stories only name stored articles, counts never go down); after the last one, a plain run must
give the same article, analysis, quote, event and fingerprint ids and the same story membership as the
clean run, and the same articles/stories/events outputs.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).with_name("crosswire")
ARTICLES = 24
KILLS = 20
POLL_S = 0.03


@dataclass
class Timeline:
    """When a clean run reached each phase, in seconds from its start."""

    ingested: float = 0.0  # every article stored
    analysed: float = 0.0  # every analysable article analysed: the stories step begins
    writing: float = 0.0  # the first output file appears
    finished: float = 0.0


@dataclass
class Snapshot:
    articles: int = 0
    analyses: int = 0
    stories: int = 0
    outputs: int = 0


@dataclass
class Counts:
    """What the clean run stored: the targets the watched conditions compare with."""

    articles: int
    analyses: int
    killed_in: dict[str, int] = field(default_factory=dict)


def _snapshot(db: Path, out: Path) -> Snapshot:
    shot = Snapshot(outputs=len(list(out.iterdir())) if out.is_dir() else 0)
    if not db.exists():
        return shot
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            for name in ("articles", "analyses", "stories"):
                setattr(shot, name, conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0])
    except sqlite3.Error:
        pass  # not created or not migrated yet
    return shot


def _start(corpus: Path, db: Path, out: Path, log: Path) -> subprocess.Popen:
    handle = log.open("ab")
    args = [str(CLI), "analyze", str(corpus), "--db", str(db), "--out", str(out)]
    return subprocess.Popen(
        args, stdout=handle, stderr=subprocess.STDOUT, env=dict(os.environ, COLUMNS="200")
    )


def _watch_clean_run(corpus: Path, db: Path, out: Path, log: Path) -> tuple[Timeline, Counts]:
    start = time.monotonic()
    child = _start(corpus, db, out, log)
    history: list[tuple[float, Snapshot]] = []
    while child.poll() is None:
        history.append((time.monotonic() - start, _snapshot(db, out)))
        time.sleep(POLL_S)
    finished = time.monotonic() - start
    assert child.returncode == 0, log.read_text(errors="replace")[-3000:]
    final = _snapshot(db, out)

    def first(condition) -> float:
        return next((t for t, shot in history if condition(shot)), finished)

    timeline = Timeline(
        ingested=first(lambda s: s.articles >= final.articles),
        analysed=first(lambda s: s.analyses >= final.analyses),
        writing=first(lambda s: s.outputs > 0),
        finished=finished,
    )
    return timeline, Counts(articles=final.articles, analyses=final.analyses)


def _wait_until(child: subprocess.Popen, condition, db: Path, out: Path, timeout: float = 120.0) -> bool:
    """Poll until `condition(snapshot)`; False if the child ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            return False
        if condition(_snapshot(db, out)):
            return True
        time.sleep(POLL_S)
    child.kill()
    pytest.fail("the child never reached the phase it was to be killed in")


def _phase(shot: Snapshot, counts: Counts) -> str:
    if shot.outputs:
        return "outputs"
    if shot.analyses >= counts.analyses:
        return "stories (or a re-run's start)"  # every analysis stored, no output yet
    if shot.articles >= counts.articles:
        return "analysis"
    return "startup or ingest"


def _run_and_kill(target: str, rng: random.Random, corpus: Path, db: Path, out: Path, log: Path,
                  clean: Timeline, counts: Counts, scale: float = 1.0) -> str | None:  # fmt: skip
    """One child killed inside `target`; the phase it was in when killed, or None if it finished first.
    `scale` shortens every delay: a re-run skips the work already stored, so its phases are shorter than
    the clean run's, and a delay drawn from the clean run's durations can outlast the whole re-run."""
    shutil.rmtree(out, ignore_errors=True)
    child = _start(corpus, db, out, log)
    reached = True
    if target == "start":
        time.sleep(scale * rng.uniform(0.1, clean.ingested + 0.3))
    elif target == "analysis":
        reached = _wait_until(child, lambda s: s.articles >= counts.articles, db, out)
        time.sleep(scale * rng.uniform(0.0, 0.5 * (clean.analysed - clean.ingested)))
    elif target == "stories":
        reached = _wait_until(child, lambda s: s.analyses >= counts.analyses, db, out)
        time.sleep(scale * rng.uniform(0.0, max(0.05, clean.writing - clean.analysed)))
    else:  # outputs
        reached = _wait_until(child, lambda s: s.outputs > 0, db, out)
        time.sleep(scale * rng.uniform(0.0, max(0.05, clean.finished - clean.writing)))
    phase = _phase(_snapshot(db, out), counts)
    if not reached or child.poll() is not None:
        child.wait(timeout=120)
        assert child.returncode == 0, log.read_text(errors="replace")[-3000:]
        return None
    os.kill(child.pid, signal.SIGKILL)
    code = child.wait(timeout=30)
    if code == 0:
        return None  # it finished between the last look and the kill: a run that finished first
    assert code == -signal.SIGKILL, log.read_text(errors="replace")[-3000:]
    return phase


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


def check_consistent(db: Path) -> dict[str, int]:
    """The store after a kill: intact pages, no orphan and no duplicate rows. Returns its row counts."""
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        assert _rows(conn, "PRAGMA integrity_check") == [("ok",)]
        assert _rows(conn, "PRAGMA foreign_key_check") == []
        for table in ("analyses", "actors", "quotes", "places", "time_refs", "event_mentions",
                      "story_articles", "minhash_signatures", "article_relations"):  # fmt: skip
            orphans = _rows(
                conn, f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            )
            assert orphans == [(0,)], f"{table} rows whose article is gone"
        assert _rows(
            conn, "SELECT count(*) FROM minhash_bands WHERE article_id NOT IN (SELECT id FROM articles)"
        ) == [(0,)]
        # Every article is stored once per input file, and every analysis row once per article.
        assert (
            _rows(conn, "SELECT source_path, count(*) FROM articles GROUP BY source_path HAVING count(*) > 1")
            == []
        )
        for table in ("actors", "quotes", "places", "time_refs"):
            twice = _rows(conn, f"SELECT article_id, position FROM {table} GROUP BY 1, 2 HAVING count(*) > 1")
            assert twice == [], f"{table} rows stored twice"
        assert _rows(
            conn, "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)"
        ) == [(0,)]
        # Analysed articles and fingerprinted articles are the same kind of unit as the articles: an
        # article never lacks a fingerprint its batch computed (they commit together).
        unprinted = _rows(
            conn,
            "SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND analysable "
            "AND id NOT IN (SELECT article_id FROM minhash_signatures) AND word_count >= 40",
        )
        assert unprinted == [(0,)], "articles saved without their fingerprints"
        for (payload,) in _rows(conn, "SELECT payload FROM stories"):
            named = json.loads(payload).get("article_ids", [])
            if named:
                found = conn.execute(
                    f"SELECT count(*) FROM articles WHERE id IN ({','.join('?' * len(named))})", named
                ).fetchone()[0]
                assert found == len(named), "a story names an article that is not stored"
        return {
            name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("articles", "analyses", "quotes", "events", "minhash_signatures")
        }


def store_contents(db: Path) -> dict[str, object]:
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        ids = {
            table: sorted(r[0] for r in _rows(conn, f"SELECT {column} FROM {table}"))
            for table, column in (
                ("articles", "id"),
                ("analyses", "article_id"),
                ("quotes", "id"),
                ("events", "id"),
                ("minhash_signatures", "article_id"),
            )  # fmt: skip
        }
        ids["relations"] = sorted(_rows(conn, "SELECT article_id, other_id, kind FROM article_relations"))
        members: dict[str, set[str]] = {}
        for story_id, article_id in _rows(conn, "SELECT story_id, article_id FROM story_articles"):
            members.setdefault(story_id, set()).add(article_id)
        ids["stories"] = sorted((story, sorted(m)) for story, m in members.items())
    return ids


def output_contents(out: Path) -> dict[str, object]:
    def lines(name: str) -> list[str]:
        return sorted((out / name).read_text(encoding="utf-8").splitlines())

    stories = [json.loads(line) for line in lines("stories.jsonl")]
    return {
        "articles": lines("articles.jsonl"),
        "events": sorted(json.loads(line)["id"] for line in lines("events.jsonl")),
        "stories": sorted((s["id"], sorted(s["article_ids"])) for s in stories),
    }


def _write_corpus(folder: Path) -> Path:
    """24 generated articles; the generator's copy rate at this seed gives exact and near copies."""
    script = ROOT / "benchmarks" / "generate.py"
    command = [sys.executable, str(script), "corpus", str(folder), str(ARTICLES), "--seed", "0"]
    subprocess.run(command, check=True, capture_output=True)
    return folder


def test_analyze_killed_twenty_times_then_rerun_equals_a_clean_run(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus")
    log = tmp_path / "children.log"
    clean_db, clean_out = tmp_path / "clean.db", tmp_path / "clean_out"
    clean, counts = _watch_clean_run(corpus, clean_db, clean_out, log)
    assert counts.articles >= ARTICLES - 3 and counts.analyses > 0  # a copy may repeat an id
    assert 0 < clean.ingested <= clean.analysed <= clean.writing <= clean.finished, clean
    relations = store_contents(clean_db)["relations"]
    assert relations, "the corpus should hold copies for the de-duplicator to relate"

    rng = random.Random(20261123)
    early = ["start"] * 4 + ["analysis"] * 4
    late = ["start"] * 2 + ["stories"] * 5 + ["outputs"] * 5
    rng.shuffle(early)
    rng.shuffle(late)
    schedule = early + late
    db, out = tmp_path / "killed.db", tmp_path / "killed_out"
    kills, finished, previous = 0, 0, {"articles": 0, "analyses": 0}
    scale = 1.0
    for attempt in range(KILLS + 20):
        if kills >= KILLS:
            break
        # A random delay may overshoot a short phase and let a run finish: then more kills follow, with
        # every later delay halved (a loaded machine or a re-run's shorter phases must not starve the test).
        target = schedule[attempt] if attempt < len(schedule) else rng.choice(["start", "outputs"])
        phase = _run_and_kill(target, rng, corpus, db, out, log, clean, counts, scale)
        if phase is None:
            finished += 1
            scale /= 2
            continue
        kills += 1
        counts.killed_in[phase] = counts.killed_in.get(phase, 0) + 1
        if not db.exists():
            continue  # killed before the store was created
        now = check_consistent(db)
        for name in ("articles", "analyses"):  # nothing committed is ever lost
            assert now[name] >= previous[name], (target, phase, now, previous)
        previous = now
    print(
        f"clean run {clean}; kills {kills} by phase {counts.killed_in}; runs that finished first {finished}"
    )
    assert kills >= KILLS, (kills, finished)
    assert len(counts.killed_in) >= 3, counts.killed_in
    assert counts.killed_in.get("analysis", 0) >= 2 and counts.killed_in.get("outputs", 0) >= 1
    assert counts.killed_in.get("stories (or a re-run's start)", 0) >= 1

    final_out = tmp_path / "final_out"
    done = subprocess.run([str(CLI), "analyze", str(corpus), "--db", str(db), "--out", str(final_out)],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    check_consistent(db)
    assert store_contents(db) == store_contents(clean_db)
    assert output_contents(final_out) == output_contents(clean_out)
