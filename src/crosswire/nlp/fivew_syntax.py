"""Phrases of one clause for the 5W1H main event: its subject, its main verb and what hangs off the verb.

Rules over spaCy's dependency parse, written for news sentences and for headlines, whose telegraphic
grammar ("Chinese boy found dead in well", "Lady Gaga protests outside Trump Tower") the model often
misreads. `crosswire.nlp.fivew` picks the clause; these functions only read it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from crosswire.nlp.runtime import span_ents

MAX_PHRASE_TOKENS = 14
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "xcomp", "dative", "prt", "agent", "ccomp")
REPORTING_VERBS = frozenset(
    "say tell report claim announce state confirm add note reveal insist warn explain write describe".split()
)
PERSONAL_PRONOUNS = frozenset("he she they".split())
WH_WORDS = frozenset("what why how who whom which when where whether".split())
# Subjects headed by these name people even without a named entity ("police", "a gunman").
PERSON_NOUNS = frozenset(
    "police officer officers official officials driver passenger passengers victim victims man woman boy girl "
    "child children people person gunman bomber militant militants rescuer rescuers president minister leader "
    "spokesman spokeswoman investigators prosecutors fans team player players candidate voters protesters "
    "soldiers troops residents family survivor survivors witnesses experts analysts".split()
)
SUBORDINATORS = frozenset("as after while when because before since".split())
NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
NON_ANSWERS = frozenset("it there this that they he she we i you which who what these those one".split())
CAUSE_MARKERS = ("because of", "because", "due to", "owing to", "in order to", "so as to", "in retaliation for",
                 "in response to", "as a result of", "amid", "after", "over", "following", "for fear")  # fmt: skip


def names_someone(span: Span) -> bool:
    """Whether a subject phrase names a person or a group: an entity, a name, or a person noun."""
    if any(e.label_ in NAME_LABELS for e in span_ents(span)):
        return True
    if any(t.pos_ == "PROPN" or (t.is_title and t.i > span.sent.start) for t in span):
        return True  # headlines: the model often misses names there
    return span.root.lemma_.lower() in PERSON_NOUNS


def subject_and_verb(sent: Span, headline: bool = False) -> tuple[Token, Token] | None:
    """The subject token and main verb of a sentence or headline, or None when it has no usable subject."""
    found = _headline_reading(sent)
    if found is not None:
        return found
    verb = sent.root
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if headline and subject is not None:
        # "Final three victims named as repair work starts": the model makes the subordinate verb the root
        # and the headline's passive participle a clause of the subject.
        participle = next((c for c in subject.rights if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        if participle is not None and any(
            t.lower_ in SUBORDINATORS for t in sent.doc[participle.i + 1 : verb.i]
        ):
            return subject, participle
    inner = next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and sent.start <= c.i < sent.end
        ),
        None,
    )
    if inner is not None and (subject is None or verb.lemma_.lower() in REPORTING_VERBS):
        # "X happened, officials said": the event is the reported clause, unless its subject is a pronoun.
        inner_subject = next((c for c in inner.children if c.dep_ in SUBJECT_DEPS), None)
        if (
            inner_subject is not None
            and inner_subject.pos_ != "PRON"
            and inner_subject.lower_ not in NON_ANSWERS
        ):
            subject, verb = inner_subject, inner
    if subject is not None and subject.dep_ == "nsubjpass":
        # "German consulate bombed by Taliban": the doer is the agent of the passive.
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if doer is not None and doer.pos_ in ("PROPN", "NOUN"):
            subject = doer
    if subject is not None and subject.lower_ in PERSONAL_PRONOUNS:
        # "When Kim boarded his train, he was asking ...": a personal pronoun after a name in the same
        # sentence refers back to it.
        labels = ("PERSON",) if subject.lower_ != "they" else NAME_LABELS
        earlier = [e for e in span_ents(sent) if e.label_ in labels and e.end <= subject.i]
        if earlier:
            return earlier[-1].root, verb
    if subject is None or subject.lower_ in NON_ANSWERS or subject.pos_ == "PRON":
        return None
    if subject.lower_ in WH_WORDS or subject.left_edge.lower_ in WH_WORDS:
        return None
    return subject, verb


def _headline_reading(sent: Span) -> tuple[Token, Token] | None:
    """Subject and verb of a clause the model parsed as a noun phrase, as headlines often are."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return None
    # "Lady Gaga protests outside Trump Tower": a noun root with a subject of its own is a verb.
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)
    if subject is not None and root.pos_ == "NOUN" and root.tag_ in ("NNS", "VBZ"):
        return subject, root
    # Headlines drop the auxiliary: "Chinese boy found dead in well", "At least 7 killed in tram accident"
    # parse as a noun or number with a participle clause.
    clause = next((c for c in root.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
    if clause is not None and root.pos_ in ("NOUN", "PROPN", "NUM") and clause.tag_ in ("VBN", "VBD"):
        return root, clause
    # The model reads a headline's present-tense verb as a plural noun: "Donald Trump lands in
    # Washington" comes out as the noun "lands" with "Donald Trump" as a compound.
    names = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if root.tag_ == "NNS" and names and any(c.dep_ in ("prep", "dobj") for c in root.rights):
        return names[-1], root
    return None


def chunk_headline(sent: Span, verb_lemmas: set[str]) -> tuple[Span, Token, Span] | None:
    """Subject, verb and predicate of a headline the parser could not read, by its telegraphic shape:
    a noun phrase, then a verb, then its complement ("Toblerone shrinks chocolate bar", "Sports world
    reacts to the Cubs' win", "Brazil GP red-flagged after crash"). The model tags such verbs as plural
    nouns; a word counts as a verb when it is tagged as a finite verb or participle, or when its lemma is
    used as a verb in the article body (`verb_lemmas`)."""
    doc = sent.doc
    for tok in sent[1:]:
        prev = doc[tok.i - 1]
        if prev.pos_ not in ("NOUN", "PROPN", "NUM") or not tok.is_alpha:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if nxt is not None and nxt.lower_ == "of":
            continue  # "Shape of 2 bars": a noun
        finite = tok.tag_ in ("VBZ", "VBD", "VBN", "VBP")
        as_noun = tok.tag_ in ("NNS", "NN", "NNP", "NNPS") and verb_lemma_guess(tok.lower_) & verb_lemmas
        if not (finite or as_noun) or (as_noun and nxt is None):
            continue  # a noun-tagged word ending the headline is the noun ("... after Ferrari crash")
        left = tok.i - 1
        while left > sent.start and _in_noun_phrase(doc[left - 1]):
            left -= 1
        right = tok.i
        while right + 1 < sent.end and right - tok.i < MAX_PHRASE_TOKENS - 1:
            nxt = doc[right + 1]
            if nxt.pos_ in ("SCONJ",) or nxt.lower_ in ("as", "after", "while", "but") or nxt.text in ",:;":
                break
            right += 1
        while doc[left].pos_ in ("CCONJ", "PUNCT") and left < tok.i - 1:
            left += 1  # "..., and Fans are outraged"
        return doc[left : tok.i], tok, doc[tok.i : right + 1]
    return None


def _in_noun_phrase(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "DET", "PART") or tok.lower_ in ("and", "&")


def verb_lemma_guess(word: str) -> set[str]:
    """The verb lemmas a headline word may be an inflection of: "reacts" -> react, "cries" -> cry."""
    out = {word}
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    if word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("s"):
        out.add(word[:-1])
    if word.endswith("ed"):
        out |= {word[:-2], word[:-1]}
    return out


def subject_phrase(subject: Token) -> Span | None:
    """The subject's noun phrase without relative clauses, appositions after commas, or parentheses."""
    doc = subject.doc
    drop = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep"}
    left = subject.left_edge.i
    right = subject.i
    for child in subject.rights:
        if child.dep_ in drop:
            # keep "X and Y" when the conjunct is a name too ("Trump and Obama")
            if child.dep_ == "conj" and child.pos_ == "PROPN":
                right = max(right, child.i)
                continue
            if child.dep_ == "prep" and child.i == right + 1 and child.lower_ in ("of",):
                right = max(right, child.right_edge.i)
                continue
            break
        right = max(right, child.right_edge.i)
    while left < right and doc[left].is_punct:
        left += 1
    if right - left + 1 > MAX_PHRASE_TOKENS:
        right = max(subject.i, left + MAX_PHRASE_TOKENS - 1)
    span = doc[left : right + 1]
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in span):
        return None
    return span


def headline_predicate(verb: Token, sent: Span) -> Span:
    """A headline's predicate: the verb to the end of its clause, short of a second event ("as ...",
    "after ...") or a quotation. Headlines carry no asides, so what follows the verb is the event's
    object, purpose or place ("shows nerves of steel to avoid serious accident")."""
    doc = verb.doc
    left = verb_phrase(verb).start
    right = verb.i
    while right + 1 < sent.end and right + 1 - left < MAX_PHRASE_TOKENS:
        nxt = doc[right + 1]
        if (
            nxt.lower_ in SUBORDINATORS
            or nxt.text in ",:;"
            or nxt.text in "'\"\u2018\u201c"
            and nxt.i > verb.i + 1
        ):
            break
        right += 1
    while right > verb.i and (doc[right].is_punct or doc[right].pos_ in ("CCONJ", "ADP", "DET")):
        right -= 1
    return doc[left : right + 1]


def verb_phrase(verb: Token) -> Span:
    """The verb with its auxiliaries and negation and its object or complement, kept short."""
    doc = verb.doc
    left = verb.i
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= verb.i - 3:
            left = min(left, child.i)
    right = verb.i
    objects = [c for c in verb.rights if c.dep_ in OBJECT_DEPS and c.dep_ != "ccomp"]
    if objects:
        right = max(c.right_edge.i for c in objects)
    else:
        prep = next((c for c in verb.rights if c.dep_ == "prep"), None)
        if prep is not None:
            right = prep.right_edge.i
    right = min(right, left + MAX_PHRASE_TOKENS - 1)
    while right > verb.i and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


def cause_phrase(sent: Span, verb: Token) -> Span | None:
    """A clause or phrase giving the reason, attached in the main verb's sentence."""
    lower = sent.text.lower()
    for marker in CAUSE_MARKERS:
        at = re.search(rf"\b{re.escape(marker)}\b", lower)
        if at is None:
            continue
        start_char = sent.start_char + at.start()
        first = sent.doc.char_span(start_char, start_char + len(marker), alignment_mode="expand")
        if first is None:
            continue
        head = first[0]
        if head.dep_ not in ("mark", "prep", "advmod", "amod", "pcomp", "agent") and marker not in (
            "because",
        ):
            continue
        end = max(t.right_edge.i for t in first) if len(first) else head.right_edge.i
        end = max(end, head.head.right_edge.i if head.dep_ == "mark" else end)
        end = min(end, head.i + MAX_PHRASE_TOKENS, sent.end - 1)
        while end > head.i and sent.doc[end].is_punct:
            end -= 1
        if end > head.i:
            return sent.doc[head.i : end + 1]
    return None


def manner_phrase(sent: Span, verb: Token) -> Span | None:
    """'by <gerund> ...', 'with/using <instrument>', or a manner adverb of the main verb."""
    doc = sent.doc
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "with", "using", "via", "through"):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and (child.lower_ != "by" or pobj.tag_ == "VBG"):
                end = min(pobj.right_edge.i, child.i + MAX_PHRASE_TOKENS)
                return doc[child.i : end + 1]
        if child.dep_ == "advmod" and child.lower_.endswith("ly") and child.pos_ == "ADV":
            return doc[child.i : child.i + 1]
    return None
