"""heap: the run's long-lived objects frozen out of the collector's sight, and back after the run."""

from __future__ import annotations

import gc

from crosswire import heap


def test_models_loaded_freezes_only_inside_a_run_and_the_run_unfreezes():
    gc.unfreeze()
    heap.models_loaded()  # outside a run: nothing frozen
    assert gc.get_freeze_count() == 0
    kept = [object() for _ in range(10)] + [[] for _ in range(10)]
    with heap.run_scope():
        heap.models_loaded()
        frozen = gc.get_freeze_count()
        assert frozen >= len(kept) // 2
        with heap.run_scope():  # a run inside a run (analyze calling analyze) keeps the freeze
            heap.models_loaded()
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == 0  # the run is over: a long-lived process keeps nothing frozen
    assert kept
