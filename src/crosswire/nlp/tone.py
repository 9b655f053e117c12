"""Tone toward each actor: how the article portrays it, in [-1, 1], with the sentences that carry it.

Method: a lexicon written for this project (`data/tone_lexicon.tsv`: about 600 lemmas with weights -3..+3,
negators, intensifiers, dampers) applied through the dependency parse. Only sentences that mention the actor
are read (its names, titles, descriptions and resolved pronouns, as `extract_actors` found them). In each such
sentence every lexicon word contributes its weight, scaled by:

* who it is about - the tree distance between the word and the nearest mention of the actor: 1.0 when the
  word is the mention's own modifier or the predicate it is subject or object of ("the young *dictator*",
  "Kim is *merciless*", "the Putin option *stinks*"), falling to 0.15 five or more arcs away; a word nearer to
  another actor's mention counts only a quarter, so "X praised Y" says nothing good about X;
* the word's role - a *judge* verb ("praised", "condemned", "blasted", "criticized") gives its weight to its
  object, or to its passive subject ("X was criticized"), never to the judge; an *aggress* verb ("exploit",
  "threaten", "undermine") gives it to its subject, the one acting;
* negation ("did not criticize", "never honest") flips and damps it (x -0.3); intensifiers ("deeply",
  "fierce criticism") multiply it, dampers ("slightly") shrink it;
* whose voice it is - the outlet's own words count in full; words inside a quote by someone else count
  `QUOTE_WEIGHT` (0.5): the outlet chose to print them, but they are the speaker's view; the actor's own
  quoted words count nothing toward the actor (what Kim says is Kim's view of others, not the outlet's of
  Kim).

`lexicon_tone` squashes the per-actor total into [-1, 1] with `tanh(total / TONE_SCALE)`. `score_tone` (in tone_model.py), what
the pipeline stores as `Actor.tone` and what story portrayal averages, hands the same evidence, split by voice
and sign, to the trained entity-sentiment model (`nlp/tone_model.py`, fitted on BASIL) and reports its expected
sentiment P(positive) - P(negative). Either way an actor whose sentences hold no lexicon word gets tone None.
Evidence lists the sentences that contributed, in reading order. BASIL scores of the article-level mapping are
in docs/accuracy.md (`crosswire eval sentiment`); the lexicon was written by hand and only lightly checked
against BASIL's bias spans, never fitted to them. The model learned from BASIL that an outlet's own praise
words say little (its 23 positive judgements come mostly from praise quoted from others): "Trump praised Moon
Jae-in's courage" gives Moon +0.36, but "Moon Jae-in is an honest, admired and courageous leader" -0.25.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crosswire.errors import LexiconError  # noqa: F401  (re-exported for callers)
from crosswire.knowledge.tone_lexicon import MAX_WEIGHT, Lexicon
from crosswire.model import Actor, Article, Quote
from crosswire.model import Span as TextSpan
from crosswire.nlp.runtime import doc_text

QUOTE_WEIGHT = 0.5  # another speaker's quoted words about the actor
OWN_QUOTE_WEIGHT = 0.0  # the actor's own quoted words
NEGATION_FACTOR = -0.3  # "not honest" is mildly negative, not the mirror of "dishonest"
RIVAL_FACTOR = 0.25  # a word nearer to another actor's mention than to this one's
TONE_SCALE = 1.5  # tanh scale of the summed contributions
# Weight of a word by its tree distance (arcs) to the actor's nearest mention; farther is FAR_WEIGHT.
PROXIMITY = {0: 1.0, 1: 1.0, 2: 0.85, 3: 0.5, 4: 0.3}
FAR_WEIGHT = 0.15
# Entity types whose words are names, not evaluations ("Hope Hicks", "Liberty University").
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT"})


def _keys(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def _lookup(table: dict[str, float], tok: Token) -> float | None:
    for key in _keys(tok):
        if key in table:
            return table[key]
    return None


def _depth_path(tok: Token) -> list[int]:
    """Token indices from `tok` up to its sentence root."""
    path = [tok.i]
    while tok.head.i != tok.i:
        tok = tok.head
        path.append(tok.i)
    return path


def _tree_distance(a: list[int], b: list[int]) -> int:
    """Arcs between two tokens given their root paths (`_depth_path`)."""
    where = {t: n for n, t in enumerate(a)}
    for n, t in enumerate(b):
        if t in where:
            return where[t] + n
    return len(a) + len(b)  # different trees (a sentence split inside a mention)


def _proximity(distance: int) -> float:
    return PROXIMITY.get(distance, FAR_WEIGHT)


def _mention_tokens(doc: Doc, actor: Actor) -> dict[int, list[int]]:
    """Token indices of the actor's mentions, grouped by sentence start token."""
    by_sentence: dict[int, list[int]] = {}
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for tok in span:
            by_sentence.setdefault(tok.sent.start, []).append(tok.i)
    return by_sentence


def _modifier_factor(tok: Token, lex: Lexicon) -> float:
    """Negation and intensity from the word's own modifiers and, for a predicate adjective, its verb's."""
    factor = 1.0
    scopes = [tok]
    if tok.dep_ in ("acomp", "attr", "xcomp", "dobj", "oprd") and tok.head.i != tok.i:
        scopes.append(tok.head)  # "is not merciless", "did not show courage"
    negated = False
    for scope in scopes:
        for child in scope.children:
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and child.lower_ in lex.negators):
                negated = True
            elif child.dep_ in ("advmod", "amod", "npadvmod") and child.i != tok.i:
                factor *= lex.intensifiers.get(child.lower_, 1.0)
    if negated:
        factor *= NEGATION_FACTOR
    return factor


def _quote_weights(
    quotes: Sequence[Quote] | None, actor: Actor, speaker_ids: Sequence[str | None] | None = None
) -> list[tuple[int, int, float]]:
    """Character ranges of quotes with the weight their words carry toward `actor` (`speaker_ids`: the
    quotes' `speaker.actor_id`s when the caller has them: each is a hash, worked out once per article)."""
    out = []
    quotes = quotes or []
    if speaker_ids is None:
        speaker_ids = [q.speaker.actor_id for q in quotes]
    actor_id, name = actor.actor_id, actor.name.lower()
    for q, speaker_id in zip(quotes, speaker_ids, strict=True):
        own = speaker_id == actor_id or (q.speaker.name is not None and q.speaker.name.lower() == name)
        weight = OWN_QUOTE_WEIGHT if own else QUOTE_WEIGHT
        for start, end in q.spans or [(q.start, q.end)]:
            out.append((start, end, weight))
    return out


def _voice_weight(pos: int, quote_ranges: list[tuple[int, int, float]]) -> float:
    for start, end, weight in quote_ranges:
        if start <= pos < end:
            return weight
    return 1.0


@dataclass
class _Context:
    doc: Doc
    lex: Lexicon
    rival_paths: dict[int, list[list[int]]]  # sentence start -> root paths of other actors' mention tokens
    # token index -> its root path, shared by every actor of the doc: a path is walked once, not per actor
    paths: dict[int, list[int]] = field(default_factory=dict)
    # every lemma or word some table scores (empty: not known, look each token up): most tokens are in
    # none, and asking first saves four table lookups per token and actor
    scored: frozenset[str] = frozenset()

    def path(self, tok: Token) -> list[int]:
        found = self.paths.get(tok.i)
        if found is None:
            found = self.paths[tok.i] = _depth_path(tok)
        return found


def _word_contribution(
    tok: Token, mention_paths: list[list[int]], ctx: _Context, mention_ids: set[int] | None = None
) -> float:
    """Signed weight of one lexicon token toward the actor whose mention tokens have `mention_paths`
    (`mention_ids`: their first elements, when the caller has them already)."""
    lex = ctx.lex
    if ctx.scored and tok.lower_ not in ctx.scored and tok.lemma_.lower() not in ctx.scored:
        return 0.0
    if mention_ids is None:
        mention_ids = {p[0] for p in mention_paths}
    if tok.pos_ in ("VERB", "AUX") and ((j := _lookup(lex.judge, tok)) is not None):
        return j / MAX_WEIGHT * _modifier_factor(tok, lex) * _verb_role(tok, mention_ids, "judge")
    if tok.pos_ in ("VERB", "AUX") and ((a := _lookup(lex.aggress, tok)) is not None):
        return a / MAX_WEIGHT * _modifier_factor(tok, lex) * _verb_role(tok, mention_ids, "aggress")
    weight = _lookup(lex.word, tok)
    if weight is None:
        weight = _lookup(lex.reporting, tok)
        if weight is None:
            return 0.0
    if _judged_by(tok, mention_ids, lex):
        return 0.0  # "X praised Y's courage": the courage is Y's, X is only the judge
    path = ctx.path(tok)  # only for lexicon words: most tokens of a sentence are not
    distance = min(_tree_distance(path, p) for p in mention_paths)
    share = _proximity(distance)
    rivals = ctx.rival_paths.get(tok.sent.start, [])
    if rivals and min(_tree_distance(path, p) for p in rivals) < distance:
        share *= RIVAL_FACTOR
    return weight / MAX_WEIGHT * share * _modifier_factor(tok, lex)


def _judged_by(tok: Token, mention_ids: set[int], lex: Lexicon) -> bool:
    """Whether `tok` lies inside what a judge verb says about someone, the actor being the judge."""
    for ancestor in tok.ancestors:
        if ancestor.pos_ == "VERB" and _lookup(lex.judge, ancestor) is not None:
            subjects = [c for c in ancestor.children if c.dep_ == "nsubj"]
            if ancestor.dep_ in ("xcomp", "conj") and not subjects:
                subjects = [c for c in ancestor.head.children if c.dep_ == "nsubj"]
            return any(t.i in mention_ids for s in subjects for t in s.subtree if t.i <= s.i)
    return False


def _verb_role(verb: Token, mention_ids: set[int], kind: str) -> float:
    """Share of a judge/aggress verb's weight that reaches the actor: 1 in the receiving role, else 0."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    objects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in ("xcomp", "conj") and not subjects:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "vowed to exploit", "X and blasted"
    if verb.dep_ == "relcl" and not subjects:
        subjects = [verb.head]  # "the man who threatened ..."
    if verb.dep_ in ("acl", "amod"):
        objects.append(verb.head)  # "a leader criticized by ...", "the much-criticized leader"
    if kind == "judge":
        agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        receivers = [o for o in objects if o not in agent]
    else:
        receivers = subjects + [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    receivers += [cc for r in receivers for cc in r.conjuncts]
    for r in receivers:
        # The receiver itself, or its possessor or compound ("praised Y's courage", "the Putin option").
        if r.i in mention_ids or any(
            c.i in mention_ids for c in r.children if c.dep_ in ("poss", "compound")
        ):
            return 1.0
    return 0.0


@dataclass(frozen=True)
class Contribution:
    """One lexicon word's signed weight toward an actor, before the voice weight is applied."""

    sentence_start: int  # character offsets of its sentence
    sentence_end: int
    token: str
    value: float
    voice: float  # 1 for the outlet's words, QUOTE_WEIGHT / OWN_QUOTE_WEIGHT inside quotes


def contributions(
    article: Article,
    doc: Doc,
    actors: Sequence[Actor],
    quotes: Sequence[Quote] | None = None,
    lexicon: Lexicon | None = None,
) -> list[list[Contribution]]:
    """For each actor, every lexicon word in its sentences that bears on it (the raw material of `score_tone`)."""
    if doc_text(doc) != article.text:
        raise ValueError(
            f"article {article.id}: the Doc was not parsed from article.text (offsets would be wrong)"
        )
    lex = lexicon or Lexicon.builtin()
    tokens_by_actor = [_mention_tokens(doc, a) for a in actors]
    path_cache: dict[int, list[int]] = {}  # one cache of root paths for every actor's context
    scored = frozenset(lex.word) | frozenset(lex.judge) | frozenset(lex.aggress) | frozenset(lex.reporting)
    shared = _Context(doc, lex, {}, path_cache, scored)
    speaker_ids = [q.speaker.actor_id for q in quotes or []]
    paths_by_actor = [
        {s: [shared.path(doc[i]) for i in ids] for s, ids in by_sent.items()} for by_sent in tokens_by_actor
    ]
    out = []
    for n, actor in enumerate(actors):
        rivals: dict[int, list[list[int]]] = {}
        mine = {i for ids in tokens_by_actor[n].values() for i in ids}
        for m, other in enumerate(paths_by_actor):
            if m == n:
                continue
            for s, paths in other.items():
                rivals.setdefault(s, []).extend(p for p in paths if p[0] not in mine)
        ctx = _Context(doc, lex, rivals, path_cache, scored)
        weights = _quote_weights(quotes, actor, speaker_ids)
        out.append(_actor_contributions(doc, paths_by_actor[n], mine, weights, ctx))
    return out


def _evidence(article: Article, found: Sequence[Contribution]) -> list[TextSpan]:
    """The sentences whose words moved the actor's total, in reading order."""
    sentences: dict[int, float] = {}
    for c in found:
        sentences[c.sentence_start] = sentences.get(c.sentence_start, 0.0) + c.value * c.voice
    return [
        TextSpan(c.sentence_start, c.sentence_end, article.text[c.sentence_start : c.sentence_end])
        for c in {c.sentence_start: c for c in found}.values()
        if sentences[c.sentence_start]
    ]


def lexicon_tone(
    article: Article,
    doc: Doc,
    actors: Sequence[Actor],
    quotes: Sequence[Quote] | None = None,
    lexicon: Lexicon | None = None,
) -> list[Actor]:
    """The actors with the lexicon's own tone, `tanh(total / TONE_SCALE)` (None without evidence), and the
    `evidence` sentences; inputs untouched. The raw reading the sentiment model builds on."""
    out = []
    for actor, found in zip(actors, contributions(article, doc, actors, quotes, lexicon), strict=True):
        evidence = _evidence(article, found)
        tone = math.tanh(sum(c.value * c.voice for c in found) / TONE_SCALE) if evidence else None
        out.append(dataclasses.replace(actor, tone=tone, evidence=evidence, labels=list(actor.labels)))
    return out


DOUBLE_QUOTES = '"\u201c\u201d'


def _quoted_label(tok: Token) -> bool:
    """An entity in quote marks is a label the writer applies ("the \u201cGreat Disruptor\u201d"), not a name.
    Only double quotes count: a single one is as often an apostrophe ("O'Brien", "Kim's")."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    window = doc_text(doc)[max(doc[start].idx - 1, 0) : doc[end - 1].idx + len(doc[end - 1]) + 1]
    return any(c in DOUBLE_QUOTES for c in window)


def _actor_contributions(
    doc: Doc,
    paths_by_sentence: dict[int, list[list[int]]],
    mention_ids: set[int],
    quote_ranges: list[tuple[int, int, float]],
    ctx: _Context,
) -> list[Contribution]:
    found: list[Contribution] = []
    for start in sorted(paths_by_sentence):
        sent: Span = doc[start].sent
        sentence_ids = {p[0] for p in paths_by_sentence[start]}
        for tok in sent:
            if tok.i in mention_ids and tok.pos_ in ("PROPN", "PRON"):
                continue  # the name itself ("Hope", "Grace") is not an evaluation
            if tok.ent_type_ in NAME_ENTITIES and tok.i not in mention_ids and not _quoted_label(tok):
                continue
            value = _word_contribution(tok, paths_by_sentence[start], ctx, sentence_ids)
            if value:
                voice = _voice_weight(tok.idx, quote_ranges)
                found.append(Contribution(sent.start_char, sent.end_char, tok.text, value, voice))
    return found
