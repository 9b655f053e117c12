"""`crosswire doctor`: a thin wrapper over `crosswire.doctor.run_checks`."""

from __future__ import annotations

import typer
from rich.table import Table
from rich.text import Text

from crosswire.cli.common import EXIT_CODES, DbOption, JsonOption, command_group
from crosswire.cli.render import print_json, stdout_console
from crosswire.doctor import exit_code, run_checks
from crosswire.version import __version__

app = command_group()

STATUS_COLOURS = {"ok": "green", "warn": "yellow", "fail": "red"}


@app.command("doctor", epilog=EXIT_CODES)
def doctor(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Check Python, packages, the spaCy and embedding models, the store and chromium."""
    checks = run_checks(db)
    code = exit_code(checks)
    if json_output:
        print_json({"ok": code == 0, "exit_code": code, "checks": [c.to_dict() for c in checks]})
    else:
        table = Table(title=f"crosswire {__version__}", show_header=True)
        for column in ("check", "status", "detail"):
            table.add_column(column, overflow="fold")
        for c in checks:
            table.add_row(Text(c.name), Text(c.status, style=STATUS_COLOURS[c.status]), Text(c.detail))
        stdout_console().print(table)
    if code:
        raise typer.Exit(code)
