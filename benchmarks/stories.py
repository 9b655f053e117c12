"""Story-grouping benchmark: time and peak RSS for grouping 1k, 10k and 100k generated articles.

Each size runs in a fresh child process (pinned to one CPU) that streams articles from
`benchmarks/generate.py` (about eight per story, stories spread over a year), builds the StoryInputs
(title + lead), gets their vectors, and groups them with `crosswire.stories.cluster.group_articles`
(generated titles and related-story links included). Embedding and clustering are timed separately:

- MiniLM embedding (int8 ONNX, one onnxruntime thread) is measured on a sample of the generated
  articles, title + short lead cut at 64 tokens, and its time for each size is extrapolated from that
  rate per CPU-second: embedding 100k articles takes about 40 minutes of one core (measured 45/s).
- Clustering gets MiniLM vectors for sizes up to `--minilm-max` (default 1,000). Above that it gets
  surrogate vectors with MiniLM's similarity structure on these articles (a shared component, one per
  topic, one per story and one per article, mixed so that the mean cosines inside a story, between
  stories of one topic and between topics equal those MiniLM gives on 1,000 generated articles: 0.67,
  0.39, 0.20). The grouping's cost depends on the time window's candidate stories and on how many pass
  the cosine floor, which this reproduces without the 40 minutes of embedding. The table says which vectors
  each size used.

    python benchmarks/stories.py                       # 1k, 10k, 100k; print a table
    python benchmarks/stories.py --write-docs          # ... and rewrite the section in docs/benchmarks.md
    python benchmarks/stories.py --sizes 1000 10000 --minilm-max 10000

Goals (issue #5): growth near-linear in the number of articles; peak RSS <= 2 GB at 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs" / "benchmarks.md"
GOAL_RSS_MB = 2048.0
EMBED_TOKENS = 64
EMBED_SAMPLE = 500
CHILD_TIMEOUT_S = 3000

sys.path.insert(0, str(HERE))


# Shares of a surrogate vector's squared length: common to all articles, to the story's topic, to the
# story, to the article. Chosen so that mean cosines match MiniLM's on 1,000 generated articles: 0.20
# between topics, 0.39 between stories of one topic, 0.67 inside a story (see the docstring).
SURROGATE_SHARES = (0.203, 0.186, 0.277, 0.334)


def surrogate_vectors(stories: list[str], topics: list[str], seed: int, dim: int = 384) -> np.ndarray:
    """Unit vectors with MiniLM's similarity structure on generated articles, at no embedding cost."""
    rng = np.random.default_rng(seed)

    def unit(n: int) -> np.ndarray:
        x = rng.normal(size=(n, dim)).astype(np.float32)
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    g, t, s, e = (np.sqrt(x) for x in SURROGATE_SHARES)
    story_ids = {k: i for i, k in enumerate(dict.fromkeys(stories))}
    topic_ids = {k: i for i, k in enumerate(dict.fromkeys(topics))}
    common, topic_anchor, story_anchor = unit(1)[0], unit(len(topic_ids)), unit(len(story_ids))
    out = np.empty((len(stories), dim), dtype=np.float32)
    for start in range(0, len(stories), 4096):
        rows = slice(start, start + 4096)
        sid = np.array([story_ids[k] for k in stories[rows]])
        tid = np.array([topic_ids[k] for k in topics[rows]])
        # Articles vary in how much of their own they add: the spread of cosines inside a story.
        own = e * rng.uniform(0.6, 1.4, size=(len(sid), 1)).astype(np.float32)
        x = g * common + t * topic_anchor[tid] + s * story_anchor[sid] + own * unit(len(sid))
        out[rows] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def _inputs(size: int, seed: int) -> tuple[list, list[str], list[str]]:
    from generate import generate_articles, story_params

    from crosswire.stories.inputs import StoryInput, as_date, clean_title, lead_text

    items, gold, topics = [], [], []
    for art in generate_articles(size, seed=seed, n_stories=max(1, size // 8)):
        items.append(
            StoryInput(
                art["id"],
                art["outlet"],
                clean_title(art["title"]),
                lead_text(art["text"]),
                as_date(art["published"]),
            )
        )
        gold.append(art["story"])
        topics.append(story_params(seed, int(art["story"].rsplit("-", 1)[1])).topic.name)
    return items, gold, topics


def _embedder():
    from crosswire.stories.embed import Embedder

    return Embedder(max_length=EMBED_TOKENS, threads=1)


def child(size: int, seed: int, minilm: bool) -> None:
    """Runs in the measured process: build inputs, vectors, group; print one JSON line."""
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    from crosswire.evaluation.stories import adjusted_rand, bcubed
    from crosswire.stories.cluster import group_articles

    start = time.perf_counter()
    items, gold, topics = _inputs(size, seed)
    t_inputs = time.perf_counter() - start
    texts = [it.text for it in items]
    start = time.perf_counter()
    if minilm:
        vectors = _embedder().embed(texts, batch_size=32)
    else:
        vectors = surrogate_vectors(gold, topics, seed)
    t_vectors = time.perf_counter() - start
    del texts
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    clusters = group_articles(items, vectors=vectors)
    t_cluster = time.perf_counter() - start
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    story_of = {aid: i for i, c in enumerate(clusters) for aid in c.article_ids}
    pred = [story_of[it.article_id] for it in items]
    _p, _r, f1 = bcubed(gold, pred)
    print(
        json.dumps(
            {
                "size": size,
                "vectors": "MiniLM" if minilm else "surrogate",
                "inputs_s": t_inputs,
                "vectors_s": t_vectors,
                "cluster_s": t_cluster,
                "cluster_cpu_s": (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime),
                "stories_generated": len(set(gold)),
                "stories_found": len(clusters),
                "bcubed_f1": f1,
                "ari": adjusted_rand(gold, pred),
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


def peak_rss_mb() -> float:
    """This process's peak resident set. VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the
    parent across fork and exec, so a child of a parent that embedded would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def embed_rate(seed: int, sample: int = EMBED_SAMPLE) -> tuple[float, float]:
    """MiniLM articles per wall second and per CPU second (title + lead at 64 tokens, one thread), on
    `sample` generated articles. The CPU rate is what one core sustains when nothing else runs."""
    items, _, _ = _inputs(sample, seed)
    embedder = _embedder()
    texts = [it.text for it in items]
    embedder.embed(texts[:8])  # load the session outside the timing
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    embedder.embed(texts, batch_size=32)
    wall = time.perf_counter() - start
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    return len(texts) / wall, len(texts) / max(cpu, 1e-9)


def measure(size: int, seed: int, minilm: bool) -> dict:
    command = [sys.executable, __file__, "--child", str(size), "--seed", str(seed)] + (
        ["--minilm"] if minilm else []
    )
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"benchmark child for {size} articles ran past {CHILD_TIMEOUT_S} s") from None
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed for {size} articles:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}"


def section(results: list[dict], rate: tuple[float, float] | None) -> str:
    lines = [
        "## Story grouping (`benchmarks/stories.py`)",
        "",
        "Generated articles (`benchmarks/generate.py`, about eight per story, one year of dates) grouped by",
        "`crosswire.stories.cluster.group_articles` (generated titles and related-story links included) in a",
        "child process pinned to one CPU. Clustering is timed apart from embedding; peak RSS is the child's",
        "maximum resident set (inputs, vectors and the story index together). The `vectors` column says",
        "what the clustering got: real MiniLM embeddings, or (above `--minilm-max`) surrogate vectors",
        "whose mean cosines inside a story (0.67), between stories of one topic (0.39) and between topics",
        "(0.20) match MiniLM's on 1,000 of these articles (see the script's docstring). No actors are",
        "passed. B-cubed and ARI here only say how separable the *generated* stories are: accuracy on real",
        "news is BASIL's, in docs/accuracy.md.",
        "",
        f"- Machine: {machine()}; measured {datetime.now(UTC):%Y-%m-%d}.",
    ]
    if rate:
        wall_rate, cpu_rate = rate
        lines.append(
            f"- MiniLM int8 embedding, title + lead cut at {EMBED_TOKENS} tokens, one onnxruntime thread, "
            f"{EMBED_SAMPLE} articles: {cpu_rate:.0f} articles per CPU-second ({wall_rate:.0f}/s wall on the "
            "shared machine), so one core needs about "
            + ", ".join(f"{r['size'] / cpu_rate / 60:.1f} min for {r['size']:,}" for r in results)
            + " (extrapolated; embedding parallelises across processes or Dask workers)."
        )
    lines += [
        "",
        "| articles | vectors | cluster s | cluster CPU s | µs per article | stories generated / found "
        "| B-cubed F1 | ARI | peak RSS MB (goal <= 2048) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['size']:,} | {r['vectors']} | {r['cluster_s']:.1f} | {r['cluster_cpu_s']:.1f} "
            f"| {1e6 * r['cluster_cpu_s'] / r['size']:.0f} | {r['stories_generated']:,} / {r['stories_found']:,} "
            f"| {r['bcubed_f1']:.3f} | {r['ari']:.3f} | {r['peak_rss_mb']:.0f} |"
        )
    if len(results) >= 2:
        steps = [
            f"{(b['cluster_cpu_s'] / b['size']) / max(a['cluster_cpu_s'] / a['size'], 1e-12):.2f}x from "
            f"{a['size']:,} to {b['size']:,}"
            for a, b in zip(results, results[1:], strict=False)
        ]
        lines += [
            "",
            f"- Clustering CPU time per article grows {', '.join(steps)} articles (1.00 = linear). The",
            "  generator spreads every size over the same year, so 10x the articles is also 10x the stories",
            "  running at once: each block of articles has 10x the candidate stories in its time window.",
            "  The cost per article follows the number of stories running at once, not the corpus size.",
            "- The MiniLM row's RSS is mostly the onnxruntime session (about 250 MB once loaded).",
        ]
    return "\n".join(lines) + "\n"


def write_docs(text: str, name: str = "stories") -> None:
    """Replace this benchmark's section of docs/benchmarks.md (between its markers), keeping the rest."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text}{end}"
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        current = before + block + rest.split(end, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    DOCS.write_text(current, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Story-grouping benchmark (time, peak RSS).")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--minilm-max", type=int, default=1000, help="largest size clustered on MiniLM vectors"
    )
    parser.add_argument("--no-embed-rate", action="store_true", help="skip the MiniLM throughput sample")
    parser.add_argument("--write-docs", action="store_true", help="rewrite the section in docs/benchmarks.md")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--minilm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.seed, args.minilm)
        return
    results = []
    for size in args.sizes:
        result = measure(size, args.seed, minilm=size <= args.minilm_max)
        print(
            f"{size:>7,} articles ({result['vectors']}): cluster {result['cluster_s']:.1f} s, "
            f"peak RSS {result['peak_rss_mb']:.0f} MB, B3 F1 {result['bcubed_f1']:.3f}",
            flush=True,
        )
        results.append(result)
    rate = None if args.no_embed_rate else embed_rate(args.seed)
    if rate:
        print(f"MiniLM embedding: {rate[1]:.0f} articles per CPU-second ({rate[0]:.0f}/s wall)", flush=True)
    text = section(results, rate)
    print()
    print(text)
    if args.write_docs:
        write_docs(text)


if __name__ == "__main__":
    main()
