"""Accuracy measurement against the gold sets in ../shared/eval/: one module per extractor."""
