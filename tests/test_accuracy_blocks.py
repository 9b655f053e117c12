"""benchmarks/accuracy.py --write-docs rewrites only the marked blocks of docs/accuracy.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from accuracy import replace_blocks  # noqa: E402

PAGE = """# Accuracy

<!-- accuracy:scores:start -->
| set | F1 |
|---|---:|
| dev | 0.500 |
<!-- accuracy:scores:end -->

A hand-written note on the scores, kept as it is.

- Fresh checks:
  <!-- accuracy:fresh:start -->
  - seed 1: 3 / 5
  <!-- accuracy:fresh:end -->
  Closing remark of the list item.
"""


def test_replaces_only_inside_markers_and_keeps_outside_text() -> None:
    blocks = {
        "scores": ["| set | F1 |", "|---|---:|", "| dev | 0.750 |"],
        "fresh": ["  - seed 1: 4 / 5", "  - seed 2: 2 / 5"],
    }
    page, missing = replace_blocks(PAGE, blocks)
    assert missing == []
    assert "| dev | 0.750 |" in page and "0.500" not in page
    assert "  - seed 1: 4 / 5\n  - seed 2: 2 / 5\n  <!-- accuracy:fresh:end -->" in page
    assert "3 / 5" not in page
    for kept in (
        "# Accuracy",
        "A hand-written note on the scores, kept as it is.",
        "- Fresh checks:",
        "  Closing remark of the list item.",
        "  <!-- accuracy:fresh:start -->",
        "<!-- accuracy:scores:end -->",
    ):
        assert kept in page.splitlines()
    # the same blocks again change nothing
    assert replace_blocks(page, blocks) == (page, [])


def test_unchanged_blocks_leave_the_page_byte_for_byte() -> None:
    blocks = {
        "scores": ["| set | F1 |", "|---|---:|", "| dev | 0.500 |"],
        "fresh": ["  - seed 1: 3 / 5"],
    }
    assert replace_blocks(PAGE, blocks) == (PAGE, [])


def test_a_block_missing_from_the_page_is_appended_not_dropped() -> None:
    page, missing = replace_blocks(PAGE, {"sentiment": ["## Sentiment", "", "macro-F1 0.45"]})
    assert missing == ["sentiment"]
    assert page.startswith(PAGE.rstrip("\n"))
    assert page.endswith(
        "<!-- accuracy:sentiment:start -->\n## Sentiment\n\nmacro-F1 0.45\n<!-- accuracy:sentiment:end -->\n"
    )
    # appended once: the next run replaces it in place
    again, missing_again = replace_blocks(page, {"sentiment": ["## Sentiment", "", "macro-F1 0.50"]})
    assert missing_again == []
    assert again.count("accuracy:sentiment:start") == 1 and "macro-F1 0.50" in again


def test_unpaired_or_repeated_markers_are_an_error() -> None:
    with pytest.raises(ValueError):
        replace_blocks(PAGE.replace("<!-- accuracy:scores:end -->\n", ""), {"scores": ["x"]})
    with pytest.raises(ValueError):
        replace_blocks(PAGE + "<!-- accuracy:scores:start -->\n", {"scores": ["x"]})
