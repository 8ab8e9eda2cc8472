"""Materialising what the ontology implies: super-properties, inverses, superclasses."""
from __future__ import annotations

import time

import click
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.commands.ontology import reason as reason_command
from kg.reason import closure, compute_closure, materialise
from kg.validate import validate
from kg.vocab import DIP

EX = Namespace("https://w3id.org/dipkg/id/")
PROV = Namespace("http://www.w3.org/ns/prov#")
KREMLIN, RUSSIA, STARMER, UK, PLAN = (EX[n] for n in ("kremlin", "russia", "starmer", "uk", "plan"))
ARTICLE = EX["article/seed"]

NEGATIVE_STANCES = """
PREFIX dip: <https://w3id.org/dipkg/onto#>
SELECT DISTINCT ?who ?what WHERE { ?who dip:negativeStanceTowards ?what } ORDER BY ?who ?what
"""


def small_graph() -> Graph:
    """A few direct triples of the kind `kg build` writes."""
    graph = Graph()
    graph.add((KREMLIN, RDF.type, DIP.GovernmentBody))
    graph.add((KREMLIN, DIP.rejects, PLAN))
    graph.add((KREMLIN, DIP.governmentOf, RUSSIA))
    graph.add((RUSSIA, RDF.type, DIP.State))
    graph.add((RUSSIA, DIP.opposes, PLAN))
    graph.add((STARMER, RDF.type, DIP.Person))
    graph.add((STARMER, DIP.headOfGovernmentOf, UK))
    graph.add((STARMER, DIP.proposes, PLAN))
    graph.add((PLAN, RDF.type, DIP.Summit))
    graph.add((PLAN, DIP.size, Literal(30000)))
    return graph


def test_a_sparql_query_over_negative_stances_finds_rejections_only_after_materialise():
    graph = small_graph()
    assert list(graph.query(NEGATIVE_STANCES)) == []
    rows = {(row.who, row.what) for row in materialise(graph).query(NEGATIVE_STANCES)}
    assert rows == {(KREMLIN, PLAN), (RUSSIA, PLAN)}


@pytest.mark.parametrize(
    "triple",
    [
        (KREMLIN, DIP.negativeStanceTowards, PLAN),
        (KREMLIN, DIP.stanceTowards, PLAN),
        (STARMER, DIP.officialOf, UK),
        (UK, DIP.hasHeadOfGovernment, STARMER),
        (UK, DIP.hasOfficial, STARMER),
        (RUSSIA, DIP.hasGovernment, KREMLIN),
        (KREMLIN, RDF.type, DIP.Organization),
        (KREMLIN, RDF.type, DIP.Actor),
        (RUSSIA, RDF.type, DIP.Actor),
        (STARMER, RDF.type, DIP.Actor),
        (STARMER, RDF.type, PROV.Agent),
        (PLAN, RDF.type, DIP.Meeting),
        (PLAN, RDF.type, DIP.Topic),
    ],
)
def test_materialise_adds(triple):
    assert triple not in small_graph()
    assert triple in materialise(small_graph())


@pytest.mark.parametrize(
    "triple",
    [
        (STARMER, DIP.stanceTowards, PLAN),  # proposing is not a stance
        (RUSSIA, DIP.positiveStanceTowards, PLAN),
        (KREMLIN, RDF.type, OWL.Thing),
        (STARMER, RDF.type, RDF.Statement),
    ],
)
def test_materialise_does_not_add(triple):
    assert triple not in materialise(small_graph())


def test_materialise_copies_unless_inplace():
    graph = small_graph()
    size = len(graph)
    assert materialise(graph) is not graph
    assert len(graph) == size
    assert materialise(graph, inplace=True) is graph
    assert len(graph) > size


def test_materialise_is_idempotent():
    once = materialise(small_graph())
    assert set(materialise(once)) == set(once)


def test_in_a_dataset_inferred_triples_go_to_the_graph_of_their_source():
    data = Dataset()
    first, second = data.graph(EX["article/one"]), data.graph(EX["article/two"])
    first.add((KREMLIN, DIP.rejects, PLAN))
    second.add((STARMER, DIP.headOfStateOf, UK))
    out = materialise(data)
    assert (KREMLIN, DIP.stanceTowards, PLAN, EX["article/one"]) in set(out.quads())
    assert (UK, DIP.hasOfficial, STARMER, EX["article/two"]) in set(out.quads())
    assert not any(g == EX["article/two"] for *_, g in out.quads((KREMLIN, None, None, None)))
    assert len(out.default_graph) == 0


def test_inverse_of_a_literal_valued_triple_is_skipped():
    ontology = Graph()
    p, q = URIRef("urn:p"), URIRef("urn:q")
    ontology.add((p, OWL.inverseOf, q))
    rules = compute_closure(ontology)
    assert rules.properties[p] == ((q, True),)
    graph = Graph().add((KREMLIN, p, Literal("x"))).add((KREMLIN, p, PLAN))
    from kg.reason import inferred

    assert list(inferred(graph, rules)) == [(PLAN, q, KREMLIN)]


def test_closure_is_computed_once():
    assert closure() is closure()
    assert (DIP.stanceTowards, False) in closure().properties[DIP.rejects]
    assert (DIP.hasHeadOfState, True) in closure().properties[DIP.headOfStateOf]
    assert RDFS.Resource not in closure().classes[DIP.State]


def test_materialise_is_fast():
    graph = Graph()
    for i in range(20_000):
        graph.add((EX[f"actor/{i}"], DIP.rejects, EX[f"thing/{i}"]))
        graph.add((EX[f"actor/{i}"], RDF.type, DIP.InternationalOrganization))
    start = time.perf_counter()
    materialise(graph, inplace=True)
    assert time.perf_counter() - start < 10
    assert len(graph) == 40_000 + 20_000 * 2 + 20_000 * 5


def test_a_materialised_graph_still_conforms():
    from tests.test_validate import _parsed  # the hand-built article graph

    assert validate(materialise(_parsed())).conforms


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def kg() -> None:
    """A stand-in for the `kg` group."""


kg.add_command(reason_command)


def _write_sample(path) -> None:
    data = Dataset()
    data.graph(ARTICLE).add((KREMLIN, DIP.rejects, PLAN))
    data.graph(ARTICLE).add((KREMLIN, RDF.type, DIP.GovernmentBody))
    data.serialize(destination=path, format="trig")


def test_cli_reason_writes_the_materialised_graph_keeping_named_graphs(tmp_path):
    source, out = tmp_path / "graph.trig", tmp_path / "out.nq"
    _write_sample(source)
    result = CliRunner().invoke(kg, ["reason", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out} (8 inferred triples)\n"
    written = Dataset()
    written.parse(out, format="nquads")
    assert (KREMLIN, DIP.negativeStanceTowards, PLAN, ARTICLE) in set(written.quads())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "out.nq"]  # no temp file left


def test_cli_reason_to_turtle_merges_the_graphs(tmp_path):
    source, out = tmp_path / "graph.trig", tmp_path / "out.ttl"
    _write_sample(source)
    assert CliRunner().invoke(kg, ["reason", str(source), "-o", str(out)]).exit_code == 0
    assert (KREMLIN, RDF.type, DIP.Actor) in Graph().parse(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.trig", "-o", "out.ttl"], "Error: no such file: "),
        (["graph.trig", "-o", "out.unknown"], "Error: unknown RDF file extension '.unknown'"),
        (["graph.trig", "-o", "no/such/dir/out.ttl"], "Error: cannot write "),
    ],
)
def test_cli_reason_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    _write_sample(tmp_path / "graph.trig")
    result = CliRunner().invoke(kg, ["reason", *args])
    assert result.exit_code == 1
    assert result.output.startswith(message), result.output


def test_cli_reason_has_help_with_an_example():
    result = CliRunner().invoke(kg, ["reason", "-h"])
    assert result.exit_code == 0
    assert "Example: kg reason" in result.output
