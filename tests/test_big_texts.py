"""Issue #18 item 11: a 50 MB text (read with --max-bytes 60000000) is stored, flagged as too long to
analyse, and costs memory in proportion to it, not 1.86 GB. The whole-text passes that held millions
of small strings at once now work a piece at a time or on the opening only; these tests hold the
pieces to the same answers as the whole (the memory itself is measured by the command in the report,
not in a timed unit test)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.ingest import fingerprint
from crosswire.ingest.text import GENRE_SAMPLE_CHARS, looks_editorial
from crosswire.model import Article, _normalise_piece, count_words, normalise_text, text_pieces
from crosswire.stories import wire
from crosswire.stories.inputs import lead_text

# Characters where piecing could go wrong: whitespace of every kind, composing jamo, a combining
# accent, final sigma, dotted I, ligatures, curly quotes.
TRICKY = st.sampled_from(
    ["a", "B", "1", ".", " ", "  ", "\n", "\t\n", "\u00a0", "\u3000", "\u2028", "\u200b", "\u1100",
     "\u1161", "\u0301", "\u03a3", "\u0130", "\ufb01", "\u201c", "\u2019", "\uac00"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(TRICKY, max_size=300), st.integers(min_value=1, max_value=40))
def test_normalising_in_pieces_equals_normalising_whole(parts: list[str], size: int) -> None:
    text = "".join(parts)
    pieces = list(text_pieces(text, size))
    assert "".join(pieces) == text
    assert "".join(_normalise_piece(p) for p in pieces).strip() == _normalise_piece(text).strip()
    assert sum(len(p.split()) for p in pieces) == len(text.split())


def test_long_texts_keep_their_ids_and_word_counts() -> None:
    # Over a million characters, normalise_text and word_count go piece by piece: same answers.
    paragraph = "The envoy said \u201cthe talks\u201d would resume.\u00a0\u00a0Officials\tagreed.\n\n"
    text = paragraph * 40_000  # 2.4 million characters
    assert normalise_text(text) == _normalise_piece(text).strip()
    assert count_words(text) == len(text.split()) == Article(text=text).word_count


def test_the_editorial_judgement_reads_the_opening_of_a_long_text() -> None:
    voice = (
        "We cannot rule out that the talks fail. The government should act now and it must not wait. "
        "It is worrisome that no date was set. "
    )
    editorial = [voice * 4] * 3
    assert looks_editorial(editorial, [], None)
    # A news opening followed by megabytes of anything is judged by the opening alone.
    news = ["Officials said the talks would resume, according to the ministry. " * 20]
    assert not looks_editorial(news + [voice * 5000], [], None)
    assert len(news[0]) < GENRE_SAMPLE_CHARS


def test_story_passes_look_at_the_opening_of_a_long_text() -> None:
    opening = "North Korea and Russia held a summit in Vladivostok on Thursday (Yonhap). "
    long_text = opening + "filler words without any credit at all. " * 60_000  # 2.4 MB
    article = Article(text=long_text, outlet="The Daily Alpha")
    assert wire.agency_credits(article) == {"Yonhap"}
    assert len(wire.shingles(long_text)) <= wire.SCAN_CHARS  # bounded by the scanned opening
    assert wire.shingles(long_text[: wire.SCAN_CHARS]) == wire.shingles(long_text)
    assert lead_text(long_text).startswith("North Korea and Russia held a summit")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["word", "Kim\u2019s", "\u00e9t\u00e9", "\u2014", " ", "\n\n", "...", "\ud55c\uad6d", "7"]
        ),
        max_size=400,
    ),
    st.integers(min_value=1, max_value=5),
)
def test_the_shingled_bytes_of_a_prefix_equal_those_of_the_whole_text(parts: list[str], repeat: int) -> None:
    # Issue #18 item 11: a 50 MB non-ASCII text went through the word regex whole (0.7 GB of pieces)
    # for the first 400 KB the fingerprint shingles. Now only as much as needed is: the same bytes.
    text = "".join(parts) * (repeat * (1 + fingerprint.MAX_SHINGLE_BYTES // max(1, len("".join(parts)) * 40)))
    whole = text if text.isascii() else fingerprint.word_text(text)
    assert fingerprint._shingled_bytes(text) == whole.encode("utf-8")[: fingerprint.MAX_SHINGLE_BYTES]


def test_fingerprinting_a_long_text_reads_only_its_opening(monkeypatch) -> None:
    seen: list[int] = []
    real = fingerprint.word_text
    monkeypatch.setattr(fingerprint, "word_text", lambda text: seen.append(len(text)) or real(text))
    text = "The envoy met officials in S\u00e9oul on Thursday. " * 200_000  # 10 MB, not ASCII
    assert fingerprint.fingerprint(text).size > 5
    assert seen and max(seen) <= 4 * fingerprint.MAX_SHINGLE_BYTES
