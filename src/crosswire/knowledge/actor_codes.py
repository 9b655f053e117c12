"""CAMEO actor codes: which three-letter heads are not countries, and actor names with derived codes.

`data/cameo_actor_types.tsv` lists the type codes that open an actor code in place of a country: roles
("GOV" for "the foreign ministry" of an unnamed state; they name a kind of actor, not an actor) and
organisations that belong to no country ("IGOUNO" is the UN). `data/actor_names_derived.tsv` maps actor
names to the codes the public Phoenix actor dictionaries give them (`tools/derive_actor_names.py`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _read_types() -> dict[str, str]:
    text = resources.files("crosswire").joinpath("data/cameo_actor_types.tsv").read_text(encoding="utf-8")
    kinds = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, kind, _name = line.split("\t")
            kinds[code] = kind
    return kinds


_KINDS = _read_types()
ROLE_CODES = frozenset(code for code, kind in _KINDS.items() if kind == "role")
ORGANISATION_CODES = frozenset(code for code, kind in _KINDS.items() if kind == "organisation")
# Heads that are no country: a code opening with one of these has no country part.
NOT_COUNTRIES = ROLE_CODES | ORGANISATION_CODES


@lru_cache(maxsize=1)
def derived_actor_codes() -> dict[str, str]:
    """Actor names (lower case) -> codes derived from the Phoenix actor dictionaries."""
    path = resources.files("crosswire").joinpath("data/actor_names_derived.tsv")
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, code = line.partition("\t")
            out[name] = code
    return out


# Head nouns that make a "PERSON" an organisation ("Cheollima Civil Defense" was tagged as a person).
ORG_HEADS = frozenset(
    "Defense Defence Council Committee Party Army Agency Institute Group Association Union Front Ministry "
    "Department Corps Forces Bureau Office University Center Centre Foundation Company Corporation Bank Court "
    "Commission Assembly Organization Organisation Movement League Alliance Federation Network".split()
)
