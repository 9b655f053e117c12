"""crosswire: source-attributed, comparable, queryable knowledge from news coverage."""

__version__ = "0.1.0"

__all__ = ["__version__", "analyze"]


def analyze(*args, **kwargs):  # noqa: ANN002, ANN003 - thin lazy wrapper keeps `import crosswire` cheap
    """Ingest and analyse `paths`; see `crosswire.api.analyze`."""
    from crosswire.api import analyze as _analyze

    return _analyze(*args, **kwargs)
