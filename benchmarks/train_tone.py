"""Train the article-level sentiment model on BASIL and write src/crosswire/data/tone_model.npz.

    python benchmarks/train_tone.py [--basil ../shared/eval/basil] [--out src/crosswire/data/tone_model.npz]

Reproducible: the features are a pure function of the text and the lexicon, the fit is deterministic
gradient descent from zero, and the folds are a hash of the story id. The score stored with the model (and
printed) is the story-grouped 5-fold cross-validated macro-F1 of the same recipe: no story is scored by a
model that saw it. The in-sample score of the final model (trained on all of BASIL) is printed beside it.
Parses are cached under the temp dir (or --cache); the first run parses 300 articles (1-2 minutes).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    from crosswire.evaluation import sentiment as S

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", default=str(ROOT.parent / "shared" / "eval" / "basil"))
    parser.add_argument("--out", default=str(ROOT / "src" / "crosswire" / "data" / "tone_model.npz"))
    parser.add_argument("--cache", default=None, help="folder for cached parses")
    args = parser.parse_args(argv)
    try:
        _, items, features = S.collect(args.basil, cache_dir=args.cache)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    cv = S.cross_validate_model(items, features)
    lexicon = S.score(items)
    model = S.train_model(items, features)
    in_sample = S.macro_f1(zip((it[2] for it in items), S.predict(model, features), strict=True))
    info = {
        "cv_macro_f1": cv["macro_f1"],
        "in_sample_macro_f1": in_sample,
        "lexicon_cv_macro_f1": lexicon["cross_validated"]["macro_f1"],
        "entities": float(len(items)),
        "folds": float(S.FOLDS),
        "l2": S.L2,
        "class_power": S.CLASS_POWER,
    }
    model = S.train_model(items, features, info)
    model.save(args.out)
    print(json.dumps({"model": args.out, **info, "cv_confusion": cv["confusion"]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
