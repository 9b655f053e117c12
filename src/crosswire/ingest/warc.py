"""WARC web archives (plain or gzip'd): every HTML response record goes through the HTML reader.

Records are streamed one at a time, so an archive of any size runs in constant memory.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from crosswire.ingest.decode import declared_encoding, decode_bytes
from crosswire.ingest.html import html_to_article, no_text_reason
from crosswire.model import Article, Problem

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Compressed WARCs: HTML compresses 4-10 times, whole crawls rarely 20 times. A stream that has inflated
# to more than BOMB_RATIO times the compressed bytes read so far (once past BOMB_MIN_BYTES) is a
# compression bomb, refused before it fills memory or takes minutes of CPU to skip through.
BOMB_RATIO = 200
BOMB_MIN_BYTES = 16 << 20


class CappedGunzip(io.RawIOBase):
    """A gzip stream (one or many members, as .warc.gz holds) inflated on the fly, with the bomb check.

    A stream that ends inside a member (a download cut short) gives every byte inflated up to the
    cut and then ends; `cut_off` says it happened, so the reader can warn that the rest is lost
    instead of refusing the records before the cut."""

    def __init__(self, raw: IO[bytes], ratio: int = BOMB_RATIO, min_bytes: int = BOMB_MIN_BYTES) -> None:
        self.raw = raw
        self.start = raw.tell() if raw.seekable() else 0
        self.ratio, self.min_bytes = ratio, min_bytes
        self.out = 0
        self.cut_off = False
        self._member = zlib.decompressobj(GZIP_WBITS)
        self._fed = False  # whether the current member has been given any bytes
        self._pending = b""
        self._tail = bytearray()  # the last inflated bytes: where a cut WARC ends, they tell how

    def readable(self) -> bool:
        return True

    def tell(self) -> int:  # fastwarc asks where the stream starts; it never seeks
        return self.out

    def _inflate_some(self) -> bytes:
        """Up to INFLATE_CHUNK inflated bytes; b"" at the end of the stream."""
        while True:
            member = self._member
            if member.eof:  # a member ended: the next one starts in its unused bytes or the file
                data = member.unused_data or self.raw.read(INFLATE_CHUNK)
                if not data:
                    return b""
                self._member = member = zlib.decompressobj(GZIP_WBITS)
                self._fed = False
            elif member.unconsumed_tail:
                data = member.unconsumed_tail
            else:
                data = self.raw.read(INFLATE_CHUNK)
                if not data:
                    self.cut_off = self._fed
                    return b""
            self._fed = True
            try:
                inflated = member.decompress(data, INFLATE_CHUNK)
            except zlib.error as err:
                raise OSError(f"gzip data is corrupt ({err})") from err
            if inflated:
                return inflated

    def readinto(self, buffer: Any) -> int:
        if not self._pending:
            self._pending = self._inflate_some()
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._tail += self._pending[:n]
        if len(self._tail) > 2 * MAX_HEADER_BYTES:
            del self._tail[:-MAX_HEADER_BYTES]
        self._pending = self._pending[n:]
        self.out += n
        if self.out > self.min_bytes:
            read = max(1, (self.raw.tell() if self.raw.seekable() else 0) - self.start)
            if self.out > self.ratio * read:
                raise ValueError(
                    f"compression bomb: {read:,} compressed bytes inflate to over {self.out:,} "
                    f"(more than {self.ratio} times); refused"
                )
        return n

    def rest_from(self, start: int) -> bytes | None:
        """The inflated bytes from offset `start` to the end of the stream, when that is the end and
        they are few (a record's headers at most); None otherwise."""
        try:
            if self.read(1):
                return None  # more follows: not the end
        except (OSError, ValueError):
            return None  # corrupt or a bomb past here: not a clean end, and the caller reports that
        kept = self.out - len(self._tail)
        return bytes(self._tail[start - kept :]) if start >= kept else None

    def last_bytes(self) -> bytes:
        """The last inflated bytes read (up to MAX_HEADER_BYTES or more)."""
        return bytes(self._tail)


GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer around the deflate data
INFLATE_CHUNK = 1 << 16
# A record's WARC header block is a few hundred bytes; one this long is not one.
MAX_HEADER_BYTES = 1 << 16


def _ends_in_headers(raw: IO[bytes] | CappedGunzip, start: int) -> bool:
    """Whether a WARC (plain, or the inflated stream of a .warc.gz) ends inside the header block that
    starts at `start`."""
    if isinstance(raw, CappedGunzip):
        rest = raw.rest_from(start)
        if rest is None:
            return False
        head = rest
    else:
        if not raw.seekable():
            return False
        raw.seek(start)
        head = raw.read(MAX_HEADER_BYTES)
    return len(head) < MAX_HEADER_BYTES and b"\r\n\r\n" not in head


_VERSION_LINES = (b"WARC/1.0\r\n", b"WARC/1.1\r\n")


def _ends_in_version_line(raw: IO[bytes] | CappedGunzip) -> bool:
    """Whether a WARC's last bytes are the start of a record's first line ("WARC/1.", cut): fastwarc
    calls that an invalid header, but it is a file cut short just after a complete record."""
    if isinstance(raw, CappedGunzip):
        try:
            if raw.read(1):
                return False
        except (OSError, ValueError):
            return False  # the gzip data is corrupt past the records read: that is the error to report
        tail = raw.last_bytes()[-MAX_HEADER_BYTES:]
    else:
        if not raw.seekable():
            return False
        size = raw.seek(0, io.SEEK_END)
        raw.seek(max(0, size - MAX_HEADER_BYTES))
        tail = raw.read()
    end = tail.rfind(b"\r\n\r\n")
    if end < 0:
        return False
    rest = tail[end + 4 :]
    return bool(rest) and any(line.startswith(rest) for line in _VERSION_LINES)


def cut_off_end(raw: IO[bytes], last_start: int, last_length: int, records: int) -> str | None:
    """What is wrong with the end of a plain WARC, or None: its last record's block runs past the end
    of the file, or bytes follow it that form no record (a record cut short in its headers, which
    fastwarc passes over without a word). `last_start`, `last_length`: the last record's offset and
    WARC Content-Length. Only a seekable file can tell; anything else answers None."""
    if not raw.seekable():
        return None
    raw.seek(last_start)
    head = raw.read(MAX_HEADER_BYTES)
    header_end = head.find(b"\r\n\r\n")
    if header_end < 0:
        return (
            f"record {records} is cut off in its headers; skipped" if len(head) < MAX_HEADER_BYTES else None
        )
    block = last_start + header_end + 4
    size = raw.seek(0, io.SEEK_END)
    if block + last_length > size:
        return f"record {records} is cut off ({size - block:,} of {last_length:,} bytes); skipped"
    raw.seek(block + last_length)
    rest = raw.read(MAX_HEADER_BYTES).strip()  # the record's closing blank lines are no loss
    if rest:
        return (
            f"{size - block - last_length:,} bytes after record {records} are not a complete record; skipped"
        )
    return None


def cut_off_rest(rest: bytes, last_length: int, records: int) -> str | None:
    """`cut_off_end` for the last record's bytes in hand (`rest`: from its first byte to the end of
    the inflated stream of a .warc.gz)."""
    header_end = rest.find(b"\r\n\r\n")
    if header_end < 0:
        return (
            f"record {records} is cut off in its headers; skipped" if len(rest) < MAX_HEADER_BYTES else None
        )
    block = header_end + 4
    if block + last_length > len(rest):
        return f"record {records} is cut off ({len(rest) - block:,} of {last_length:,} bytes); skipped"
    if rest[block + last_length :].strip():
        return f"{len(rest) - block - last_length:,} bytes after record {records} are not a complete record; skipped"
    return None


def _is_html_response(record: Any) -> bool:
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response or not record.is_http:
        return False
    content_type = (record.http_content_type or "").lower()
    status = getattr(record.http_headers, "status_code", 200) if record.http_headers is not None else 200
    return any(t in content_type for t in _HTML_TYPES) and 200 <= (status or 200) < 300


def _starts_with_gzip(stream: IO[bytes]) -> bool:
    if not stream.seekable():
        return False  # fastwarc detects the compression itself (without the bomb check)
    position = stream.tell()
    magic = stream.read(2)
    stream.seek(position)
    return magic == b"\x1f\x8b"


def read_warc(
    path: Path | str, stream: IO[bytes] | bytes, context: Any, max_record_bytes: int | None = None
) -> Iterator[Article | Problem]:
    """One Article per HTML response record; other records (requests, metadata, images) are skipped."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    raw: IO[bytes] = io.BytesIO(stream) if isinstance(stream, bytes | bytearray) else stream
    source: IO[bytes] | CappedGunzip = CappedGunzip(raw) if _starts_with_gzip(raw) else raw
    records = html_records = 0
    last = (0, 0)
    last_reported = False  # the last record was already reported as cut off
    try:
        for record in ArchiveIterator(source, parse_http=True):
            records += 1
            headers = record.headers
            if (
                record.record_type == WarcRecordType.no_type
                or not headers.get("WARC-Record-ID")
                or headers.get("Content-Length") is None
            ):
                # fastwarc hands back a header-less or cut-off record where the archive's structure breaks
                # down. At the very end of the file that is a record cut short: reported after the loop.
                # A file whose first record is already broken is no WARC: that stays an error.
                gzipped = isinstance(source, CappedGunzip)
                if records > 1 and isinstance(source, CappedGunzip) and source.cut_off:
                    break
                if records > 1 and _ends_in_headers(source if gzipped else raw, record.stream_pos):
                    yield Problem(
                        str(path),
                        f"WARC is cut off: record {records} is cut off in its headers; skipped",
                        "warning",
                    )
                    last_reported = True
                    break
                raise ValueError(
                    f"malformed WARC: record {records} lacks a valid WARC-Type, WARC-Record-ID or Content-Length"
                )
            # Where the record's block ends: its WARC Content-Length, not the HTTP payload's.
            last = (record.stream_pos, int(headers.get("Content-Length") or 0))
            last_reported = False
            if not _is_html_response(record):
                # Read through it (fastwarc skips it the same way): a block that ends early is the last
                # record of a file cut short, which fastwarc passes over without a word. The plain file's
                # end is checked after the loop too; a .warc.gz inflating to a cut WARC only shows here,
                # and so does a response cut in its HTTP headers (no longer seen as HTML).
                consumed = record.consume()
                if consumed < record.content_length:
                    yield Problem(
                        str(path),
                        f"WARC is cut off: record {records} ({record.record_id}) is cut off "
                        f"({consumed:,} of {record.content_length:,} bytes); skipped",
                        "warning",
                    )
                    last_reported = True
                continue
            html_records += 1
            record_id = record.record_id
            where = f"record {records} ({record_id})"
            if max_record_bytes is not None and record.content_length > max_record_bytes:
                yield Problem(
                    str(path),
                    f"WARC {where} is {record.content_length:,} bytes, over the limit of "
                    f"{max_record_bytes:,}; skipped",
                    "error",
                )
                continue
            payload = record.reader.read()
            if len(payload) < record.content_length:
                yield Problem(
                    str(path),
                    f"WARC {where} is cut off ({len(payload):,} of {record.content_length:,} bytes); skipped",
                    "error",
                )
                last_reported = True
                continue
            decoded = decode_bytes(payload, record.http_charset or declared_encoding(payload))
            try:
                article = html_to_article(
                    decoded.text,
                    context,
                    url=record.headers.get("WARC-Target-URI"),
                    source_path=str(path),
                    fmt="warc",
                )
            except ValueError as err:
                yield Problem(str(path), f"WARC {where}: {err}", "error")
                continue
            if article is None:
                reason = no_text_reason(decoded.text).replace("HTML page", "HTML response")
                yield Problem(str(path), f"WARC {where}: {reason}; skipped", "warning")
                continue
            article.external_id = record_id
            if decoded.warning:
                article.warnings.append(decoded.warning)
            yield article
    except OSError as err:
        # fastwarc's "Invalid WARC header" (not zlib's "incorrect header check" of corrupt gzip data).
        if not (records and "warc header" in str(err).lower() and _ends_in_version_line(source)):
            raise ValueError(f"malformed WARC after {records} record(s): {err}") from err
        yield Problem(
            str(path),
            f"WARC is cut off: record {records + 1} is cut off in its first line; skipped",
            "warning",
        )
        last_reported = True
    except BaseException as err:
        # fastwarc is Rust: a panic inside it reaches Python as pyo3's PanicException, a BaseException
        # that read_file's `except Exception` would let through as a traceback.
        if type(err).__name__ != "PanicException":
            raise
        raise ValueError(f"malformed WARC after {records} record(s): the WARC parser failed ({err})") from err
    if records == 0:
        raise ValueError("malformed WARC: no complete record could be read")
    # fastwarc stops quietly at a record cut short (a download or copy that did not finish): say so.
    if isinstance(source, CappedGunzip):
        if source.cut_off:
            yield Problem(
                str(path),
                f"WARC is cut off: its gzip data ends early, after record {records}; whatever "
                "followed is lost (the records before the cut were read)",
                "warning",
            )
        elif (
            not last_reported
            and (rest := source.rest_from(last[0])) is not None
            and (cut := cut_off_rest(rest, last[1], records)) is not None
        ):
            yield Problem(str(path), f"WARC is cut off: {cut}", "warning")
    elif not last_reported and (cut := cut_off_end(raw, *last, records)) is not None:
        yield Problem(str(path), f"WARC is cut off: {cut}", "warning")
    if html_records == 0:
        yield Problem(str(path), f"WARC holds {records} record(s) but no HTML response", "warning")
