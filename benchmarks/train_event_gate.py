"""Train the event coder's precision gate and write src/crosswire/data/event_gate.tsv.

    python benchmarks/train_event_gate.py [--cache DIR] [--target 0.85] [--out PATH] [--no-write]

Each hand-judged sheet (benchmarks/event_audit_judgements*.tsv: keys `article:offset:root:source:target`,
verdict ok|wrong) is re-coded exactly as it was drawn (`event_audit.draw_args` / `draw_records`), with the
gate open (`events.gate.collecting`) so every event the coder assembles above its floor is recorded with
its features. Judged keys are joined to the events coded now; a judged key the code no longer produces (its
codes changed, or it is no longer coded) is dropped. The model is an L2-regularised logistic regression
(numpy, Newton steps from zero: deterministic).

Honest figures: leave-one-sheet-out cross-validation - each sheet's events are scored by a model trained
on the other sheets only - give, for each threshold, the precision of the judged events kept, the share of
judged events kept, and the events per article kept (all coded events of the sheet's draw). The shipped
threshold is the lowest whose pooled CV precision reaches --target (where none does, the lowest within a
point of the best CV precision); the shipped weights are fitted on all sheets. Coded features are cached per sheet
(--cache, default the temp dir) keyed by the sheet's text and a hash of the code; --recode ignores them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _bench import read_judgements  # noqa: E402

SHEETS = sorted(HERE.glob("event_audit_judgements*.tsv"))
OUT = ROOT / "src" / "crosswire" / "data" / "event_gate.tsv"
THRESHOLDS = (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
L2 = 1.0


# ---------------------------------------------------------------- the model (pure, tested on synthetic data)


def fit(
    x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 30, weight: np.ndarray | None = None
) -> np.ndarray:
    """Weights (bias last) of a logistic regression with an L2 penalty on all weights but the bias, by
    Newton's method from zero; `weight` weighs the rows (default 1 each)."""
    n, d = x.shape
    sw = np.ones(n) if weight is None else weight
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (sw * (p - y)) + penalty * w
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ w[:-1] + w[-1], -30, 30)))


def fit_groups(
    groups: Sequence[tuple[np.ndarray, np.ndarray]],
    l2: float = L2,
    extra: tuple[np.ndarray, np.ndarray, float] | None = None,
) -> np.ndarray:
    """`fit` over the rows of all `groups`, plus `extra` (features, labels, row weight) when given."""
    xs, ys, ws = [g[0] for g in groups], [g[1] for g in groups], [np.ones(len(g[1])) for g in groups]
    if extra is not None:
        xs, ys, ws = xs + [extra[0]], ys + [extra[1]], ws + [np.full(len(extra[1]), extra[2])]
    return fit(np.vstack(xs), np.concatenate(ys), l2, weight=np.concatenate(ws))


def cross_validate(
    groups: Sequence[tuple[np.ndarray, np.ndarray]],
    l2: float = L2,
    extra: tuple[np.ndarray, np.ndarray, float] | None = None,
) -> list[np.ndarray]:
    """Leave-one-group-out: for each group, the weights of a model fitted on all the other groups (and
    `extra`, always trained on)."""
    return [fit_groups([g for j, g in enumerate(groups) if j != k], l2, extra) for k in range(len(groups))]


def at_threshold(p: np.ndarray, y: np.ndarray, t: float) -> tuple[float, float]:
    """(precision of the rows kept, share of rows kept) when rows with p >= t are kept."""
    kept = p >= t
    return (float(y[kept].mean()) if kept.any() else float("nan")), float(kept.mean())


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """The chance that a right event scores above a wrong one (ties count half)."""
    right, wrong = p[y == 1], p[y == 0]
    if not len(right) or not len(wrong):
        return float("nan")
    return float(((right[:, None] > wrong[None, :]) + 0.5 * (right[:, None] == wrong[None, :])).mean())


def reliability(p: np.ndarray, y: np.ndarray, edges=(0.0, 0.5, 0.65, 0.75, 0.85, 1.01)) -> str:
    """Mean probability against the share right, per probability bin: how far the probabilities are
    calibrated."""
    parts = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        k = (p >= lo) & (p < hi)
        if k.any():
            parts.append(
                f"{lo:.2f}-{min(hi, 1.0):.2f}: {int(k.sum())} events, mean {p[k].mean():.2f}, right {y[k].mean():.2f}"
            )
    return "; ".join(parts)


def choose_threshold(p: np.ndarray, y: np.ndarray, target: float, thresholds=THRESHOLDS) -> float:
    """The lowest threshold whose precision reaches `target`; where none does, the lowest whose precision
    is within a point of the best (a higher one would cost events for noise)."""
    scored = [(t, np.nan_to_num(at_threshold(p, y, t)[0])) for t in thresholds]
    for t, precision in scored:
        if precision >= target:
            return t
    best = max(precision for _, precision in scored)
    return min(t for t, precision in scored if precision >= best - 0.01)


# ---------------------------------------------------------------- data: the judged sheets, re-coded


def code_version() -> str:
    """A hash of the code and data under src/ and of the scripts that code the sheets (the gate's own
    weights left out: they do not change what is coded while collecting)."""
    digest = hashlib.sha1()
    for path in [HERE / "event_audit.py", Path(__file__).resolve(), *sorted((ROOT / "src").rglob("*"))]:
        # build leftovers (__pycache__, an editable install's egg-info) are not code: a worktree without them
        # must share the cache
        if (
            path.is_file()
            and path != OUT
            and "__pycache__" not in path.parts
            and not any(p.endswith(".egg-info") for p in path.parts)
        ):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def code_sheet(path: Path) -> dict:
    """{"articles": n, "events": [{"key", "features", "verdict" (None: not judged)}]} for one sheet."""
    import event_audit as A

    from crosswire.events import gate

    records = A.draw_records(A.draw_args(path))
    with gate.collecting() as rows:
        coded = A.code(records)
    feats = {id(e): f for e, f in rows}
    verdicts: dict[str, str] = {}
    for key, verdict, _ in read_judgements(path):
        verdicts[key] = verdict
    events = [
        {"key": key, "features": feats[id(e)], "verdict": verdicts.get(key)}
        for key, (_, e) in zip(A.unique_keys(coded), coded, strict=True)
    ]
    return {"articles": len(records), "judged": len(verdicts), "events": events}


def load_sheets(
    cache: Path, recode: bool, sheets: Sequence[Path] = SHEETS, coder: Callable[[Path], dict] | None = None
) -> dict[str, dict]:
    """Each sheet coded by `coder` (default `code_sheet`), cached in `cache` under a hash of the sheet and
    of the code: coded again only when either changes (or with `recode`)."""
    coder = coder or code_sheet
    cache.mkdir(parents=True, exist_ok=True)
    version = code_version()
    out = {}
    for path in sheets:
        digest = hashlib.sha1((path.read_text(encoding="utf-8") + version).encode()).hexdigest()[:12]
        cached = cache / f"{path.stem}.{digest}.json"
        if cached.exists() and not recode:
            out[path.name] = json.loads(cached.read_text())
        else:
            print(f"coding {path.name} ...", file=sys.stderr, flush=True)
            out[path.name] = coder(path)
            cached.write_text(json.dumps(out[path.name]))
    return out


def code_plover() -> dict:
    """The PLOVER dev records coded with the gate open: per record its gold type and source countries and
    its events' features, PLOVER type and source code."""
    from crosswire.evaluation import plover as P
    from crosswire.evaluation import read_records
    from crosswire.events import gate

    gold = read_records(P.DEFAULT_GOLD, P._check, None)
    with gate.collecting() as rows:
        coded = P.code_texts(gold)
    feats = {id(e): f for e, f in rows}
    return {
        "records": [
            {
                "id": g["id"],
                "type": P.CURRENT_TYPE.get(g["event"].upper(), g["event"].upper()),
                "raw_type": P.SAME_TYPE.get(g["event"].upper(), g["event"].upper()),
                "sources": sorted({(s.get("code") or "")[:3].upper() for s in g.get("source", [])}),
                "events": [
                    {
                        "features": feats[id(e)],
                        "plover": P.CURRENT_TYPE.get(P._plover(r), P._plover(r)),
                        "raw_plover": P._plover(r),
                        "source": ((r.get("source") or {}).get("code") or "")[:3].upper(),
                    }
                    for e, r in ((e, P.event_row(e)) for e in coded[g["id"]])
                ],  # fmt: skip
            }
            for g in gold
        ]
    }


def plover_rows(plover: dict, names: list[str], keep=lambda n: True) -> tuple[np.ndarray, np.ndarray]:
    """Training rows from PLOVER records (those `keep(index)` says): an event is right when its type is
    the gold type and its source the gold source's country."""
    events = [(r, e) for n, r in enumerate(plover["records"]) if keep(n) for e in r["events"]]
    y = np.array([e["plover"] == r["type"] and e["source"] in r["sources"] for r, e in events], dtype=float)
    return matrix([e for _, e in events], names), y


def plover_scores(plover: dict, names: list[str], w: np.ndarray, t: float, keep=lambda n: True) -> str:
    """The guard rail's figures (event type, source country, records with no event: `crosswire eval plover`)
    with the gate at `t`."""
    type_ok = source_ok = empty = n = 0
    for k, rec in enumerate(plover["records"]):
        if not keep(k):
            continue
        n += 1
        evs = rec["events"]
        if evs:
            p = predict(w, matrix(evs, names))
            evs = [e for e, q in zip(evs, p, strict=True) if q >= t]
        empty += not evs
        type_ok += any(e["raw_plover"] == rec["raw_type"] for e in evs)  # as `crosswire eval plover` counts
        source_ok += any(e["source"] in rec["sources"] for e in evs)
    return f"type {type_ok / n:.3f} source {source_ok / n:.3f} no event {empty}/{n}"


def matrix(events: list[dict], names: list[str]) -> np.ndarray:
    return np.array([[e["features"].get(n, 0.0) for n in names] for e in events], dtype=float).reshape(
        len(events), len(names)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "crosswire-event-gate"))
    parser.add_argument("--recode", action="store_true", help="code the sheets again, ignoring the cache")
    parser.add_argument(
        "--target", type=float, default=0.85, help="CV precision the threshold aims at (issue #15's goal)"
    )
    parser.add_argument("--threshold", type=float, default=None, help="ship this threshold instead")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument(
        "--plover-weight", type=float, default=0.0, help="weight of PLOVER dev events as extra rows (0: none)"
    )
    parser.add_argument("--drop", default="", help="features to leave out (comma-separated name prefixes)")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    cache = Path(args.cache)
    data = load_sheets(cache, args.recode)
    plover_file = cache / f"plover-dev.{code_version()[:12]}.json"
    if plover_file.exists() and not args.recode:
        plover = json.loads(plover_file.read_text())
    else:
        print("coding the PLOVER dev records ...", file=sys.stderr, flush=True)
        plover = code_plover()
        plover_file.write_text(json.dumps(plover))
    dropped = tuple(d for d in args.drop.split(",") if d)
    names = sorted(
        {
            n
            for sheet in data.values()
            for e in sheet["events"]
            for n in e["features"]
            if not n.startswith(dropped or ("\0",))
        }
    )
    groups, alls, articles = [], [], []
    for name, sheet in data.items():
        judged = [e for e in sheet["events"] if e["verdict"] in ("ok", "wrong")]
        y = np.array([e["verdict"] == "ok" for e in judged], dtype=float)
        groups.append((matrix(judged, names), y))
        alls.append(matrix(sheet["events"], names))
        articles.append(sheet["articles"])
        print(
            f"{name}: {len(judged)} events coded now under the {sheet['judged']} judged keys, "
            f"{int(y.sum())} right ({y.mean():.0%}); {len(sheet['events'])} events in {sheet['articles']} articles"
        )
    extra = None
    if args.plover_weight > 0:
        px, py = plover_rows(plover, names)
        extra = (px, py, args.plover_weight)
        print(
            f"PLOVER dev: {len(py)} events, {py.mean():.0%} right (type and source country), weight {args.plover_weight}"
        )
    models = cross_validate(groups, args.l2, extra)
    preds = [predict(w, g[0]) for w, g in zip(models, groups, strict=True)]
    p_all = np.concatenate(preds)
    y_all = np.concatenate([g[1] for g in groups])
    w = fit_groups(groups, args.l2, extra)
    # PLOVER out of sample: two halves, each gated by a model trained on the sheets and the other half
    halves = []
    for half in (0, 1):
        other = None
        if extra is not None:
            hx, hy = plover_rows(plover, names, lambda n, h=half: n % 2 != h)
            other = (hx, hy, args.plover_weight)
        halves.append(fit_groups(groups, args.l2, other))
    print(f"\nleave-one-sheet-out CV over {len(y_all)} judged events ({y_all.mean():.1%} right ungated)")
    print(f"CV AUC {auc(p_all, y_all):.2f}; calibration by bin - {reliability(p_all, y_all)}")
    print(
        "| threshold | CV precision kept | judged kept | events / article | per sheet precision | PLOVER in sample "
        "| PLOVER held-out halves |"
    )
    print("|---|---|---|---|---|---|---|")
    rows = []
    for t in (0.0, *THRESHOLDS):
        precision, share = at_threshold(p_all, y_all, t)
        kept = sum(int((predict(m, x) >= t).sum()) for m, x in zip(models, alls, strict=True))
        per_sheet = " ".join(f"{at_threshold(p, g[1], t)[0]:.2f}" for p, g in zip(preds, groups, strict=True))
        held = [plover_scores(plover, names, halves[h], t, lambda n, h=h: n % 2 == h) for h in (0, 1)]
        rows.append((t, precision, share, kept / sum(articles)))
        print(
            f"| {t:.2f} | {precision:.1%} | {share:.0%} | {kept / sum(articles):.1f} | {per_sheet} "
            f"| {plover_scores(plover, names, w, t)} | {'; '.join(held)} |"
        )
    threshold = args.threshold if args.threshold is not None else choose_threshold(p_all, y_all, args.target)
    print(f"\nthreshold {threshold:.2f}; weights fitted on all {len(y_all)} judged events:")
    for n, v in sorted(zip(names, w[:-1], strict=True), key=lambda nv: -abs(nv[1])):
        print(f"  {n:28s} {v:+.3f}")
    print(f"  {'bias':28s} {w[-1]:+.3f}")
    if args.no_write:
        return 0
    from crosswire.knowledge.event_gate import GateWeights

    weights = {"bias": float(w[-1])} | {n: float(v) for n, v in zip(names, w[:-1], strict=True)}
    precision, share = at_threshold(p_all, y_all, threshold)
    kept = sum(int((predict(m, x) >= threshold).sum()) for m, x in zip(models, alls, strict=True))
    plover_note = f", plus the PLOVER dev records' events at weight {args.plover_weight}" if extra else ""
    header = (
        "crosswire event gate: logistic weights of the chance that a coded event is right (events/gate.py).\n"
        "Trained here by benchmarks/train_event_gate.py from the repository's hand-judged event sheets\n"
        "(benchmarks/event_audit_judgements*.tsv, over BASIL, Giveme5W1H and PolNeAR texts), re-coded with the\n"
        f"code at source hash {code_version()[:12]}: {len(y_all)} judged events, {y_all.mean():.1%} right ungated"
        f"{plover_note}; L2 {args.l2}.\nLeave-one-sheet-out CV at the threshold: precision {precision:.1%}, "
        f"{share:.0%} of judged events kept, {kept / sum(articles):.1f} events an article kept.\n"
        "Lines: threshold, then feature<TAB>weight."
    )
    Path(args.out).write_text(GateWeights(weights, threshold).dump(header), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
