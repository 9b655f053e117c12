"""De-duplication: exact copies by normalised text, wire copies by MinHash containment, never dropping."""

from __future__ import annotations

import pickle

import pytest

from crosswire.ingest.dedup import Deduplicator, shingles
from crosswire.model import Article

WIRE = [
    "SEOUL, April 30 (Yonhap) -- North Korea on Tuesday accused the United States of acting in bad faith at the "
    "Hanoi summit and warned that it would not wait indefinitely for Washington to change its position.",
    "In a statement carried by the official Korean Central News Agency, a spokesman for the Foreign Ministry said "
    "the collapse of the February talks showed that the American side had come with unrealistic demands.",
    "The spokesman said the North had proposed a step-by-step approach in which the dismantling of the Yongbyon "
    "nuclear complex would be matched by a partial lifting of United Nations sanctions on its economy.",
    "Washington rejected that offer, insisting that Pyongyang first declare and give up all of its nuclear "
    "weapons and the facilities used to build them before any relief could be considered.",
    "Leader Kim Jong-un told the Supreme People's Assembly this month that he would wait until the end of the "
    "year for the United States to come up with a more flexible approach to a third summit.",
    "South Korean officials have tried to keep the diplomacy alive, and President Moon Jae-in has offered to "
    "meet Kim again to narrow the gap between the two sides on the sequencing of concessions.",
    "Analysts in Seoul said the statement was meant to raise pressure on Washington without closing the door, "
    "noting that it did not criticise President Donald Trump by name and repeated praise for his personal ties.",
]
UNRELATED = [
    "Australia and Indonesia agreed on Monday to a joint veterinary audit of live cattle exports, easing a "
    "dispute that had threatened beef supplies in Southeast Asia ahead of a major religious holiday.",
    "Indonesian officials said imports from two of the four suspended export yards could resume this week, "
    "once inspectors from both countries had checked the animal welfare records kept at each facility.",
    "Farmers in northern Australia welcomed the decision but said the suspension had already cost the industry "
    "millions of dollars, and called on Canberra to seek compensation through the World Trade Organization.",
    "Trade ministers from the two countries will meet again next month in Jakarta to review the audit results "
    "and to discuss a longer-term agreement on standards for the shipment of livestock by sea.",
]


def article(
    paragraphs: list[str], outlet: str, title: str = "Pyongyang blames Washington for Hanoi"
) -> Article:
    return Article(text="\n\n".join(paragraphs), outlet=outlet, title=title)


def test_exact_duplicate_by_normalised_text() -> None:
    dedup = Deduplicator()
    original = dedup.check(article(WIRE, "Yonhap News Agency"))
    # Another outlet, another title, different spacing, case and quote marks: still the same text.
    copy_text = "\n".join(p.upper() for p in WIRE).replace("Supreme People's", "Supreme People\u2019s")
    copy = Article(text="  " + copy_text.replace(" ", "  "), outlet="The Korea Herald", title="Other")
    result = dedup.check(copy)
    assert result is copy  # annotated, never dropped or replaced
    assert copy.duplicate_of == original.id
    assert original.duplicate_of is None and original.near_duplicates == []


def test_wire_copy_with_new_first_sentence_and_header_is_a_near_duplicate() -> None:
    dedup = Deduplicator()
    original = dedup.check(article(WIRE, "Yonhap News Agency"))
    rewritten = [
        "The Korea Herald | Politics | Posted : 2019-04-30 17:02",
        "Pyongyang on Tuesday blamed Washington for the failed summit in Vietnam and said its patience had limits.",
        *WIRE[1:],
    ]
    copy = dedup.check(article(rewritten, "The Korea Herald"))
    assert copy.duplicate_of is None
    assert copy.near_duplicates == [original.id]


def test_trimmed_wire_copy_is_a_near_duplicate() -> None:
    # Outlets often print only the top of an agency story: most of the shorter text is in the longer one.
    dedup = Deduplicator()
    original = dedup.check(article(WIRE, "Yonhap News Agency"))
    copy = dedup.check(article(WIRE[:4], "NK News"))
    assert copy.near_duplicates == [original.id]


def test_unrelated_and_same_topic_articles_are_not_duplicates() -> None:
    dedup = Deduplicator()
    dedup.check(article(WIRE, "Yonhap News Agency"))
    other = dedup.check(article(UNRELATED, "The Japan Times", "Cattle audit agreed"))
    assert other.duplicate_of is None and other.near_duplicates == []
    # Same story, independently written (shares names and topic words, not copy).
    own_words = dedup.check(
        article(
            [
                "North Korea said on Tuesday that the Americans had behaved dishonestly in Vietnam and that its own "
                "patience with the stalled nuclear diplomacy was running out after the failed meeting in February.",
                "According to the state news agency, the ministry spokesman described Washington's demands at the "
                "summit as unrealistic and repeated the North's call for sanctions relief in stages.",
                "Kim Jong-un has given the United States until the end of 2019 to change course, and the South Korean "
                "president has offered to mediate by holding another meeting with the North Korean leader soon.",
            ],
            "The Hankyoreh",
        )
    )
    assert own_words.near_duplicates == [] and own_words.duplicate_of is None


def test_known_hashes_from_the_store() -> None:
    first = article(WIRE, "Yonhap News Agency")
    dedup = Deduplicator(known=[(first.id, first.text_hash)])
    # Re-ingesting the stored article is not a duplicate of itself ...
    assert dedup.check(article(WIRE, "Yonhap News Agency")).duplicate_of is None
    # ... but the same text from another outlet is a duplicate of the stored one.
    assert dedup.check(article(WIRE, "The Korea Herald")).duplicate_of == first.id


def test_short_texts_are_not_called_copies_and_state_pickles() -> None:
    dedup = Deduplicator()
    dedup.check(Article(text="Kim met Putin in Vladivostok.", outlet="A"))
    short = dedup.check(Article(text="Kim met Putin in Vladivostok on Thursday.", outlet="B"))
    assert short.near_duplicates == []
    restored = pickle.loads(pickle.dumps(dedup))  # runs in process pools / Dask
    assert restored.check(Article(text="kim met putin in vladivostok.", outlet="C")).duplicate_of is not None


def test_shingles_and_threshold_validation() -> None:
    assert shingles("One two three four five") == {b"one two three four", b"two three four five"}
    assert shingles("Just three words") == {b"just three words"}
    with pytest.raises(ValueError, match="threshold"):
        Deduplicator(threshold=0)
