"""Bytes to text (declared, detected or guessed encodings) and the language of that text.

Both answers are deterministic: the same bytes always decode the same way and get the same language,
so re-ingesting a corpus gives the same article ids.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from crosswire.ingest.detect import bom_encoding, utf16_without_bom

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool  # True when neither UTF-8 nor a declaration decided it: worth a warning
    note: str | None = None  # the warning's text where the default one does not fit

    @property
    def warning(self) -> str | None:
        if not self.guessed:
            return None
        return self.note or f"not UTF-8: decoded as {self.encoding} (detected)"


def _codec(name: str | bytes | None) -> str | None:
    """A Python codec name for a declared charset, or None when Python does not know it."""
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", errors="ignore")
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def declared_encoding(data: bytes) -> str | None:
    """The charset a page or feed declares in its first bytes (<meta charset>, <?xml encoding?>)."""
    head = data[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        m = pattern.search(head)
        if m:
            return _codec(m.group(1))
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data`: a byte-order mark, then valid UTF-8, then a declared charset, then detection.

    UTF-8 is tried before the declaration because pages often declare ISO-8859-1 and are UTF-8 anyway.
    """
    bom = bom_encoding(data)
    if bom:
        return Decoded(data.decode(bom, errors="replace").lstrip("\ufeff"), bom, False)
    # Before UTF-8: UTF-16 of ASCII text is valid UTF-8 too (with a NUL after every letter).
    utf16 = utf16_without_bom(data)
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16, True)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    codec = _codec(declared)
    if codec:
        try:
            return Decoded(data.decode(codec), codec, False)
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = _codec(best.encoding) if best is not None else None
    if encoding is None:
        encoding = "cp1252"
    return Decoded(data.decode(encoding, errors="replace"), encoding, True)


_ESCAPED = re.compile("[\udc80-\udcff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")


def _mixed_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with stray bytes of a legacy encoding (a cp1252 quote pasted into a UTF-8 file), or None.

    Only when the file's valid multi-byte UTF-8 characters are no fewer than its invalid bytes: it is UTF-8
    and each invalid byte is read as cp1252, so neither the UTF-8 part nor the stray part turns into
    mojibake. (A file in a legacy encoding has few valid UTF-8 sequences and many invalid bytes.)
    """
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED.findall(text))  # each invalid byte became one lone surrogate
    valid_multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - invalid
    if invalid == 0 or valid_multibyte < invalid:
        return None
    fixed = _ESCAPED_RUN.sub(
        lambda m: bytes(ord(c) - 0xDC00 for c in m.group(0)).decode("cp1252", errors="replace"),
        text,
    )
    return Decoded(
        fixed, "utf-8+cp1252", True, f"mixed encodings: UTF-8 with {invalid} byte(s) read as cp1252"
    )


# The most frequent English function words: in English news prose they make up a third or more of the
# words, in other Latin-script languages a few percent. This settles the common case without langdetect.
_ENGLISH_STOPWORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by had are from this not but "
    "have an they which were her she has their been would will its who said after also more than "
    "about over into what when there we can no if one could our or".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_LANGUAGE_CHARS = 40  # below this a guess is noise: leave the language unknown


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when the text is too short to tell."""
    sample = text[:3000]
    words = _WORD.findall(sample.lower())
    if len("".join(words)) < MIN_LANGUAGE_CHARS:
        return None
    words = words[:400]
    # Latin-script words only (ASCII up to Latin Extended-B): the stop-word test says nothing about others.
    # (Counted with map and C-level predicates: this runs once per article, on up to 400 words.)
    latin = len(words) if sample.isascii() else sum(1 for w in words if w[0] < "\u0250")
    if latin >= 0.8 * len(words):
        share = sum(map(_ENGLISH_STOPWORDS.__contains__, words)) / len(words)
        if share >= 0.2:
            return "en"
    return _langdetect(sample)


def _langdetect(sample: str) -> str | None:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0  # langdetect is randomised; a fixed seed makes it repeatable
    try:
        code = detect(sample)
    except LangDetectException:
        return None
    # langdetect reports Chinese as zh-cn / zh-tw; ISO 639-1 is what the rest of crosswire uses.
    return code.split("-")[0]
