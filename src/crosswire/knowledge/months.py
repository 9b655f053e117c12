"""English month names, once: the ingest date parser and the nlp date rules read them here, and the
briefing writes dates with them."""

from __future__ import annotations

# By the first three letters of the name ("sept", "September" and "Sep." all start "sep").
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# The names in full, January first, as dates are written for an analyst ("27 April 2018").
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# A month name or its abbreviation, as a regular-expression alternation (no group, no trailing dot).
MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "march"); KeyError for anything else."""
    return MONTHS[word.strip().lower().rstrip(".")[:3]]
