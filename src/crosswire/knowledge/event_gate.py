"""The event gate's weights (`data/event_gate.tsv`): a logistic model of the chance that a coded event is
right, trained by `benchmarks/train_event_gate.py` on the repository's hand-judged event sheets. Read by
`events/gate.py`, which computes the features; this module only parses the file.

File format: `#` comment lines (provenance), then `threshold<TAB>value` and one `feature<TAB>weight` line
per feature (`bias` included)."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from importlib import resources

from crosswire.errors import LexiconError


@dataclass(frozen=True)
class GateWeights:
    """Weights by feature name and the probability under which an event is not emitted."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """Logistic of the weighted sum; features the weights do not know count nothing."""
        z = self.weights.get("bias", 0.0)
        z += sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def parse(cls, text: str, source: str = "<gate>") -> GateWeights:
        weights: dict[str, float] = {}
        threshold: float | None = None
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise LexiconError(f"{source}:{number}: expected 'name<TAB>number', got {line!r}")
            try:
                value = float(parts[1])
            except ValueError:
                raise LexiconError(f"{source}:{number}: {parts[1]!r} is not a number") from None
            if parts[0] == "threshold":
                threshold = value
            else:
                weights[parts[0].strip()] = value
        if threshold is None or not 0.0 <= threshold <= 1.0:
            raise LexiconError(f"{source}: needs a 'threshold' line with a value in [0, 1]")
        return cls(weights=weights, threshold=threshold)

    def dump(self, header: str) -> str:
        lines = [f"# {line}".rstrip() for line in header.splitlines()]
        lines.append(f"threshold\t{self.threshold:.3f}")
        lines += [f"{name}\t{w:.4f}" for name, w in self.weights.items()]
        return "\n".join(lines) + "\n"

    @classmethod
    @functools.cache
    def builtin(cls) -> GateWeights:
        path = resources.files("crosswire").joinpath("data/event_gate.tsv")
        return cls.parse(path.read_text(encoding="utf-8"), "data/event_gate.tsv")
