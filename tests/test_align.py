"""Alignment of events (actors, root code, date window) and quotes (speaker, fuzzy words) across articles."""

from __future__ import annotations

from crosswire.stories.align import align_quotes, same_speaker, same_words
from crosswire.stories.sentences import SentenceIndex, sentence_spans
from story_support import analysis, article, quote, talks_story


def test_sentence_spans_keep_offsets_and_abbreviations() -> None:
    text = "Mr. Kim met the U.S. envoy. They talked.\n\nA new paragraph starts here."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. Kim met the U.S. envoy.",
        "They talked.",
        "A new paragraph starts here.",
    ]
    assert SentenceIndex(text).sentence(text.index("talked"))[2] == "They talked."


def test_truncated_and_altered_quotes_match_same_speaker() -> None:
    full = "We will prepare for every eventuality and the peace of the peninsula depends on the US"
    assert same_words(full, "We will prepare for every eventuality")  # truncated
    assert same_words(
        full, "the peace of the peninsula depends on the US and we will prepare for every eventuality"
    )
    assert not same_words(full, "Sanctions relief is no longer our priority in any talks")
    assert same_speaker("Putin", "Vladimir Putin") and same_speaker("President Putin", "Putin")
    assert not same_speaker("Kim", "Kim Jong-un") and not same_speaker("Vladimir Putin", "Sergei Lavrov")


def test_align_quotes_groups_by_speaker_and_words() -> None:
    arts, an = talks_story()
    groups = align_quotes(arts, an)
    putin = [g for g in groups if "Putin" in g.speaker]
    assert len(putin) == 1 and putin[0].outlets == ["The Beta Times", "The Daily Alpha"]
    short = min(putin[0].reports, key=lambda r: r.length_ratio)
    assert short.length_ratio < 0.8 and short.similarity >= 90


def test_same_words_from_a_different_speaker_stay_apart() -> None:
    a = article("\u201cWe want peace on the peninsula now,\u201d Moon said.", "A")
    b = article("\u201cWe want peace on the peninsula now,\u201d Abe said.", "B")
    an = {
        a.id: analysis(a, quotes=[quote(a, "We want peace on the peninsula now,", "Moon Jae-in")]),
        b.id: analysis(b, quotes=[quote(b, "We want peace on the peninsula now,", "Shinzo Abe")]),
    }
    assert [len(g.reports) for g in align_quotes([a, b], an)] == [1, 1]
