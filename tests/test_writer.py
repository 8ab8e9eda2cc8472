"""The graph the writer produces for the seed article: statements, provenance, offsets, IRIs, scores."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from tests.helpers import valid_iri
from kg.build import Builder, build_files
from kg.corpus import Article, read_article
from kg.evaluate import evaluate
from kg.vocab import DIP

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "seed-gold.jsonl"
SEED_ID = "000_e8b4b98b5a399a37"
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
DIPR = "https://w3id.org/dipkg/id/"


@pytest.mark.parametrize(("iri", "ok"), [
    ("https://w3id.org/dipkg/id/actor/russia", True),
    ("https://w3id.org/dipkg/id/article/a b", False),
    ('https://w3id.org/dipkg/id/article/a"b', False),
    ("https://w3id.org/dipkg/id/article/a>b", False),
    ("https://w3id.org/dipkg/id/article/a\nb", False),
    ("article/relative", False),
])
def test_valid_iri_helper(iri, ok):
    assert valid_iri(iri) is ok


@pytest.fixture(scope="module")
def seed_text() -> str:
    return read_article(ROOT / "seeds" / f"{SEED_ID}.txt").text


@pytest.fixture(scope="module")
def seed(seed_nq) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(seed_nq, format="nquads")
    return ds


@pytest.fixture(scope="module")
def seed_graph(seed_ttl) -> Graph:
    return Graph().parse(seed_ttl, format="turtle")


def statements(g) -> list:
    return sorted(set(g.subjects(RDF.type, RDF.Statement)))


def test_seed_has_statements(seed, seed_graph):
    assert len(statements(seed)) >= 10
    assert statements(seed) == statements(seed_graph)  # Turtle and N-Quads hold the same statements


def test_every_statement_has_its_provenance(seed, seed_text):
    article = seed.value(predicate=DCTERMS.identifier, object=Literal(SEED_ID))
    assert article is not None and (article, RDF.type, DIP.Article) in seed
    for stmt in statements(seed):
        for prop in (RDF.subject, RDF.predicate, RDF.object):
            assert len(set(seed.objects(stmt, prop))) == 1, f"{stmt} has not one {prop}"
        assert set(seed.objects(stmt, PROV.wasDerivedFrom)) == {article}
        [evidence] = seed.objects(stmt, DIP.evidence)
        [begin] = seed.objects(stmt, NIF.beginIndex)
        [end] = seed.objects(stmt, NIF.endIndex)
        assert begin.datatype == end.datatype == XSD.nonNegativeInteger
        assert 0 <= int(begin) < int(end) <= len(seed_text)
        assert seed_text[int(begin):int(end)] == str(evidence), stmt
        assert evidence.language == "fr"
        [confidence] = seed.objects(stmt, DIP.confidence)
        assert confidence.datatype == XSD.decimal
        assert Decimal(0) <= confidence.toPython() <= Decimal(1)
        for prop in (DIP.rule, DIP.lexiconEntry, DIP.trigger, DIP.modality):
            assert seed.value(stmt, prop) is not None, f"{stmt} has no {prop}"


def test_every_statement_is_also_asserted_directly(seed_nq):
    ds = Dataset()
    ds.parse(seed_nq, format="nquads")
    checked = 0
    for graph in ds.graphs():
        for stmt in statements(graph):
            triple = (graph.value(stmt, RDF.subject), graph.value(stmt, RDF.predicate), graph.value(stmt, RDF.object))
            assert triple in graph, f"{stmt} is not asserted in its article graph"
            checked += 1
    assert checked == len(statements(_union(seed_nq))) > 0


def _union(path) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(path, format="nquads")
    return ds


def _negated_not_asserted(g) -> int:
    claims = set(g.subjects(RDF.type, DIP.NegatedClaim))
    asserted = {(g.value(s, RDF.subject), g.value(s, RDF.predicate), g.value(s, RDF.object)) for s in statements(g)}
    for claim in claims:
        assert (claim, RDF.type, RDF.Statement) not in g
        triple = (g.value(claim, RDF.subject), g.value(claim, RDF.predicate), g.value(claim, RDF.object))
        assert None not in triple
        assert triple in asserted or triple not in g, f"negated {triple} is asserted directly"
        assert g.value(claim, DIP.evidence) is not None and g.value(claim, PROV.wasDerivedFrom) is not None
    return len(claims)


def test_no_negated_claim_is_asserted_in_the_seed(seed):
    _negated_not_asserted(seed)


@pytest.mark.parametrize("text", [
    "La Russie n'a pas rejeté la proposition américaine.",
    "Moscou n'a jamais rejeté la proposition américaine.",
], ids=["n'a pas", "n'a jamais"])
def test_negated_claim_is_not_asserted(text):
    [(_, graph, _)] = Builder().graphs([Article(id="neg", text=text, source="test", lang="fr")])
    assert _negated_not_asserted(graph) == 1
    assert not any(graph.triples((None, DIP.rejects, None)))
    # the rejection did not happen; the American proposal did, and stays asserted
    assert {str(graph.value(s, RDF.predicate)) for s in statements(graph)} == {str(DIP.proposes)}


@pytest.mark.parametrize("text", [
    "Le Kremlin a refusé le plan.\n\nMoscou a rejeté la proposition américaine.",
    "Le Kremlin a refusé le plan.\n\n\nMoscou a rejeté la proposition américaine.\n",
    "  \n Moscou a rejeté la proposition américaine.",
], ids=["paragraph break", "extra blank line", "leading whitespace"])
def test_evidence_is_the_sentence_without_surrounding_whitespace(text):
    article = Article(id="para", text=text, source="test", lang="fr")
    [(_, graph, _)] = Builder().graphs([article])
    stmts = statements(graph)
    assert stmts
    for stmt in stmts:
        evidence = str(graph.value(stmt, DIP.evidence))
        assert evidence == evidence.strip(), repr(evidence)
        assert text[int(graph.value(stmt, NIF.beginIndex)):int(graph.value(stmt, NIF.endIndex))] == evidence


def test_building_twice_gives_identical_nquads(seed_nq, tmp_path):
    again = tmp_path / "again.nq"
    build_files([ROOT / "seeds"], again)
    assert sorted(again.read_text(encoding="utf-8").splitlines()) == sorted(
        seed_nq.read_text(encoding="utf-8").splitlines())
    assert "_:" not in seed_nq.read_text(encoding="utf-8")  # no blank nodes: every node is named


def test_every_iri_is_valid(seed_nq):
    ds = Dataset()
    ds.parse(seed_nq, format="nquads")
    iris = {str(ctx.identifier) for ctx in ds.graphs()}
    for s, p, o, _ in ds.quads((None, None, None, None)):
        iris.update(str(t) for t in (s, p, o) if isinstance(t, URIRef))
    bad = sorted(i for i in iris if not valid_iri(i))
    assert not bad
    assert any(i.startswith(DIPR + "stmt/") for i in iris)


def test_minted_iris_follow_the_documented_patterns(seed):
    minted = {str(t) for triple in seed for t in triple if isinstance(t, URIRef) and str(t).startswith(DIPR)}
    patterns = [rf"article/{SEED_ID}", r"actor/[a-z0-9_-]+", r"place/[a-z0-9_-]+",
                r"thing/[a-z0-9_-]+-[0-9a-f]{12}", r"stmt/[0-9a-f]{16}", r"claim/[0-9a-f]{16}"]
    strange = sorted(i for i in minted if not any(re.fullmatch(DIPR + p, i) for p in patterns))
    assert not strange


def test_one_named_graph_per_article(seed_nq):
    ds = Dataset()
    ds.parse(seed_nq, format="nquads")
    names = {ctx.identifier for ctx in ds.graphs() if len(ctx)}
    articles = set(_union(seed_nq).subjects(RDF.type, DIP.Article))
    assert names == articles == {URIRef(f"{DIPR}article/{SEED_ID}")}
    for line in seed_nq.read_text(encoding="utf-8").splitlines():
        assert line.startswith("#") or line.endswith(f" <{DIPR}article/{SEED_ID}> ."), line


def test_thing_labels_are_short(seed):
    things = {s for s in seed.subjects(RDFS.label, None) if str(s).startswith(DIPR + "thing/")}
    assert things
    for thing in things:
        for label in seed.objects(thing, RDFS.label):
            assert 0 < len(label) <= 150, label


def test_article_metadata(seed):
    article = URIRef(f"{DIPR}article/{SEED_ID}")
    assert seed.value(article, DCTERMS.language) == Literal("fr")
    assert re.fullmatch(r"[0-9a-f]{64}", str(seed.value(article, DIP.contentHash)))
    assert str(seed.value(article, DCTERMS.source)).endswith(f"{SEED_ID}.txt")


@pytest.fixture(scope="module")
def reference_scores(seed_ttl) -> dict:
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(GOLD), str(seed_ttl), "--json"],
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout)


def test_typed_f1_on_the_seed(seed_ttl, reference_scores):
    typed, untyped = evaluate(GOLD, [seed_ttl])
    assert typed.f1 >= 0.9, typed.misses
    assert (typed.tp, typed.fp, typed.gold) == (reference_scores["typed"]["tp"], reference_scores["typed"]["fp"],
                                                reference_scores["typed"]["gold"])
    assert (untyped.tp, untyped.fp) == (reference_scores["untyped"]["tp"], reference_scores["untyped"]["fp"])
    assert reference_scores["typed"]["f1"] >= 0.9


def test_scorer_reads_nquads_like_turtle(seed_nq, seed_ttl):
    assert evaluate(GOLD, [seed_nq])[0].tp == evaluate(GOLD, [seed_ttl])[0].tp
