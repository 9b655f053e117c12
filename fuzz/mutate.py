"""A small deterministic mutator: the fallback engine where atheris is not installed, and the CI-speed run.

It is not coverage-guided; it makes up for that by starting from real inputs (the seeds) and by
splicing and inserting the byte strings parsers care about (markup, WARC headers, JSON, dictionary
syntax, date words), so most inputs get past the first checks into the parsing code.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

TOKENS = [
    b"<", b">", b"</p>", b"<div>", b"<![CDATA[", b"]]>", b"&amp;", b"&#x0;", b"&#99999999;", b"<!ENTITY a 'b'>",
    b"<?xml version='1.0' encoding='utf-16'?>", b"<meta charset='bogus'>", b"WARC/1.0\r\n", b"\r\n\r\n",
    b"Content-Length: 999999999\r\n", b"Content-Length: -1\r\n", b"WARC-Type: response\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", b"\x1f\x8b\x08\x00", b'{"text": ', b'"', b"\\u0000",
    b"\\ud800", b"[", b"]", b"{", b"}", b"null", b"1e999", b"\n", b"\r", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
    b"\xc3", b"\xe2\x80\x9c", b"---\n", b"+++\n", b"<!--", b"-->", b"#", b"+", b"~", b"&", b"$", b"*", b"%",
    b"^", b"_", b"[---]", b"[A:B]", b" < 991231", b" > 000101", b" 19990101 - 20000101", b"!X! = A, B",
    b"{}", b"- * + [010]", b"--- VERB [010] ---", b"ago", b"later", b"last ", b"next ", b"99999999999 ",
    b"years ", b"centuries ", b"0 ", b"February 30", b"9999", b"0000", b"the end of ", b"since ",
]  # fmt: skip


def mutate(data: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    """One to four random edits: flip, delete, duplicate, insert a token, splice another seed."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        pos = rng.randint(0, len(out))
        if choice < 0.2 and out:
            i = rng.randrange(len(out))
            out[i] = rng.randrange(256)
        elif choice < 0.35 and out:
            del out[pos : pos + rng.randint(1, 64)]
        elif choice < 0.5 and out:
            piece = out[pos : pos + rng.randint(1, 256)]
            out[pos:pos] = piece * rng.randint(1, 8)
        elif choice < 0.85:
            out[pos:pos] = rng.choice(TOKENS) * rng.choice((1, 1, 1, 3, 50))
        elif seeds:
            other = rng.choice(seeds)
            cut = rng.randint(0, len(other))
            out = out[:pos] + bytearray(other[cut : cut + rng.randint(1, 2000)])
    return bytes(out)


def inputs(seeds: list[bytes], count: int, seed: int = 0) -> Iterator[bytes]:
    """The seeds, a few edge cases, then mutants of random seeds: `count` inputs in all."""
    rng = random.Random(seed)
    fixed = [*seeds, b"", b"\x00", b"\xff" * 7, b" \n"]
    yield from fixed[:count]
    pool = seeds or [b""]
    for _ in range(max(0, count - len(fixed))):
        yield mutate(rng.choice(pool), rng, pool)


def run(target: Callable[[bytes], None], seeds: list[bytes], count: int, seed: int = 0) -> int:
    """Run `target` on `count` inputs; the first failure propagates with the input attached."""
    tried = 0
    for data in inputs(seeds, count, seed):
        try:
            target(data)
        except BaseException as err:
            err.add_note(f"fuzz input ({len(data)} bytes): {data[:300]!r}")
            raise
        tried += 1
    return tried
