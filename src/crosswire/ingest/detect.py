"""Recognise a file's format from its first bytes, not from its name.

Corpora collected by hand are messy: a page saved as `.txt`, an RSS feed saved as `.html`, a WARC
without its extension. The extension is only a tie-breaker where the content is ambiguous.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

HEAD_BYTES = 65_536  # how much of a file detection looks at

FORMATS = ("text", "html", "feed", "warc", "jsonl", "binary", "empty")

# Magic numbers of formats people drop into a corpus folder by mistake (PDF, images, archives, office files).
_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"RIFF",
    b"\x28\xb5\x2f\xfd",
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Control characters that never occur in text (tab, newlines, form feed and escape do).
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})
# A doctype may carry an internal subset in [...] with its own '>' characters (entity declarations).
_XML_PREAMBLE = re.compile(
    r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>\[]*(?:\[.*?\]\s*)?>)*", re.IGNORECASE | re.DOTALL
)
_FIRST_TAG = re.compile(r"<([a-zA-Z][\w:.-]*)")
_CLOSING_TAG = re.compile(r"</[a-zA-Z][\w:-]*\s*>")
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
_HTML_HINT = re.compile(r"<(?:html|head|body|article|div|p|meta|title|section|main|h[1-6])\b", re.IGNORECASE)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark (Windows tools do).

    Text in a Latin script is then mostly ASCII, so every other byte is NUL, all on one side of each pair;
    binary data has NULs scattered on both sides.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even, odd = sample[0 : pairs * 2 : 2], sample[1 : pairs * 2 : 2]
    nul_even, nul_odd = even.count(0), odd.count(0)
    if nul_odd >= 0.4 * pairs and nul_even == 0:
        return "utf-16-le"
    if nul_even >= 0.4 * pairs and nul_odd == 0:
        return "utf-16-be"
    return None


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not something any text reader can use."""
    if bom_encoding(head) in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be") or utf16_without_bom(head):
        return False
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    sample = head[:8192]
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls > max(2, len(sample) // 100)


def _as_text(head: bytes) -> str:
    encoding = bom_encoding(head) or utf16_without_bom(head)
    if encoding:
        return head.decode(encoding, errors="replace").lstrip("\ufeff")
    # For detection only: any single-byte reading keeps ASCII markup recognisable.
    return head.decode("utf-8", errors="replace")


def _is_jsonl(text: str, path: Path) -> bool:
    first_line = text.split("\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        pass
    # A first line longer than the detection window, or a malformed first record: trust the extension,
    # or a line that opens like an object with a quoted key ("{Editor's note}" opens a text dump).
    return (
        path.suffix.lower() in (".jsonl", ".ndjson", ".json") or re.match(r'\{\s*"', first_line) is not None
    )


def _markup_kind(text: str) -> str | None:
    preamble = _XML_PREAMBLE.match(text)  # declarations, comments, doctype before the root element
    body = text[preamble.end() :] if preamble else text
    first = _FIRST_TAG.match(body)
    if first and first.group(1).lower() in _FEED_ROOTS:
        return "feed"
    window = text[:4000]
    # "<Interview> Kim ..." opens some text dumps: markup needs an HTML element or a closing tag.
    if text.startswith("<") and (_HTML_HINT.search(window) or _CLOSING_TAG.search(window)):
        return "html"
    # A text dump that turns into markup a little later (a saved page with a stray first line).
    if len(_HTML_HINT.findall(window[:2000])) >= 3 and _CLOSING_TAG.search(window):
        return "html"
    return None


def detect_format(path: Path, head: bytes) -> str:
    """One of FORMATS, judged from `head` (the file's first bytes); `path` only breaks ties."""
    path = Path(path)
    if not head.strip():
        return "empty"
    if head.startswith(b"\x1f\x8b"):
        # gzip: WARC files are normally stored compressed (.warc.gz); nothing else is read compressed.
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    if looks_binary(head):
        return "binary"
    text = _as_text(head)
    stripped = text.lstrip()
    if not stripped:
        return "empty"
    if stripped.startswith("{") and _is_jsonl(stripped, path):
        return "jsonl"
    kind = _markup_kind(stripped)
    if kind:
        return kind
    return "text"
