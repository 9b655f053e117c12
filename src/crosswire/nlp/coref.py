"""Grouping mentions that do not carry a full name: surnames, pronouns and definite descriptions.

Deliberately conservative: a wrong link puts one person's words in another's mouth, which is worse for an
analyst than a missing link. So a pronoun is resolved only when exactly one person is in reach, a surname
only to a full name with that surname, a description only to a person whose title fits it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crosswire.knowledge.kb import fold
from crosswire.nlp.furniture import furniture_tokens
from crosswire.nlp.quote_index import TokenIndex
from crosswire.nlp.quote_marks import find_quoted_segments
from crosswire.nlp.runtime import doc_text

PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PRONOUN_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}

# First names that end otherwise than in "a" and are women's in the news (a name ending in "a" is read as a
# woman's: Melania, Ivanka, Kamala, Theresa, Angela; "Joshua", "Luca", "Nikita" are the known exceptions).
FEMALE_FIRST_NAMES = frozenset(
    "hillary nancy michelle elizabeth susan sarah karen kirsten elise betsy nikki kellyanne marianne "
    "ruth mary margaret catherine jacqueline christine ursula jacinda yingluck aung suu park geun-hye "
    "megyn ivana stormy kathy jeanne dianne heidi tammy tulsi elaine condoleezza madeleine".split()
) - {"park", "aung", "suu"}
MALE_A_NAMES = frozenset(
    {"joshua", "luca", "nikita", "ilya", "sasha", "jonah", "elijah", "isa", "musa", "moussa"}
)
# First names whose bearer's sex is certain enough to veto a pronoun of the other sex ("'...,' she said"
# is never Antonin Scalia's). Only names borne by one sex in the news; "Kim", "Dana", "Lindsey", "Jordan",
# "Hope" or a Korean or Chinese surname that comes first are in neither list, and then nothing is vetoed.
_CERTAIN_FEMALE = FEMALE_FIRST_NAMES | frozenset(
    "melania ivanka kamala theresa angela maria melanie maggie barbara laura jennifer jessica sheryl "
    "samantha valerie loretta janet carly marsha claire joni lisa shelley cathy donna debbie ilhan "
    "alexandria rashida ayanna liz gretchen stacey kristi amy maxine patty jill sonia elena nina anna "
    "linda patricia emily rebecca rachel julie katie kate helen diane sandra sharon carol deborah "
    "cynthia amanda stephanie nicole michele chelsea tiffany huma abigail alice caroline judith katherine kathleen kristen lauren louise martha monica natalie olivia "
    "pamela rosa sally sylvia teresa tina virginia wendy".split()
)
_CERTAIN_MALE = frozenset(
    "donald barack joe joseph mitt john paul chuck charles mitch kevin steny steve steven stephen bernie "
    "ted marco jeb rand ben benjamin chris christopher mike michael george bill william james jim robert "
    "bob richard rick david thomas tom daniel anthony antonin brian newt harry tim timothy jerry eric jeff "
    "jeffrey jared reince sean vladimir boris emmanuel justin narendra recep bibi hassan ali "
    "mohammed muhammad ahmed omar peter patrick edward ed frank gary greg gregory henry jack jason jeremy "
    "jonathan larry mark matthew matt nicholas andrew adam alan allen roger ron ronald scott walter "
    "elliott evan phillip philip todd howard harold herbert herman rudy rudolph jerrold bruce gavin "
    "lamar orrin dick trey devin adam louie luther cory corey".split()
)


# Words before a surname that tell one bearer from a relative of his ("the younger Mr. Trump", "the elder
# Bush"): the name is not then the family member named in full elsewhere.
GENERATION_WORDS = frozenset({"younger", "elder", "older"})
_NAME_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."})


def generation_marked(doc: Doc, start: int) -> bool:
    """Whether a surname at `start` is preceded (over an honorific) by "younger", "elder" or "older"."""
    back = start - 1
    while back >= 0 and doc[back].lower_ in _NAME_TITLES:
        back -= 1
    return back >= 0 and doc[back].lower_ in GENERATION_WORDS


_TITLES = frozenset("sen rep gov president senator representative dr mr mrs ms".split())


def first_name_gender(name: str) -> str | None:
    """ "m" or "f" when a person's first name is borne by one sex only in the news, else None."""
    words = name.replace(".", " ").split()
    while words and words[0].lower() in _TITLES:
        words = words[1:]
    if len(words) < 2:
        return None  # a bare surname says nothing of sex
    first = words[0].lower()
    if first in _CERTAIN_FEMALE:
        return "f"
    return "m" if first in _CERTAIN_MALE else None


# Words just before a name that tell the person's sex in this article ("Ms. Hope", "campaign spokeswoman Hope
# Hicks", "Congressman Jones"): they decide where the first name alone does not. "Chairman" and "chair"
# are said of women too, and are left out.
SEX_WORDS_BEFORE_NAME = {
    **dict.fromkeys(
        "ms ms. mrs mrs. miss spokeswoman congresswoman councilwoman assemblywoman businesswoman "
        "chairwoman anchorwoman".split(),
        "f",
    ),
    **dict.fromkeys(
        "mr mr. spokesman congressman councilman assemblyman businessman anchorman".split(),
        "m",
    ),
}


def sexes_named(doc: Doc, mentions: Sequence[PersonMention]) -> dict[str, str]:
    """Each person's sex where a word just before a mention of the person tells it, and no mention says the
    other: actor key -> "m" or "f"."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.token > 0:
            sex = SEX_WORDS_BEFORE_NAME.get(doc[m.token - 1].lower_)
            if sex is not None:
                seen.setdefault(m.key, set()).add(sex)
    return {key: next(iter(sexes)) for key, sexes in seen.items() if len(sexes) == 1}


def agrees(pronoun: str, name: str, sex: str | None = None) -> bool:
    """Whether a person of this name can be the pronoun's antecedent: not when the pronoun's sex and the
    first name's are both known and differ."""
    said = PRONOUN_GENDER.get(pronoun.lower())
    known = sex or first_name_gender(name)
    return said is None or known is None or said == known


@dataclass
class PersonMention:
    token: int  # index of the mention's first token
    key: str  # the actor it belongs to


class Sentences:
    """Sentence index of any token, by bisecting sentence starts (built once per Doc)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents]

    def of(self, token_index: int) -> int:
        return bisect_right(self.starts, token_index) - 1


def quote_zones(doc: Doc) -> dict[int, int]:
    """Token index -> number of the quotation (its quoted words, not a quoted name or title) it lies in;
    tokens outside every quotation are not in the map."""
    segments = find_quoted_segments(doc_text(doc))
    idx = TokenIndex(doc, segments)
    zones: dict[int, int] = {}
    for n, seg in enumerate(segments):
        for a, b in seg.pieces:
            zones.update((i, n) for i in range(*idx.tokens(a, b)) if i in idx.speech)
    return zones


def _in_reach(pronoun: int, mention: int, zones: dict[int, int], attributions: set[int], sent: int) -> bool:
    """Whether a mention at token `mention` can be the antecedent of a pronoun at token `pronoun` as far as
    quotations go. Quoted words are someone else's, told from their place: a pronoun outside quote marks
    never points into them ('"... Twitter is down the list," he said' is not Twitter), and a pronoun inside
    them points only into the same quotation or to a person the writer names in a sentence that quotes no
    one - never to the speaker, who would say "I" ('"Several of us argued," recalled Rhodes. "He said, ..."'
    is not Rhodes), nor into another speaker's words."""
    inside = zones.get(pronoun)
    if inside is None:
        return mention not in zones
    if mention in zones:
        return zones[mention] == inside
    return sent not in attributions


def is_subject(tok: Token) -> bool:
    """Whether the name starting at `tok` is a clause's subject. '"...," he said' names a speaker, and a
    reporter names a speaker as a subject first: a person only mentioned in the sentence before ("more
    nominees than Obama?") is no antecedent for it. Each of coordinated subjects is one ("Mary Roe and Tom
    Roe arrived")."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a token stands in (the sentence root where no verb is above it)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def co_argument(pronoun: Token, name: Token) -> bool:
    """Whether a personal pronoun is another argument of the verb a name stands with, so someone else: a
    plain pronoun cannot share a clause with its antecedent ("Clinton praised him", "Clinton spoke with
    her" are not Clinton; "herself" and a possessive can)."""
    if pronoun.dep_ == "poss" or pronoun.lower_.endswith("self"):
        return False
    return _clause_verb(pronoun).i == _clause_verb(name).i


def resolve_pronouns(
    doc: Doc,
    mentions: Sequence[PersonMention],
    sentences: Sentences,
    unfit: Callable[[int, str], bool] | None = None,
    names: Mapping[str, str] | None = None,
) -> list[tuple[Token, str]]:
    """Link he/his/she/her to the one person in reach: the same sentence before the pronoun, else the previous
    sentence. Two candidates (or none) leave the pronoun unresolved. Resolved pronouns extend the chain, so a
    run of "he ... he ..." sentences keeps following the same person. Quotations bound the reach
    (`_in_reach`), and names in page furniture (credits, captions) are out of it. `names`: each actor key's
    name as written ("Mary Roe"), whose first name tells the sex (a folded key has lost its word breaks)."""
    zones = quote_zones(doc)
    attributions = {sentences.of(i) for i in zones}  # sentences that quote someone's words
    furniture = furniture_tokens(doc)  # a photo credit's name is no one of the story ("(Photo: Jane Roe)")
    by_sentence: dict[int, list[PersonMention]] = {}
    for m in sorted(mentions, key=lambda m: m.token):
        if m.token in furniture:
            continue
        by_sentence.setdefault(sentences.of(m.token), []).append(m)
    # "Mary Roe" is no "he", nor "spokeswoman Hope Hicks": the sex a first name or a title gives
    sexes = {key: sex for key, name in (names or {}).items() if (sex := first_name_gender(name)) is not None}
    sexes.update(sexes_named(doc, mentions))
    resolved: list[tuple[Token, str]] = []
    # pronouns left unresolved, by sentence: (token, sex). Each is someone the article does not name here,
    # and a rival for any later pronoun of that sex nearby ("He attacked Mr. Clinton's record after Mrs.
    # Clinton accused him": "him" may be whoever "He" is, not certainly Mr. Clinton)
    unknown: dict[int, list[tuple[int, str]]] = {}
    for tok in doc:
        if tok.lower_ not in PRONOUNS or tok.pos_ != "PRON":
            continue
        sent = sentences.of(tok.i)
        reach = [m for m in by_sentence.get(sent, []) if _in_reach(tok.i, m.token, zones, attributions, sent)]
        ahead = _cataphora(tok, reach, sexes)
        if ahead is not None:
            resolved.append((tok, ahead))
            by_sentence.setdefault(sent, []).append(PersonMention(tok.i, ahead))
            continue
        speaker = _parenthetical_speaker(tok, dict((t.i, k) for t, k in resolved))
        if speaker is not None:
            # "..., he said, he would consider a third-party candidate": the one who says it about himself
            resolved.append((tok, speaker))
            by_sentence.setdefault(sent, []).append(PersonMention(tok.i, speaker))
            continue
        key = _antecedent(tok, sent, reach, by_sentence, unknown, zones, attributions, sexes, names or {})
        if (
            key is not None
            and unfit is not None
            and key not in {m.key for m in reach if m.token < tok.i}
            and any(unfit(t.i, key) for t in doc[tok.sent.start : tok.i] if sentences.of(t.i) == sent)
        ):
            # "the businessman has insisted that he ...": a person the sentence describes before the
            # pronoun, whom the earlier one's office does not fit, is whom the pronoun means
            key = None
        if key is None:
            unknown.setdefault(sent, []).append((tok.i, PRONOUN_GENDER[tok.lower_]))
            continue
        resolved.append((tok, key))
        by_sentence.setdefault(sent, []).append(PersonMention(tok.i, key))
    return resolved


# Verbs of a speaker's parenthetical cue: "If Clinton is the nominee, he said, he would ...".
CUE_VERBS = frozenset("say tell add explain argue insist note recall predict warn".split())


def _parenthetical_cue(tok: Token) -> bool:
    """The pronoun is the subject of a cue set into the words it reports ("..., he said, ...")."""
    return tok.dep_ == "nsubj" and tok.head.dep_ == "parataxis" and tok.head.lemma_.lower() in CUE_VERBS


def _in_own_report(tok: Token, mention: int) -> bool:
    """A speaker is not a person named in the words his cue reports: in "If Clinton is the nominee, he
    said, ...", the words before "he said" are his, and Clinton is someone he speaks of (he would say "I").
    The subject of the words reported ("..., he said, he would consider ...") may then be either, the
    speaker or the one he speaks of: no name before the cue is taken for it either."""
    if mention < tok.sent.start:
        return False
    if _parenthetical_cue(tok):
        return mention < tok.i
    cue = next(
        (c for c in tok.head.children if c.dep_ == "parataxis" and c.lemma_.lower() in CUE_VERBS), None
    )
    return tok.dep_ == "nsubj" and cue is not None and cue.i < tok.i and mention < cue.i


def _parenthetical_speaker(tok: Token, resolved: dict[int, str]) -> str | None:
    """The subject of the words a parenthetical cue reports, the same pronoun as the cue's own subject, is
    the speaker: "..., he said, he would consider a third-party candidate"."""
    if tok.dep_ != "nsubj":
        return None
    for cue in tok.head.children:
        if cue.dep_ == "parataxis" and cue.lemma_.lower() in CUE_VERBS:
            said_by = next((c for c in cue.children if c.dep_ == "nsubj"), None)
            if said_by is not None and said_by.lower_ == tok.lower_ and said_by.i in resolved:
                return resolved[said_by.i]
    return None


def _antecedent(
    tok: Token,
    sent: int,
    reach: Sequence[PersonMention],
    by_sentence: dict[int, list[PersonMention]],
    unknown: dict[int, list[tuple[int, str]]],
    zones: dict[int, int],
    attributions: set[int],
    sexes: dict[str, str],
    names: Mapping[str, str],
) -> str | None:
    """The one person a pronoun can stand for: the only one of its sex named before it in its sentence,
    else (none there) the only one in the sentence before. A pronoun of the same sex left unresolved in
    the sentence searched is a rival: then there is no one. A person named as another argument of the
    pronoun's verb is never it ("Trump praised him"), nor anyone that mention may be (a bare surname
    left unresolved: either bearer)."""
    doc = tok.doc
    sex = PRONOUN_GENDER[tok.lower_]

    def rival(where: int) -> bool:
        return any(
            i < tok.i
            and said == sex
            and _in_reach(tok.i, i, zones, attributions, where)
            and not _points_ahead(doc[i], by_sentence.get(where, []), sexes)
            for i, said in unknown.get(where, [])
        )

    before = [m for m in reach if m.token < tok.i]
    bound = {m.key for m in before if co_argument(tok, doc[m.token])}
    same = {
        m.key
        for m in before
        if agrees(tok.lower_, _name(m.key), sexes.get(m.key))
        and m.key not in bound
        and not _in_own_report(tok, m.token)
    }
    if same or rival(sent):
        return next(iter(same)) if len(same) == 1 and not rival(sent) else None
    previous = {
        m.key
        for m in by_sentence.get(sent - 1, [])
        if agrees(tok.lower_, _name(m.key), sexes.get(m.key))
        and _in_reach(tok.i, m.token, zones, attributions, sent - 1)
        and (tok.i in zones or sent not in attributions or is_subject(doc[m.token]))
        and not any(_may_be(b, m.key, names) for b in bound)
    }
    if len(previous) != 1 or rival(sent - 1):
        return None
    return next(iter(previous))


def _points_ahead(pronoun: Token, mentions: Sequence[PersonMention], sexes: dict[str, str]) -> bool:
    """Whether an unresolved possessive likely stands for a person its sentence names after it ("In his
    remarks, President Obama ..."): no rival then for a later pronoun of that person's sex."""
    return pronoun.dep_ == "poss" and any(
        m.token > pronoun.i and agrees(pronoun.lower_, _name(m.key), sexes.get(m.key)) for m in mentions
    )


def _may_be(mention_key: str, key: str, names: Mapping[str, str]) -> bool:
    """Whether a mention of `mention_key` may stand for the person `key`: the same actor, or a bare
    surname left unresolved that `key`'s name ends in."""
    if mention_key == key:
        return True
    bare, full = names.get(mention_key, "").split(), names.get(key, "").split()
    return len(bare) == 1 and len(full) > 1 and fold(bare[0]) == fold(full[-1])


def _cataphora(tok: Token, mentions: Sequence[PersonMention], sexes: dict[str, str]) -> str | None:
    """The person a possessive in a fronted phrase points ahead to: "After his meeting with Ryan, Trump
    conferred with ...", "Following her speech, Clinton ...": the person named just after the phrase's
    comma, who agrees with the pronoun. Read from the surface (the parser often makes "Following" the
    root): the sentence opens (after any quote mark: '"In his remarks, Obama ...') with a preposition or
    participle, the pronoun is among its first words."""
    if tok.lower_ not in ("his", "her") or tok.dep_ != "poss":
        return None
    sent = tok.sent
    start = sent.start
    while start < tok.i and (tok.doc[start].is_quote or tok.doc[start].is_punct):
        start += 1
    first = tok.doc[start]
    if tok.i - start > 3 or not (first.pos_ in ("ADP", "SCONJ") or first.tag_ == "VBG"):
        return None
    comma = next((t.i for t in sent if t.i > tok.i and t.text == ","), None)
    if comma is None:
        return None
    after = [m for m in mentions if comma < m.token <= comma + 3]
    if not after:
        return None
    key = min(after, key=lambda m: m.token).key
    return key if agrees(tok.lower_, _name(key), sexes.get(key)) else None


def _name(key: str) -> str:
    """The folded name in an actor key ("person:antonin scalia")."""
    return key.split(":", 1)[-1]


def surname_owner(
    surname_key: str,
    position: int,
    full_names: dict[str, list[tuple[str, int]]],
    counts: dict[str, int],
    sentence_of: Callable[[int], int] | None = None,
) -> str | None:
    """The actor a bare surname belongs to: the one person with that surname named in full before
    `position`; when the full name only comes later (a headline "Kim says ..."), the one person with that
    surname in the whole article. Where several bear it (a married couple, two brothers), the one the
    article names far more often or, failing that, the only one named in full in the last sentences,
    where that is clear (`clear_bearer`); else it stays unresolved: a wrong link is worse than none. `full_names` maps a
    folded surname to (actor key, token index) of full-name mentions; `counts`: how often the article
    names each actor; `sentence_of`: a token's sentence number."""
    bearers = full_names.get(surname_key)
    if not bearers:
        return None
    before = {key for key, pos in bearers if pos < position}
    candidates = before or {key for key, _ in bearers}
    if len(candidates) == 1:
        return next(iter(candidates))
    here = sentence_of(position) if sentence_of is not None else None
    recent = {
        key
        for key, pos in bearers
        if here is not None and sentence_of is not None and pos < position and here - sentence_of(pos) <= 2
    }
    return clear_bearer(candidates, counts, recent)


def clear_bearer(candidates: set[str], counts: dict[str, int], recent: set[str]) -> str | None:
    """Which of several people sharing a surname the bare surname means, where that is clear. The news
    names one bearer by surname and tells the others apart by first name or title ("Clinton" is the
    candidate an article follows, "Bill Clinton" her husband), so the one named at least twice as often
    as any other, and by two mentions more, is meant - unless another bearer was named in full in this
    or the two sentences before ("after former President Bill Clinton greeted voters ... Clinton arrived"
    may well be him). Where no one is named that much more, the only one named in full in those
    sentences is meant ("Tom Smith said ... Smith added"), if no other is named more often."""
    ranked = sorted(candidates, key=lambda k: (-counts.get(k, 0), k))
    top, second = counts.get(ranked[0], 0), counts.get(ranked[1], 0)
    if top >= 2 * second and top - second >= 2:
        return None if recent - {ranked[0]} else ranked[0]
    near = next(iter(recent)) if len(recent) == 1 else None
    return near if near is not None and counts.get(near, 0) >= top else None
