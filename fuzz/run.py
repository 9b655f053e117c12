"""Run the fuzz targets for a bounded time each and record what happened.

    .venv/bin/python fuzz/run.py --seconds 60                 # every target, 60 s each (atheris)
    .venv/bin/python fuzz/run.py --seconds 30 --target html --target dates
    .venv/bin/python fuzz/run.py --seconds 60 --write-docs    # and rewrite the summary in docs/fuzzing.md

With atheris installed (`pip install -e '.[fuzz]'`) each target runs in its own process under libFuzzer,
coverage-guided over crosswire's code and feedparser's; without it the deterministic mutator in
fuzz/mutate.py runs instead (not coverage-guided; the summary says which engine ran). A crash does not
end the target's run: the crashing input is saved under --out (default out/fuzz/) and fuzzing restarts
from the corpus found so far until the target's time is up.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DOC = ROOT / "docs" / "fuzzing.md"
START, END = "<!-- fuzz-results:start -->", "<!-- fuzz-results:end -->"
PER_INPUT_TIMEOUT_S = 20  # an input taking longer is a hang, reported like a crash
RSS_LIMIT_MB = 3072


@dataclass
class Result:
    target: str
    engine: str
    seconds: float
    inputs: int = 0
    coverage: int | None = None  # libFuzzer's "cov:" (edges reached), atheris only
    corpus: int | None = None
    crashes: list[str] = field(default_factory=list)  # one line per crash: kind, exception, artifact


def _child(name: str, libfuzzer_args: list[str]) -> None:
    """Inside the fuzzing process: instrument crosswire (and feedparser) and hand the target to libFuzzer."""
    import atheris

    with atheris.instrument_imports(include=["crosswire", "feedparser"]):
        from fuzz.harnesses import TARGETS
    from fuzz.seeds import seed_inputs

    # The first call loads what the parsers load lazily (trafilatura, dateparser's language data):
    # seconds that are no input's fault, so they are spent before libFuzzer starts timing inputs.
    for seed in seed_inputs(TARGETS[name].kind)[:1]:
        try:
            TARGETS[name].run(seed)
        except Exception:  # a seed that crashes is found again, and reported, by the run itself
            pass
    atheris.Setup([sys.argv[0], *libfuzzer_args], TARGETS[name].run)
    atheris.Fuzz()


def _have_atheris() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


_STAT = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
_STATUS = re.compile(r"cov: (\d+) ft: \d+ corp: (\d+)/")
_ARTIFACT = re.compile(r"Test unit written to (\S+)")
_EXCEPTION = re.compile(r"^(\w+(?:Error|Exception|Warning)\b.*)$", re.MULTILINE)


def _run_atheris(name: str, seconds: float, out: Path, seeds_dir: Path, corpus: Path) -> Result:
    from fuzz.harnesses import TARGETS

    result = Result(name, "atheris", seconds)
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 2:
        args = [
            f"-max_total_time={int(left)}",
            f"-timeout={PER_INPUT_TIMEOUT_S}",
            f"-rss_limit_mb={RSS_LIMIT_MB}",
            f"-max_len={TARGETS[name].max_len}",
            "-print_final_stats=1",
            f"-artifact_prefix={out}/{name}-",
            str(corpus),
            str(seeds_dir),
        ]
        command = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--", *args]
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, errors="replace")
        log = proc.stderr + proc.stdout
        (out / f"{name}.log").write_text(log[-200_000:], encoding="utf-8")
        runs = [int(n) for n in _STAT.findall(log)]
        # A run that stops on a crash prints no final stats: its progress lines still count the inputs.
        progress = [int(n) for n in re.findall(r"^#(\d+)\s", log, re.MULTILINE)]
        result.inputs += runs[-1] if runs else (progress[-1] if progress else 0)
        status = _STATUS.findall(log)
        if status:
            result.coverage = max(result.coverage or 0, int(status[-1][0]))
            result.corpus = int(status[-1][1])
        # libFuzzer also writes out an input that took over 10 s ("slow-unit"), and carries on; a hang
        # is an input over PER_INPUT_TIMEOUT_S, which stops the run with a "timeout" artifact.
        artifact = next((m for m in _ARTIFACT.finditer(log) if "slow-unit-" not in m.group(1)), None)
        if proc.returncode == 0 and artifact is None:
            break
        what = _EXCEPTION.findall(log)
        kind = "timeout" if "timeout" in log[-2000:].lower() and "ALARM" in log else "crash"
        if "out-of-memory" in log:
            kind = "out-of-memory"
        detail = what[-1][:160] if what else f"exit status {proc.returncode}"
        result.crashes.append(f"{kind}: {detail} ({artifact.group(1) if artifact else 'no artifact'})")
        if artifact is None:
            break  # the engine itself failed: retrying would fail the same way
    return result


def _run_mutator(name: str, seconds: float, out: Path) -> Result:
    from fuzz import mutate
    from fuzz.harnesses import TARGETS
    from fuzz.seeds import seed_inputs

    target = TARGETS[name]
    seeds = seed_inputs(target.kind)
    result = Result(name, "mutator", seconds)
    deadline = time.monotonic() + seconds
    batch = 0
    seen: set[tuple[str, str, int | None]] = set()
    while time.monotonic() < deadline:
        for data in mutate.inputs(seeds, 50, seed=batch):
            if time.monotonic() >= deadline:
                break
            result.inputs += 1
            try:
                target.run(data)
            except Exception as err:  # a crash: keep the input (one per place it failed) and go on
                frame = traceback.extract_tb(err.__traceback__)[-1]
                where = (type(err).__name__, frame.filename, frame.lineno)
                if where in seen:
                    continue
                seen.add(where)
                path = out / f"{name}-crash-{len(result.crashes)}"
                path.write_bytes(data)
                result.crashes.append(f"crash: {type(err).__name__}: {str(err)[:120]} ({path})")
        batch += 1
    return result


def run_target(name: str, seconds: float, out: Path, engine: str) -> Result:
    from fuzz.harnesses import TARGETS
    from fuzz.seeds import seed_inputs

    if engine == "mutator":
        return _run_mutator(name, seconds, out)
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{name}-") as work:
        seeds_dir, corpus = Path(work) / "seeds", Path(work) / "corpus"
        seeds_dir.mkdir()
        corpus.mkdir()
        for i, data in enumerate(seed_inputs(TARGETS[name].kind)):
            (seeds_dir / f"seed-{i:03d}").write_bytes(data)
        return _run_atheris(name, seconds, out, seeds_dir, corpus)


def summary(results: list[Result], note: str) -> str:
    lines = [
        note,
        "",
        "| target | engine | seconds | inputs tried | coverage (edges) | corpus | crashes |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        crashes = "; ".join(r.crashes) if r.crashes else "0"
        cov = "" if r.coverage is None else f"{r.coverage:,}"
        corpus = "" if r.corpus is None else f"{r.corpus:,}"
        lines.append(
            f"| {r.target} | {r.engine} | {r.seconds:.0f} | {r.inputs:,} | {cov} | {corpus} | {crashes} |"
        )
    total = sum(r.inputs for r in results)
    found = sum(len(r.crashes) for r in results)
    lines += ["", f"Total: {total:,} inputs over {len(results)} targets; {found} crash(es) in this run."]
    return "\n".join(lines)


def write_docs(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    if START not in doc or END not in doc:
        raise SystemExit(f"{DOC}: markers {START} / {END} not found")
    head, _, rest = doc.partition(START)
    _, _, tail = rest.partition(END)
    DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(argv[1], argv[3:] if argv[2:3] == ["--"] else argv[2:])
        return 0
    from fuzz.harnesses import TARGETS

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=60, help="time per target (default 60)")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="repeat; default all")
    parser.add_argument("--engine", choices=("auto", "atheris", "mutator"), default="auto")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "fuzz", help="crash inputs and logs")
    parser.add_argument("--write-docs", action="store_true", help="rewrite the summary in docs/fuzzing.md")
    args = parser.parse_args(argv)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if _have_atheris() else "mutator"
    elif engine == "atheris" and not _have_atheris():
        parser.error("atheris is not installed: pip install -e '.[fuzz]' (or use --engine mutator)")
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for name in args.target or list(TARGETS):
        result = run_target(name, args.seconds, args.out, engine)
        print(
            f"{name:18} {result.engine:8} {result.inputs:>9,} inputs  crashes: {len(result.crashes)}",
            flush=True,
        )
        for crash in result.crashes:
            print(f"    {crash}", flush=True)
        results.append(result)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    note = (
        f"Last run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, `fuzz/run.py --seconds "
        f"{args.seconds:g}` with {engine}, Python {sys.version.split()[0]}, on {os.cpu_count()} CPUs "
        f"with a load average of {load:.1f} at the end (inputs per second fall as the load rises)."
    )
    text = summary(results, note)
    print(text)
    if args.write_docs:
        write_docs(text)
    return 1 if any(r.crashes for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
