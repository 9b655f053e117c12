"""Keeping the garbage collector's full collections off a run's long-lived heap.

A run loads a large heap that lives as long as it does (the spaCy model, the knowledge base, the
gazetteer's 300,000 objects, the lexicons) and then allocates millions of short-lived objects. Each full
collection traverses the whole heap again: about 0.1 CPU-s each on a 100-article run, for objects that can
never be garbage. Within `run_scope()` (run.analyze), `models_loaded()`, called once the models are
loaded, moves every object alive into the collector's permanent generation (`gc.freeze`), which
collections skip; leaving the scope puts them back (`gc.unfreeze`), so a long-running process (the web
workbench) keeps no garbage frozen past a run. Outside a run scope `models_loaded()` does nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_scopes = 0
_frozen = False


@contextmanager
def run_scope() -> Iterator[None]:
    """A run, within which `models_loaded()` freezes the heap once; unfrozen when the outermost scope ends."""
    global _scopes, _frozen
    _scopes += 1
    try:
        yield
    finally:
        _scopes -= 1
        if not _scopes and _frozen:
            gc.unfreeze()
            _frozen = False


def models_loaded() -> None:
    """The models are loaded: inside a run scope, freeze the heap alive now (once per scope)."""
    global _frozen
    if _scopes and not _frozen:
        gc.freeze()
        _frozen = True
