"""Query results: one small value object and the formats it is printed in.

Every store returns a :class:`QueryResult` whose terms are pyoxigraph terms,
whichever store answered. Formats: an aligned ``table`` for people (terms
shortened with the ``dip:``, ``dipr:``, ``wd:`` … prefixes, literals without
quotes or datatypes), ``csv`` and ``tsv`` (SPARQL 1.1 CSV/TSV), ``json``
(SPARQL 1.1 Query Results JSON; JSON-LD for a graph), and ``ttl`` / ``nt``
for the graph of a CONSTRUCT or DESCRIBE query.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from enum import Enum

import pyoxigraph as ox

from kg.errors import QueryError

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

#: prefixes used to shorten IRIs in tables and Turtle output
PREFIXES = {
    "dip": "https://w3id.org/dipkg/onto#",
    "dipr": "https://w3id.org/dipkg/id/",
    "wd": "http://www.wikidata.org/entity/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
}
_GRAPH_COLUMNS = ("subject", "predicate", "object")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to one query: solutions, a boolean, or triples.

    >>> store = ox.Store()
    >>> result = QueryResult.from_pyoxigraph(store.query("SELECT ?x WHERE { VALUES ?x { 1 } }"))
    >>> result.kind, result.variables, result.values()
    ('select', ('x',), [{'x': '1'}])
    """

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] | None = None

    @classmethod
    def from_pyoxigraph(cls, answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
        """Read a pyoxigraph answer completely into a result."""
        if isinstance(answer, ox.QueryBoolean):
            return cls(boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return cls(variables=_GRAPH_COLUMNS, triples=tuple(answer))
        names = tuple(var.value for var in answer.variables)
        return cls(variables=names, rows=tuple(tuple(sol[name] for name in names) for sol in answer))

    @property
    def kind(self) -> str:
        """``select``, ``ask`` or ``graph`` (CONSTRUCT and DESCRIBE)."""
        if self.boolean is not None:
            return "ask"
        return "graph" if self.triples is not None else "select"

    def table_rows(self) -> list[tuple[Term | None, ...]]:
        """Solutions as rows; a graph as (subject, predicate, object) rows."""
        if self.triples is not None:
            return [(t.subject, t.predicate, t.object) for t in self.triples]
        return list(self.rows)

    def values(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain values (IRI, lexical form), handy in tests."""
        return [
            {name: (None if term is None else _plain(term)) for name, term in zip(self.variables, row)}
            for row in self.table_rows()
        ]

    def __len__(self) -> int:
        return len(self.table_rows()) if self.boolean is None else 1


class ResultFormat(str, Enum):
    """Output formats of ``kg query``."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    TTL = "ttl"
    NT = "nt"


def compact(term: Term | None) -> str:
    """A short display form: ``dip:rejects``, ``Kremlin``, ``30000``.

    >>> compact(ox.NamedNode("https://w3id.org/dipkg/id/actor/russia")), compact(ox.Literal("Russie", language="fr"))
    ('dipr:actor/russia', 'Russie')
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri) and len(term.value) > len(iri):
                return f"{prefix}:{term.value[len(iri):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _plain(term: Term) -> str:
    """The CSV form of a term: IRI or lexical value, ``_:id`` for blank nodes."""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def to_table(result: QueryResult, *, max_width: int = 80) -> str:
    """Aligned text columns, long cells cut at ``max_width`` characters."""
    if result.boolean is not None:
        return f"{str(result.boolean).lower()}\n"
    header = list(result.variables)
    body = [[_cell(compact(term), max_width) for term in row] for row in result.table_rows()]
    widths = [max([len(h)] + [len(row[i]) for row in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in body]
    return "\n".join(lines) + "\n"


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: header of names, plain values."""
    if result.boolean is not None:
        return f"{str(result.boolean).lower()}\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.table_rows():
        writer.writerow(["" if term is None else _plain(term) for term in row])
    return out.getvalue()


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: header of ``?names``, terms in N-Triples syntax."""
    if result.boolean is not None:
        return f"{str(result.boolean).lower()}\n"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    for row in result.table_rows():
        lines.append("\t".join("" if term is None else str(term) for term in row))
    return "\n".join(lines) + "\n"


def _json_term(term: Term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in _GRAPH_COLUMNS}}
    cell = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype.value != PREFIXES["xsd"] + "string":
        cell["datatype"] = term.datatype.value
    return cell


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON (JSON-LD for a graph)."""
    if result.triples is not None:
        return ox.serialize(result.triples, format=ox.RdfFormat.JSON_LD).decode() + "\n"
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    bindings = [
        {name: _json_term(term) for name, term in zip(result.variables, row) if term is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _graph(result: QueryResult, rdf_format: ox.RdfFormat) -> str:
    if result.triples is None:
        raise QueryError(f"{rdf_format.name} output needs a CONSTRUCT or DESCRIBE query, not {result.kind.upper()}")
    prefixes = PREFIXES if rdf_format is ox.RdfFormat.TURTLE else None
    text = ox.serialize(result.triples, format=rdf_format, prefixes=prefixes).decode()
    return text if text.endswith("\n") or not text else text + "\n"


def to_turtle(result: QueryResult) -> str:
    """Turtle with the project's prefixes (CONSTRUCT and DESCRIBE only)."""
    return _graph(result, ox.RdfFormat.TURTLE)


def to_ntriples(result: QueryResult) -> str:
    """N-Triples (CONSTRUCT and DESCRIBE only)."""
    return _graph(result, ox.RdfFormat.N_TRIPLES)


_WRITERS = {
    ResultFormat.TABLE: to_table,
    ResultFormat.CSV: to_csv,
    ResultFormat.TSV: to_tsv,
    ResultFormat.JSON: to_json,
    ResultFormat.TTL: to_turtle,
    ResultFormat.NT: to_ntriples,
}


def format_result(result: QueryResult, fmt: ResultFormat | str = ResultFormat.TABLE) -> str:
    """Render a result in one of :class:`ResultFormat`.

    Raises:
        QueryError: unknown format, or ``ttl``/``nt`` asked of a SELECT or ASK.

    >>> print(format_result(QueryResult(variables=("who",), rows=((ox.Literal("Kremlin", language="fr"),),))), end="")
    who
    -------
    Kremlin
    """
    try:
        writer = _WRITERS[ResultFormat(fmt)]
    except ValueError:
        names = ", ".join(f.value for f in ResultFormat)
        raise QueryError(f"unknown result format {fmt!r} (one of {names})") from None
    return writer(result)
