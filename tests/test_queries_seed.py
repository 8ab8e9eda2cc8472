"""The canned queries on the graph built from ``seeds/`` (fixture ``seed_nq``)."""
from __future__ import annotations

import pytest

from kg.store import open_store
from tests.test_queries import DIP, rows, run_canned


@pytest.fixture(scope="module")
def seed_store(seed_nq):
    with open_store() as store:
        report = store.load_file(seed_nq)
        assert report.ok and report.graphs
        yield store


def test_loading_the_seed_twice_keeps_the_count(seed_nq, tmp_path):
    with open_store(tmp_path / "kg") as store:
        first = store.load_file(seed_nq)
        count = store.count()
        assert count == first.triples > 0
        assert store.load_file(seed_nq).triples == first.triples
        assert store.count() == count


def test_one_named_graph_per_article(seed_store):
    articles = seed_store.query("SELECT DISTINCT ?a WHERE { GRAPH ?a { ?a a dip:Article } }")
    assert {row["a"] for row in articles.values()} == set(seed_store.graphs())


def test_who_rejects_what_names_the_kremlin_or_russia(seed_store):
    subjects = {subject for subject, _ in rows(run_canned(seed_store, "who-rejects-what"), "subject", "relation")}
    assert subjects & {"Kremlin", "Russie", "Russia"}


def test_office_holders_has_starmer_heading_the_british_government(seed_store):
    facts = rows(run_canned(seed_store, "office-holders"), "holder", "role", "office")
    assert ("Keir Starmer", DIP + "headOfGovernmentOf", "Royaume-Uni") in facts


@pytest.mark.parametrize("name", ["who-rejects-what", "proposals", "actor-timeline", "office-holders",
                                  "statements-with-evidence", "meetings"])
def test_every_query_runs_on_the_seed(seed_store, name):
    params = {"name": "Kremlin"} if name == "actor-timeline" else {}
    assert run_canned(seed_store, name, **params).kind == "select"
