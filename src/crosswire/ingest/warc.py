"""WARC web archives (plain or gzip'd): every HTML response record goes through the HTML reader.

Records are streamed one at a time, so an archive of any size runs in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from crosswire.ingest.decode import declared_encoding, decode_bytes
from crosswire.ingest.html import html_to_article
from crosswire.model import Article, Problem

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html_response(record: Any) -> bool:
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response or not record.is_http:
        return False
    content_type = (record.http_content_type or "").lower()
    status = getattr(record.http_headers, "status_code", 200) if record.http_headers is not None else 200
    return any(t in content_type for t in _HTML_TYPES) and 200 <= (status or 200) < 300


def read_warc(
    path: Path | str, stream: IO[bytes] | bytes, context: Any, max_record_bytes: int | None = None
) -> Iterator[Article | Problem]:
    """One Article per HTML response record; other records (requests, metadata, images) are skipped."""
    import io

    from fastwarc.warc import ArchiveIterator, WarcRecordType

    source = io.BytesIO(stream) if isinstance(stream, bytes | bytearray) else stream
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
                yield Problem(
                    str(path), f"WARC {where}: HTML response holds no article text; skipped", "warning"
                )
                continue
            article.external_id = record_id
            if decoded.warning:
                article.warnings.append(decoded.warning)
            yield article
    except OSError as err:
        raise ValueError(f"malformed WARC after {records} record(s): {err}") from err
    if records == 0:
        raise ValueError("malformed WARC: no complete record could be read")
    if html_records == 0:
        yield Problem(str(path), f"WARC holds {records} record(s) but no HTML response", "warning")
