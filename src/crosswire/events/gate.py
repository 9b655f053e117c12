"""The precision gate: the chance that a coded event is right, and whether it is emitted.

Each event the coder assembles (`extract._event`) is described by a few structural features - what kind of
rule fired, the CAMEO root's group, status, mode, negation and claim, what kind of source and target it
has, whether they are named in the sentence (the source as the trigger's own subject), whether another actor
of the article stands in the sentence or a person party shares a surname with another, how deep and in
what kind of clause the trigger sits, and whether the sentence reads like page furniture or like sport or
culture news - never by words of a particular article.
A logistic model over them (`knowledge/event_gate.py`, weights in `data/event_gate.tsv`, trained by
`benchmarks/train_event_gate.py` on the hand-judged event sheets) gives the probability that the event
happened as coded; it is the event's `confidence`. A gated coder (`extract_events(gated=True)`, an analysis
with `Resources(event_gate=True)`) does not emit events under the model's threshold (precision first);
ungated, every event is emitted with its probability. `collecting()` records each event's features with the
threshold off, for training.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from spacy.tokens import Span, Token

from crosswire.events.clauses import FINITE_TAGS
from crosswire.knowledge.actor_codes import ORGANISATION_CODES, ROLE_CODES
from crosswire.knowledge.event_gate import GateWeights
from crosswire.model import EventActor

# Root groups: statements and appeals (01-02), intent, consultation and support (03-05), material
# cooperation with yielding (06-08), verbal conflict with investigating (09-13), material conflict (14-20).
ROOT_GROUPS = {
    "01": "statement", "02": "statement", "03": "consult", "04": "consult", "05": "consult",
    "06": "material_coop", "07": "material_coop", "08": "material_coop", "09": "verbal_conflict",
    "10": "verbal_conflict", "11": "verbal_conflict", "12": "verbal_conflict", "13": "verbal_conflict",
}  # fmt: skip
# Words of sport, culture, weather and entertainment news: where political verbs are read literally
# ("forcing a showdown" in a race, "fought back tears"). A topic list, not words of any one article.
OFF_TOPIC = frozenset(
    """game match team season coach player league championship tournament cup race fan stadium goal score
    film movie album song singer band concert show episode actor actress star museum exhibition gallery
    festival weather storm rain snow hurricane recipe restaurant fashion celebrity""".split()
)
QUOTE_MARKS = ('"', "\u201c", "\u201d")
# Role codes that make a source a government, legislature, military or court (a state's body).
STATE_ROLES = ("GOV", "LEG", "MIL", "JUD", "SPY", "COP")

_COLLECTING: contextvars.ContextVar[list[tuple[object, dict[str, float]]] | None] = contextvars.ContextVar(
    "event_gate_collecting", default=None
)


def weights() -> GateWeights:
    return GateWeights.builtin()


@contextlib.contextmanager
def collecting() -> Iterator[list[tuple[object, dict[str, float]]]]:
    """Within the block, no event is held back by the gate and each coded event is recorded with its
    features as (event, features) - what `benchmarks/train_event_gate.py` learns from."""
    rows: list[tuple[object, dict[str, float]]] = []
    token = _COLLECTING.set(rows)
    try:
        yield rows
    finally:
        _COLLECTING.reset(token)


def note(event: object, features: dict[str, float]) -> None:
    rows = _COLLECTING.get()
    if rows is not None:
        rows.append((event, features))


def passes(confidence: float, gated: bool) -> bool:
    """Whether an event of this confidence is emitted: always when the coder is not `gated` or while
    collecting for training, else when it reaches the gate's threshold."""
    return not gated or _COLLECTING.get() is not None or confidence >= weights().threshold


def _named_in(actor: EventActor | None, sent: Span) -> bool:
    """Whether the actor's name (its last word: "Trump" of "Donald Trump") is written in the sentence, not
    only resolved from elsewhere (a pronoun, a coreference, the article's lead)."""
    words = (actor.name or "").split() if actor is not None else []
    return bool(words) and words[-1].lower() in sent.text.lower()


def _kind(actor: EventActor | None) -> str:
    """What an event's party is by its code: none, uncoded, role (a kind of actor of no named country:
    "GOV", "ELI"), org (an organisation of no country), state (a country alone), body (a country's
    government, legislature, forces, courts or police) or other (a country's other people and groups)."""
    if actor is None:
        return "none"
    code = actor.code or ""
    if not code:
        return "uncoded"
    if code[:3] in ROLE_CODES:
        return "role"
    if code[:3] in ORGANISATION_CODES:
        return "org"
    if len(code) == 3:
        return "state"
    return "body" if code[3:6] in STATE_ROLES else "other"


def _shares_surname(actor: EventActor | None, actors: dict[str, tuple[str, str]]) -> bool:
    """Whether the party is a person whose last name another person of the article also bears (a bare
    "Obama" in an article naming two Obamas may have been resolved to the wrong one)."""
    if actor is None or actor.actor_id not in actors or actors[actor.actor_id][0] != "person":
        return False
    last = actors[actor.actor_id][1].split()[-1].lower()
    return any(
        kind == "person" and aid != actor.actor_id and name.split()[-1].lower() == last
        for aid, (kind, name) in actors.items()
        if name.split()
    )


def features(
    sent: Span,
    trigger: Token,
    source: EventActor,
    target: EventActor | None,
    code: str,
    rule: str,
    mode: str | None,
    status: str,
    negated: bool,
    claim_by: str | None,
    syntactic_target: bool,
    base: float,
    actors: dict[str, tuple[str, str]],
    actor_at: dict[int, str],
) -> dict[str, float]:
    """The gate's features of one coded event (each 0..1); `actors` is the article's actors' kind and name
    by actor id, `actor_at` the actor id each token of a mention belongs to."""
    f: dict[str, float] = {}
    f["rule_derived"] = float("phoenix." in rule)
    f["rule_pair"] = float("+" in rule)  # a control verb and its complement coded as one act
    f["rule_noun"] = float(trigger.pos_ in ("NOUN", "PROPN"))
    f["rule_catchall"] = float(base < 0.5)
    f["rule_variant"] = float(":" in rule or ".failed" in rule)  # a verb recoded by its context
    group = ROOT_GROUPS.get(code[:2], "material_conflict")
    f[f"root_{group}"] = 1.0
    f["status_planned"] = float(status == "planned")
    f["status_other"] = float(status not in ("happened", "planned", "ongoing"))
    f["negated"] = float(negated)
    f["mode"] = float(bool(mode))
    f["claim"] = float(bool(claim_by))
    f[f"source_{_kind(source)}"] = 1.0
    f["source_in_article_actors"] = float(bool(source.actor_id))
    f["source_person"] = float(actors.get(source.actor_id or "", ("",))[0] == "person")
    f["party_shares_surname"] = float(_shares_surname(source, actors) or _shares_surname(target, actors))
    f["source_named_here"] = float(_named_in(source, sent))
    f[f"target_{_kind(target)}"] = 1.0
    f["target_guessed"] = float(target is not None and not syntactic_target)
    f["target_named_here"] = float(target is not None and _named_in(target, sent))
    # the source as the trigger's own subject (not one resolved from another clause or a pronoun elsewhere)
    last = (source.name or "").split()[-1:] or [""]
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "agent", "poss")]
    f["source_is_subject"] = float(
        any(last[0].lower() in " ".join(t.lower_ for t in c.subtree) for c in subjects) and last[0] != ""
    )
    # a party the coder left out: an object of the trigger, or another actor of the article in the sentence
    parties = {source.actor_id, target.actor_id if target is not None else None}
    others = {actor_at[t.i] for t in sent if t.i in actor_at} - parties
    f["other_actor_in_sentence"] = float(bool(others))
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "dative", "pobj", "prep")]
    f["object_without_target"] = float(
        target is None and any(c.pos_ in ("PROPN", "NOUN", "PRON") or c.dep_ == "prep" for c in objects)
    )
    f["subordinate_clause"] = float(trigger.dep_ in ("relcl", "acl", "advcl", "pcomp"))
    f["complement_clause"] = float(trigger.dep_ in ("ccomp", "xcomp"))
    depth, tok = 0, trigger
    while tok.head.i != tok.i and depth < 4:
        tok, depth = tok.head, depth + 1
    f["clause_depth"] = depth / 4
    f["main_clause"] = float(trigger.dep_ == "ROOT")
    words = [t for t in sent if t.is_alpha]
    f["sentence_length"] = min(len(sent), 60) / 60
    f["capitalised"] = sum(t.text[0].isupper() for t in words) / max(1, len(words))
    f["digits"] = min(1.0, sum(t.like_num for t in sent) / 5)
    f["no_finite_verb"] = float(not any(t.tag_ in FINITE_TAGS for t in sent))
    f["quoted_sentence"] = float(any(q in sent.text for q in QUOTE_MARKS))
    f["off_topic"] = float(any(t.lemma_.lower() in OFF_TOPIC for t in sent))
    f["lead"] = float(sent.start == 0)
    return f
