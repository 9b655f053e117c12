"""Ingest benchmark: articles/s and peak RSS for generated plain-text corpora, on one core.

For each corpus size it generates articles with `benchmarks/generate.py` into a temporary folder,
then ingests them in a fresh child process (pinned to one CPU) with the real pipeline: readers,
deduplicator and a new SQLite store, through `crosswire.api.ingest`. The child reports its own
wall time and maximum RSS, so the measurement excludes the generator and the parent.

    python benchmarks/ingest.py                    # 2,000 and 10,000 articles, print a table
    python benchmarks/ingest.py --write-docs       # ... and rewrite the section in docs/benchmarks.md
    python benchmarks/ingest.py --sizes 500 --profile   # where the time goes, by stage

Goal (issue #2): at least 500 articles/s on one core; peak RSS under 500 MB at any corpus size.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DOCS = REPO / "docs" / "benchmarks.md"
GOAL_RATE = 500.0
GOAL_RSS_MB = 500.0
# Functions whose cumulative time names a pipeline stage in --profile output.
STAGES = {
    "read (detect, decode, text reader)": ("crosswire/ingest/__init__.py", "read_file"),
    "language detection": ("crosswire/ingest/decode.py", "detect_language"),
    "dedup (fingerprints, one store lookup per batch)": ("crosswire/ingest/dedup.py", "check_batch"),
    "dedup (saving fingerprints)": ("crosswire/store/minhash.py", "save_fingerprints"),
    "store (save_articles)": ("crosswire/store", "save_articles"),
}

sys.path.insert(0, str(HERE))
from generate import write_corpus  # noqa: E402  (benchmarks/ is not a package)


def _pin_to_one_core() -> str:
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"cpu {cpu}"
    except (AttributeError, OSError):  # not Linux: measure unpinned and say so
        return "unpinned"


def child(corpus: str, db: str, profile: bool) -> None:
    """Runs in the measured process: ingest `corpus` into `db`, print one JSON line of results."""
    pinned = _pin_to_one_core()
    from crosswire.api import ingest

    profiler = cProfile.Profile() if profile else None
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    summary = ingest([corpus], db=db)
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_kb = usage.ru_maxrss  # kilobytes on Linux
    # CPU time says what one core can do even when other processes share the machine.
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    result = {
        "articles": summary.counts["read"],
        "added": summary.counts["added"],
        "duplicates": summary.counts["duplicates"],
        "near_duplicates": summary.counts["near_duplicates"],
        "errors": summary.counts["errors"],
        "seconds": elapsed,
        "rate": summary.counts["read"] / elapsed if elapsed else 0.0,
        "cpu_seconds": cpu,
        "cpu_rate": summary.counts["read"] / cpu if cpu else 0.0,
        "peak_rss_mb": peak_kb / 1024,
        "pinned": pinned,
    }
    if profiler:
        result["stages"] = _stage_times(pstats.Stats(profiler))
    print(json.dumps(result))


def _stage_times(stats: pstats.Stats) -> dict[str, float]:
    times: dict[str, float] = {}
    for (filename, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        for stage, (path_part, function) in STAGES.items():
            if name == function and path_part in filename.replace(os.sep, "/"):
                times[stage] = max(times.get(stage, 0.0), cumulative)
    return times


def measure(size: int, workdir: Path, profile: bool = False) -> dict:
    corpus = workdir / f"corpus{size}"
    write_corpus(corpus, size)
    db = workdir / f"bench{size}.db"
    command = [sys.executable, __file__, "--child", str(corpus), str(db)] + (["--profile"] if profile else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed for {size} articles:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["size"] = size
    return result


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}, {platform.system()}"


def table(results: list[dict]) -> str:
    lines = [
        "| generated articles | ingested | added | exact dup. | near dup. | wall s | CPU s "
        "| articles/s wall | articles/s per CPU-second (goal >= 500) | peak RSS MB (goal < 500) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['size']:,} | {r['articles']:,} | {r['added']:,} | {r['duplicates']:,} | {r['near_duplicates']:,} "
            f"| {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | {r['rate']:.0f} | {r['cpu_rate']:.0f} | {r['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def section(results: list[dict]) -> str:
    rate_ok = all(r["cpu_rate"] >= GOAL_RATE for r in results)
    rss_ok = all(r["peak_rss_mb"] < GOAL_RSS_MB for r in results)
    stages = next((r["stages"] for r in results if r.get("stages")), None)
    parts = [
        "## Ingest (`benchmarks/ingest.py`)",
        "",
        "Plain-text articles from `benchmarks/generate.py` (three layouts, about 3% exact or near copies),",
        "ingested by `crosswire.api.ingest` (readers, deduplicator, a new SQLite store, batches of 500) in a",
        "child process pinned to one CPU; peak RSS is that process's maximum resident set size. The rate per",
        "CPU-second (the child's user + system time) is what one core sustains; the wall-clock rate also",
        "reflects whatever else the machine was running. Times include importing the readers and the store.",
        "",
        "Why memory stays flat: the deduplicator holds one batch. Each batch's text hashes and MinHash band",
        "keys (one-permutation MinHash, 128 bins, 32 bands of 4; `ingest/fingerprint.py`) are looked up in",
        "the store (indexed queries, 100 articles at a time), candidates are verified on their stored signatures,",
        "and the batch's fingerprints (a 512-byte signature and 32 band keys per article) are stored once its",
        "articles are. Folders are walked one folder's names at a time. What remains: imports, SQLite's",
        "page cache, the reader's caches, and one lookup's candidates (at most 200 per article, see above).",
        "",
        f"- Machine: {machine()}",
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Goals: >= {GOAL_RATE:.0f} articles/s on one core: **{'met' if rate_ok else 'not met'}**; "
        f"peak RSS < {GOAL_RSS_MB:.0f} MB: **{'met' if rss_ok else 'not met'}**",
        "",
        table(results),
    ]
    if stages:
        size = min(r["size"] for r in results)
        parts += [
            "",
            f"Where the time goes (a separate cProfile run of {size:,} articles, cumulative seconds):",
            "",
        ]
        parts += [f"- {stage}: {seconds:.1f} s" for stage, seconds in stages.items()]
    return "\n".join(parts) + "\n"


def write_docs(text: str, name: str = "ingest") -> None:
    """Replace this benchmark's section of docs/benchmarks.md (between markers), keeping the others."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text}{end}"
    current = (
        DOCS.read_text(encoding="utf-8")
        if DOCS.exists()
        else "# Benchmarks\n\nRun `make bench` to refresh.\n"
    )
    if start in current and end in current:
        before, rest = current.split(start, 1)
        after = rest.split(end, 1)[1]
        current = before + block + after
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    DOCS.write_text(current, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Ingest benchmark (articles/s, peak RSS).")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument(
        "--write-docs", action="store_true", help="rewrite the ingest section of docs/benchmarks.md"
    )
    parser.add_argument("--profile", action="store_true", help="also time the stages (cProfile; slower)")
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.profile)
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="crosswire-bench-") as tmp:
        for size in args.sizes:
            result = measure(size, Path(tmp))
            print(
                f"{size:>7,} articles: {result['rate']:.0f}/s wall, {result['cpu_rate']:.0f}/s per CPU-second, "
                f"peak RSS {result['peak_rss_mb']:.0f} MB",
                flush=True,
            )
            results.append(result)
        if args.profile:
            # A separate run: cProfile slows the pipeline, so its times never enter the table.
            results[0]["stages"] = measure(min(args.sizes), Path(tmp) / "profiled", profile=True)["stages"]
    text = section(results)
    print()
    print(text)
    if args.write_docs:
        write_docs(text)
        print(f"wrote {DOCS}")


if __name__ == "__main__":
    main()
