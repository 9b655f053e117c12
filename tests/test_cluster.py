"""Story grouping: time window, actor signal, precision, incremental adds, saved state, titles, links."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from crosswire.stories import cluster
from crosswire.stories.cluster import StoryIndex, group_articles, time_penalty, weighted_jaccard
from crosswire.stories.embed import DIMENSION
from crosswire.stories.inputs import StoryInput, lead_text, split_sentences, story_input
from crosswire.stories.titles import story_title

DAY = date(2019, 4, 26)


def basis(i: int) -> np.ndarray:
    v = np.zeros(DIMENSION, dtype=np.float32)
    v[i] = 1.0
    return v


def near(base: np.ndarray, cosine: float, seed: int) -> np.ndarray:
    """A unit vector whose cosine with `base` is exactly `cosine`."""
    rng = np.random.default_rng(seed)
    noise = rng.normal(size=DIMENSION).astype(np.float32)
    noise -= (noise @ base) * base
    noise /= np.linalg.norm(noise)
    return (cosine * base + np.sqrt(1 - cosine**2) * noise).astype(np.float32)


def item(
    aid: str, day: date | None = DAY, outlet: str = "A", actors: tuple[str, ...] = (), title: str = ""
) -> StoryInput:
    return StoryInput(aid, outlet, title or f"title {aid}", "", day, frozenset(actors))


def partition(clusters: list[cluster.Cluster]) -> set[frozenset[str]]:
    return {frozenset(c.article_ids) for c in clusters}


def test_same_story_across_outlets_groups_and_different_stories_stay_apart() -> None:
    a, b = basis(0), basis(1)
    items = [
        item("a1", outlet="Fox"),
        item("a2", outlet="NYT"),
        item("a3", DAY + timedelta(days=1), "HuffPost"),
        item("b1", outlet="Fox"),
        item("b2", DAY + timedelta(days=2), "NYT"),
    ]
    vectors = np.stack(
        [near(a, 0.85, 1), near(a, 0.8, 2), near(a, 0.9, 3), near(b, 0.85, 4), near(b, 0.85, 5)]
    )
    clusters = group_articles(items, vectors=vectors)
    assert partition(clusters) == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2"})}
    first = clusters[0]
    assert first.outlets == ["Fox", "HuffPost", "NYT"]
    assert first.date_span == ("2019-04-26", "2019-04-27")


def test_days_apart_join_but_months_apart_do_not() -> None:
    a = basis(0)
    items = [item("x1"), item("x2", DAY + timedelta(days=6)), item("x3", DAY + timedelta(days=120))]
    vectors = np.stack([near(a, 0.9, 1), near(a, 0.9, 2), near(a, 0.9, 3)])
    assert partition(group_articles(items, vectors=vectors)) == {frozenset({"x1", "x2"}), frozenset({"x3"})}


def test_time_penalty_grows_with_distance() -> None:
    assert time_penalty(0, 21) == 0.0
    assert time_penalty(cluster.GRACE_DAYS, 21) == 0.0
    assert 0 < time_penalty(7, 21) < time_penalty(14, 21) <= cluster.TIME_PENALTY


def test_borderline_similarity_needs_shared_actors() -> None:
    """Cosine just under the threshold: rare shared actors tip it over, common ones do not."""
    a = basis(0)
    base = [item(f"bg{i}", DAY - timedelta(days=40), actors=("trump",)) for i in range(6)]
    base_vecs = [near(basis(5 + i), 0.99, 50 + i) for i in range(6)]
    first = item("p1", actors=("blumenthal", "connecticut", "trump"))
    with_rare = item("p2", actors=("blumenthal", "connecticut", "senate"))
    with_common = item("p3", DAY + timedelta(days=1), actors=("trump", "washington"))
    v1 = near(a, 1.0, 1)
    vectors = np.stack(
        [*base_vecs, v1, near(a, cluster.THRESHOLD - 0.05, 2), near(a, cluster.THRESHOLD - 0.05, 3)]
    )
    clusters = group_articles([*base, first, with_rare, with_common], vectors=vectors)
    groups = partition(clusters)
    assert frozenset({"p1", "p2"}) in groups
    assert frozenset({"p3"}) in groups


def test_unrelated_coverage_of_the_same_actors_on_the_same_day_is_not_merged() -> None:
    """Favour precision: two stories about Trump on one day share actors, not a story."""
    actors = ("trump", "white house", "congress")
    items = [item("s1", actors=actors), item("s2", actors=actors), item("t1", actors=actors)]
    vectors = np.stack([near(basis(0), 0.95, 1), near(basis(0), 0.95, 2), near(basis(0), 0.3, 3)])
    assert frozenset({"t1"}) in partition(group_articles(items, vectors=vectors))


def test_weighted_jaccard() -> None:
    a, b = frozenset({"x", "rare"}), frozenset({"x", "rare", "y"})
    assert weighted_jaccard(a, b) == pytest.approx(2 / 3)
    assert weighted_jaccard(a, b, {"x": 1.0, "rare": 5.0, "y": 1.0}) == pytest.approx(6 / 7)
    assert weighted_jaccard(frozenset(), b) == 0.0


def _stream(n_stories: int = 12, per_story: int = 5) -> tuple[list[StoryInput], np.ndarray, dict[str, int]]:
    items, vecs, gold = [], [], {}
    for s in range(n_stories):
        start = DAY + timedelta(days=9 * s)  # stories overlap in time with their neighbours
        for k in range(per_story):
            aid = f"s{s}-{k}"
            items.append(
                item(aid, start + timedelta(days=k % 3), outlet=f"O{k}", actors=(f"actor{s}", "common"))
            )
            vecs.append(near(basis(s), 0.8, 100 * s + k))
            gold[aid] = s
    return items, np.stack(vecs), gold


def test_incremental_adds_equal_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    items, vectors, gold = _stream()
    one_by_one = StoryIndex()
    order = sorted(range(len(items)), key=lambda i: (items[i].published, items[i].article_id))
    keys = {items[i].article_id: one_by_one.add(items[i], vectors[i]) for i in order}
    monkeypatch.setattr(cluster, "BLOCK", 7)  # blocks cut through stories: in-block joins must be exact
    batch = StoryIndex()
    batch_keys = dict(zip([it.article_id for it in items], batch.add_many(items, vectors), strict=True))
    assert keys == batch_keys
    assert np.allclose(one_by_one.centroids(), batch.centroids(), atol=1e-5)
    # and the grouping is the gold one
    assert {frozenset(a for a in gold if gold[a] == s) for s in set(gold.values())} == partition(
        batch.clusters()
    )


def test_new_article_joins_saved_index_without_reclustering(tmp_path) -> None:
    items, vectors, gold = _stream()
    index = StoryIndex()
    index.add_many(items, vectors)
    path = tmp_path / "stories.npz"
    index.save(path)
    loaded = StoryIndex.load(path)
    assert loaded.keys == index.keys and loaded.members == index.members
    assert np.allclose(loaded.centroids(), index.centroids())
    late = item("late", DAY + timedelta(days=9 * 4 + 3), actors=("actor4",))
    key = loaded.add(late, near(basis(4), 0.8, 999))
    assert key == index.keys[index.story_of["s4-0"]]
    assert "late" in loaded.members[loaded.story_of["s4-0"]]
    # adding the same article again changes nothing
    assert loaded.add(late, near(basis(4), 0.8, 999)) == key
    assert sum(len(m) for m in loaded.members) == len(items) + 1


def test_loading_a_bad_file_names_it(tmp_path) -> None:
    bad = tmp_path / "junk.npz"
    bad.write_bytes(b"not numpy")
    with pytest.raises(ValueError, match="junk.npz"):
        StoryIndex.load(bad)


def test_candidates_are_limited_to_the_time_window() -> None:
    items, vectors, _ = _stream(n_stories=30)
    index = StoryIndex(window_days=5)
    index.add_many(items, vectors)
    day = (DAY + timedelta(days=9 * 15)).toordinal()
    cand = index._candidates(day, day)
    assert 0 < len(cand) <= 3
    assert all(index.last[s] >= day - 5 and index.first[s] <= day + 5 for s in cand)


def test_undated_articles_are_grouped_by_content() -> None:
    items = [item("u1", None), item("u2", None), item("d1", DAY)]
    vectors = np.stack([near(basis(0), 0.9, 1), near(basis(0), 0.9, 2), near(basis(1), 0.9, 3)])
    clusters = group_articles(items, vectors=vectors)
    assert partition(clusters) == {frozenset({"u1", "u2"}), frozenset({"d1"})}
    undated = next(c for c in clusters if "u1" in c.article_ids)
    assert undated.date_span == (None, None)


def test_related_stories_link_similar_but_separate_stories() -> None:
    items = [item("r1"), item("r2", DAY + timedelta(days=30)), item("z1")]
    shared = basis(0)
    vectors = np.stack([near(shared, 0.9, 1), near(shared, 0.9, 2), near(basis(1), 0.9, 3)])
    clusters = {c.article_ids[0]: c for c in group_articles(items, vectors=vectors)}
    assert len(clusters) == 3  # 30 days apart: separate stories ...
    assert clusters["r1"].related == [clusters["r2"].key]  # ... but related
    assert clusters["z1"].related == []


def test_story_title_is_the_most_central_headline() -> None:
    titles = [
        "Kim and Putin hold first summit in Vladivostok",
        "Putin, Kim summit: what it means for Seoul",
        "Kim Putin summit ends with pledge of cooperation in Vladivostok",
        "Weather delays trains",
    ]
    assert story_title(titles) in titles[:3]
    assert story_title(titles) != titles[3]
    assert story_title([]) is None


def test_duplicate_ids_and_wrong_vector_shapes_are_rejected() -> None:
    with pytest.raises(ValueError, match="unique"):
        group_articles([item("a"), item("a")], vectors=np.stack([basis(0), basis(0)]))
    with pytest.raises(ValueError, match="shape"):
        StoryIndex().add_many([item("a")], np.zeros((2, DIMENSION)))


def test_lead_is_first_sentences_without_dateline() -> None:
    text = (
        "SEOUL, April 26 (Yonhap) -- Mr. Kim met Mr. Putin on Thursday. They talked for hours. "
        "A dinner followed. Then they left.\n\nMore background here."
    )
    assert split_sentences(text)[1] == "They talked for hours."
    lead = lead_text(text)
    assert lead.startswith("Mr. Kim met Mr. Putin")
    assert lead.endswith("A dinner followed.")
    assert len(lead_text("word " * 500).split()) == 120


def test_real_embeddings_group_paraphrased_coverage() -> None:
    """Two invented stories, each told by three outlets in different words, on nearby days."""
    texts = {
        "k1": (
            "Kim Jong-un meets Putin in Vladivostok",
            "North Korean leader Kim Jong-un held his first summit "
            "with Russian President Vladimir Putin on Thursday, seeking support after talks with Washington stalled.",
        ),
        "k2": (
            "Putin and Kim hold first summit",
            "Vladimir Putin welcomed Kim Jong-un to Russia's Pacific port of "
            "Vladivostok for talks on the nuclear standoff and economic ties.",
        ),
        "k3": (
            "Kim courts Moscow at Russian summit",
            "Kim Jong-un's summit with Vladimir Putin in Vladivostok gives "
            "Pyongyang a new partner as negotiations with the United States stall.",
        ),
        "f1": (
            "Floods kill dozens in southern Brazil",
            "Heavy rain caused rivers to burst their banks in Rio Grande "
            "do Sul, killing at least 30 people and forcing thousands from their homes.",
        ),
        "f2": (
            "Brazil flood death toll rises",
            "Rescuers in southern Brazil searched for survivors as the death toll "
            "from floods in Rio Grande do Sul climbed past 30.",
        ),
        "f3": (
            "Thousands flee floods in Brazil's south",
            "Floodwaters swept through towns in Rio Grande do Sul state, "
            "leaving dozens dead and forcing thousands to leave their homes.",
        ),
    }
    items = [
        StoryInput(k, f"O{i % 3}", t, lead, DAY + timedelta(days=i % 2))
        for i, (k, (t, lead)) in enumerate(texts.items())
    ]
    clusters = group_articles(items)
    assert partition(clusters) == {frozenset({"k1", "k2", "k3"}), frozenset({"f1", "f2", "f3"})}
    assert all(c.title in {t for t, _ in texts.values()} for c in clusters)


def test_seed_articles_form_one_story(seeds_dir) -> None:
    """The three seeds (Hankyoreh, Dong-A Ilbo, The Japan Times on North Korea after Hanoi) are one story
    once the analysis's actors are passed in."""
    from crosswire.ingest import iter_articles
    from crosswire.model import Analysis, Article
    from crosswire.nlp.actors import extract_actors
    from crosswire.nlp.runtime import parse_many

    articles = [a for a in iter_articles([seeds_dir]) if isinstance(a, Article)]
    assert len(articles) == 3
    docs = list(parse_many([a.text for a in articles]))
    items = [
        story_input(a, Analysis(article_id=a.id, actors=extract_actors(a, doc)))
        for a, doc in zip(articles, docs, strict=True)
    ]
    clusters = group_articles(items)
    assert len(clusters) == 1
    assert sorted(clusters[0].article_ids) == sorted(a.id for a in articles)
    assert "kim jong un" in clusters[0].actors


def test_story_input_reads_actors_and_events_from_the_analysis() -> None:
    from datetime import datetime

    from crosswire.model import Actor, Analysis, Article, Event, EventActor

    article = Article(
        text="PYONGYANG, April 26 (Yonhap) -- Kim Jong-un met Vladimir Putin. A source said more talks would follow.",
        title="[News analysis] Kim meets Putin",
        outlet="Yonhap",
        published=datetime(2019, 4, 26, 16, 0),
    )
    analysis = Analysis(
        article_id=article.id,
        actors=[
            Actor(article.id, "Kim Jong-un", "person", codes=["PRKGOV"]),
            Actor(article.id, "a source", "anonymous", anonymous=True),
        ],
        events=[
            Event(EventActor("Kim", "PRKGOV"), EventActor("Putin", "RUSGOV"), "040"),
            Event(EventActor("Putin", "RUSGOV"), None, "190", negated=True),
        ],
    )
    got = story_input(article, analysis)
    assert got.title == "Kim meets Putin"
    assert got.lead.startswith("Kim Jong-un met Vladimir Putin.")
    assert got.published == date(2019, 4, 26)
    assert got.actors == frozenset({"kim jong un", "PRKGOV"})
    assert got.events == frozenset({"PRKGOV|04|RUSGOV"})
    assert got.text.startswith("Kim meets Putin. Kim Jong-un")


def test_many_stories_of_one_topic_do_not_snowball_into_one() -> None:
    """Average linkage: 150 stories of one topic in one week (articles of different stories about 0.39
    apart, of one story about 0.67, as MiniLM puts generated articles) must not collapse into a topic-wide
    story; with centroid linkage a story that absorbed two neighbours pulls in the whole topic."""
    rng = np.random.default_rng(1)

    def units(n: int) -> np.ndarray:
        x = rng.normal(size=(n, DIMENSION)).astype(np.float32)
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    n_stories, per_story = 150, 4
    common, topic, anchors = units(1)[0], units(1)[0], units(n_stories)
    own = units(n_stories * per_story) * np.sqrt(0.334) * rng.uniform(0.6, 1.4, (n_stories * per_story, 1))
    story = np.repeat(np.arange(n_stories), per_story)
    x = np.sqrt(0.203) * common + np.sqrt(0.186) * topic + np.sqrt(0.277) * anchors[story] + own
    vectors = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    items = [
        item(f"t{s}-{k}", DAY + timedelta(days=int(rng.integers(0, 7))), outlet=f"O{k % 5}")
        for k, s in enumerate(story)
    ]
    clusters = group_articles(items, vectors=vectors)
    assert max(len(c.article_ids) for c in clusters) <= 3 * per_story
    gold = {it.article_id: int(s) for it, s in zip(items, story, strict=True)}
    mixed = sum(len({gold[a] for a in c.article_ids}) > 1 for c in clusters)
    assert mixed <= 0.05 * n_stories
