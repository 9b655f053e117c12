"""The CAMEO event codebook: every 2, 3 and 4 digit code with its name, Goldstein score and PLOVER mapping.

The facts live in `crosswire/data/cameo.tsv` (one line per code); this module only reads them.
Coders emit codes that are not always in the table (PETRARCH dictionaries may carry test-only or
legacy codes), so lookups that need a number fall back along the code's parents: `0431` -> `043` -> `04`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from crosswire.errors import CrosswireError

_COLUMNS = ("code", "goldstein", "plover", "mode", "context", "name")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    root: str
    goldstein: float
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None


class CodebookError(CrosswireError, ValueError):
    """The codebook file is malformed; the message names the file and line."""


def parent_codes(code: str) -> list[str]:
    """The code followed by its parents: '0431' -> ['0431', '043', '04']."""
    code = code.strip()
    chain = [code]
    if len(code) == 4:
        chain.append(code[:3])
    if len(code) >= 3:
        chain.append(code[:2])
    return chain


def _read_table(text: str, origin: str) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != _COLUMNS:
                raise CodebookError(f"{origin}:{lineno}: expected header {'/'.join(_COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise CodebookError(f"{origin}:{lineno}: expected {len(_COLUMNS)} tab-separated cells")
        code, goldstein, plover, mode, context, name = cells
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise CodebookError(f"{origin}:{lineno}: {code!r} is not a 2-4 digit CAMEO code")
        try:
            score = float(goldstein)
        except ValueError:
            raise CodebookError(f"{origin}:{lineno}: Goldstein score {goldstein!r} is not a number") from None
        codes[code] = CameoCode(code, name, code[:2], score, plover or None, mode or None, context or None)
    return codes


class Codebook:
    """Lookups over the CAMEO table. Build with `Codebook.builtin()` or `Codebook.from_file(path)`."""

    def __init__(self, codes: dict[str, CameoCode]):
        self.codes = codes

    @classmethod
    def from_file(cls, path: str | Path) -> Codebook:
        path = Path(path)
        return cls(_read_table(path.read_text(encoding="utf-8"), str(path)))

    @staticmethod
    @lru_cache(maxsize=1)
    def builtin() -> Codebook:
        data = resources.files("crosswire").joinpath("data/cameo.tsv")
        return Codebook(_read_table(data.read_text(encoding="utf-8"), "crosswire/data/cameo.tsv"))

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self):
        return iter(self.codes.values())

    def is_valid(self, code: str) -> bool:
        return code.strip() in self.codes

    def get(self, code: str) -> CameoCode | None:
        return self.codes.get(code.strip())

    def root(self, code: str) -> str | None:
        """The two-digit root ('01'..'20') of a code in the table, else None."""
        code = code.strip()
        return code[:2] if code[:2] in self.codes and code[:2].isdigit() else None

    def _nearest(self, code: str) -> CameoCode | None:
        for candidate in parent_codes(code):
            if candidate in self.codes:
                return self.codes[candidate]
        return None

    def goldstein(self, code: str) -> float | None:
        """The Goldstein score of the code, else of its 3-digit parent, else of its root."""
        found = self._nearest(code)
        return found.goldstein if found else None

    def plover(self, code: str) -> tuple[str | None, str | None, str | None]:
        """(PLOVER event, mode, context) for the code, taken from the nearest parent that has an event."""
        for candidate in parent_codes(code):
            entry = self.codes.get(candidate)
            if entry and entry.plover_event:
                return entry.plover_event, entry.plover_mode, entry.plover_context
        return None, None, None
