"""SHACL validation: a graph shaped as docs/graph-shape.md conforms; broken ones do not."""
from __future__ import annotations

from collections.abc import Callable

import click
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.commands.ontology import validate as validate_command
from kg.errors import InputError, ValidationError
from kg.validate import ValidationReport, validate
from kg.vocab import DIP

ID = Namespace("https://w3id.org/dipkg/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ARTICLE = ID["article/000_e8b4b98b5a399a37"]
STMT = ID["stmt/0f1e2d3c4b5a6978"]
ROLE = ID["stmt/1a2b3c4d5e6f7a8b"]

# One article graph, as `kg build` writes it for the seed article (docs/graph-shape.md).
SAMPLE = """
@prefix dip: <https://w3id.org/dipkg/onto#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@base <https://w3id.org/dipkg/id/> .

<article/000_e8b4b98b5a399a37> {
  <article/000_e8b4b98b5a399a37> a dip:Article ;
    dcterms:identifier "000_e8b4b98b5a399a37" ; dcterms:language "fr" ;
    dcterms:date "2025-02-20"^^xsd:date ; schema:url <https://example.org/news/1> ;
    dip:contentHash "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    dcterms:source "seeds/000_e8b4b98b5a399a37.txt" .

  <actor/kremlin> a dip:GovernmentBody ; rdfs:label "Kremlin"@fr ; dip:governmentOf <actor/russia> .
  <actor/russia> a dip:State ; rdfs:label "Russie"@fr, "Russia"@en ; skos:altLabel "Moscou"@fr ;
    owl:sameAs wd:Q159 .
  <actor/keir-starmer> a dip:Person ; rdfs:label "Keir Starmer"@fr ; skos:altLabel "Starmer"@fr .
  <actor/united-kingdom> a dip:State ; rdfs:label "Royaume-Uni"@fr .
  <actor/ukraine> a dip:State ; rdfs:label "Ukraine"@fr .

  <thing/000_e8b4b98b5a399a37-a1b2c3d4e5f6> a dip:Plan ;
    rdfs:label "plan visant à envoyer des troupes européennes en Ukraine"@fr ;
    dip:force <thing/000_e8b4b98b5a399a37-0a1b2c3d4e5f> ; dip:destination <actor/ukraine> ;
    dip:purpose "maintien de la paix"@fr ; dip:condition "en cas d'accord de cessez-le-feu"@fr ;
    dip:proposer <actor/keir-starmer> .
  <thing/000_e8b4b98b5a399a37-0a1b2c3d4e5f> a dip:Force ;
    rdfs:label "30000 troupes européennes"@fr ; dip:size 30000 .

  <actor/kremlin> dip:rejects <thing/000_e8b4b98b5a399a37-a1b2c3d4e5f6> .
  <stmt/0f1e2d3c4b5a6978> a rdf:Statement ;
    rdf:subject <actor/kremlin> ; rdf:predicate dip:rejects ;
    rdf:object <thing/000_e8b4b98b5a399a37-a1b2c3d4e5f6> ;
    prov:wasDerivedFrom <article/000_e8b4b98b5a399a37> ;
    dip:evidence "Le Kremlin a déclaré jeudi que tout plan visant à envoyer des troupes européennes en Ukraine serait inacceptable pour la Russie."@fr ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "250"^^xsd:nonNegativeInteger ;
    dip:confidence 0.8 ; dip:modality dip:Hypothetical ;
    dip:trigger "inacceptable" ; dip:rule "fr.attribution.que-clause" ;
    dip:lexiconEntry "fr:inacceptable" ; dip:speaker <actor/kremlin> ;
    dip:timeText "jeudi" ; dip:date "2025-02-20"^^xsd:date .

  <actor/keir-starmer> dip:headOfGovernmentOf <actor/united-kingdom> .
  <stmt/1a2b3c4d5e6f7a8b> a rdf:Statement ;
    rdf:subject <actor/keir-starmer> ; rdf:predicate dip:headOfGovernmentOf ;
    rdf:object <actor/united-kingdom> ;
    prov:wasDerivedFrom <article/000_e8b4b98b5a399a37> ;
    dip:evidence "Le Premier ministre britannique Keir Starmer a déclaré qu'il était prêt."@fr ;
    nif:beginIndex 251 ; nif:endIndex 498 ; dip:confidence 0.9 ; dip:modality dip:Asserted .

  <claim/2b3c4d5e6f7a8b9c> a dip:NegatedClaim ;
    rdf:subject <actor/russia> ; rdf:predicate dip:agreesTo ;
    rdf:object <thing/000_e8b4b98b5a399a37-a1b2c3d4e5f6> ;
    prov:wasDerivedFrom <article/000_e8b4b98b5a399a37> ;
    dip:evidence "La Russie n'a pas accepté le plan."@fr ;
    nif:beginIndex 499 ; nif:endIndex 540 ; dip:confidence 0.7 .
}
"""


def _parsed() -> Dataset:
    """The sample article graph, freshly parsed."""
    data = Dataset()
    data.parse(data=SAMPLE, format="trig")
    return data


def graph_of(data: Dataset) -> Graph:
    """The article's named graph."""
    return data.graph(ARTICLE)


MODES = pytest.mark.parametrize("inference", ["ontology", "rdfs"])


@MODES
def test_the_sample_graph_conforms(inference):
    assert validate(_parsed(), inference=inference) == ValidationReport(conforms=True, violations=[])


def test_the_sample_merged_into_one_graph_conforms():
    merged = Graph()
    for s, p, o, _ in _parsed().quads():
        merged.add((s, p, o))
    assert validate(merged).conforms


@MODES
def test_a_statement_without_evidence_does_not_conform(inference):
    data = _parsed()
    graph_of(data).remove((STMT, DIP.evidence, None))
    report = validate(data, inference=inference)
    assert not report.conforms
    assert report.violations == [f"Statement <{STMT}> has no dip:evidence"]


@MODES
def test_a_confidence_above_one_does_not_conform(inference):
    data = _parsed()
    graph_of(data).set((STMT, DIP.confidence, Literal("1.5", datatype=XSD.decimal)))
    report = validate(data, inference=inference)
    assert not report.conforms
    assert report.violations == [f"Statement <{STMT}> has dip:confidence 1.5, above the maximum 1"]


def _set(s, p, o) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def _remove(s, p, o=None) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, o))


def _add(s, p, o) -> Callable[[Graph], None]:
    return lambda g: g.add((s, p, o))


KREMLIN, RUSSIA, STARMER = ID["actor/kremlin"], ID["actor/russia"], ID["actor/keir-starmer"]
PLAN = ID["thing/000_e8b4b98b5a399a37-a1b2c3d4e5f6"]


BROKEN = [
    (_set(STMT, DIP.confidence, Literal(0.8)), "has dip:confidence 0.8, which is not of type xsd:decimal"),
    (_set(STMT, DIP.confidence, Literal("-0.1", datatype=XSD.decimal)), "below the minimum 0"),
    (_remove(STMT, DIP.confidence), "has no dip:confidence"),
    (_add(STMT, DIP.confidence, Literal("0.5", datatype=XSD.decimal)), "has more than one dip:confidence"),
    (_remove(STMT, PROV.wasDerivedFrom), "has no prov:wasDerivedFrom"),
    (_set(STMT, PROV.wasDerivedFrom, KREMLIN), "which is not a dip:Article"),
    (_remove(STMT, NIF.beginIndex), "has no nif:beginIndex"),
    (_set(STMT, NIF.beginIndex, Literal(-3)), "has nif:beginIndex -3, below the minimum 0"),
    (_set(STMT, NIF.beginIndex, Literal(300)), "greater than its nif:endIndex"),
    (_set(STMT, NIF.endIndex, Literal("end")), "has a nif:endIndex that is not an integer"),
    (_remove(STMT, RDF.subject), "has no rdf:subject"),
    (_add(STMT, RDF.object, RUSSIA), "has more than one rdf:object"),
    (_set(STMT, DIP.modality, DIP.Actor), "which is not one of the allowed values"),
    (_set(STMT, DIP.evidence, Literal(42)), "has a dip:evidence that is not a string"),
    (_set(STMT, DIP.date, Literal("jeudi")), "which is not of type xsd:date"),
    (_remove(KREMLIN, DIP.rejects), "is not asserted"),
    (_remove(RUSSIA, RDFS.label), f"Actor <{RUSSIA}> has no rdfs:label"),
    (_set(RUSSIA, RDF.type, DIP.Actor), "has no rdf:type more specific than dip:Actor"),
    (_remove(KREMLIN, RDF.type), f"Subject of an event relation <{KREMLIN}> is not a dip:Actor"),
    (_set(STARMER, RDF.type, DIP.State), f"Subject of a role relation <{STARMER}> is not a dip:Person"),
    (_add(STARMER, DIP.spokespersonFor, PLAN), "Object of a role relation"),
    (_add(KREMLIN, DIP.governmentOf, PLAN), "is not a dip:State"),
    (_add(RUSSIA, DIP.memberOf, PLAN), "is not a dip:Organization or dip:Group"),
    (_remove(ARTICLE, DCTERMS.identifier), "has no dcterms:identifier"),
    (_set(ARTICLE, DIP.contentHash, Literal("abc")), "which does not match"),
    (_set(PLAN, RDFS.label, Literal("x" * 151)), "longer than 150 characters"),
    (_set(PLAN, DIP.force, KREMLIN), "which is not a dip:Force"),
]


@pytest.mark.parametrize(("change", "expected"), BROKEN, ids=[e for _, e in BROKEN])
def test_broken_graphs_do_not_conform(change, expected):
    data = _parsed()
    change(graph_of(data))
    report = validate(data)
    assert not report.conforms
    assert any(expected in v for v in report.violations), report.violations


def test_both_inferences_report_the_same_violations():
    data = _parsed()
    for change in BROKEN[:: 3]:
        change[0](graph_of(data))
    fast, rdfs = validate(data), validate(data, inference="rdfs")
    assert not fast.conforms
    assert fast == rdfs


def test_an_unknown_inference_is_an_error():
    with pytest.raises(ValidationError, match="unknown inference 'owl'"):
        validate(Graph(), inference="owl")


def test_validate_does_not_change_its_input():
    data = _parsed()
    before = set(data.quads())
    validate(data)
    assert set(data.quads()) == before


def test_a_negated_claim_needs_no_asserted_triple_but_its_provenance():
    data = _parsed()
    claim = ID["claim/2b3c4d5e6f7a8b9c"]
    assert validate(data).conforms
    graph_of(data).remove((claim, DIP.evidence, None))
    assert validate(data).violations == [f"Statement <{claim}> has no dip:evidence"]


def test_validate_reads_files(tmp_path):
    path = tmp_path / "graph.trig"
    _parsed().serialize(destination=path, format="trig")
    assert validate(path).conforms
    assert validate(str(path)).conforms


@pytest.mark.parametrize(
    ("name", "text", "match"),
    [
        ("missing.ttl", None, "no such file"),
        ("bad.ttl", "this is not turtle", "cannot read"),
        ("graph.unknown", "", "unknown RDF file extension"),
    ],
)
def test_unreadable_input_is_an_input_error(tmp_path, name, text, match):
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    with pytest.raises(InputError, match=match):
        validate(path)


def test_validate_refuses_what_is_not_a_graph():
    with pytest.raises(InputError, match="cannot validate a int"):
        validate(42)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def kg() -> None:
    """A stand-in for the `kg` group."""


kg.add_command(validate_command)


def test_cli_validate_conforms(tmp_path):
    path = tmp_path / "graph.trig"
    _parsed().serialize(destination=path, format="trig")
    result = CliRunner().invoke(kg, ["validate", str(path)])
    assert (result.exit_code, result.output) == (0, "conforms\n")


def test_cli_validate_prints_violations_and_exits_1(tmp_path):
    data = _parsed()
    graph_of(data).remove((STMT, DIP.evidence, None))
    path = tmp_path / "graph.nq"
    data.serialize(destination=path, format="nquads")
    result = CliRunner().invoke(kg, ["validate", str(path)])
    assert (result.exit_code, result.output) == (1, f"Statement <{STMT}> has no dip:evidence\n")


def test_cli_validate_reports_unreadable_files(tmp_path):
    result = CliRunner().invoke(kg, ["validate", str(tmp_path / "missing.ttl")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no such file:")


def test_cli_validate_has_help_with_an_example():
    result = CliRunner().invoke(kg, ["validate", "-h"])
    assert result.exit_code == 0
    assert "Example: kg validate" in result.output


@pytest.mark.slow
def test_the_graph_kg_build_writes_for_the_seed_conforms(seed_nq):
    assert validate(seed_nq) == ValidationReport(conforms=True, violations=[])
