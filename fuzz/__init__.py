"""Fuzz harnesses for every crosswire parser (see docs/fuzzing.md)."""
