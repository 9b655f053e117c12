"""Write examples/crawl.warc.gz: a small crawl of two Meridian Wire pages plus a robots.txt.

The committed crawl.warc.gz is this script's output; rerun it after editing the pages below:

    python examples/make_warc.py            # rewrites examples/crawl.warc.gz
    python examples/make_warc.py OUT.warc.gz

Records are built with fastwarc's writer and gzip-compressed one member per record, as crawlers do, so
readers can seek to any record. Dates, record ids and gzip headers are fixed, so the output is byte-for-byte
reproducible (tests/test_examples.py regenerates it and compares).
"""

from __future__ import annotations

import gzip
import io
import sys
import uuid
from dataclasses import dataclass
from html import escape
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "crawl.warc.gz"
# A fixed namespace turns each URL into a stable WARC-Record-ID (uuid5), so reruns give the same ids.
RECORD_NAMESPACE = uuid.UUID("6f1c7f0e-2b5d-4c3a-9d8e-0a1b2c3d4e5f")


@dataclass(frozen=True)
class Page:
    url: str
    fetched: str  # WARC-Date, UTC
    title: str
    author: str
    published: str  # ISO 8601 with offset
    section: str
    paragraphs: tuple[str, ...]
    caption: str


CATTLE = Page(
    url="https://www.meridianwire.example/business/indonesia-suspends-australian-cattle-imports-2026-03-09/",
    fetched="2026-03-09T09:02:11Z",
    title="Indonesia suspends live cattle imports from four Australian export yards",
    author="Dewi Lestari",
    published="2026-03-09T15:05:00+07:00",
    section="Business",
    caption="Cattle are loaded onto a livestock carrier at the port of Darwin. Meridian Wire/File Photo",
    paragraphs=(
        "JAKARTA, March 9 (Meridian Wire) - Indonesia suspended imports of live cattle from four Australian "
        "export yards on Monday, citing irregularities in animal health certificates, in a move that Australian "
        "exporters said could strand tens of thousands of animals.",
        "The agriculture ministry's director-general of livestock and animal health services, Rudi Siregar, said "
        'the suspension covered yards in Darwin and Townsville and would remain in place "until the investigation '
        'is complete." He did not say how long that would take.',
        '"We found certificates that did not match the animals on board. This is a question of animal health, and '
        'we will not compromise on it," Siregar told reporters at the ministry.',
        "Australian Trade Minister Claire Donnelly said Canberra had not been given advance notice and had asked "
        'for the evidence. "We have one of the most rigorous export certification systems in the world," she said '
        "in a statement.",
        "The suspension comes three weeks after Australia imposed anti-dumping duties of up to 19% on cold-rolled "
        'steel from Indonesia. Jakarta said at the time that it would "consider all options" to protect its '
        "industry. An Indonesian trade official, who spoke on condition of anonymity, said the two matters were "
        '"entirely separate."',
        "Mark Tulloch, chief executive of the Northern Live Exporters Council, said about 60,000 head of cattle "
        'were in yards or on their way to port. "Every day these animals sit in yards costs money, and it is the '
        'producers who will pay," he said.',
        "Indonesia is the largest market for Australian live cattle, taking more than half a million head last "
        "year, according to industry figures.",
        "(Reporting by Dewi Lestari in Jakarta and Oliver Grant in Sydney; Editing by Helen Marsh)",
    ),
)

STRIKE = Page(
    url="https://www.meridianwire.example/world/europe/felixstowe-dockworkers-strike-2026-03-11/",
    fetched="2026-03-11T13:47:30Z",
    title="Dockworkers strike at Felixstowe, Britain's busiest container port",
    author="Grace Whitfield",
    published="2026-03-11T12:30:00+00:00",
    section="World",
    caption="Striking dockworkers gather at the main gate of the Port of Felixstowe. Meridian Wire/Paul Reyes",
    paragraphs=(
        "FELIXSTOWE, England, March 11 (Meridian Wire) - Dockworkers at the Port of Felixstowe, Britain's busiest "
        "container port, began a five-day strike on Wednesday over pay, halting most loading and unloading and "
        "forcing shipping lines to divert vessels to other ports.",
        "The Dock and Harbour Workers' Union said 1,900 of its members had walked out at 6 a.m. after rejecting a "
        "pay offer of 5% for this year. The port's operator, Orwell Terminals, said fewer than 1,200 staff were on "
        'strike and that "limited operations" were continuing with managers and contractors.',
        '"Our members kept this port running through every crisis of the last five years. They are asking for a '
        'pay rise that keeps up with their rent and their food bills, nothing more," union general secretary '
        "Maureen Haig said on the picket line.",
        'Orwell Terminals said its offer was "fair and affordable" and that the union\'s demand for 9% would '
        'threaten investment in new cranes. "We remain available for talks at any time," a company spokesperson '
        "said.",
        "About 30 ships were waiting offshore or had been rerouted by Wednesday morning, according to the "
        "ship-tracking firm BlueWake Analytics. Retailers warned that shortages of some imported goods could "
        "appear within two weeks if the dispute dragged on.",
        'A government spokesperson said ministers were "monitoring the situation closely" and urged both sides to '
        "return to talks. The strike is scheduled to end at 6 a.m. on Monday.",
        "(Reporting by Grace Whitfield; Editing by Helen Marsh)",
    ),
)

ROBOTS_URL = "https://www.meridianwire.example/robots.txt"
ROBOTS_TXT = b"User-agent: *\nDisallow: /login/\nDisallow: /subscribe/\nSitemap: https://www.meridianwire.example/sitemap.xml\n"


def render_page(page: Page) -> str:
    """A full Meridian Wire article page: navigation, ads, share buttons and footer around the story."""
    e = escape
    body = "\n".join(f"    <p>{e(p)}</p>" for p in page.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(page.title)} | Meridian Wire</title>
<link rel="canonical" href="{e(page.url)}">
<meta name="author" content="{e(page.author)}">
<meta property="og:site_name" content="Meridian Wire">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(page.title)}">
<meta property="og:url" content="{e(page.url)}">
<meta property="article:published_time" content="{e(page.published)}">
<meta property="article:section" content="{e(page.section)}">
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"pageType": "article"}});</script>
</head>
<body>
<div class="ad-slot ad-leaderboard">Advertisement</div>
<header class="site-header">
  <a class="logo" href="https://www.meridianwire.example/">Meridian Wire</a>
  <nav class="main-nav"><ul>
    <li><a href="/world/">World</a></li><li><a href="/business/">Business</a></li>
    <li><a href="/markets/">Markets</a></li><li><a href="/subscribe/">Subscribe</a></li>
    <li><a href="/login/">Sign in</a></li>
  </ul></nav>
</header>
<main>
<article class="story">
  <h1>{e(page.title)}</h1>
  <div class="byline">By <a rel="author" href="/authors/">{e(page.author)}</a></div>
  <time class="published" datetime="{e(page.published)}">{e(page.published)}</time>
  <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this article</a></div>
  <figure><img src="https://img.meridianwire.example/photo.jpg" alt=""><figcaption>{e(page.caption)}</figcaption></figure>
  <div class="article-body">
{body}
  </div>
  <div class="trust">Our Standards: The Meridian Wire Trust Principles.</div>
</article>
<div class="ad-slot ad-sidebar">Advertisement</div>
</main>
<footer class="site-footer">
  <p>&copy; 2026 Meridian Wire Cooperative. All rights reserved.</p>
  <ul><li><a href="/about/">About us</a></li><li><a href="/contact/">Contact</a></li><li><a href="/privacy/">Privacy</a></li></ul>
</footer>
</body>
</html>
"""


def record_id(name: str) -> bytes:
    return f"uuid:{uuid.uuid5(RECORD_NAMESPACE, name)}".encode()


def build_record(
    record_type: WarcRecordType,
    name: str,
    date: str,
    content: bytes,
    content_type: str,
    target_uri: str | None = None,
) -> bytes:
    """One uncompressed WARC record (with block digest) as bytes."""
    record = WarcRecord()
    record.init_headers(record_type, record_id(name), content_length=0)
    record.headers.set("WARC-Date", date)
    if target_uri:
        record.headers.set("WARC-Target-URI", target_uri)
    record.headers.set("Content-Type", content_type)
    record.set_bytes_content(content)
    buffer = io.BytesIO()
    record.write(buffer, checksum_data=True)
    return buffer.getvalue()


def http_response(body: bytes, content_type: str, date: str) -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Date: {date}\r\n"
        "Server: nginx\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


def build_warc() -> bytes:
    """The whole file: warcinfo, the cattle page, robots.txt (non-HTML), the strike page."""
    warcinfo = (
        b"software: crosswire examples/make_warc.py (fastwarc)\r\n"
        b"format: WARC File Format 1.1\r\n"
        b"description: Example crawl of invented Meridian Wire pages for the crosswire demo\r\n"
    )
    records = [
        build_record(
            WarcRecordType.warcinfo, "warcinfo", "2026-03-11T14:00:00Z", warcinfo, "application/warc-fields"
        ),
        build_response(
            CATTLE.url,
            CATTLE.fetched,
            render_page(CATTLE).encode("utf-8"),
            "text/html; charset=utf-8",
            "Mon, 09 Mar 2026 09:02:11 GMT",
        ),
        build_response(
            ROBOTS_URL, "2026-03-09T09:02:05Z", ROBOTS_TXT, "text/plain", "Mon, 09 Mar 2026 09:02:05 GMT"
        ),
        build_response(
            STRIKE.url,
            STRIKE.fetched,
            render_page(STRIKE).encode("utf-8"),
            "text/html; charset=utf-8",
            "Wed, 11 Mar 2026 13:47:30 GMT",
        ),
    ]
    # One gzip member per record; mtime=0 keeps the gzip headers reproducible.
    return b"".join(gzip.compress(r, compresslevel=9, mtime=0) for r in records)


def build_response(url: str, fetched: str, body: bytes, content_type: str, http_date: str) -> bytes:
    return build_record(
        WarcRecordType.response,
        url,
        fetched,
        http_response(body, content_type, http_date),
        "application/http; msgtype=response",
        target_uri=url,
    )


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    out.write_bytes(build_warc())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
