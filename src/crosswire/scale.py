"""Running the article analysis on a Dask cluster when a corpus outgrows one machine.

The analysis is a pure function of each article (`nlp.pipeline.analyze_article`), so scaling out is
only a matter of where batches run: each Dask task receives a batch of Articles, parses and analyses
them with the worker's own spaCy pipeline (loaded once per worker process by `runtime.load_nlp`) and
returns (Article, Analysis) pairs. Results come back as tasks finish and are saved by the caller in
one transaction per batch, exactly as in-process runs are.

    crosswire analyze corpus/ --dask tcp://scheduler:8786   # an existing cluster
    crosswire analyze corpus/ --dask local:2                # a LocalCluster with 2 worker processes
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from crosswire.model import Analysis, Article


def analyze_batch(articles: list[Article], resources: Any = None) -> list[tuple[Article, Analysis]]:
    """One Dask task: analyse a batch in the worker (top-level so it pickles by reference)."""
    from crosswire.nlp.pipeline import analyze_articles

    return list(analyze_articles(articles, resources=resources))


@contextmanager
def dask_client(address: str) -> Iterator[Any]:
    """A `dask.distributed.Client` for `address`: a scheduler URL, or `local[:N]` for a LocalCluster."""
    from dask.distributed import Client, LocalCluster

    if address.startswith("local"):
        _, _, workers = address.partition(":")
        n = int(workers) if workers else 2
        with LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            with Client(cluster) as client:
                yield client
    else:
        with Client(address) as client:
            yield client


def analyze_distributed(
    batches: Iterable[list[Article]], client: Any, *, max_in_flight: int = 8, resources: Any = None
) -> Iterator[list[tuple[Article, Analysis]]]:
    """Submit batches to the cluster and yield their results as they finish.

    At most `max_in_flight` batches are queued at once so that a large corpus streams through the
    cluster instead of being materialised in the scheduler's memory.
    """
    from dask.distributed import as_completed

    pending = as_completed()
    in_flight = 0
    for batch in batches:
        pending.add(client.submit(analyze_batch, batch, resources, pure=False))
        in_flight += 1
        if in_flight >= max_in_flight:
            future = next(pending)
            in_flight -= 1
            yield future.result()
    for future in pending:
        yield future.result()


def analyze_in_pool(
    batches: Iterable[list[Article]],
    n_process: int,
    *,
    resources: Any = None,
    max_in_flight: int | None = None,
) -> Iterator[list[tuple[Article, Analysis]]]:
    """The same on this machine: a pool of `n_process` worker processes, results in input order.

    Unlike `Executor.map`, which submits the whole input at once, at most `max_in_flight` batches
    are queued, so a large corpus streams through with flat memory.
    """
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    limit = max_in_flight or 2 * n_process
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        queue: deque[Any] = deque()
        for batch in batches:
            queue.append(pool.submit(analyze_batch, batch, resources))
            if len(queue) >= limit:
                yield queue.popleft().result()
        while queue:
            yield queue.popleft().result()
