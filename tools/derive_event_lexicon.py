"""Derive crosswire's verb-pattern lexicon (`src/crosswire/data/event_lexicon_derived.toml`) from the
Phoenix CAMEO verb dictionary.

The Phoenix dictionary (../shared/eval/cameo/dictionaries/phoenix/CAMEO.2.0.txt, MIT licence, Open Event
Data Alliance) is a large public record of which verbs and verb + object patterns name which CAMEO events.
This script reads those facts - verb lemma, optional particle, optional preposition, object noun(s), CAMEO
code - and writes them as `[[verb]]` entries in crosswire's own lexicon format, which the coder matches on
the dependency parse (object = the verb's object or the object of the named preposition). Patterns that
need word positions PETRARCH's matcher has and a parse does not (words before the verb, skips, compound
markers) are left out, as are verbs too general to carry an event by themselves (`GENERIC`).

    python tools/derive_event_lexicon.py [PHOENIX_VERBS] [--out PATH]

The hand-written `event_lexicon.toml` stays in charge: the coder tries its entries first at equal
specificity, and the checks that guard precision (negation, status, media as reporters) apply to both.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_IN = REPO.parent / "shared" / "eval" / "cameo" / "dictionaries" / "phoenix" / "CAMEO.2.0.txt"
DEFAULT_OUT = REPO / "src" / "crosswire" / "data" / "event_lexicon_derived.toml"

# Verbs too general to code an event with no object condition ("held" is no arrest, "took" no seizure).
GENERIC = frozenset(
    "be have do make take give get go come put keep hold see let set run turn bring carry stand "
    "leave move show find look call work play follow open close meet remain stay become seem begin "
    "continue start end use include allow help tell say ask add note report state claim pass raise "
    "receive send fall rise reach return lead mark face cut hit strike fire press push pull draw drop "
    "break deal sign target contain enclose restrict pick spend watch serve launch issue die express "
    "decide train vote expect want plan aim remain release impose join enlist "
    # "introduced the speaker" is no consultation (040), "submitted an entry" no yielding (080)
    "introduce submit".split()
)
PARTICLES = frozenset({"up", "off", "back", "out", "down", "in", "over", "away", "on", "through", "aside"})
PREPOSITIONS = frozenset(
    "to with against on upon toward towards for from into in at by about over between among of".split()
)
SKIP_WORDS = frozenset({"a", "an", "the", "its", "his", "her", "their", "new", "fresh"})


Block = tuple[str, list[tuple[str, str | None]], list[tuple[str, str, set[str]]]]


def read_dictionary(text: str) -> tuple[dict[str, list[str]], list[str], list[Block]]:
    """(synsets, block names, blocks): a block is (code, [(verb lemma, own code)], [(pattern, code, found with)])."""
    synsets: dict[str, list[str]] = defaultdict(list)
    blocks: list[Block] = []
    current_synset: str | None = None
    in_patterns = False
    block_names: list[str] = []
    for raw in text.splitlines():
        if "VERB PATTERNS" in raw:
            in_patterns = True
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("&"):
            current_synset = stripped[1:].split()[0].rstrip("_").upper()
            continue
        if current_synset is not None and stripped.startswith("+"):
            synsets[current_synset].append(stripped[1:].strip().lower())
            continue
        m = re.match(r"^---\s*(\S+)\s*\[([^\]]*)\]", stripped)
        if m:
            current_synset = None
            blocks.append((m.group(2).strip(), [], []))
            block_names.append(m.group(1).split("_")[0].lower())
            continue
        if not blocks or current_synset is not None and not stripped.startswith("-"):
            continue
        code_match = re.findall(r"\[([^\]]*)\]", stripped)
        if stripped.startswith("-"):
            # The comment names the verb(s) the pattern was found with ("# HOLD , DETAIN").
            found_with = (
                {w.lower() for w in re.findall(r"[A-Za-z]+", raw.split("#", 1)[1])} if "#" in raw else set()
            )
            if code_match:
                text = re.sub(r"\[[^\]]*\]", "", stripped[1:]).strip()
                blocks[-1][2].append((text, code_match[-1].strip(), found_with))
            continue
        if not in_patterns:
            continue
        word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", stripped).split()
        if len(word) != 1 or "_" in word[0] or not word[0].isalpha():
            continue  # multi-word verb forms need word positions
        blocks[-1][1].append((word[0].lower(), code_match[0].strip() if code_match else None))
    return dict(synsets), block_names, blocks


def _clean_code(code: str) -> str | None:
    code = code.split(":")[0].strip()
    return code if re.fullmatch(r"\d{2,4}", code) else None


def _words(item: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head nouns an item stands for: a word, a {multi word} phrase's last word, or a &SYNSET's members."""
    if item.startswith("&"):
        members = synsets.get(item[1:].rstrip("_").upper(), [])
        return [m.split()[-1].replace("_", "") for m in members if m and not m.startswith("&")]
    return [item.lower()]


def parse_pattern(
    text: str, synsets: dict[str, list[str]]
) -> tuple[str | None, str | None, list[str]] | None:
    """(particle, preposition, objects) for a "* ..." pattern the parse can check, else None."""
    if not text.startswith("*") or any(c in text for c in "$+^%@"):
        return None
    rest = text[1:].strip()
    groups = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", rest)
    particle = prep = None
    objects: list[str] = []
    for n, group in enumerate(groups):
        if group.startswith("("):
            inner = group.strip("()").replace("{", " ").replace("}", " ").split()
            if not inner or inner[0].lower() not in PREPOSITIONS or prep is not None or objects:
                return None
            prep = inner[0].lower()
            words = [w for w in inner[1:] if w.lower() not in SKIP_WORDS]
            if any("/" in w for w in words):
                return None
            if words:
                objects = _words(words[-1], synsets)
                if not objects:
                    return None  # a condition we cannot state would widen the pattern to the bare preposition
            continue
        if group.startswith("{"):
            words = [w for w in group.strip("{}").split() if w.lower() not in SKIP_WORDS]
            if not words or objects:
                return None
            objects = _words(words[-1], synsets)
            continue
        word = group.lower()
        if n == 0 and word in PARTICLES and len(groups) > 1:
            particle = word
            continue
        if word in SKIP_WORDS:
            continue
        if objects or not re.fullmatch(r"&?[a-z][a-z\-_]*", word):
            return None
        objects = _words(group, synsets)
    objects = [o for o in objects if re.fullmatch(r"[a-z][a-z\-]*", o)]
    if not objects:
        return None  # a bare preposition ("* (IN)", "* (AGAINST)") is too loose for a parse-based matcher
    return particle, prep, objects


def _mood_verbs() -> frozenset[str]:
    """Verbs that set another act's status ("plans to", "seeks to", "failed to", "suggests"): as bare verbs
    they would code the intent as an act of its own; the coder reads them as the status of their complement."""
    sys.path.insert(0, str(REPO / "src"))
    from crosswire.events import status

    heads = (
        status.PLANNED_HEADS | status.HYPOTHETICAL_HEADS | status.NEGATING_HEADS | status.SPECULATIVE_HEADS
    )
    return frozenset(heads - {"threaten", "warn", "agree", "pledge", "promise", "vow", "offer"})


def derive(text: str, known_codes: set[str]) -> list[dict]:
    synsets, block_names, blocks = read_dictionary(text)
    generic = GENERIC | _mood_verbs() | {"signal", "strive", "ensure", "guarantee"}
    seen: set[tuple] = set()
    grouped: dict[tuple, list[str]] = defaultdict(list)
    for block_name, (block_code, verbs, patterns) in zip(block_names, blocks, strict=True):
        lemmas = [v for v, _ in verbs]
        for lemma, own in verbs:
            # A verb codes by itself only where the dictionary says so: its own [code], or the block's code
            # for the verb the block is named after. The WordNet synonyms filed under a block inherit its
            # code in PETRARCH ("die" as 190, "express" as 110): too loose without PETRARCH's patterns.
            if own is None and lemma != block_name:
                continue
            code = _clean_code(own or block_code) if (own or block_code) else None
            if code is None or code not in known_codes or lemma in generic:
                continue
            key = (lemma, None, None, ())
            if key not in seen:
                seen.add(key)
                grouped[(code, None, None, ())].append(lemma)
        for pattern_text, raw_code, found_with in patterns:
            code = _clean_code(raw_code)
            # A pattern found with one verb of the block is that verb's: "held talks" is no "jailed talks".
            pattern_lemmas = [v for v in lemmas if v in found_with] or lemmas
            parsed = parse_pattern(pattern_text, synsets)
            if code is None or code not in known_codes or parsed is None:
                continue
            particle, prep, objects = parsed
            obj_key = tuple(sorted(set(objects)))
            for lemma in pattern_lemmas:
                key = (lemma, particle, prep, obj_key)
                if key in seen:
                    continue
                seen.add(key)
                grouped[(code, particle, prep, obj_key)].append(
                    lemma if particle is None else f"{lemma} {particle}"
                )
    entries = []
    for (code, _particle, prep, objects), lemmas in sorted(
        grouped.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2] or "", kv[0][3])
    ):
        entry: dict = {"code": code, "lemmas": sorted(set(lemmas))}
        if prep:
            entry["preps"] = [prep]
        if objects:
            entry["objects"] = list(objects)
        entries.append(entry)
    return entries


def _toml_list(words: list[str]) -> str:
    return "[" + ", ".join(f'"{w}"' for w in words) + "]"


def write(entries: list[dict], out: Path, source: str) -> None:
    lines = [
        "# Verb patterns derived from the Phoenix CAMEO verb dictionary by tools/derive_event_lexicon.py: do not",
        f"# edit by hand; rerun the tool. Source: {source} (Open Event Data Alliance, MIT licence).",
        "# Same format as event_lexicon.toml; the hand-written entries there win at equal specificity.",
        "",
    ]
    counts: dict[str, int] = defaultdict(int)
    for entry in entries:
        counts[entry["code"]] += 1
        n = counts[entry["code"]]
        lines.append("[[verb]]")
        lines.append(f'id = "phoenix.{entry["code"]}.{n}"')
        lines.append(f"lemmas = {_toml_list(entry['lemmas'])}")
        lines.append(f'code = "{entry["code"]}"')
        if "preps" in entry:
            lines.append(f"preps = {_toml_list(entry['preps'])}")
        if "objects" in entry:
            lines.append(f"objects = {_toml_list(entry['objects'])}")
        # Derived patterns code only dyadic acts - a target found in the clause guards against the readings
        # a pattern has outside politics ("declared a national emergency", "released a report") - except
        # verb + object patterns of acts that often have no addressee: demands, protests, force postures.
        if not ("objects" in entry and entry["code"][:2] in ("10", "14", "15")):
            lines.append("needs_target = true")
        lines.append("confidence = 0.5")
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phoenix", nargs="?", default=str(DEFAULT_IN))
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from crosswire.knowledge.codebook import Codebook

    known = set(Codebook.builtin().codes)
    entries = derive(Path(args.phoenix).read_text(encoding="utf-8", errors="replace"), known)
    write(entries, Path(args.out), Path(args.phoenix).name)
    print(f"{len(entries)} entries, {sum(len(e['lemmas']) for e in entries)} lemma patterns -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
