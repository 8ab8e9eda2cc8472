"""The writer: claims and actors of one article -> triples of the output contract.

Every claim is asserted directly and as an ``rdf:Statement`` carrying its
provenance; negated claims become ``dip:NegatedClaim`` nodes only. All IRIs
are deterministic. See ``docs/graph-shape.md``.
"""
from __future__ import annotations

import enum
import functools
import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.corpus import Article
from kg.errors import OutputError
from kg.extract.mentions import slug
from kg.extract.records import Actor, Claim, Thing
from kg.vocab import DIP

DIPR = Namespace("https://w3id.org/dipkg/id/")
WD = Namespace("http://www.wikidata.org/entity/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
PREFIXES = {"dip": DIP._NS, "dipr": DIPR, "wd": WD, "nif": NIF, "prov": PROV, "skos": SKOS,
            "dcterms": DCTERMS, "owl": OWL, "schema": SCHEMA, "xsd": XSD}


class Format(enum.Enum):
    """Output formats, chosen from the file extension."""

    TURTLE = ("turtle", ".ttl", False)
    NTRIPLES = ("nt", ".nt", False)
    NQUADS = ("nquads", ".nq", True)
    TRIG = ("trig", ".trig", True)
    JSONLD = ("json-ld", ".jsonld", True)

    def __init__(self, rdflib_name: str, suffix: str, quads: bool):
        self.rdflib_name, self.suffix, self.quads = rdflib_name, suffix, quads

    @classmethod
    def from_extension(cls, path: str | Path) -> Format:
        """The format of an output path.

        Raises:
            OutputError: the extension is not one of .ttl .nt .nq .trig .jsonld.

        >>> Format.from_extension("out/graph.nq")
        <Format.NQUADS: ('nquads', '.nq', True)>
        """
        suffix = Path(path).suffix.lower()
        for fmt in cls:
            if fmt.suffix == suffix:
                return fmt
        raise OutputError(f"{path}: unknown output format {suffix!r}; "
                          f"use one of {', '.join(f.suffix for f in cls)}")


def _h(*parts: object, n: int = 16) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:n]


def article_iri(article: Article, base: Namespace = DIPR) -> URIRef:
    """IRI of an article (also the name of its graph)."""
    ident = article.id
    if not re.fullmatch(r"[A-Za-z0-9_.-]{1,120}", ident):
        ident = f"{slug(ident)[:60]}-{_h(ident, n=8)}"
    return base[f"article/{ident}"]


def actor_iri(actor: Actor, base: Namespace = DIPR) -> URIRef:
    if actor.cls == "Place":
        return base[f"place/{slug(actor.key)}"]
    return base[f"actor/{'--'.join(slug(part) for part in actor.key.split('--'))}"]  # "--": one article's


def thing_iri(article: Article, thing: Thing, base: Namespace = DIPR) -> URIRef:
    return base[f"thing/{slug(article.id)[:40]}-{_h(article.id, thing.start, thing.end, n=12)}"]


class Triples(set):
    """A plain set of triples with ``add``: what the writer fills when no rdflib ``Graph``
    (and its indexes) is needed, as in a build that only writes N-Triples."""

    def ntriples(self) -> str:
        """The triples as sorted N-Triples lines (byte-stable whatever the set's order)."""
        return "".join(sorted(_nt_line(t) for t in self))


@functools.lru_cache(maxsize=1 << 16)
def _nt_line(triple) -> str:
    """One N-Triples line; cached, as the triples about gazetteer actors recur in every
    article that names them."""
    from rdflib.plugins.serializers.nt import _nt_row

    return _nt_row(triple)


def article_graph(article: Article, claims: Iterable[Claim], actors: Iterable[Actor], *,
                  gazetteer=None, base: Namespace = DIPR, graph=None) -> Graph:
    """All triples about one article (its metadata, actors, things and statements),
    added to ``graph`` (a new rdflib ``Graph`` by default, or a :class:`Triples`)."""
    g = Graph() if graph is None else graph
    doc = article_iri(article, base)
    lang = article.lang or None
    g.add((doc, RDF.type, DIP.Article))
    g.add((doc, DCTERMS.identifier, Literal(article.id)))
    g.add((doc, DIP.contentHash, Literal(article.sha)))
    g.add((doc, DCTERMS.source, Literal(article.source)))
    if lang:
        g.add((doc, DCTERMS.language, Literal(lang)))
    if article.date:
        g.add((doc, DCTERMS.date, _date(article.date)))
    if article.url:
        g.add((doc, SCHEMA.url, URIRef(article.url) if _safe_iri(article.url) else Literal(article.url)))
    written: set[URIRef] = set()
    for actor in actors:
        _actor(g, actor, base, gazetteer, written)
    for claim in claims:
        _claim(g, article, doc, claim, base, gazetteer, written)
    return g


def _date(text: str) -> Literal:
    return Literal(text[:10], datatype=XSD.date) if len(text) >= 10 and text[4] == "-" else Literal(text)


def _safe_iri(text: str) -> bool:
    return text.startswith(("http://", "https://")) and not any(c in text for c in ' <>"{}|\\^`\n\t')


def _actor(g: Graph, actor: Actor, base: Namespace, gazetteer, written: set) -> URIRef:
    node = actor_iri(actor, base)
    if node in written:
        return node
    written.add(node)
    for triple in _actor_triples(actor, node, gazetteer):
        g.add(triple)
    if gazetteer is not None and actor.gazetteer:
        entry = gazetteer.get(actor.key)
        if entry.government_of:
            state = gazetteer.get(entry.government_of)
            other = Actor(state.id, state.cls, state.labels.get(actor.lang) or state.labels.get("en", state.id),
                          actor.lang, state.qid, True)
            g.add((node, DIP.governmentOf, _actor(g, other, base, gazetteer, written)))
    return node


@functools.lru_cache(maxsize=4096)
def _actor_triples(actor: Actor, node: URIRef, gazetteer) -> tuple:
    """Type, names, link and name keys of an actor; cached, as the same actors recur."""
    out = [(node, RDF.type, DIP[actor.cls] if actor.cls != "Place" else DIP.Place),
           (node, RDFS.label, Literal(actor.label, lang=actor.lang))]
    if actor.qid:
        out.append((node, OWL.sameAs, WD[actor.qid]))
    names = {actor.label}
    if gazetteer is not None and actor.gazetteer:
        entry = gazetteer.get(actor.key)
        for lang, label in entry.labels.items():
            out.append((node, RDFS.label, Literal(label, lang=lang)))
            names.add(label)
        for lang, aliases in list(entry.aliases.items()) + list(entry.metonyms.items()):
            for name in aliases:
                out.append((node, SKOS.altLabel, Literal(name, lang=lang)))
                names.add(name)
    for key in sorted({name.lower() for name in names}):  # SPARQL's LCASE: ?actor dip:nameKey LCASE(?name)
        out.append((node, DIP.nameKey, Literal(key)))
    return tuple(out)


def _thing(g: Graph, article: Article, thing: Thing, base: Namespace, gazetteer, written: set) -> URIRef:
    node = thing_iri(article, thing, base)
    if node in written:
        return node
    written.add(node)
    g.add((node, RDF.type, DIP[thing.kind]))
    g.add((node, RDFS.label, Literal(thing.label, lang=thing.lang)))
    g.add((node, NIF.beginIndex, Literal(thing.start, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.endIndex, Literal(thing.end, datatype=XSD.nonNegativeInteger)))
    if thing.size is not None:
        g.add((node, DIP.size, Literal(thing.size, datatype=XSD.integer)))
    if thing.force is not None:
        g.add((node, DIP.force, _thing(g, article, thing.force, base, gazetteer, written)))
    if thing.destination is not None:
        g.add((node, DIP.destination, _actor(g, thing.destination, base, gazetteer, written)))
    if thing.purpose:
        g.add((node, DIP.purpose, Literal(thing.purpose, lang=thing.lang)))
    if thing.condition:
        g.add((node, DIP.condition, Literal(thing.condition, lang=thing.lang)))
    if thing.proposer is not None:
        g.add((node, DIP.proposer, _actor(g, thing.proposer, base, gazetteer, written)))
    if thing.refers_to is not None:
        g.add((node, DIP.refersTo, _thing(g, article, thing.refers_to, base, gazetteer, written)))
    return node


def _claim(g: Graph, article: Article, doc: URIRef, claim: Claim, base: Namespace, gazetteer, written: set) -> None:
    s = _actor(g, claim.subject, base, gazetteer, written)
    o = (_actor(g, claim.object, base, gazetteer, written) if isinstance(claim.object, Actor)
         else _thing(g, article, claim.object, base, gazetteer, written))
    p = DIP[claim.relation]
    key = _h(article.id, s, p, o, claim.sent_start, claim.sent_end)
    if claim.negated:
        node = base[f"claim/{key}"]
        g.add((node, RDF.type, DIP.NegatedClaim))
    else:
        node = base[f"stmt/{key}"]
        g.add((s, p, o))
        g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, PROV.wasDerivedFrom, doc))
    g.add((node, DIP.evidence, Literal(claim.evidence, lang=article.lang or None)))
    g.add((node, NIF.beginIndex, Literal(claim.sent_start, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.endIndex, Literal(claim.sent_end, datatype=XSD.nonNegativeInteger)))
    g.add((node, DIP.confidence, Literal(Decimal(str(claim.confidence)), datatype=XSD.decimal)))
    g.add((node, DIP.modality, DIP[claim.modality]))
    g.add((node, DIP.trigger, Literal(claim.trigger)))
    g.add((node, DIP.rule, Literal(claim.rule)))
    g.add((node, DIP.lexiconEntry, Literal(claim.entry)))
    if claim.speaker is not None:
        g.add((node, DIP.speaker, _actor(g, claim.speaker, base, gazetteer, written)))
    if claim.time_text:
        g.add((node, DIP.timeText, Literal(claim.time_text, lang=article.lang or None)))
    if claim.date:
        g.add((node, DIP.date, _date(claim.date)))
    if claim.place is not None:
        g.add((node, DIP.place, _actor(g, claim.place, base, gazetteer, written)))


def bind_prefixes(graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
