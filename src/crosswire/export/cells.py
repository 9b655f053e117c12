"""CSV cells written for spreadsheets: every CSV crosswire writes (articles, the event table) goes
through `spreadsheet_safe`, so text from an article never runs as a formula where the file is opened."""

from __future__ import annotations

from typing import Any

# A text cell a spreadsheet would take for a formula (=HYPERLINK(...), +, -, @, or a leading tab or
# carriage return before one) is written with an apostrophe in front: shown as text, never run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """`value` as a CSV cell a spreadsheet shows and never evaluates; numbers are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
