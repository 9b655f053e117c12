"""Quote extraction: the seed articles' quotes and speakers, and one constructed case per phenomenon."""

from __future__ import annotations

import pickle

import pytest

from conftest import SEEDS
from crosswire import model
from crosswire.nlp.quote_marks import find_quoted_segments
from crosswire.nlp.quotes import extract_quotes, load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def quotes_of(nlp, text: str) -> list[model.Quote]:
    article = model.Article(text=text)
    return extract_quotes(article, nlp(text))


def seed_quotes(nlp, prefix: str) -> tuple[str, list[model.Quote]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, quotes_of(nlp, text)


def find(quotes: list[model.Quote], words: str) -> model.Quote:
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote holds {words!r}; found {[q.text[:60] for q in quotes]}"
    return min(hits, key=lambda q: len(q.text))  # the innermost, when reports are nested


# --- quote marks -----------------------------------------------------------------------------------


def test_marks_pair_curly_and_straight_quotes():
    text = 'He said "yes" and then \u201cno.\u201d'
    pieces = [text[a:b] for s in find_quoted_segments(text) for a, b in s.pieces]
    assert pieces == ['"yes"', "\u201cno.\u201d"]


def test_marks_chain_a_quote_across_paragraphs():
    text = 'She said: "The first part runs on.\n\n"The second part ends here," she added.'
    segments = [s for s in find_quoted_segments(text) if not s.single]
    assert len(segments) == 1
    assert [text[a:b] for a, b in segments[0].pieces] == [
        '"The first part runs on.',
        '"The second part ends here,"',
    ]


def test_marks_ignore_apostrophes_but_pair_clear_single_quotes():
    text = "Kim's aides don't agree. He called it a 'deadlock' today."
    singles = [text[s.start : s.end] for s in find_quoted_segments(text) if s.single]
    assert singles == ["'deadlock'"]


# --- the seed articles ----------------------------------------------------------------------------


SEED_DIRECT = [
    ("000", "The peace and security of the Korean Peninsula", "Kim Jong-un"),
    ("000", "North Korea had been asking for an end-of-war declaration", None),  # anonymous official
    ("000", "For North Korea to raise the issue of a security guarantee", None),
    ("000", "The more important issue for us", "Ri Yong-ho"),
    ("000", "North Korea has used Russia to deftly show", "Hong Min"),
    ("001", "It is a violent violation of the agreement", "Korean Central News Agency"),
    (
        "001",
        "The North-South Korea relations could fall",
        "Committee for Peaceful Unification of the Fatherland",
    ),
    ("001", "The North Korean regime\u2019s security should be guaranteed first", "Vladimir Putin"),
]


@pytest.mark.parametrize(("seed", "words", "speaker"), SEED_DIRECT)
def test_seed_direct_quotes_have_their_speakers(nlp, seed, words, speaker):
    text, quotes = seed_quotes(nlp, seed)
    quote = find(quotes, words)
    assert quote.kind == "direct"
    if speaker is None:
        assert quote.speaker.anonymous
        assert "official" in (quote.speaker.description or "")
    else:
        assert quote.speaker.name == speaker
    for a, b in quote.spans:
        assert text[a] in '\u201c"' and text[b - 1] in '\u201d"'


def test_every_seed_direct_quote_is_found(nlp):
    found = 0
    for seed in ("000", "001", "002"):
        _, quotes = seed_quotes(nlp, seed)
        direct = [q for q in quotes if q.kind == "direct"]
        assert all(q.speaker.name for q in direct)
        found += len(direct)
    assert found == len(SEED_DIRECT)


def test_seed_anonymous_official_keeps_the_description(nlp):
    _, quotes = seed_quotes(nlp, "000")
    quote = find(quotes, "North Korea had been asking")
    assert quote.speaker.description == "a former senior official in the South Korean government"
    assert quote.speaker.mention.startswith("a former senior official")


def test_seed_kim_reported_via_state_media(nlp):
    _, quotes = seed_quotes(nlp, "000")
    quote = find(quotes, "unilateral attitude and bad faith")
    assert quote.kind == "mixed"
    assert quote.speaker.name == "Kim Jong-un"
    assert quote.cue == "told"
    assert "Korean Central News Agency" in (quote.reported_via or "")


def test_seed_deadlock_is_a_mixed_quote_by_kim(nlp):
    _, quotes = seed_quotes(nlp, "000")
    quote = find(quotes, "\u201cdeadlock\u201d")
    assert quote.kind == "mixed"
    assert quote.speaker.name == "Kim Jong-un"


def test_seed_putin_post_posed_speaker(nlp):
    text, quotes = seed_quotes(nlp, "001")
    quote = find(quotes, "should be guaranteed first")
    assert quote.speaker.mention == "President Putin"
    assert text[quote.speaker.start : quote.speaker.end] == "President Putin"
    assert quote.speaker.start > quote.end  # named after the quote


def test_seed_thae_merciless_is_mixed(nlp):
    _, quotes = seed_quotes(nlp, "002")
    quote = find(quotes, "\u201cmerciless\u201d")
    assert quote.kind == "mixed"
    assert quote.speaker.name == "Thae Yong Ho"
    assert quote.cue == "described"


@pytest.mark.parametrize(("seed", "name"), [("001", "Alliance 19-1"), ("002", "Great Disruptor")])
def test_seed_names_in_quote_marks_are_not_quotes(nlp, seed, name):
    _, quotes = seed_quotes(nlp, seed)
    for q in quotes:
        assert not (name in q.text and q.kind in ("direct", "mixed")), q


def test_offsets_point_into_the_article(nlp):
    text, quotes = seed_quotes(nlp, "000")
    assert quotes
    for q in quotes:
        assert q.text == " ".join(text[a:b] for a, b in q.spans)
        assert q.start == q.spans[0][0] and q.end == q.spans[-1][1]
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        if q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.mention


def test_extraction_is_pure_and_picklable(nlp):
    text, _ = seed_quotes(nlp, "001")
    doc = nlp(text)
    first = extract_quotes(model.Article(text=text), doc)
    second = extract_quotes(model.Article(text=text), doc)
    assert first == second
    assert pickle.loads(pickle.dumps(first)) == first


# --- constructed sentences, one per phenomenon -----------------------------------------------------


def test_interrupted_quote_is_one_quote_with_two_spans(nlp):
    text = 'Moon Jae-in spoke on Monday. "We will not give up," he said, "and we will keep talking to Pyongyang."'
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1
    assert len(quotes[0].spans) == 2
    assert quotes[0].speaker.mention == "he"
    assert quotes[0].speaker.name == "Moon Jae-in"


def test_quote_across_paragraphs(nlp):
    text = (
        'Foreign Minister Wang Yi said: "China supports dialogue between the two sides.\n\n'
        '"We hope that the talks will resume soon and that all parties show restraint."\n\nThe talks stalled.'
    )
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1
    assert len(quotes[0].spans) == 2
    assert quotes[0].speaker.name == "Wang Yi"


def test_colon_introduced_quote(nlp):
    text = 'Abe also sent a message in his speech: "Japan will never accept a nuclear North Korea."'
    quote = find(quotes_of(nlp, text), "never accept")
    assert quote.kind == "direct"
    assert quote.cue == ":"
    assert quote.speaker.name == "Abe"


def test_indirect_speech_with_and_without_that(nlp):
    quotes = quotes_of(nlp, "Moon said that the talks would resume. Trump said he was in no hurry.")
    with_that = find(quotes, "that the talks would resume")
    without = find(quotes, "he was in no hurry")
    assert with_that.kind == without.kind == "indirect"
    assert with_that.speaker.mention == "Moon"
    assert without.speaker.mention == "Trump"


def test_according_to(nlp):
    text = "According to Yonhap, the two leaders met for three hours in Vladivostok."
    quote = find(quotes_of(nlp, text), "the two leaders met")
    assert quote.cue == "According to"
    assert quote.speaker.mention == "Yonhap"
    assert "According" not in quote.text


def test_post_posed_anonymous_speaker(nlp):
    text = '"Sanctions will not be lifted soon," said a senior diplomat in Seoul who asked not to be named.'
    quote = find(quotes_of(nlp, text), "Sanctions will not")
    assert quote.speaker.anonymous
    assert quote.speaker.description == "a senior diplomat in Seoul"


def test_pronoun_speaker_resolves_to_earlier_name(nlp):
    text = 'Vladimir Putin met Kim at the station. "The talks were useful," he told reporters.'
    quote = find(quotes_of(nlp, text), "talks were useful")
    assert quote.speaker.mention == "he"
    assert quote.speaker.name == "Vladimir Putin"


def test_speaker_from_the_sentence_before(nlp):
    text = (
        "Defense Minister Jeong Kyeong-doo spoke to lawmakers on Tuesday afternoon. "
        '"We are watching every movement of the North Korean military very closely."'
    )
    quote = find(quotes_of(nlp, text), "We are watching")
    assert quote.kind == "direct"
    assert quote.speaker.name == "Jeong Kyeong-doo"


def test_institutional_speaker(nlp):
    text = 'The Foreign Ministry said in a statement, "The exercise is a grave provocation."'
    quote = find(quotes_of(nlp, text), "grave provocation")
    assert quote.kind == "direct"
    assert quote.speaker.mention == "The Foreign Ministry"


def test_nested_report_records_the_outer_speaker(nlp):
    text = "KCNA reported that Kim told Putin that the summit had failed because of Washington."
    quote = find(quotes_of(nlp, text), "that the summit had failed")
    assert quote.speaker.mention == "Kim"
    assert quote.reported_via == "KCNA"


def test_scare_quotes_and_names_are_not_quotes(nlp):
    text = (
        'The "Freedom Guardian" exercise began on Monday. '
        'Analysts see the "Great Game" returning to the region.'
    )
    assert [q for q in quotes_of(nlp, text) if q.kind in ("direct", "mixed")] == []


def test_short_fragment_with_a_cue_is_mixed(nlp):
    text = 'Kim described the situation as a "deadlock" after the summit.'
    quote = find(quotes_of(nlp, text), '"deadlock"')
    assert quote.kind == "mixed"
    assert quote.speaker.mention == "Kim"


def test_speakers_from_actors_when_given(nlp):
    text = 'Mr. Ri spoke late at night. "Our position will never change," the minister said.'
    doc = nlp(text)
    article = model.Article(text=text)
    start = text.index("the minister")
    actor = model.Actor(
        article_id=article.id,
        name="Ri Yong-ho",
        kind="person",
        codes=["PRKGOV"],
        mentions=[model.Mention(start, start + len("the minister"), "the minister", kind="title")],
    )
    quote = find(extract_quotes(article, doc, [actor]), "never change")
    assert quote.speaker.name == "Ri Yong-ho"
    assert quote.speaker.actor_code == "PRKGOV"
    assert quote.speaker.actor_id == actor.actor_id
