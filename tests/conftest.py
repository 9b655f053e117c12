"""Shared test fixtures: where ../shared lives, and the seed articles (read from there, never copied).

Tests that read ../shared (the seed articles, the gold sets) are marked `needs_shared`, either by hand
(`@pytest.mark.needs_shared`, for tests that read the `SEEDS`/`EVAL` paths directly) or automatically when
they ask for the `shared_dir`, `seeds_dir` or `eval_dir` fixture. On a fresh clone without ../shared they
are skipped with one reason naming the missing folder, so `make test` passes anywhere. CI sets
CROSSWIRE_REQUIRE_SHARED=1 (in .ci/run): there a missing ../shared stops the run before any test, so no
test is ever skipped silently where the data should be.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"

SHARED_FIXTURES = frozenset({"shared_dir", "seeds_dir", "eval_dir"})
REQUIRE_SHARED = os.environ.get("CROSSWIRE_REQUIRE_SHARED", "") not in ("", "0")


def missing_shared() -> str | None:
    """Why the shared data cannot be used, or None when ../shared holds the seeds and the gold sets."""
    for folder, what in ((SEEDS, "seed articles"), (EVAL, "gold sets")):
        if not folder.is_dir():
            return f"needs ../shared beside the repository ({what} not found at {folder})"
    return None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_shared: reads the seed articles or gold sets from ../shared")
    reason = missing_shared()
    if reason and REQUIRE_SHARED:
        raise pytest.UsageError(f"CROSSWIRE_REQUIRE_SHARED is set but the shared data is missing: {reason}")


@pytest.hookimpl(tryfirst=True)  # before -m selects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = missing_shared()
    for item in items:
        if SHARED_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.needs_shared)
        if reason and item.get_closest_marker("needs_shared"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    return EVAL
