"""End-to-end benchmark: `crosswire analyze` (one worker, ingest to every output) against bare spaCy.

The corpus is the first N BASIL articles (../shared/eval/basil/articles.jsonl, written to a temporary
JSONL file that `crosswire analyze` reads). In the same run, each in its own fresh Python process:
- bare: load the spaCy pipeline crosswire parses with (`runtime.load_nlp`) and run `nlp.pipe` over the
  same texts (batch size 32, one process);
- analyze: `crosswire analyze FILE --out OUT --workers 1 --json` in process (the CLI's own entry point),
  ingest, analysis, stories, events and every output file (JSONL, CSV, report.md, report.html).
Each process's CPU seconds (user + system, start-up and model loading included) and peak RSS come from
getrusage; the ratio is analyze CPU / bare CPU. The run summary's phase times come from `--json`.

    python benchmarks/e2e.py [--articles 100] [--write-docs] [--profile FILE]

`--profile FILE` also writes a cProfile of the analyze process (read it with `python -m pstats FILE`).
Goal (issue #17): analyze at most 1.5x bare spaCy CPU, peak RSS at most 800 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _bench import ROOT, machine, write_docs_section  # noqa: E402

BASIL = ROOT.parent / "shared" / "eval" / "basil" / "articles.jsonl"
CPU_GOAL = 1.5
RSS_GOAL_MB = 800


def write_corpus(limit: int, folder: Path) -> tuple[Path, int, int]:
    """The first `limit` BASIL records as a JSONL file; (path, articles, words)."""
    path = folder / "basil.jsonl"
    count = words = 0
    with open(BASIL, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for line in src:
            if count >= limit:
                break
            record = json.loads(line)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
            words += len(record["text"].split())
    return path, count, words


def usage() -> dict:
    """CPU seconds and peak RSS (MB) of this process and the children it waited for."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "peak_rss_mb": max(me.ru_maxrss, kids.ru_maxrss) / 1024,
    }


def child_bare(corpus: Path) -> dict:
    from crosswire.nlp import runtime

    texts = [json.loads(line)["text"].strip() for line in open(corpus, encoding="utf-8")]
    nlp = runtime.load_nlp()
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    return {"pipe_s": time.perf_counter() - started, "tokens": tokens}


def child_analyze(corpus: Path, out: Path, profile: str | None) -> dict:
    import contextlib
    import io

    from crosswire.cli import app

    args = ["analyze", str(corpus), "--out", str(out), "--workers", "1", "--json"]
    captured = io.StringIO()

    def run() -> None:
        with contextlib.redirect_stdout(captured):
            try:
                app(args, standalone_mode=False)
            except SystemExit as exc:  # typer exits 0 after a command in some versions
                if exc.code:
                    raise

    if profile:
        import cProfile

        # CPU time, not wall time: on a shared machine the wall clock also counts other people's work.
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(run)
        profiler.dump_stats(profile)
    else:
        run()
    text = captured.getvalue()
    summary = json.loads(text[text.index("{") :])
    return {"phases": summary.get("phases", {}), "counts": summary.get("counts", {})}


def in_child(*args: str) -> dict:
    """Run this script as a fresh Python process in the given child role; its JSON result."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=dict(os.environ)
    )
    if done.returncode != 0:
        raise RuntimeError(f"child {args[0]} failed ({done.returncode}):\n{done.stderr[-4000:]}")
    started = done.stdout.rindex("\n{")
    return json.loads(done.stdout[started:])


def child_main(role: str, rest: list[str]) -> int:
    started = time.perf_counter()
    if role == "bare":
        result = child_bare(Path(rest[0]))
    else:
        result = child_analyze(Path(rest[0]), Path(rest[1]), rest[2] if len(rest) > 2 else None)
    result.update(usage(), wall_s=time.perf_counter() - started)
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    return 0


def render(articles: int, words: int, bare: dict, full: dict) -> str:
    ratio = full["cpu_s"] / bare["cpu_s"]
    cpu_met = "met" if ratio <= CPU_GOAL else "not met"
    rss_met = "met" if full["peak_rss_mb"] <= RSS_GOAL_MB else "not met"
    phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in full["phases"].items())
    lines = [
        "<!-- e2e:start -->",
        "## End to end: `crosswire analyze` against bare spaCy (`benchmarks/e2e.py`)",
        "",
        f"The first {articles} BASIL articles ({words:,} words) as one JSONL file. In the same run, each in a",
        "fresh process: bare `nlp.pipe` with the pipeline crosswire parses with (batch 32, one process), and",
        "`crosswire analyze FILE --out OUT --workers 1` (ingest, analysis, stories, events and every output",
        "file). CPU is user + system seconds of the whole process, start-up and model loading included.",
        "",
        f"- Machine: {machine()}",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Goals: analyze at most {CPU_GOAL}x bare spaCy CPU; peak RSS at most {RSS_GOAL_MB} MB",
        "",
        "| run | CPU s | wall s | peak RSS MB |",
        "|---|---:|---:|---:|",
        f"| bare `nlp.pipe` | {bare['cpu_s']:.1f} | {bare['wall_s']:.1f} | {bare['peak_rss_mb']:.0f} |",
        f"| `crosswire analyze` | {full['cpu_s']:.1f} | {full['wall_s']:.1f} | {full['peak_rss_mb']:.0f} |",
        "",
        f"- CPU ratio analyze ÷ bare: **{ratio:.2f}x** (goal {CPU_GOAL}x: {cpu_met}); "
        f"peak RSS {full['peak_rss_mb']:.0f} MB (goal {RSS_GOAL_MB} MB: {rss_met})",
        f"- bare `nlp.pipe` alone (model loaded): {bare['pipe_s']:.1f} s wall",
        f"- analyze phases (wall): {phases}",
        "<!-- e2e:end -->",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1], argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--write-docs", action="store_true", help="rewrite the section in docs/benchmarks.md")
    parser.add_argument("--profile", default=None, help="write a cProfile of the analyze process here")
    args = parser.parse_args(argv)
    if not BASIL.is_file():
        print(f"error: {BASIL} not found (the benchmark reads BASIL from ../shared)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="crosswire-e2e-") as tmp:
        corpus, articles, words = write_corpus(args.articles, Path(tmp))
        bare = in_child("bare", str(corpus))
        extra = [args.profile] if args.profile else []
        full = in_child("analyze", str(corpus), str(Path(tmp) / "out"), *extra)
    section = render(articles, words, bare, full)
    sys.stdout.write(section + "\n")
    if args.write_docs:
        write_docs_section(section, "e2e")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
