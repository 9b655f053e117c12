"""Fetching one article page for ingest by URL, without letting the server be used against its own
network (server-side request forgery).

Every hop (the URL given and each redirect) is checked before anything is sent: the scheme must be
http or https, the port the scheme's default, and no user name or password in the URL; the host name
is resolved here and every address it resolves to must be a public one (not loopback, private,
link-local, multicast, reserved, unspecified, shared or documentation space, nor an IPv6 form of
one). The connection then goes to the address that was checked, with the host name sent as the Host
header and TLS server name (and checked against the certificate), so a DNS answer that changes
between the check and the connect (DNS rebinding) cannot redirect it. Redirects are followed by hand,
at most MAX_REDIRECTS, each checked the same way. The body is read up to a size limit, the whole fetch
ends within one time limit, and only page-like content types are accepted.

`FetchPolicy` lets tests reach a local test server: a resolver to use instead of DNS, and host names
(exactly as written in the URL) and ports exempt from the rules; the server itself uses the defaults,
which exempt nothing.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from crosswire.errors import CrosswireError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

MAX_REDIRECTS = 5
DEFAULT_PORTS = {"http": 80, "https": 443}
# Content types an article page or feed comes as, and the file name the ingest readers know them by.
CONTENT_TYPES = {
    "text/html": "page.html",
    "application/xhtml+xml": "page.html",
    "text/plain": "page.txt",
    "application/rss+xml": "feed.rss",
    "application/atom+xml": "feed.atom",
    "application/xml": "page.xml",
    "text/xml": "page.xml",
}
USER_AGENT = "crosswire (ingest by URL)"


class FetchError(CrosswireError, ValueError):
    """The URL cannot be fetched, or is refused; the message names the URL and the reason."""


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 10 * 1024 * 1024
    timeout_s: float = 20.0
    resolver: Resolver = system_resolver
    # Exceptions to the address and port rules: empty on a real server (tests name their local server).
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
    allowed_ports: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class FetchedPage:
    url: str  # where the content came from, after redirects
    content: bytes
    content_type: str
    file_name: str  # what the ingest readers should take it for (page.html, feed.rss, ...)


def refusal(address: IPAddress) -> str | None:
    """Why `address` may not be fetched from, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if embedded is not None:  # ::ffff:127.0.0.1, 2002:7f00:1::, Teredo: judged by the IPv4 inside
            inner = refusal(embedded)
            return f"{inner} (inside {address})" if inner else None
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    for name, hit in checks:
        if hit:
            return f"{name} address {address}"
    if not address.is_global:  # shared (100.64/10), benchmarking and other special ranges
        return f"non-public address {address}"
    return None


def check_url(url: str, policy: FetchPolicy) -> tuple[str, str, int, IPAddress]:
    """(scheme, host, port, the address to connect to) for `url`, or FetchError saying why not."""
    try:
        parts = urlsplit(url.strip())
        port_given = parts.port
        httpx.URL(url.strip())  # what the request will be built from: "http:\\\\host\\path" is refused here
    except (ValueError, httpx.InvalidURL) as exc:
        raise FetchError(f"{url!r}: not a valid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise FetchError(f"{url!r}: only http and https URLs can be fetched, not {scheme or 'no scheme'!r}")
    if parts.username is not None or parts.password is not None:
        raise FetchError(f"{url!r}: URLs with a user name or password are refused")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError(f"{url!r}: no host name")
    port = port_given or DEFAULT_PORTS[scheme]
    if port != DEFAULT_PORTS[scheme] and port not in policy.allowed_ports:
        raise FetchError(f"{url!r}: port {port} refused (only {DEFAULT_PORTS[scheme]} for {scheme})")
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    found = [str(literal)] if literal is not None else list(policy.resolver(host, port))
    if not found:
        raise FetchError(f"{url!r}: host {host!r} resolves to no address")
    addresses = []
    for text in found:
        address = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone index
        if host.lower() not in policy.allowed_hosts:
            why = refusal(address)
            if why:  # every address must pass: a resolver may hand out any of them
                raise FetchError(f"{url!r}: refused, host {host!r} resolves to a {why}")
        addresses.append(address)
    return scheme, host, port, addresses[0]


def fetch_page(url: str, policy: FetchPolicy | None = None) -> FetchedPage:
    """GET `url` under the rules in the module doc; FetchError naming the URL on any refusal or failure.

    The whole fetch (resolving, connecting, every redirect, headers and body) ends within
    `policy.timeout_s`: a server that trickles its headers or body a byte at a time cannot hold the
    request longer. (A per-read timeout would restart with every byte, so the fetch runs on its own
    event loop under one deadline, which cancels whatever is waiting.)"""
    policy = policy or FetchPolicy()
    return asyncio.run(_fetch_in_time(url, policy))


async def _fetch_in_time(url: str, policy: FetchPolicy) -> FetchedPage:
    try:
        async with asyncio.timeout(policy.timeout_s):
            return await _fetch(url, policy)
    except TimeoutError:
        raise FetchError(f"{url!r}: took longer than {policy.timeout_s:g} s") from None


# Name lookups block; they run here so that the deadline covers them too (a lookup left running when
# the deadline passes finishes on its own, bounded by the resolver's timeouts).
_LOOKUPS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="crosswire-fetch-dns")


async def _fetch(url: str, policy: FetchPolicy) -> FetchedPage:
    loop = asyncio.get_running_loop()
    current = url.strip()
    # No proxies from the environment (they would connect by name, past the checks), no cookies kept.
    async with httpx.AsyncClient(trust_env=False, timeout=policy.timeout_s, follow_redirects=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            scheme, host, port, address = await loop.run_in_executor(_LOOKUPS, check_url, current, policy)
            parts = urlsplit(current)
            shown = f"[{address}]" if address.version == 6 else str(address)
            target = parts._replace(scheme=scheme, netloc=f"{shown}:{port}", fragment="").geturl()
            named = f"[{host}]" if ":" in host else host
            host_header = named if port == DEFAULT_PORTS[scheme] else f"{named}:{port}"
            headers = {
                "Host": host_header,
                "User-Agent": USER_AGENT,
                "Accept": "text/html, */*;q=0.5",
                "Accept-Encoding": ", ".join(name for name in DECODERS if name != "x-gzip"),
            }
            extensions = {"sni_hostname": host} if scheme == "https" else {}
            try:
                async with client.stream("GET", target, headers=headers, extensions=extensions) as response:
                    if response.status_code in (301, 302, 303, 307, 308):
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{current!r}: redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    if response.status_code != 200:
                        raise FetchError(f"{current!r}: the server answered HTTP {response.status_code}")
                    return await _read(current, response, policy)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(f"{current!r}: fetch failed: {exc or type(exc).__name__}") from exc
    raise FetchError(f"{url!r}: more than {MAX_REDIRECTS} redirects")


async def _read(url: str, response: httpx.Response, policy: FetchPolicy) -> FetchedPage:
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type not in CONTENT_TYPES:
        raise FetchError(f"{url!r}: content type {content_type or 'unknown'!r} is not a page or feed")
    declared = response.headers.get("content-length", "")
    too_large = f"{url!r}: larger than the limit of {policy.max_bytes} bytes"
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(too_large)
    encoding = response.headers.get("content-encoding", "identity").strip().lower() or "identity"
    if encoding not in DECODERS:
        raise FetchError(f"{url!r}: content encoding {encoding!r} is not accepted")
    decoder = DECODERS[encoding]()
    body = bytearray()
    # The raw bytes, decompressed here a bounded piece at a time: httpx would inflate each piece
    # whole, and a 2 KB brotli or gzip "bomb" can stand for gigabytes.
    async for raw in response.aiter_raw():
        try:
            body.extend(decoder.take(raw, policy.max_bytes + 1 - len(body)))
        except zlib.error as exc:
            raise FetchError(f"{url!r}: the {encoding} content is damaged ({exc})") from exc
        if len(body) > policy.max_bytes:
            raise FetchError(too_large)
    if not decoder.complete():
        raise FetchError(f"{url!r}: the {encoding} content ends early")
    return FetchedPage(url, bytes(body), content_type, CONTENT_TYPES[content_type])


class _Identity:
    def take(self, data: bytes, room: int) -> bytes:
        return data

    def complete(self) -> bool:
        return True


class _Inflate:
    """gzip or deflate (zlib-wrapped, or raw as some servers send it), never more than `room` bytes
    out of one call: what is left over means the content is over the limit."""

    def __init__(self, wbits: int) -> None:
        self.wbits = wbits
        self.inflater: Any = None

    def take(self, data: bytes, room: int) -> bytes:
        if self.inflater is None:
            self.inflater = zlib.decompressobj(self.wbits)
            if self.wbits == zlib.MAX_WBITS:  # "deflate": try the zlib wrapper, else raw deflate
                try:
                    return self._bounded(data, room)
                except zlib.error:
                    self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._bounded(data, room)

    def complete(self) -> bool:
        return self.inflater is None or bool(self.inflater.eof)

    def _bounded(self, data: bytes, room: int) -> bytes:
        out = self.inflater.decompress(data, max(room, 1))
        if self.inflater.unconsumed_tail:
            return out + b"\0"  # more would follow: one byte past the room says so
        return out


# What a page may be compressed with (asked for in Accept-Encoding; brotli and zstd are not accepted).
DECODERS: dict[str, Callable[[], Any]] = {
    "identity": _Identity,
    "gzip": lambda: _Inflate(16 + zlib.MAX_WBITS),
    "x-gzip": lambda: _Inflate(16 + zlib.MAX_WBITS),
    "deflate": lambda: _Inflate(zlib.MAX_WBITS),
}
