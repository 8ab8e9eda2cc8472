"""The diplomacy ontology: it parses, matches kg/vocab.py, is documented and consistent."""
from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.ontology import (
    DIP_NS,
    ONTOLOGY_FILE,
    SHAPES_FILE,
    SOURCE_DIR,
    defined_terms,
    load_ontology,
    ontology_path,
    shapes_path,
)
from kg.vocab import DIP

ROOT = Path(__file__).resolve().parent.parent
PROV = "http://www.w3.org/ns/prov#"
ONTO = URIRef("https://w3id.org/dipkg/onto")
TERMS = defined_terms(SOURCE_DIR / ONTOLOGY_FILE)
GRAPH = load_ontology(SOURCE_DIR / ONTOLOGY_FILE)
PROPERTIES = [t for t in TERMS if t.kind.endswith("property")]

# Terms the rest of the code base uses: they must never disappear from kg/vocab.py.
USED_TERMS = """
Actor Person State Organization InternationalOrganization GovernmentBody ArmedForce Group
Place Article NegatedClaim Modality Topic Plan Proposal Deployment Force Agreement Ceasefire
Resolution Sanction Summit Meeting Mission Promise Presence Idea Aid Attack
Asserted Hypothetical Conditional Intended
proposes offers supports agreesTo meetsWith requests rejects opposes warns threatens accuses
sanctions deploys attacks aids stanceTowards negativeStanceTowards positiveStanceTowards
officialOf headOfStateOf headOfGovernmentOf foreignMinisterOf spokespersonFor memberOf
governmentOf hasOfficial hasHeadOfState hasHeadOfGovernment hasForeignMinister hasSpokesperson
hasMember hasGovernment evidence confidence modality trigger rule lexiconEntry speaker timeText
date place force size destination purpose condition proposer refersTo contentHash
""".split()
EVENT_RELATIONS = """proposes offers supports agreesTo meetsWith requests rejects opposes warns
threatens accuses sanctions deploys attacks aids""".split()
PLOVER_TYPES = """AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT INVESTIGATE DEMAND
DISAPPROVE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT FIGHT""".split()


def _script(name: str):
    """Import a script of scripts/ as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts(iri: URIRef, predicate: URIRef, lang: str) -> list[str]:
    return [str(v) for v in GRAPH.objects(iri, predicate) if isinstance(v, Literal) and v.language == lang]


def test_ontology_and_shapes_parse():
    assert (ONTO, RDF.type, OWL.Ontology) in GRAPH
    assert GRAPH.value(ONTO, OWL.versionInfo) == Literal("0.1.0")
    shapes = load_ontology(SOURCE_DIR / SHAPES_FILE)
    assert len(shapes) > 100


def test_packaged_copies_are_identical_to_the_sources():
    for name in (ONTOLOGY_FILE, SHAPES_FILE):
        packaged = ROOT / "kg" / "data" / "ontology" / name
        assert packaged.read_bytes() == (SOURCE_DIR / name).read_bytes(), f"run scripts/gen_vocab.py ({name})"


def test_the_packaged_copy_is_the_one_used():
    assert ontology_path() == ROOT / "kg" / "data" / "ontology" / ONTOLOGY_FILE
    assert shapes_path() == ROOT / "kg" / "data" / "ontology" / SHAPES_FILE


def test_vocab_is_generated_from_the_ontology():
    gen_vocab = _script("gen_vocab")
    assert (ROOT / "kg" / "vocab.py").read_text(encoding="utf-8") == gen_vocab.render_vocab()
    assert gen_vocab.stale() == []


def test_vocab_and_ontology_define_the_same_terms():
    assert set(DIP.__annotations__) == {t.name for t in TERMS}


@pytest.mark.parametrize("name", USED_TERMS)
def test_vocab_keeps_the_terms_the_code_uses(name):
    assert getattr(DIP, name) == DIP_NS[name]


def test_a_misspelt_term_is_an_error():
    with pytest.raises(AttributeError):
        DIP.reject  # noqa: B018


@pytest.mark.parametrize("path", [SOURCE_DIR / ONTOLOGY_FILE, SOURCE_DIR / SHAPES_FILE], ids=lambda p: p.name)
def test_every_dip_term_used_is_defined(path):
    used = set(re.findall(r"\bdip:(\w+)", path.read_text(encoding="utf-8")))
    graph = load_ontology(path)
    used |= {str(n)[len(DIP_NS):] for n in graph.all_nodes() if isinstance(n, URIRef) and n.startswith(DIP_NS)}
    assert used - {t.name for t in TERMS} == set()


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.name)
def test_every_term_has_english_and_french_labels_and_a_definition(term):
    assert len(_texts(term.iri, RDFS.label, "en")) == 1
    assert len(_texts(term.iri, RDFS.label, "fr")) == 1
    assert _texts(term.iri, SKOS.definition, "en")


@pytest.mark.parametrize("term", PROPERTIES, ids=lambda t: t.name)
def test_every_property_is_an_owl_property(term):
    assert term.kind in {"object property", "datatype property", "annotation property"}


def test_the_event_relations_are_the_fifteen_core_relations():
    assert [t.name for t in TERMS if t.group == "event relations"] == EVENT_RELATIONS


@pytest.mark.parametrize("name", EVENT_RELATIONS)
def test_event_relations_have_an_actor_domain_and_plover_and_cameo_alignments(name):
    iri = DIP[name]
    assert GRAPH.value(iri, RDFS.domain) == DIP.Actor
    assert GRAPH.value(iri, RDFS.range) is None  # objects may be actors or topics
    plover = {str(v) for v in GRAPH.objects(iri, DIP.ploverType)}
    cameo = {str(v) for v in GRAPH.objects(iri, DIP.cameoCode)}
    assert plover and plover <= set(PLOVER_TYPES)
    assert cameo and cameo <= {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize(
    ("sub", "sup"),
    [(name, "negativeStanceTowards") for name in "rejects opposes warns threatens accuses sanctions attacks".split()]
    + [(name, "positiveStanceTowards") for name in "supports agreesTo aids offers".split()]
    + [("negativeStanceTowards", "stanceTowards"), ("positiveStanceTowards", "stanceTowards")]
    + [(name, "officialOf") for name in "headOfStateOf headOfGovernmentOf foreignMinisterOf spokespersonFor".split()]
    + [(name, "hasOfficial") for name in "hasHeadOfState hasHeadOfGovernment hasForeignMinister hasSpokesperson".split()],
)
def test_sub_properties(sub, sup):
    assert (DIP[sub], RDFS.subPropertyOf, DIP[sup]) in GRAPH


@pytest.mark.parametrize(
    ("prop", "inverse"),
    [
        ("officialOf", "hasOfficial"),
        ("headOfStateOf", "hasHeadOfState"),
        ("headOfGovernmentOf", "hasHeadOfGovernment"),
        ("foreignMinisterOf", "hasForeignMinister"),
        ("spokespersonFor", "hasSpokesperson"),
        ("memberOf", "hasMember"),
        ("governmentOf", "hasGovernment"),
    ],
)
def test_inverses(prop, inverse):
    assert (DIP[prop], OWL.inverseOf, DIP[inverse]) in GRAPH


def test_role_relations_go_from_a_person_and_government_from_a_government_body():
    for name in "officialOf headOfStateOf headOfGovernmentOf foreignMinisterOf spokespersonFor".split():
        assert GRAPH.value(DIP[name], RDFS.domain) == DIP.Person
    assert GRAPH.value(DIP.governmentOf, RDFS.domain) == DIP.GovernmentBody
    assert GRAPH.value(DIP.governmentOf, RDFS.range) == DIP.State


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (DIP.Person, DIP.Actor),
        (DIP.State, DIP.Actor),
        (DIP.Organization, DIP.Actor),
        (DIP.Group, DIP.Actor),
        (DIP.InternationalOrganization, DIP.Organization),
        (DIP.GovernmentBody, DIP.Organization),
        (DIP.ArmedForce, DIP.Organization),
        (DIP.Article, URIRef(PROV + "Entity")),
        (DIP.Actor, URIRef(PROV + "Agent")),
        (DIP.Summit, DIP.Meeting),
    ]
    + [(DIP[name], DIP.Topic) for name in "Plan Proposal Deployment Force Agreement Ceasefire Resolution "
       "Sanction Meeting Mission Promise Presence Idea Aid Attack".split()],
)
def test_class_hierarchy(sub, sup):
    assert (sub, RDFS.subClassOf, sup) in GRAPH


@pytest.mark.parametrize("name", ["Asserted", "Hypothetical", "Conditional", "Intended"])
def test_modalities_are_individuals_of_modality(name):
    assert (DIP[name], RDF.type, DIP.Modality) in GRAPH


def test_reference_is_up_to_date():
    text = _script("gen_ontology_docs").render_reference()
    assert (ROOT / "ontology" / "REFERENCE.md").read_text(encoding="utf-8") == text, "run scripts/gen_ontology_docs.py"


def test_reference_documents_every_term():
    text = (ROOT / "ontology" / "REFERENCE.md").read_text(encoding="utf-8")
    assert all(f"`dip:{t.name}`" in text for t in TERMS)


needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java, and `java` is not installed")


@needs_java
def test_hermit_finds_the_ontology_consistent():
    from kg.reason import check_consistency

    assert check_consistency() is True


@needs_java
def test_hermit_finds_an_actor_that_is_both_a_person_and_a_state_inconsistent():
    from kg.reason import check_consistency

    graph = Graph() + GRAPH
    someone = URIRef("urn:example:someone")
    graph.add((someone, RDF.type, OWL.NamedIndividual))
    graph.add((someone, RDF.type, DIP.Person))
    graph.add((someone, RDF.type, DIP.State))
    assert check_consistency(graph) is False
