"""Executors (`crosswire.scale`): the process pool and a Dask LocalCluster give the same results as an
in-process run, the input streams through in bounded partitions, and a failing worker costs an error
per file, naming the file, as an unreadable file does in-process."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import crosswire
from crosswire import scale
from crosswire.cli import app
from crosswire.ingest import IngestOptions, expand_paths
from crosswire.model import Problem, article_record, to_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _snapshot(corpus: crosswire.Corpus) -> dict:
    """Everything a run stored, as plain records: articles, analyses (actors, quotes, events, places,
    times, 5W1H), stories and the run's counts and problems."""
    articles = {a.id: article_record(a) for a in corpus.articles()}
    analyses = {}
    for article_id in articles:
        analysis = corpus.analysis(article_id)
        analyses[article_id] = to_dict(analysis) if analysis is not None else None
    return {
        "articles": articles,
        "analyses": analyses,
        "stories": sorted((to_dict(s) for s in corpus.stories()), key=lambda s: s["article_ids"]),
        "counts": corpus.summary.counts,
        "problems": [to_dict(p) for p in corpus.summary.problems],
    }


def _dataset(folder: Path) -> dict:
    """Every Parquet file under `folder` by relative path, with its rows."""
    return {
        str(path.relative_to(folder)): pq.read_table(path).to_pylist()
        for path in sorted(folder.rglob("*.parquet"))
    }


def _run(tmp: Path, **executor) -> tuple[dict, dict]:
    with crosswire.analyze(
        [EXAMPLES], db=str(tmp / "store.db"), parquet=tmp / "parquet", **executor
    ) as corpus:
        return _snapshot(corpus), _dataset(tmp / "parquet")


@pytest.fixture(scope="module")
def in_process(tmp_path_factory) -> tuple[dict, dict]:
    return _run(tmp_path_factory.mktemp("in_process"))


@pytest.mark.slow
def test_in_process_run_is_complete(in_process):
    snapshot, dataset = in_process
    assert len(snapshot["articles"]) == 15
    analysed = [a for a in snapshot["analyses"].values() if a is not None]
    assert len(analysed) >= 14  # every English article
    assert sum(len(a["quotes"]) for a in analysed) > 50
    assert sum(len(a["events"]) for a in analysed) > 10
    assert any(name.startswith("quotes/month=") for name in dataset)


def _count_submits(monkeypatch, executor_class) -> dict[str, int]:
    """Count the tasks sent to the executor's workers, by function name."""
    submitted: dict[str, int] = {}
    real = executor_class.submit

    def counting(self, fn, *args):
        submitted[fn.__name__] = submitted.get(fn.__name__, 0) + 1
        return real(self, fn, *args)

    monkeypatch.setattr(executor_class, "submit", counting)
    return submitted


@pytest.mark.slow
def test_dask_local_cluster_with_two_workers_matches_in_process(in_process, tmp_path, monkeypatch):
    submitted = _count_submits(monkeypatch, scale.DaskExecutor)
    snapshot, dataset = _run(tmp_path, dask="local:2")
    # Both stages ran on the cluster: the files were read there, and the articles analysed there.
    assert submitted.get("read_partition", 0) >= 1 and submitted.get("analyze_batch", 0) >= 1
    expected_snapshot, expected_dataset = in_process
    assert snapshot["articles"] == expected_snapshot["articles"]
    for article_id, analysis in expected_snapshot["analyses"].items():
        assert snapshot["analyses"][article_id] == analysis, article_id
    assert snapshot == expected_snapshot
    assert dataset == expected_dataset  # the same files, named alike, holding the same rows


@pytest.mark.slow
def test_two_worker_process_pool_matches_in_process(in_process, tmp_path, monkeypatch):
    submitted = _count_submits(monkeypatch, scale.PoolExecutor)
    assert _run(tmp_path, workers=2) == in_process
    assert submitted.get("read_partition", 0) >= 1 and submitted.get("analyze_batch", 0) >= 1


class _FailingExecutor(scale.Executor):
    """Runs tasks here, but any partition holding a file named 'poison' fails as a killed worker would."""

    kind = "failing"
    workers = 2

    def submit(self, fn, *args):
        if fn is scale.read_partition and any("poison" in p for p in args[0]):
            return _Raising()
        return scale._Ready(fn(*args))


class _Raising:
    def result(self):
        raise OSError("worker process died")


def _items(tmp: Path, executor: scale.Executor | None) -> list[list[dict]]:
    options = IngestOptions()
    entries = ((entry, None) for entry in expand_paths([tmp], options))
    return [[to_dict(i) for i in items] for _, _, items in scale.read_files(entries, options, executor)]


def _corpus_folder(tmp: Path, n: int) -> Path:
    folder = tmp / "corpus"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(f"Title {i}\n\nThe minister spoke on day {i} about trade.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return folder


def test_partitioned_reading_matches_in_process_reading(tmp_path, monkeypatch):
    folder = _corpus_folder(tmp_path, 40)
    monkeypatch.setattr(scale, "PARTITION_FILES", 7)  # several partitions, one of them short
    expected = _items(folder, None)
    with scale.open_executor(workers=2) as pool:
        assert isinstance(pool, scale.PoolExecutor)
        assert _items(folder, pool) == expected
    errors = {p["path"]: p["message"] for file in expected for p in file if "severity" in p}
    assert set(map(lambda p: Path(p).name, errors)) == {"empty.txt", "binary.txt"}


def test_a_failed_partition_is_an_error_per_file(tmp_path, monkeypatch):
    folder = _corpus_folder(tmp_path, 5)
    (folder / "poison.txt").write_text("Poison\n\nThis file's partition fails.\n")
    monkeypatch.setattr(scale, "PARTITION_FILES", 3)
    # sorted: a000..a004, binary, empty, poison -> partitions [a000-a002] [a003 a004 binary] [empty poison]
    items = _items(folder, _FailingExecutor())
    assert len(items) == 8  # one entry per file, in order, whatever happened to its partition
    failed = [i[0] for i in items if "worker failed" in i[0].get("message", "")]
    assert sorted(Path(p["path"]).name for p in failed) == ["empty.txt", "poison.txt"]
    assert all(p["severity"] == "error" and "worker process died" in p["message"] for p in failed)
    articles = [i[0] for i in items if "text" in i[0]]
    assert [Path(a["source_path"]).name for a in articles] == [f"a{i:03d}.txt" for i in range(5)]


def test_cached_entries_are_not_read(tmp_path):
    folder = _corpus_folder(tmp_path, 4)
    options = IngestOptions()
    entries = [(e, "cached" if i % 2 else None) for i, e in enumerate(expand_paths([folder], options))]
    seen = list(
        scale.read_files(iter(entries), options, _FailingExecutor(), skip=lambda tag: tag == "cached")
    )
    assert [tag for _, tag, _ in seen] == [tag for _, tag in entries]
    assert all(list(items) == [] for _, tag, items in seen if tag == "cached")
    assert all(list(items) for _, tag, items in seen if tag is None)


def _name(entry) -> str:
    return Path(entry.path).name if isinstance(entry, Problem) else Path(entry).name


def test_partitions_are_bounded_by_files_and_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(scale, "PARTITION_FILES", 4)
    monkeypatch.setattr(scale, "PARTITION_BYTES", 1000)
    monkeypatch.setattr(scale, "DRIVER_FILE_BYTES", 5000)
    entries = []
    for i, size in enumerate([100] * 5 + [600, 600, 6000, 100]):
        path = tmp_path / f"f{i}.txt"
        path.write_bytes(b"x" * size)
        entries.append((path, None))
    entries.insert(1, (Problem("missing.txt", "no such file or folder", "error"), None))
    parts = [
        (kind, [_name(e) for e, _ in group]) for kind, group in scale._partitions(entries, lambda tag: False)
    ]
    assert parts == [
        ("files", ["f0.txt"]),
        ("driver", ["missing.txt"]),  # a bad path keeps its place in the order
        ("files", ["f1.txt", "f2.txt", "f3.txt", "f4.txt"]),  # the file limit
        ("files", ["f5.txt"]),  # 600 + 600 > 1000: the byte limit
        ("files", ["f6.txt"]),
        ("driver", ["f7.txt"]),  # too big to ship to a worker: read in the driver, streamed
        ("files", ["f8.txt"]),
    ]


def test_ordered_keeps_at_most_limit_tasks_in_flight():
    submitted: list[int] = []
    taken: list[int] = []

    def tasks():
        for i in range(20):
            submitted.append(i)
            assert len(submitted) - len(taken) <= 3, "more than 3 tasks started and not handed back"
            yield scale._Ready(i)

    for task in scale.ordered(tasks(), 3):
        taken.append(task.result())
    assert taken == list(range(20))


def test_bad_dask_address_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        app, ["analyze", str(EXAMPLES / "harbor-courier-stockholm-talks.txt"), "--db",
              str(tmp_path / "s.db"), "--dask", "local:none"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "local:N" in result.output


def test_n_process_still_works_as_an_alias(tmp_path):
    article = EXAMPLES / "harbor-courier-stockholm-talks.txt"
    result = CliRunner().invoke(
        app, ["analyze", str(article), "--db", str(tmp_path / "s.db"), "--n-process", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "--n-process" not in CliRunner().invoke(app, ["analyze", "--help"]).output
    assert "--workers" in CliRunner().invoke(app, ["analyze", "--help"]).output
