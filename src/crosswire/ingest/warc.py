"""WARC web archives (plain or gzip'd): every HTML response record goes through the HTML reader.

Records are streamed one at a time, so an archive of any size runs in constant memory.
"""

from __future__ import annotations

import gzip
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
    """A gzip stream (one or many members, as .warc.gz holds) inflated on the fly, with the bomb check."""

    def __init__(self, raw: IO[bytes], ratio: int = BOMB_RATIO, min_bytes: int = BOMB_MIN_BYTES) -> None:
        self.raw = raw
        self.start = raw.tell() if raw.seekable() else 0
        self.inflated = gzip.GzipFile(fileobj=raw, mode="rb")
        self.ratio, self.min_bytes = ratio, min_bytes
        self.out = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:  # fastwarc asks where the stream starts; it never seeks
        return self.out

    def readinto(self, buffer: Any) -> int:
        try:
            n = self.inflated.readinto(buffer)
        except (OSError, EOFError, zlib.error) as err:
            raise OSError(f"gzip data is corrupt or cut off ({err})") from err
        self.out += n
        if self.out > self.min_bytes:
            read = max(1, (self.raw.tell() if self.raw.seekable() else 0) - self.start)
            if self.out > self.ratio * read:
                raise ValueError(
                    f"compression bomb: {read:,} compressed bytes inflate to over {self.out:,} "
                    f"(more than {self.ratio} times); refused"
                )
        return n


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
    try:
        for record in ArchiveIterator(source, parse_http=True):
            records += 1
            headers = record.headers
            if (
                record.record_type == WarcRecordType.no_type
                or not headers.get("WARC-Record-ID")
                or headers.get("Content-Length") is None
            ):
                # fastwarc hands back a header-less or cut-off record where the archive's structure breaks down
                raise ValueError(
                    f"malformed WARC: record {records} lacks a valid WARC-Type, WARC-Record-ID or Content-Length"
                )
            if not _is_html_response(record):
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
        raise ValueError(f"malformed WARC after {records} record(s): {err}") from err
    except BaseException as err:
        # fastwarc is Rust: a panic inside it reaches Python as pyo3's PanicException, a BaseException
        # that read_file's `except Exception` would let through as a traceback.
        if type(err).__name__ != "PanicException":
            raise
        raise ValueError(f"malformed WARC after {records} record(s): the WARC parser failed ({err})") from err
    if records == 0:
        raise ValueError("malformed WARC: no complete record could be read")
    if html_records == 0:
        yield Problem(str(path), f"WARC holds {records} record(s) but no HTML response", "warning")
