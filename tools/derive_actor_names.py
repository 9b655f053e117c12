"""Derive `src/crosswire/data/actor_names_derived.tsv` (actor name -> CAMEO code) from the Phoenix actor
dictionaries: the country of named people and bodies (Phoenix.Countries.actors.txt) and the codes of
international organisations and armed non-state groups (Phoenix.International / MilNonState).

Only facts are kept: a name (lower case, at least two words for people, so a surname alone never codes)
and the code the dictionary gives it without date restriction. For people and national bodies the code is
cut to the country (their role comes from the article's own words: "Ousted President Askar Akayev" is
KGZ, and "President" makes it government). Rows are sorted; a name with conflicting codes is left out.

    python tools/derive_actor_names.py [PHOENIX_DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "eval" / "cameo" / "dictionaries" / "phoenix"
DEFAULT_OUT = REPO / "src" / "crosswire" / "data" / "actor_names_derived.tsv"
FILES = {
    "Phoenix.Countries.actors.txt": "country",
    "Phoenix.International.actors.txt": "full",
    "Phoenix.MilNonState.actors.txt": "full",
}


DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch", "ean", "ene", "ote", "er")


def _demonym_of(word: str, country: str) -> bool:
    """ "algerian" for "algeria", "ghanaian" for "ghana": a people's word that shares the country name's
    stem (cities and provinces listed with the country do not: "oran", "blida")."""
    if not word.isalpha() or word == country or not word.endswith(DEMONYM_ENDINGS):
        return False
    stem = min(4, len(country) - 1)
    return stem >= 3 and word[:stem] == country[:stem]


def derive(directory: Path) -> dict[str, str]:
    sys.path.insert(0, str(REPO / "src"))
    from crosswire.knowledge.petrarch.dictionaries import read_actors

    names: dict[str, str] = {}
    conflicts: set[str] = set()
    for filename, cut in FILES.items():
        text = (directory / filename).read_text(encoding="utf-8", errors="replace")
        for entry in read_actors(text, filename, warnings=[]):
            codes = entry.codes_on(None) or [d.code for d in entry.codes if d.code != "---"][-1:]
            if len(codes) != 1 or len(codes[0]) < 3 or not codes[0][:3].isalpha():
                continue
            code = codes[0].upper()
            if cut == "country":
                code = code[:3]
            country_entry = cut == "country" and len(codes[0]) == 3
            head = " ".join(w.lower() for w in entry.phrases[0] if w) if entry.phrases else ""
            for phrase in entry.phrases:
                words = [w.lower() for w in phrase if w]
                name = " ".join(words).strip()
                if country_entry and len(words) == 1 and _demonym_of(name, head):
                    # "ALGERIA [DZA] +ALGERIAN": the people's name, and its plural ("Algerians")
                    for form in (name, name if name.endswith(("s", "sh", "ese", "ch")) else name + "s"):
                        if form in names and names[form] != code:
                            conflicts.add(form)
                        names.setdefault(form, code)
                    continue
                if not name or len(name) < 4 or (cut == "country" and len(words) < 2):
                    continue
                if not name[0].isalpha() or any(w.isdigit() for w in words):
                    continue  # dates and numbers the dictionary files under groups ("21 june")
                if name in names and names[name] != code:
                    conflicts.add(name)
                names.setdefault(name, code)
    return {n: c for n, c in names.items() if n not in conflicts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phoenix_dir", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    names = derive(Path(args.phoenix_dir))
    lines = [
        "# Actor names -> CAMEO codes derived from the Phoenix actor dictionaries by tools/derive_actor_names.py",
        "# (Open Event Data Alliance, MIT licence): do not edit by hand. People and national bodies: country only.",
    ]
    lines += [f"{name}\t{code}" for name, code in sorted(names.items())]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
