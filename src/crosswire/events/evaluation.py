"""Whether a statement's content judges: condemning words ("a violent violation"), or praise and blame of a
party it names - not words said of the speaker, in an aside, or of something found absent.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.events import clauses
from crosswire.events.context import ArticleContext
from crosswire.events.media import is_medium, names_medium
from crosswire.events.participants import same_actor
from crosswire.knowledge.event_lexicon import Lexicon
from crosswire.knowledge.tone_lexicon import Lexicon as ToneLexicon
from crosswire.model import EventActor

# Nouns that make "criminal" a description, not a condemnation: "criminal justice reform", "a criminal case".
DESCRIBED_BY_CRIMINAL = frozenset(
    "justice investigation inquiry probe case charge charges code court record law laws trial referral".split()
)


def _crime_as_topic(tok: Token) -> bool:
    """ "tough on crime", "failed on border crime", "crime rates": crime as a policy topic, not an act
    condemned ("a crime against the nation", "war crimes by the militia")."""
    if tok.lemma_.lower() != "crime":
        return False
    return tok.dep_ in ("compound", "amod") or (
        tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about", "against", "of", "with")
    )


def is_critical(verb: Token, lexicon: Lexicon) -> bool:
    """A statement whose content condemns: "claimed, 'It is a violent violation ...'"."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "dobj", "xcomp", "advcl"):
            if any(
                (t.lemma_.lower() in lexicon.critical or t.lower_ in lexicon.critical)
                and not (t.lower_ == "criminal" and t.head.lemma_.lower() in DESCRIBED_BY_CRIMINAL)
                and not _crime_as_topic(t)
                and not _in_aside(t, child)
                and not _found_absent(t, child)
                and not _praised_quality(t)
                for t in child.subtree
            ):
                return True
    return False


def _praised_quality(tok: Token) -> bool:
    """ "ran a very aggressive and effective campaign", "pushed her to be a stronger and more aggressive
    candidate": a hard word said with praise of the same thing, or asked for in the comparative, is a
    quality admired, not a charge."""
    if tok.pos_ != "ADJ":
        return False
    if tok.tag_ in ("JJR", "JJS") or any(
        c.dep_ == "advmod" and c.lower_ in ("more", "most") for c in tok.children
    ):
        return True
    tone = ToneLexicon.builtin()
    kin = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    if tok.dep_ == "amod":
        kin += [c for c in tok.head.children if c.dep_ == "amod" and c.i != tok.i]
    return any(tone.word.get(k.lemma_.lower(), tone.word.get(k.lower_, 0.0)) > 0 for k in kin)


# Third-person pronouns that stand for a person or party a statement can be about.
PERSON_PRONOUNS = frozenset("he him she her they them".split())


# Entity types that name a party.
NAMED_ENTITIES = clauses.PARTY_ENTITIES


def evaluates_named(
    ctx: ArticleContext, verb: Token, sources: list[EventActor], complement: Token | None
) -> bool:
    """Whether what a statement says praises or blames a party it names, other than the speaker: an
    evaluative word of the tone lexicon (or a criticism word of the event lexicon) said of that party - the
    party is the subject of the evaluative word's clause ("'She's a fake,' Symms said", "said Scalia was a
    remarkable person"), the one a judging word is done by or to ("said he has been impressed by Ayotte"),
    or the owner or head of the evaluated noun ("Trump's extravagance"). Asides ("Trump, who ...") are
    description, not content; a fact told of someone ("said Clinton was committed to a 50-state strategy")
    carries no evaluative word."""
    tone = ToneLexicon.builtin()
    heads = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if complement is not None:
        heads.append(complement)
    for head in heads:
        for word in head.subtree:
            if _in_aside(word, head):
                continue
            if _evaluative(word, tone, ctx.lexicon):
                judged = _evaluated(word)
            elif (
                word.pos_ == "VERB"
                and word.lemma_.lower() in tone.judge
                and _speakers_own(ctx, word, sources)
            ):
                # "said he admires Ayotte": the speaker's own praise or blame of whom the verb is done to
                # ("said Sanders backs Clinton" reports another's)
                judged = [o for o in _evaluated(word) if o.dep_ != "nsubj"]
            else:
                continue
            if any(_names_other_party(ctx, t, sources, verb) for t in judged):
                return True
    return False


# The tone weight of a word that judges whom it is said of ("fake", "brilliant"); weaker words ("committed",
# "defeat", "investigation") tell facts as often as they judge.
EVALUATIVE_WEIGHT = 2.0


def _evaluative(tok: Token, tone: ToneLexicon, lexicon: Lexicon) -> bool:
    """Whether `tok` praises or blames: a strong tone word, a judging verb, a word of criticism."""
    lemma = tok.lemma_.lower()
    if (
        tok.pos_ in ("VERB", "ADJ", "NOUN")
        and abs(tone.word.get(lemma, tone.word.get(tok.lower_, 0.0))) >= EVALUATIVE_WEIGHT
    ):
        return True
    return lemma in lexicon.critical or tok.lower_ in lexicon.critical


def _speakers_own(ctx: ArticleContext, word: Token, sources: list[EventActor]) -> bool:
    """Whether the subject of `word` is the speaker ("I", "we", or a pronoun or name for the source)."""
    for subject in (c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in ("i", "we"):
            return True
        found = ctx.index.resolve(subject)
        if found is None:
            return subject.lower_ in PERSON_PRONOUNS | {"it"}  # reported speech: "said it admires ..."
        return any(same_actor(found, s) for s in sources)
    return False


def _evaluated(word: Token) -> list[Token]:
    """The tokens that may name whom `word` evaluates: the subject of a clause that says it of someone
    ("she's a fake", "Scalia was a remarkable person"), the one a judging verb or adjective is done by or to
    ("impressed by Ayotte"), the owner of an evaluated noun ("Trump's extravagance") or the noun an
    evaluative adjective modifies. A word deeper in the clause ("targeted superdelegates with vile emails",
    "a revenge attack for US air strikes") evaluates a thing, not the clause's subject."""
    out = [c for c in word.children if c.dep_ in ("poss", "nsubj", "nsubjpass")]
    if word.pos_ in ("VERB", "ADJ"):
        out += [c for c in word.children if c.dep_ == "dobj"]
        out += [
            o for p in word.children if p.dep_ in ("agent", "prep") for o in p.children if o.dep_ == "pobj"
        ]
    said = word
    if said.dep_ in ("amod", "compound") and said.pos_ == "ADJ":
        said = said.head
        out.append(said)
    while said.dep_ == "conj":
        said = said.head
    if said.dep_ in ("attr", "acomp", "oprd"):
        out += [c for c in said.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out + [c for t in out for c in t.children if c.dep_ in ("poss", "compound")]


def _names_other_party(ctx: ArticleContext, tok: Token, sources: list[EventActor], verb: Token) -> bool:
    """Whether `tok` names (or, as a pronoun, stands for) a party other than the speaker. A pronoun no one
    was found for is another party only in words quoted before their cue ("'She's a fake,' he said": the
    speaker says "I" of himself); in reported speech ("said he was happy") it is most often the speaker."""
    if tok.lower_ in PERSON_PRONOUNS:
        found = ctx.index.resolve(tok)
        if found is None:
            return tok.i < verb.i
        return not any(same_actor(found, s) for s in sources)
    if tok.pos_ != "PROPN" and tok.ent_type_ not in NAMED_ENTITIES:
        return False
    found = ctx.index.resolve(tok)
    if found is not None:
        return not any(same_actor(found, s) for s in sources)
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG")


# Nouns of a finding that, with "no", clear someone: "found no evidence of wrongdoing".
FINDING_NOUNS = frozenset({"evidence", "proof", "sign", "signs", "indication", "basis", "trace"})


# Verbs that clear someone of the charge they govern: "cleared her of wrongdoing".
CLEARING_VERBS = frozenset({"clear", "exonerate", "acquit", "absolve", "vindicate"})


def _found_absent(tok: Token, top: Token) -> bool:
    """Whether the critical word is what a finding says is absent or what someone is cleared of ("no
    evidence of criminal wrongdoing", "cleared him of misconduct"): the statement exonerates, it does not
    criticise."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True  # "we have absolutely no violations": the charge is denied, not made
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in CLEARING_VERBS:
            return True
        if tok.lemma_.lower() in FINDING_NOUNS and any(
            c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in tok.children
        ):
            return True
    return tok.lemma_.lower() in CLEARING_VERBS


def _in_aside(tok: Token, top: Token) -> bool:
    """Whether `tok` sits in an apposition or a relative clause below `top` ("the Office of Special Counsel,
    an agency that looks at violations of the Hatch Act"): a description, not what the statement says."""
    # (indexes, not identity: spaCy hands out a new Token object on every access, so `tok.head is not tok`
    # never ends at the root)
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("appos", "relcl", "acl"):
            return True
        tok = tok.head
    return False


# Dependencies by which a reported clause names whom it is about: its subject, its object, the one told, or the
# owner of either ("said the DNC's blocking was ...").
CONTENT_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss"})
# Clauses below the reported one that say something else: an adjunct, a relative clause, an aside.
OTHER_CLAUSES = frozenset({"advcl", "relcl", "acl", "appos", "parataxis", "npadvmod"})
# Nouns that name one person by an office or a standing in a race ("the Florida senator", "the Democratic
# nominee", "an Obama nominee"): someone the sentence names without a name.
ROLE_NOUNS = frozenset(
    "senator nominee candidate frontrunner front-runner governor congressman congresswoman mayor rival "
    "opponent challenger incumbent president".split()
)


def content_names_party(
    ctx: ArticleContext, verb: Token, sources: list[EventActor], complement: Token | None
) -> bool:
    """Whether the clause a statement reports names, as its subject, object or owner of either, a person,
    body or country other than the speaker ("said Trump had placed the integrity of the court at issue",
    "said she was backing the Florida senator", "said the DNC's blocking was an egregious act"): what was
    said is then about that party, and whether it praises, blames, endorses or refuses it the coder cannot
    tell, so a neutral statement with no target would misstate it. Pronouns are left alone (in reported
    speech most often the speaker), as are asides, adjunct clauses, places, and news outlets."""
    heads = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if complement is not None:
        heads.append(complement)
    own_names = {w.lower() for s in sources for w in (s.name or "").split()}
    # "Of Sanders, McCaskill said ...", "said of Trump that ...": the party the remark is about
    topics = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "about") for o in p.children
    ]
    if any(o.dep_ == "pobj" and _names_party_in_content(ctx, o, sources, own_names) for o in topics):
        return True
    for head in heads:
        stack = [head]
        while stack:
            tok = stack.pop()
            stack += [c for c in tok.children if c.dep_ not in OTHER_CLAUSES]
            if tok.pos_ == "PRON" or not _content_argument(tok):
                continue
            if _names_party_in_content(ctx, tok, sources, own_names):
                return True
    return False


def _content_argument(tok: Token) -> bool:
    """Whether `tok` stands as the reported clause's subject, object or one told, or as the owner of one
    ("the DNC's blocking"), or as the name on a body or office ("the Clinton campaign", "an Obama nominee");
    a name on anything else ("Sanders supporters", "a Trump campaign source") is not that party, and the
    owner of what a preposition governs ("based on Clinton's own statements") is no argument of the clause."""
    if tok.dep_ in ("poss", "compound"):
        head = tok.head
        if (
            tok.dep_ == "compound"
            and head.pos_ == "NOUN"
            and head.lemma_.lower() not in ROLE_NOUNS | BODY_NOUNS
        ):
            return False
        if tok.dep_ == "compound" and head.pos_ == "PROPN":
            return _content_argument(head)  # "Donald" in "Donald Trump": as the whole name stands
        return head.dep_ in CONTENT_ARGUMENTS - {"poss"}
    return tok.dep_ in CONTENT_ARGUMENTS


# Nouns for a body named by its head person: "the Clinton campaign", "the Obama administration".
BODY_NOUNS = frozenset({"campaign", "administration"})


def _names_party_in_content(
    ctx: ArticleContext, tok: Token, sources: list[EventActor], own_names: set[str]
) -> bool:
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ROLE_NOUNS:
        # "the Florida senator", "an Obama nominee": one person named by the office (not "a president")
        return any(c.dep_ in ("poss", "compound", "amod") for c in tok.children) or any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children
        )
    if tok.pos_ != "PROPN" or tok.ent_type_ not in NAMED_ENTITIES:
        return False
    if tok.lower_.removesuffix("'s").removesuffix("\u2019s") in own_names or names_medium(tok):
        return False  # the speaker by a surname, an outlet ("told the Times")
    found = ctx.index.resolve(tok)
    if found is not None:
        return not any(same_actor(found, s) for s in sources) and not is_medium(ctx, found)
    return True
