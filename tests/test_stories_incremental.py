"""Incremental story grouping: a later `analyze` run adds its new articles to the stories already
stored, embedding only those articles and comparing again only the stories whose membership changed.
Runs on SQLite and PostgreSQL (a fresh schema per test)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crosswire.api import analyze, open_corpus
from crosswire.store import open_store
from crosswire.store.story_state import load_story_index, save_story_index
from crosswire.stories import build
from crosswire.stories.build import stories_step, update_stories
from crosswire.stories.cluster import StoryIndex
from crosswire.stories.embed import Embedder
from store_support import backend_url
from story_support import article

MANIFEST = """path,outlet,url,published
001_65975df8b9dd0a79.txt,The Dong-A Ilbo,,
002_6cec0ba30b4f510f.txt,The Japan Times,,
"""

# Nothing to do with North Korea: a story of its own.
UNRELATED = """Harbour city approves new ferry timetable

The city council of Porto Velho voted on Tuesday to add three evening ferry crossings to the river
timetable from next month, after commuters complained that the last boat left before most shifts ended.
The transport committee said the extra crossings would cost about 1.2 million reais a year, paid from
the municipal fuel levy. Ferry operators welcomed the decision but warned that two of their vessels
need engine repairs before the winter floods. Residents of the southern bank, where there is no bridge,
have campaigned for later crossings for three years. The council also asked engineers to study a
floating pier near the market, which could shorten the crossing by ten minutes.
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    yield from backend_url(request.param, tmp_path)


@pytest.fixture
def batches(tmp_path, seeds_dir) -> dict[str, Path]:
    """Folders to ingest one after another: two seeds, the third seed, an unrelated article."""
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert len(seeds) == 3
    folders = {name: tmp_path / name for name in ("first", "second", "unrelated")}
    for folder in folders.values():
        folder.mkdir()
    for seed in seeds[:2]:
        shutil.copy(seed, folders["first"] / seed.name)
    shutil.copy(seeds[2], folders["second"] / seeds[2].name)
    (folders["unrelated"] / "ferry.txt").write_text(UNRELATED, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    folders["manifest"] = manifest
    return folders


@pytest.fixture
def embedded(monkeypatch) -> list[int]:
    """How many texts each Embedder.embed call received."""
    calls: list[int] = []
    original = Embedder.embed

    def counting(self, texts, batch_size=32):
        calls.append(len(texts))
        return original(self, texts, batch_size=batch_size)

    monkeypatch.setattr(Embedder, "embed", counting)
    return calls


@pytest.fixture
def compared(monkeypatch) -> list[int]:
    """Sizes of the stories compare_story was asked to compare."""
    calls: list[int] = []
    original = build.compare_story

    def counting(story, members, *args, **kwargs):
        calls.append(len(members))
        return original(story, members, *args, **kwargs)

    monkeypatch.setattr(build, "compare_story", counting)
    return calls


def _run(folder: Path, db: str, manifest: Path) -> list:
    with analyze([folder], db=db, manifest=manifest) as corpus:
        return corpus.stories()


@pytest.mark.slow
def test_new_articles_join_or_start_stories_without_regrouping(db_url, batches, embedded, compared):
    manifest = batches["manifest"]
    (first,) = _run(batches["first"], db_url, manifest)
    assert len(first.article_ids) == 2
    assert sum(embedded) == 2

    # The third seed joins the stored story: only it is embedded, only that story compared again.
    embedded.clear()
    compared.clear()
    (grown,) = _run(batches["second"], db_url, manifest)
    assert sum(embedded) == 1
    assert compared == [3]
    assert set(first.article_ids) < set(grown.article_ids) and len(grown.article_ids) == 3
    assert grown.outlets == ["The Dong-A Ilbo", "The Hankyoreh", "The Japan Times"]
    assert any(len(f.outlets) >= 2 for f in grown.facts)  # compared across the three outlets

    # Nothing new: nothing embedded, nothing compared, the same stories.
    embedded.clear()
    compared.clear()
    (again,) = _run(batches["second"], db_url, manifest)
    assert sum(embedded) == 0 and compared == []
    assert again.id == grown.id and again.facts == grown.facts

    # An unrelated article starts a story of its own; the seed story keeps its stored facts.
    embedded.clear()
    compared.clear()
    stories = _run(batches["unrelated"], db_url, manifest)
    assert sum(embedded) == 1
    assert compared == [1]
    by_size = sorted(stories, key=lambda s: len(s.article_ids))
    assert [len(s.article_ids) for s in by_size] == [1, 3]
    assert by_size[1].id == grown.id and by_size[1].facts == grown.facts
    assert not set(by_size[0].article_ids) & set(grown.article_ids)

    # A full regroup (`crosswire stories --build`) embeds every article again, same grouping.
    embedded.clear()
    with open_corpus(db_url) as corpus:
        stories_step(corpus.store, full=True)
        regrouped = corpus.stories()
    assert sum(embedded) == 4
    assert {s.id for s in regrouped} == {s.id for s in stories}


@pytest.mark.slow
def test_unreadable_saved_state_is_replaced_by_a_regroup(db_url, batches, embedded):
    _run(batches["first"], db_url, batches["manifest"])
    with open_store(db_url) as store:
        save_story_index(store, b"not an npz file")
    embedded.clear()
    with open_corpus(db_url) as corpus:
        stories_step(corpus.store)
        (story,) = corpus.stories()
        payload = load_story_index(corpus.store)
    assert sum(embedded) == 2 and len(story.article_ids) == 2
    assert payload is not None
    assert StoryIndex.from_bytes(payload).members[0] == story.article_ids


def test_a_changed_article_regroups_from_scratch(embedded):
    texts = {
        "The Hankyoreh": "North Korea's leader met Russia's president in Vladivostok on Thursday.",
        "Yonhap": "Kim Jong-un and Vladimir Putin held their first summit in Vladivostok.",
    }
    arts = [article(text, outlet, day=2) for outlet, text in texts.items()]
    stories, index, added = update_stories(arts, {})
    assert added == 2 and sum(embedded) == 2
    assert [len(s.article_ids) for s in stories] == [2]

    # Same articles: the saved index is extended by nothing, and the stored story is reused.
    embedded.clear()
    index = StoryIndex.from_bytes(index.to_bytes())
    again, index, added = update_stories(arts, {}, index, {s.id: s for s in stories})
    assert added == 0 and sum(embedded) == 0
    assert [s.id for s in again] == [s.id for s in stories]

    # One article re-read with another headline: earlier placements may not hold, so all are regrouped.
    embedded.clear()
    arts[1].title = "A different headline for the Vladivostok summit"
    _, _, added = update_stories(arts, {}, index, {s.id: s for s in stories})
    assert added == 2 and sum(embedded) == 2


def test_story_index_bytes_name_their_source_when_broken():
    with pytest.raises(ValueError, match="saved state: not a story index"):
        StoryIndex.from_bytes(b"\x00garbage", source="saved state")


def test_writing_only_changed_stories_equals_replacing_them_all(tmp_path, monkeypatch):
    """`save_story_changes` (the incremental writer) leaves the store exactly as replacing every
    story would: random before/after story sets, same records in the same order, same links. Stories
    go in and come out two at a time here, so chunk boundaries fall inside every larger set."""
    from crosswire.store import analyses as analysis_store

    monkeypatch.setattr(analysis_store, "STORY_CHUNK", 2)
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from crosswire.model import Fact, Story
    from crosswire.store.story_state import iter_story_records, save_story_changes

    store = open_store(f"sqlite:///{tmp_path / 'stories.db'}")
    stored = [article(f"Article number {i} about the talks.", f"Outlet {i % 3}", day=1 + i) for i in range(8)]
    store.save_articles(stored)
    ids = [a.id for a in stored]

    def story(members: tuple[int, ...], title: str) -> Story:
        chosen = [ids[i] for i in members]
        fact = Fact(kind="event", summary=title, outlets=["Outlet 0"], sentences=[{"article_id": chosen[0]}])
        return Story(article_ids=chosen, title=title, outlets=["Outlet 0"], facts=[fact], related=[])

    member_sets = st.lists(
        st.sets(st.integers(0, 7), min_size=1, max_size=3).map(lambda s: tuple(sorted(s))),
        max_size=5,
        unique=True,
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(before=member_sets, data=st.data())
    def check(before, data):
        # Most of the new order is the old stories, kept, moved or retitled, as after a small run.
        kept_sets = data.draw(st.permutations(before)).copy()[: data.draw(st.integers(0, len(before)))]
        extra = [m for m in data.draw(member_sets) if m not in before]
        after = data.draw(st.permutations(kept_sets + extra))
        titles = data.draw(st.lists(st.sampled_from("ab"), min_size=len(after), max_size=len(after)))
        old = [story(m, "a") for m in before]
        new = [story(m, titles[i]) for i, m in enumerate(after)]
        store.save_stories(old)
        kept = {s.id: s for s in old}
        changed = [s for s in new if s.id not in kept or kept[s.id].title != s.title]
        save_story_changes(store, [s.id for s in new], changed, b"state")
        incremental = (store.list_stories(), list(iter_story_records(store, batch_size=2)))
        assert [(s.id, s.article_ids) for s in incremental[0]] == [(s.id, s.article_ids) for s in new]
        links = {s.id: store.list_stories(article_id=s.article_ids[0]) for s in new}
        store.save_stories(new)
        assert incremental == (store.list_stories(), list(iter_story_records(store)))
        some = [s.id for s in new][::-2]
        assert sorted(iter_story_records(store, ids=some, batch_size=2), key=lambda r: r["id"]) == sorted(
            (r for r in incremental[1] if r["id"] in some), key=lambda r: r["id"]
        )
        assert links == {s.id: store.list_stories(article_id=s.article_ids[0]) for s in new}

    check()


def test_stories_jsonl_records_built_from_stored_json_equal_the_model_records(tmp_path, batches):
    """stories.jsonl is written from the stored JSON without building model objects; each line must
    be the one `story_record` gives for the decoded Story, byte for byte (key order included)."""
    import json

    from crosswire.store.story_state import iter_story_records
    from crosswire.stories.build import story_record, story_record_from_stored

    db = f"sqlite:///{tmp_path / 'jsonl.db'}"
    _run(batches["first"], db, batches["manifest"])
    stories = _run(batches["second"], db, batches["manifest"])
    assert stories and any(f.kind == "quote" for s in stories for f in s.facts)
    assert any(f.kind == "event" for s in stories for f in s.facts)
    with open_corpus(db) as corpus:
        stored = list(iter_story_records(corpus.store))
    assert [r["id"] for r in stored] == [s.id for s in stories]
    for record, story in zip(stored, stories, strict=True):
        fast, model = story_record_from_stored(record), story_record(story)
        assert json.dumps(fast, ensure_ascii=False) == json.dumps(model, ensure_ascii=False)


def test_members_kept_from_the_first_read_are_what_the_store_gives(tmp_path, batches):
    """The stories step compares a run's new stories from the articles and analyses it read to group them
    (`_kept_members`): the same lists, in the same order, as reading each story's members again."""
    url = f"sqlite:///{tmp_path / 'kept.db'}"
    _run(batches["first"], url, batches["manifest"])
    store = open_store(url)
    ids = sorted(a.id for a in store.iter_articles())
    found, analyses = build.load_members(store, ids)
    kept = ({a.id: a for a in found}, analyses)
    assert len(found) == len(analyses) == 2
    for wanted in (ids, ids[::-1], [ids[1], ids[0], ids[1]], ids[:1], []):
        assert build._kept_members(kept, wanted) == build.load_members(store, wanted)
        _, got_analyses = build._kept_members(kept, wanted) or ([], {})
        assert list(got_analyses) == list(build.load_members(store, wanted)[1])  # same order
    assert build._kept_members(kept, [*ids, "not-read"]) is None  # then the store is asked
    assert build._kept_members(None, ids) is None
