"""Why a triple is in the graph: the sentence, the rule and the lexicon entry behind it."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError

_QUERY = """
PREFIX dip: <https://w3id.org/dipkg/onto#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?st ?type ?s ?sl ?p ?o ?ol ?doc ?ev ?begin ?end ?conf ?mod ?rule ?entry ?trigger ?speaker ?time WHERE {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; rdf:type ?type ;
      prov:wasDerivedFrom ?a ; dip:evidence ?ev .
  ?a dcterms:identifier ?doc .
  OPTIONAL { ?s rdfs:label ?sl } OPTIONAL { ?o rdfs:label ?ol }
  OPTIONAL { ?st nif:beginIndex ?begin ; nif:endIndex ?end }
  OPTIONAL { ?st dip:confidence ?conf } OPTIONAL { ?st dip:modality ?mod }
  OPTIONAL { ?st dip:rule ?rule } OPTIONAL { ?st dip:lexiconEntry ?entry }
  OPTIONAL { ?st dip:trigger ?trigger } OPTIONAL { ?st dip:timeText ?time }
  OPTIONAL { ?st dip:speaker/rdfs:label ?speaker }
} LIMIT 1
"""


def _load(graph: str | Path) -> ox.Store:
    store = ox.Store()
    path = Path(graph)
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE)
    except (OSError, SyntaxError, ValueError) as err:
        raise InputError(f"{graph}: cannot read the graph ({err})") from None
    return store


def explain(statement: str, *, graph: str | Path | None = None, store: ox.Store | None = None) -> dict[str, str]:
    """Everything recorded about one statement, as plain strings.

    Raises:
        InputError: the graph cannot be read, or has no such statement.
    """
    if store is None:
        store = _load(graph)
    try:
        node = ox.NamedNode(statement)
    except ValueError:
        raise InputError(f"not an IRI: {statement!r}") from None
    rows = list(store.query(_QUERY, substitutions={ox.Variable("st"): node}, use_default_graph_as_union=True))
    if not rows:
        raise InputError(f"no statement {statement} in the graph")
    row = rows[0]
    out = {}
    for var in ("type", "s", "sl", "p", "o", "ol", "doc", "ev", "begin", "end", "conf", "mod",
                "rule", "entry", "trigger", "speaker", "time"):
        term = row[var]
        if term is not None:
            out[var] = term.value
    return out


def render(info: dict[str, str]) -> str:
    """The explanation as a few readable lines."""
    rel = info["p"].rsplit("#", 1)[-1]
    neg = " (NEGATED: not asserted)" if info["type"].endswith("NegatedClaim") else ""
    lines = [
        f"{info.get('sl', info['s'])} --{rel}--> {info.get('ol', info['o'])}{neg}",
        f"  article:    {info['doc']}  (characters {info.get('begin', '?')}–{info.get('end', '?')})",
        f"  sentence:   {info['ev']}",
        f"  trigger:    {info.get('trigger', '?')}",
        f"  rule:       {info.get('rule', '?')}",
        f"  lexicon:    {info.get('entry', '?')}",
        f"  confidence: {info.get('conf', '?')}   modality: {info.get('mod', '').rsplit('#', 1)[-1] or '?'}",
    ]
    if "speaker" in info:
        lines.append(f"  speaker:    {info['speaker']}")
    if "time" in info:
        lines.append(f"  time:       {info['time']}")
    return "\n".join(lines)
