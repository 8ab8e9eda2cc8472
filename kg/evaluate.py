"""Score a built graph against gold triples (the rules of ``../shared/eval/README.md``).

The graph is read through its ``rdf:Statement`` nodes, as a user of the graph
would read it. A gold record matches a statement of the same document whose
evidence contains the gold evidence, whose subject has one of the gold names,
whose relation is one the gold accepts (typed), and whose object has one of
the gold names, or one of the gold word stems in its labels or in the labels
of the nodes one hop away. Each prediction matches at most one gold record.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.errors import InputError
from kg.lexicon import EVENT_RELATIONS, ROLE_RELATIONS
from kg.vocab import DIP

CORE = EVENT_RELATIONS | ROLE_RELATIONS
LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
MAX_LABEL = 150
_ARTICLES = re.compile(r"^(le |la |les |l'|the |an |a )")


def norm(text: str) -> str:
    """Case-, accent- and space-folded text.

    >>> norm("  Le  Kremlin’s É")
    "le kremlin's e"
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"\s+", " ", "".join(c for c in text if not unicodedata.combining(c))).strip()


def name_norm(text: str) -> str:
    """A name folded for comparison: also without hyphens and a leading article."""
    return _ARTICLES.sub("", norm(text).replace("-", " ")).strip()


@dataclass
class Prediction:
    docs: set[str]
    evidence: str
    subject_names: set[str]
    relation: str
    object_names: set[str]
    object_text: str
    matched: bool = False


@dataclass
class Score:
    """Precision, recall and F1, with the counts behind them."""

    gold: int
    predicted: int
    tp: int
    fp: int
    precision: float
    recall: float
    f1: float
    by_relation: dict[str, tuple[int, int]] = field(default_factory=dict)  # relation -> (found, gold)
    misses: list[str] = field(default_factory=list)


def _local(node) -> str:
    return re.split(r"[#/]", str(node).rstrip("/#"))[-1]


def _names(g, node) -> set[str]:
    if isinstance(node, Literal):
        return {name_norm(str(node))}
    out = {name_norm(str(o)) for p in LABELS for o in g.objects(node, p) if len(str(o)) <= MAX_LABEL}
    out.add(name_norm(_local(node).replace("_", " ")))
    return out


def _around(g, node) -> str:
    if isinstance(node, Literal):
        return norm(str(node))
    parts = [str(o) for p in LABELS for o in g.objects(node, p)]
    parts.append(_local(node).replace("-", " ").replace("_", " "))
    for p, o in g.predicate_objects(node):
        if p == RDF.type:
            continue
        if isinstance(o, Literal):
            parts.append(str(o))
        else:
            parts.extend(str(x) for q in LABELS for x in g.objects(o, q))
            parts.append(_local(o).replace("-", " ").replace("_", " "))
    return norm(" | ".join(x for x in parts if len(x) <= MAX_LABEL))


def read_predictions(paths: list[str | Path]) -> list[Prediction]:
    """The core statements of one or more graph files."""
    g = Dataset(default_union=True)
    for path in paths:
        try:
            g.parse(str(path))
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except Exception as err:  # rdflib raises many kinds of parse errors
            raise InputError(f"{path}: not a readable RDF graph ({err})") from None
    preds, seen = [], set()
    for stmt in set(g.subjects(RDF.type, RDF.Statement)):
        pred = g.value(stmt, RDF.predicate)
        relation = str(pred).removeprefix(str(DIP._NS)) if pred is not None else ""
        subj, obj = g.value(stmt, RDF.subject), g.value(stmt, RDF.object)
        if relation not in CORE or subj is None or obj is None:
            continue
        docs = set()
        for d in g.objects(stmt, PROV.wasDerivedFrom):
            docs.add(str(d))
            docs.update(str(i) for i in g.objects(d, DCTERMS.identifier))
        evidence = norm(" || ".join(str(o) for o in g.objects(stmt, DIP.evidence)))
        key = (frozenset(docs), evidence, subj, relation, obj)
        if key not in seen:
            seen.add(key)
            preds.append(Prediction(docs, evidence, _names(g, subj), relation, _names(g, obj), _around(g, obj)))
    return preds


def read_gold(path: str | Path) -> list[dict]:
    """Gold records, one JSON object a line.

    Raises:
        InputError: the file is missing or a line is not a valid record (line number given).
    """
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            assert all(k in rec for k in ("id", "doc", "evidence", "subject", "relation", "object"))
        except (json.JSONDecodeError, AssertionError):
            raise InputError(f"{path}:{n}: not a gold record (needs id, doc, evidence, subject, relation, object)") from None
        out.append(rec)
    return out


def _names_match(gold: set[str], pred: set[str], loose: bool) -> bool:
    if gold & pred:
        return True
    return loose and any(
        len(min(a, b, key=len)) >= 4 and re.search(rf"\b{re.escape(min(a, b, key=len))}\b", max(a, b, key=len))
        for a in gold for b in pred)


def matches(gold: dict, p: Prediction, *, typed: bool = True) -> bool:
    """Whether a prediction states the gold fact."""
    if typed and p.relation not in gold["relation"]:
        return False
    if not any(i == gold["doc"] or i.rstrip("/").endswith(gold["doc"]) for i in p.docs):
        return False
    if norm(gold["evidence"]) not in p.evidence:
        return False
    loose = bool(gold.get("loose"))
    if not _names_match({name_norm(s) for s in gold["subject"]}, p.subject_names, loose):
        return False
    entity = {name_norm(s) for s in gold["object"].get("entity", [])}
    stems = [norm(s) for s in gold["object"].get("any", [])]
    if not entity and not stems:
        return True
    return _names_match(entity, p.object_names, loose) or any(s in p.object_text for s in stems)


def score(gold: list[dict], preds: list[Prediction], *, typed: bool = True) -> Score:
    """Match gold to predictions (required gold first) and count."""
    for p in preds:
        p.matched = False
    found: dict[str, bool] = {}
    for rec in sorted(gold, key=lambda r: bool(r.get("optional"))):
        hit = next((p for p in preds if not p.matched and matches(rec, p, typed=typed)), None)
        if hit is not None:
            hit.matched = True
        found[rec["id"]] = hit is not None
    required = [r for r in gold if not r.get("optional")]
    tp = sum(found[r["id"]] for r in required)
    fp = sum(not p.matched for p in preds)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    by_rel: dict[str, list[int]] = {}
    for r in required:
        cell = by_rel.setdefault(r["relation"][0], [0, 0])
        cell[0] += found[r["id"]]
        cell[1] += 1
    misses = [f"{r['id']}: {r['subject'][0]} {r['relation'][0]} [{r['evidence']}]" for r in required if not found[r["id"]]]
    return Score(len(required), len(preds), tp, fp, round(precision, 3), round(recall, 3), round(f1, 3),
                 {k: (v[0], v[1]) for k, v in sorted(by_rel.items())}, misses)


def evaluate(gold_path: str | Path, graph_paths: list[str | Path]) -> tuple[Score, Score]:
    """Typed and untyped scores of graph files against a gold file."""
    gold = read_gold(gold_path)
    preds = read_predictions(graph_paths)
    return score(gold, preds, typed=True), score(gold, preds, typed=False)
