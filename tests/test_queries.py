"""The canned queries of scripts/queries on the hand-built mini graph (tests/data/mini.trig)."""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.queries import canned_queries, parse_header, queries_dir, resolve_query
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini.trig"
FR, EN = "https://w3id.org/dipkg/id/article/mini-fr-001", "https://w3id.org/dipkg/id/article/mini-en-002"
DIP = "https://w3id.org/dipkg/onto#"
PLAN = "plan visant à envoyer 30000 troupes européennes en Ukraine"
# parameters that make every canned query return something on the mini graph
PARAMS = {"actor-timeline": {"name": "Russia"}}


def rows(result, *columns: str) -> set[tuple]:
    """The result's rows as a set of tuples of plain values (for order-free comparisons).

    Unbound is shown as "": an empty GROUP_CONCAT is "" or unbound depending on the store.
    """
    columns = columns or result.variables
    return {tuple(row[c] or "" for c in columns) for row in result.values()}


def run_canned(store, query: str, **params):
    return store.query(canned_queries()[query].text, bindings=params or PARAMS.get(query))


@pytest.fixture(scope="module")
def mini():
    with open_store() as store:
        store.load_file(MINI)
        yield store


def test_the_queries_are_the_documented_set():
    assert set(canned_queries()) == {"who-rejects-what", "proposals", "actor-timeline", "office-holders",
                                     "statements-with-evidence", "meetings"}


def test_package_copy_is_in_sync_with_scripts_queries():
    """kg/data/queries is what an installed package ships: run scripts/sync_queries.py when this fails."""
    source, copy = ROOT / "scripts" / "queries", ROOT / "kg" / "data" / "queries"
    names = sorted(p.name for p in source.glob("*.rq"))
    assert names == sorted(p.name for p in copy.glob("*.rq"))
    match, mismatch, errors = filecmp.cmpfiles(source, copy, names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert queries_dir() == source  # a checkout reads scripts/queries itself


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_every_query_is_documented(name):
    query = canned_queries()[name]
    header = [line for line in query.text.splitlines() if line.startswith("#")]
    assert query.summary, f"{name}: first line must be '# {name}: what it answers'"
    assert any(line.startswith("# Parameters:") for line in header)
    assert any(line.startswith(f"# Example: kg query {name}") for line in header)
    body = query.text.upper()
    assert "SELECT DISTINCT" in body or "GROUP BY" in body
    assert "\nLIMIT " in body or name == "statements-with-evidence" and "LIMIT 100" in body


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_every_query_runs_on_the_mini_graph(mini, name):
    result = run_canned(mini, name)
    assert result.kind == "select"
    assert len(result) > 0


def test_who_rejects_what(mini):
    result = run_canned(mini, "who-rejects-what")
    assert rows(result, "subject", "relation", "object", "date", "article") == {
        ("Kremlin", DIP + "rejects", PLAN, "2025-02-20", FR),
        ("Russia", DIP + "opposes", "deployment of NATO troops in Ukraine", "2025-02-18", EN),
    }
    assert all(row["evidence"] for row in result.values())


def test_proposals(mini):
    result = run_canned(mini, "proposals")
    assert rows(result, "label", "proposers", "supporters", "rejecters", "article") == {
        (PLAN, "Keir Starmer", "", "Kremlin", FR),  # the negated "n'a pas soutenu" is no support
    }


@pytest.mark.parametrize("name", ["Russia", "russie", "RUSSIE", "rUSSIA", "RuSsIe"])
def test_actor_timeline_matches_any_label_ignoring_case(mini, name):
    result = run_canned(mini, "actor-timeline", name=name)
    assert rows(result, "date", "subject", "relation", "object") == {
        ("2025-02-18", "Russia", DIP + "meetsWith", "United States"),
        ("2025-02-18", "Russia", DIP + "opposes", "deployment of NATO troops in Ukraine"),
    }


NAME_LOOKUP = """SELECT DISTINCT ?actor WHERE {
  BIND(LCASE(?name) AS ?key) GRAPH ?g { ?actor <https://w3id.org/dipkg/onto#nameKey> ?key } }"""


@pytest.mark.parametrize("name", ["ÉTATS-UNIS", "états-unis", "United STATES", "us"])
def test_name_keys_fold_the_case_of_accented_names(mini, name):
    # the look-up of actor-timeline: LCASE of the name against the lower-case keys
    result = mini.query(NAME_LOOKUP, bindings={"name": name})
    assert rows(result) == {("https://w3id.org/dipkg/id/actor/united-states",)}


def test_actor_timeline_includes_what_the_actor_said(mini):
    result = run_canned(mini, "actor-timeline", name="Dmitry Peskov")
    assert rows(result, "subject", "relation") == {("Russia", DIP + "opposes"),
                                                    ("Dmitry Peskov", DIP + "spokespersonFor")}


def test_actor_timeline_is_about_the_subject_or_speaker(mini):
    result = run_canned(mini, "actor-timeline", name="Kremlin")
    assert [row["date"] for row in result.values()] == ["2025-02-20"]  # not the object of a statement


def test_office_holders(mini):
    result = run_canned(mini, "office-holders")
    assert rows(result, "holder", "role", "office") == {
        ("Keir Starmer", DIP + "headOfGovernmentOf", "Royaume-Uni"),
        ("Dmitry Peskov", DIP + "spokespersonFor", "Kremlin"),
        ("Kremlin", DIP + "governmentOf", "Russie"),
        ("Kremlin", DIP + "governmentOf", "Russia"),
    }


def test_meetings(mini):
    result = run_canned(mini, "meetings")
    assert rows(result, "subject", "other", "place", "time", "date") == {
        ("Russia", "United States", "Riyadh", "on Tuesday", "2025-02-18"),
    }


def test_statements_with_evidence_skips_negated_claims(mini):
    result = run_canned(mini, "statements-with-evidence")
    assert len(result) == 6
    assert not any("n'a pas" in row["evidence"] for row in result.values())
    starmer = [r for r in result.values() if r["relation"] == DIP + "proposes"]
    assert starmer[0]["begin"] == "106" and starmer[0]["end"] == "167" and starmer[0]["confidence"] == "0.9"


def test_statements_with_evidence_by_relation(mini):
    result = run_canned(mini, "statements-with-evidence", relation=f"<{DIP}rejects>")
    assert rows(result, "subject", "relation") == {("Kremlin", DIP + "rejects")}


def test_hostile_parameter_is_only_a_value(mini):
    before = mini.count()
    for name in ['Kremlin" } ; DROP ALL', '" } ; DROP ALL', "\\u0022 } ; DROP ALL #", "Kremlin'>"]:
        assert len(run_canned(mini, "actor-timeline", name=name)) == 0
    assert mini.count() == before


# -- resolving QUERY_OR_FILE -------------------------------------------------


def test_resolve_canned_name_file_and_text(tmp_path):
    text, canned = resolve_query("office-holders")
    assert canned.name == "office-holders" and "dip:headOfGovernmentOf" in text
    path = tmp_path / "mine.rq"
    path.write_text("# mine: a test\n# Parameters:\n#   ?x  (required)  a value\nSELECT ?x WHERE {}\n")
    text, canned = resolve_query(str(path))
    assert canned.required == ("x",) and text.startswith("# mine")
    assert resolve_query("SELECT * WHERE { ?s ?p ?o }") == ("SELECT * WHERE { ?s ?p ?o }", None)


def test_unknown_canned_name_lists_the_known_ones():
    with pytest.raises(QueryError, match="who-rejects-what"):
        resolve_query("who-rejects-whom")


def test_missing_query_file_is_an_error(tmp_path):
    with pytest.raises(QueryError, match="cannot read query file"):
        resolve_query(str(tmp_path / "nope.rq"))


def test_header_parameters():
    assert parse_header("actor-timeline", canned_queries()["actor-timeline"].text).required == ("name",)
    assert canned_queries()["statements-with-evidence"].optional == ("relation",)
