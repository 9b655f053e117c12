"""The store against both backends: a SQLite file and the real PostgreSQL at 127.0.0.1:5432.

Every test taking `store` or `db_url` runs twice. PostgreSQL tests use a fresh schema each and fail
(never skip) when the server cannot be reached: CI has one.
"""

from __future__ import annotations

import pickle
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire import model
from crosswire.model import (
    Actor,
    Analysis,
    Article,
    Event,
    EventActor,
    EventMention,
    Fact,
    Mention,
    Outlet,
    Place,
    Problem,
    Quote,
    Span,
    Speaker,
    Story,
    TimeRef,
)
from crosswire.store import StoreError, normalise_url, open_store
from crosswire.store.migrate import head_revision
from crosswire.store.schema import metadata
from store_support import backend_url, batch_articles, make_article

KST = timezone(timedelta(hours=9))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    yield from backend_url(request.param, tmp_path)


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        yield opened


def full_article(**changes) -> Article:
    fields = dict(
        text="Pyongyang (AP) -- North Korea's leader Kim Jong-un said on Monday that talks would continue.",
        title="Kim says talks will continue",
        outlet="The Hankyoreh",
        url="https://english.hani.co.kr/arti/1.html",
        source_path="/data/hani.txt",
        external_id="hani-1",
        authors=["Kim Ji-eun", "Lee Je-hun"],
        author_roles={"Kim Ji-eun": "staff reporter"},
        published=datetime(2019, 4, 29, 16, 26, tzinfo=KST),
        updated=datetime(2019, 4, 29, 19, 1, 30, tzinfo=timezone(timedelta(hours=-4, minutes=-30))),
        section="North Korea",
        genre="analysis",
        language="en",
        captions=["Kim Jong-un arrives in Vladivostok (Yonhap)"],
        duplicate_of="0123456789abcdef",
        near_duplicates=["fedcba9876543210", "00aa00aa00aa00aa"],
        warnings=["outlet from contact e-mail"],
        analysable=False,
        main_event={"who": ["Kim Jong-un"], "when": "2019-04-29", "where": None},
        format="text",
    )
    fields.update(changes)
    return Article(**fields)


# -- articles --------------------------------------------------------------------------------------


def test_every_article_field_round_trips(store):
    original = full_article()
    assert store.save_articles([original]).added == 1
    back = store.get_article(original.id)
    assert back == original
    assert back.published.utcoffset() == timedelta(hours=9)
    assert back.updated.utcoffset() == timedelta(hours=-4, minutes=-30)
    assert back.id == original.id and back.text_hash == original.text_hash
    assert list(store.iter_articles()) == [original]
    # A naive datetime and an article with every optional field empty survive as well.
    bare = Article(text="Seoul -- A short one.", published=datetime(2019, 4, 30, 9, 0))
    store.save_articles([bare])
    assert store.get_article(bare.id) == bare
    assert store.get_article("no-such-id") is None


_free_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200)
_moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1))
_offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=_free_text,
    title=st.none() | _free_text,
    authors=st.lists(_free_text, max_size=3),
    published=st.none() | st.builds(lambda moment, tz: moment.replace(tzinfo=tz), _moments, _offsets),
    main_event=st.none() | st.dictionaries(_free_text, st.none() | st.integers() | _free_text, max_size=3),
)
def test_arbitrary_articles_round_trip(store, text, title, authors, published, main_event):
    article = Article(text=text, title=title, authors=authors, published=published, main_event=main_event)
    store.save_articles([article])
    back = store.get_article(article.id)
    assert back == article and back.id == article.id
    if published is not None:
        assert back.published.utcoffset() == published.utcoffset()


def test_nul_characters_are_refused_on_both_backends(store):
    with pytest.raises(ValueError, match="bad.jsonl: text contains NUL"):
        store.save_articles([Article(text="North\x00Korea", source_path="bad.jsonl")])
    assert store.count_articles() == 0


def test_reingesting_the_same_corpus_adds_nothing(store):
    corpus = batch_articles(0, 40)
    first = store.save_articles(corpus)
    assert (first.added, first.unchanged, first.updated) == (40, 0, 0)
    assert first.ids == [a.id for a in corpus]
    again = store.save_articles(iter(batch_articles(0, 40)))
    assert (again.added, again.unchanged, again.updated) == (0, 40, 0)
    assert store.count_articles() == 40
    # The same article twice in one call is stored once.
    twice = store.save_articles([make_article(1, 0), make_article(1, 0)])
    assert twice.added == 1 and len(twice.ids) == 2 and store.count_articles() == 41


def test_changed_metadata_updates_in_place(store):
    article = full_article()
    store.save_articles([article])
    improved = full_article(genre="news", authors=["Kim Ji-eun"], near_duplicates=["1111222233334444"])
    assert improved.id == article.id  # the id hashes source, outlet, title and text, not metadata
    result = store.save_articles([improved])
    assert (result.added, result.updated, result.unchanged) == (0, 1, 0)
    assert store.get_article(article.id) == improved
    assert store.count_articles() == 1
    kinds = {(r["other_id"], r["kind"]) for r in store.list_relations(article.id)}
    assert kinds == {("0123456789abcdef", "duplicate"), ("1111222233334444", "near_duplicate")}


def test_a_failure_mid_batch_leaves_nothing_from_that_batch(store):
    store.chunk_rows = 25  # several executed chunks before the failure
    committed = batch_articles(0, 30)
    store.save_articles(committed)

    def exploding():
        for i, article in enumerate(batch_articles(1, 200)):
            if i == 120:
                raise ConnectionResetError("reader lost its source")
            yield article

    with pytest.raises(ConnectionResetError):
        store.save_articles(exploding())
    assert store.count_articles() == 30
    assert [a.id for a in store.iter_articles(ids=[a.id for a in committed])] == [a.id for a in committed]
    assert all(store.get_article(a.id) is None for a in batch_articles(1, 120))
    # A bad record in the middle fails the same way, with a message naming what was wrong.
    with pytest.raises(TypeError, match="model.Article"):
        store.save_articles([*batch_articles(2, 60), {"text": "a dict"}, *batch_articles(3, 5)])
    assert store.count_articles() == 30
    assert store.save_articles(batch_articles(1, 200)).added == 200


def test_filters_streaming_and_summaries(store):
    corpus = batch_articles(0, 60) + [Article(text="Undated wire copy.", outlet="Yonhap")]
    store.save_articles(corpus)
    assert store.count_articles() == 61
    yonhap = [a for a in corpus if a.outlet == "Yonhap"]
    assert {a.id for a in store.iter_articles(outlet="Yonhap", batch_size=4)} == {a.id for a in yonhap}
    assert store.count_articles(outlet="Yonhap") == len(yonhap)
    since, until = datetime(2019, 4, 10, tzinfo=UTC), datetime(2019, 4, 20, 12, tzinfo=KST)
    expected = {a.id for a in corpus if a.published and since <= a.published <= until}
    assert 0 < len(expected) < 60
    assert {a.id for a in store.iter_articles(since=since, until=until, batch_size=7)} == expected
    assert store.count_articles(since=since.isoformat(), until=until) == len(expected)
    # Undated articles come last; dated ones in publication order.
    streamed = list(store.iter_articles(batch_size=9))
    assert streamed[-1].published is None
    moments = [a.published for a in streamed[:-1]]
    assert moments == sorted(moments)
    wanted = [corpus[5].id, "missing", corpus[2].id]
    assert [a.id for a in store.iter_articles(ids=wanted, batch_size=1)] == [corpus[5].id, corpus[2].id]
    page = store.list_articles(limit=10, offset=0)
    assert len(page) == 10 and "text" not in page[0]
    assert page[0]["published"] == max(moments).isoformat()
    assert len(store.list_articles(limit=100, offset=55)) == 6
    assert all(row["outlet"] == "KCNA" for row in store.list_articles(limit=100, outlet="KCNA"))
    with pytest.raises(ValueError, match="since"):
        store.iter_articles(since="last Tuesday")


def test_text_hashes_find_the_original(store):
    original = Article(text="Kim arrived in Vladivostok.", outlet="Yonhap", title="A")
    copy = Article(text="KIM  arrived in Vladivostok.", outlet="KBS", title="B", duplicate_of=original.id)
    store.save_articles([original])
    store.save_articles([copy])
    assert store.find_by_text_hash(original.text_hash) == original.id
    assert store.find_by_text_hash("0" * 32) is None
    assert sorted(store.known_hashes()) == sorted(
        [(original.id, original.text_hash), (copy.id, copy.text_hash)]
    )
    relations = store.list_relations(original.id)
    assert [(r["article_id"], r["kind"]) for r in relations] == [(copy.id, "duplicate")]
    store.add_relations([(copy.id, original.id, "wire", 0.93)])
    assert store.get_article(copy.id).near_duplicates == [original.id]
    with pytest.raises(ValueError, match="relation kind"):
        store.add_relations([(copy.id, original.id, "cousin", None)])


# -- analyses, events, stories -----------------------------------------------------------------------


def analysis_for(article: Article, variant: int = 0) -> Analysis:
    aid = article.id
    kim = Actor(
        article_id=aid,
        name=f"Kim Jong-un{' II' * variant}",
        kind="person",
        codes=["PRKGOV"],
        mentions=[Mention(0, 11, "Kim Jong-un"), Mention(40, 42, "he", kind="pronoun")],
        country="PRK",
        role="GOV",
        title="Chairman",
        code_evidence=["kb:Kim Jong-un"],
        tone=-0.25,
        evidence=[Span(0, 30, "Kim Jong-un said on Monday")],
        labels=["Chairman Kim"],
    )
    source = Actor(
        article_id=aid,
        name="a senior official",
        kind="anonymous",
        anonymous=True,
        description="a former senior official in Seoul",
        former=True,
    )
    quote = Quote(
        article_id=aid,
        text="talks would continue",
        start=50 + variant,
        end=70,
        kind="indirect",
        cue="said",
        cue_start=30,
        cue_end=34,
        speaker=Speaker(
            mention="he", name="Kim Jong-un", actor_code="PRKGOV", start=0, end=11, actor_id=kim.actor_id
        ),
        reported_via="KCNA",
        spans=[(50, 60), (62, 70)],
    )
    event = Event(
        source=EventActor("North Korea", "PRK"),
        target=EventActor("Russia", "RUS", actor_id="x1"),
        cameo="036" if variant == 0 else "042",
        mentions=[EventMention(aid, 0, 60, "Kim said ...", "Yonhap")],
        plover="CONSULT",
        mode="visit",
        goldstein=4.0,
        date="2019-04-25",
        date_precision="day",
        place=Place("Vladivostok", 10, 21, "RUS", 43.1, 131.9, "city", 2013348),
        claim_by="KCNA",
        negated=bool(variant),
        rule="lexicon:visit",
        confidence=0.8,
    )
    time_ref = TimeRef("on Monday", 25, 34, "2019-04-29", None, "day", "published:2019-04-29", "weekday")
    return Analysis(
        article_id=aid,
        actors=[kim, source] if variant == 0 else [kim],
        quotes=[quote],
        events=[event],
        places=[Place("Pyongyang", 0, 9, "PRK")],
        times=[time_ref],
        main_event={"who": "Kim", "v": variant},
    )


def test_analysis_round_trips_and_is_replaced(store):
    article = full_article(main_event=None)
    store.save_articles([article])
    assert store.get_analysis(article.id) is None
    first = analysis_for(article)
    assert store.save_analyses([first]) == 1
    assert store.get_analysis(article.id) == first
    assert store.get_article(article.id).main_event == first.main_event
    assert [e.id for e in store.iter_events(article_id=article.id)] == [first.events[0].id]

    second = analysis_for(article, variant=1)
    store.save_analyses(iter([second]))
    assert store.get_analysis(article.id) == second
    # The first analysis's events, quotes and second actor are gone, not merely hidden.
    assert [e.cameo for e in store.iter_events()] == ["042"]
    assert len(store.get_analysis(article.id).actors) == 1


def test_shared_events_survive_one_articles_reanalysis(store):
    one, two = full_article(), full_article(external_id="other", title="Another outlet's take")
    store.save_articles([one, two])
    store.save_analyses([analysis_for(one), analysis_for(two)])
    shared = Event(
        source=EventActor("Kim Jong-un", "PRKGOV"),
        target=EventActor("Putin", "RUSGOV"),
        cameo="040",
        date="2019-04-25",
        mentions=[EventMention(one.id, 5, 40, "met"), EventMention(two.id, 7, 44, "met")],
    )
    assert store.save_events([shared]) == 1
    store.save_analyses([Analysis(article_id=one.id)])
    assert shared.id in {e.id for e in store.iter_events(article_id=two.id)}
    assert [e.id for e in store.iter_events(cameo="04", source_code="PRKGOV")] == [shared.id]
    assert [e.id for e in store.iter_events(since="2019-04-25", until="2019-04-25", cameo="040")] == [
        shared.id
    ]
    assert list(store.iter_events(until="2019-04-24")) == []


def test_failed_analysis_batch_changes_nothing(store):
    article = full_article()
    store.save_articles([article])
    store.save_analyses([analysis_for(article)])
    stranger = Analysis(article_id="not-stored-here")
    with pytest.raises(StoreError, match="not-stored-here"):
        store.save_analyses([analysis_for(article, variant=1), stranger])
    assert store.get_analysis(article.id) == analysis_for(article)


def test_stories_are_replaced_as_a_whole(store):
    corpus = batch_articles(0, 6)
    store.save_articles(corpus)
    ids = [a.id for a in corpus]
    fact = Fact(
        kind="event",
        summary="Kim met Putin",
        event_id="e1",
        outlets=["Yonhap", "KCNA"],
        independent_outlets=["Yonhap"],
        sentences=[{"article_id": ids[0], "start": 0, "end": 9}],
    )
    first = [
        Story(
            article_ids=ids[:3],
            title="Summit",
            outlets=["Yonhap", "KCNA"],
            date_span=("2019-04-01", None),
            facts=[fact],
            portrayal={"KCNA": {"PRKGOV": 0.5}},
            related=["x"],
        ),
        Story(article_ids=ids[3:5], title="Sanctions"),
    ]
    assert store.save_stories(first) == 2
    assert store.list_stories() == first
    assert store.get_story(first[0].id) == first[0]
    assert store.list_stories(article_id=ids[4]) == [first[1]]
    replacement = [Story(article_ids=[ids[5], ids[0]], title="Aftermath")]
    store.save_stories(replacement)
    assert store.list_stories() == replacement
    assert store.get_story(first[0].id) is None
    with pytest.raises(StoreError, match="missing-article"):
        store.save_stories([Story(article_ids=["missing-article"])])
    assert store.list_stories() == replacement


# -- runs, outlets ------------------------------------------------------------------------------------


def test_runs_record_counts_and_problems(store):
    run_id = store.start_run(["/corpus/a", "/corpus/b.warc"])
    problems = [Problem("/corpus/a/x.bin", "binary file"), "plain message"]
    store.finish_run(run_id, {"read": 3, "added": 2}, problems)
    (run,) = store.list_runs()
    assert run["id"] == run_id and run["paths"] == ["/corpus/a", "/corpus/b.warc"]
    assert run["counts"] == {"read": 3, "added": 2}
    assert run["problems"][0] == {"path": "/corpus/a/x.bin", "message": "binary file", "severity": "error"}
    assert run["problems"][1]["message"] == "plain message"
    assert datetime.fromisoformat(run["finished_at"]) >= datetime.fromisoformat(run["started_at"])
    with pytest.raises(StoreError, match="no run"):
        store.finish_run(run_id + 100, {}, [])


def test_outlets_round_trip(store):
    outlets = [
        Outlet(
            "KCNA",
            ["kcna.kp"],
            "PRK",
            "en",
            "state media",
            None,
            "DPRK government",
            ["Korean Central News Agency"],
        ),
        Outlet("The Hankyoreh", ["hani.co.kr"], "KOR", "ko", "newspaper", "centre-left"),
    ]
    assert store.save_outlets(outlets) == 2
    store.save_outlets(outlets[:1])
    assert store.list_outlets() == outlets


# -- opening, migrations, errors --------------------------------------------------------------------


def _not_search_object(name, type_, parent_names) -> bool:
    return not (name or "").startswith("search_")


def test_reopening_finds_the_schema_at_head(db_url):
    with open_store(db_url) as first:
        assert first.revision() == head_revision() is not None
        first.save_articles([full_article()])
    with open_store(db_url) as again:
        assert again.revision() == head_revision()
        assert again.count_articles() == 1
        with again.engine.connect() as conn:
            # Full-text search objects (revision 0002, named search_*) live outside schema.py on purpose.
            context = MigrationContext.configure(conn, opts={"include_name": _not_search_object})
            diffs = compare_metadata(context, metadata)
    assert diffs == [], f"migrations and schema.py disagree: {diffs}"


def _open_and_count(url: str) -> int:
    with open_store(url) as opened:
        return opened.count_articles()


def test_concurrent_first_opens_do_not_collide(db_url):
    with ProcessPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(_open_and_count, [db_url] * 4)) == [0] * 4
    with open_store(db_url) as opened:
        assert opened.revision() == head_revision()


def test_sqlite_defaults_wal_and_foreign_keys(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert normalise_url(None) == f"sqlite:///{tmp_path / 'crosswire.db'}"
    with open_store() as opened:
        assert opened.backend == "sqlite"
        with opened.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert (tmp_path / "crosswire.db").is_file()
    with open_store("sub/dir/other.db") as nested:
        nested.save_articles([full_article()])
    with sqlite3.connect(tmp_path / "sub" / "dir" / "other.db") as raw:
        assert raw.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_url_forms():
    assert normalise_url("postgresql://u@h:5432/db") == "postgresql+psycopg://u@h:5432/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert normalise_url("data/my.db").startswith("sqlite:///") and normalise_url("data/my.db").endswith(
        "/data/my.db"
    )


def test_bad_urls_give_errors_naming_them(tmp_path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are my notes, not a database\n" * 100)
    cases = {
        str(not_a_db): "notes.db",
        f"sqlite:///{tmp_path}": str(tmp_path),
        "mysql://root@localhost/news": "mysql",
        "postgresql+nosuchdriver://u@127.0.0.1/test": "nosuchdriver",
        "postgresql://crosswire:s3cret@127.0.0.1:1/nowhere": "127.0.0.1:1/nowhere",
        "not a url://x": "not a url",
        "https://example.com/news.db": "unsupported database",
    }
    for url, named in cases.items():
        with pytest.raises(StoreError) as info:
            open_store(url)
        message = str(info.value)
        assert named in message and "cannot open store" in message, message
        assert "s3cret" not in message


def test_a_store_pickles_as_its_url(store):
    store.save_articles([full_article()])
    clone = pickle.loads(pickle.dumps(store))
    try:
        assert clone.count_articles() == 1 and clone.url == store.url
    finally:
        clone.close()


def test_payload_codec_rebuilds_nested_records():
    article = full_article()
    analysis = analysis_for(article)
    from crosswire.store import codec

    event = analysis.events[0]
    assert codec.event_from_dict(model.to_dict(event)) == event
    assert codec.quote_from_dict(model.to_dict(analysis.quotes[0])).spans == [(50, 60), (62, 70)]
    story = Story(article_ids=["a"], date_span=("2019-04-01", "2019-04-30"))
    assert codec.story_from_dict(model.to_dict(story)).date_span == ("2019-04-01", "2019-04-30")
    with pytest.raises(TypeError, match="Actor"):
        codec.actor_from_dict(["not", "an", "object"])


def _save_batches(url: str, batches: list[int]) -> int:
    with open_store(url) as opened:
        opened.chunk_rows = 20
        return sum(opened.save_articles(batch_articles(b, 50)).added for b in batches)


def test_concurrent_writers_queue_instead_of_failing(store, db_url):
    # Overlapping corpora from four processes: every article stored once, none lost, no "locked" error.
    plans = [[0, 1, 2], [2, 3, 4], [4, 5, 0], [1, 3, 5]]
    with ProcessPoolExecutor(max_workers=4) as pool:
        added = sum(pool.map(_save_batches, [db_url] * 4, plans))
    assert added == 6 * 50 == store.count_articles()


def test_reading_while_writing_analyses(store):
    # The nlp step streams articles and stores analyses as it goes, on both backends.
    store.save_articles(batch_articles(0, 30))
    for article in store.iter_articles(batch_size=4):
        store.save_analyses([Analysis(article_id=article.id, main_event={"what": article.title})])
    analysed = [store.get_analysis(a.id) for a in store.iter_articles()]
    assert len(analysed) == 30 and all(
        x is not None and x.main_event["what"].startswith("Headline") for x in analysed
    )


def test_unanalysed_articles_are_read_a_page_at_a_time(tmp_path):
    """Each page is its own short read: an analysis saved while the caller works through one page
    is seen by the next (one read held open for the whole analysis would pin SQLite's WAL)."""
    from crosswire.model import Analysis
    from story_support import article

    store = open_store(f"sqlite:///{tmp_path / 'pages.db'}")
    arts = [article(f"Article {i} on the ferry timetable.", f"Outlet {i}", day=1 + i) for i in range(7)]
    store.save_articles(arts)
    ids = sorted(a.id for a in arts)
    pages = store.iter_unanalysed(batch_size=3)
    first = [next(pages) for _ in range(3)]
    store.save_analyses([Analysis(article_id=ids[5])])  # on the next page but one
    rest = list(pages)
    assert [a.id for a in first + rest] == [i for i in ids if i != ids[5]]
