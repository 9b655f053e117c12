"""Helpers shared by the benchmarks (store.py, incremental.py, scaling.py, e2e.py, the hand-check audits): the
machine line, the docs/benchmarks.md section writer, PNG plots, peak RSS, a throw-away PostgreSQL schema,
and the judgement files of the hand checks.
Not a benchmark itself (`make bench` skips files starting with an underscore)."""

from __future__ import annotations

import os
import platform
import resource
import secrets
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
IMG = ROOT / "docs" / "img"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def machine() -> str:
    """CPU model, cores, memory and Python: what a reader needs to compare numbers."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ""
    try:
        load = f", load average {os.getloadavg()[0]:.1f} when it finished"
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}{load}"


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_docs_section(section: str, name: str) -> None:
    """Replace the `<!-- name:start -->` ... `<!-- name:end -->` block of docs/benchmarks.md (or append
    it), keeping every other section. `section` must carry its own markers."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if not (section.startswith(start) and section.rstrip().endswith(end)):
        raise ValueError(f"section {name!r} must start with {start} and end with {end}")
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section.rstrip() + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section.rstrip() + "\n"
    DOCS.write_text(text, encoding="utf-8")


def bar_chart(
    path_name: str, title: str, labels: Sequence[str], series: dict[str, Sequence[float]], unit: str
) -> Path | None:
    """A grouped bar chart saved as docs/img/bench-<path_name>.png; None when matplotlib is missing
    (install the `bench` extra: pip install -e '.[bench]')."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (pip install -e '.[bench]'): no plot written")
        return None
    IMG.mkdir(parents=True, exist_ok=True)
    path = IMG / f"bench-{path_name}.png"
    fig, ax = plt.subplots(figsize=(7.5, 3.6), dpi=110)
    width = 0.8 / max(1, len(series))
    for k, (name, values) in enumerate(series.items()):
        xs = [i + (k - (len(series) - 1) / 2) * width for i in range(len(labels))]
        bars = ax.bar(xs, values, width=width, label=name)
        ax.bar_label(bars, fmt="%.3g", fontsize=7, padding=1)
    ax.set_xticks(range(len(labels)), labels, fontsize=8)
    ax.set_ylabel(unit)
    ax.set_title(title, fontsize=10)
    if len(series) > 1:
        ax.legend(fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


@contextmanager
def pg_schema_url(base: str | None = None) -> Iterator[str]:
    """A PostgreSQL URL whose connections use a fresh schema, dropped afterwards. The server is
    $CROSSWIRE_BENCH_POSTGRES, else the local test server; RuntimeError saying so when none answers."""
    import psycopg

    base = base or os.environ.get("CROSSWIRE_BENCH_POSTGRES") or PG_DEFAULT
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=5) as conn:
            schema = "bench_" + secrets.token_hex(5)
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.Error as exc:
        raise RuntimeError(f"{base}: cannot reach PostgreSQL ({' '.join(str(exc).split())})") from exc
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=" + quote(f"-csearch_path={schema}")
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def generated_articles(n: int, seed: int = 0) -> Iterator[tuple[object, str]]:
    """(model.Article, story key) for `n` articles of benchmarks/generate.py, streamed."""
    from generate import generate_articles

    from crosswire.model import Article

    for rec in generate_articles(n, seed):
        article = Article(
            text=rec["text"],
            title=rec["title"],
            outlet=rec["outlet"],
            url=rec["url"],
            authors=list(rec["authors"]),
            published=rec["published"],
            genre=rec["genre"],
            language="en",
            format="text",
            source_path=f"generated/{rec['id']}.txt",
        )
        yield article, str(rec["story"])


def read_judgements(path: str | Path) -> list[tuple[str, str, str]]:
    """A hand check's judgements: (key, verdict, reason) per line, tab-separated; `#` lines are comments."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            out.append((parts[0], parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""))
    return out


def tally(verdicts: Sequence[tuple[str, str, str]]) -> tuple[int, int, Counter[str]]:
    """(right, judged, wrong by reason): a reason's word before its first colon ("target: ...")."""
    right = sum(v == "ok" for _, v, _ in verdicts)
    return right, len(verdicts), Counter(r.split(":")[0] for _, v, r in verdicts if v != "ok")
