"""crosswire: source-attributed, comparable, queryable knowledge from news coverage."""

from crosswire.version import __version__

__all__ = ["__version__", "analyze"]


def analyze(*args, **kwargs):  # noqa: ANN002, ANN003 - thin lazy wrapper keeps `import crosswire` cheap
    """Ingest and analyse `paths`; see `crosswire.api.analyze`."""
    from crosswire.api import analyze as _analyze

    return _analyze(*args, **kwargs)
