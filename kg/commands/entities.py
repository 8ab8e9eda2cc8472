"""``kg entities``: the actors of a graph with their names, class, link and counts."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pyoxigraph as ox

from kg.commands import friendly
from kg.results import compact
from kg.entities import ACTOR_CLASSES, EntityRow, Suspicion, list_entities, suspicious_merges

_FILE = click.Path(dir_okay=False, path_type=Path)
_COLUMNS = ("statements", "articles", "class", "actor", "wikidata", "names")


@click.command("entities", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("graph", type=_FILE)
@click.option("--format", "fmt", type=click.Choice(("table", "csv", "json")), default="table",
              show_default=True, help="Output format.")
@click.option("--class", "cls", type=click.Choice(ACTOR_CLASSES, case_sensitive=False),
              help="Only actors of this class.")
@click.option("--check", is_flag=True,
              help="Print the suspicious merges instead: resources that share a name or a Wikidata id, "
                   "and resources whose names look like different actors.")
@friendly
def entities(graph: Path, fmt: str, cls: str | None, check: bool) -> None:
    """List the actors of GRAPH (an RDF file), most statements first.

    Each actor is one resource: its names in every language, its class, its
    Wikidata id (only from the shipped gazetteer), the statements it is the
    subject or object of, and the articles that name it.

    Example: kg entities out/seed.nq --class Person --check
    """
    if cls is not None:
        cls = next(c for c in ACTOR_CLASSES if c.lower() == cls.lower())
    rows = list_entities(graph, cls=cls)
    if check:
        click.echo(_suspicions(suspicious_merges(rows), fmt), nl=False)
    else:
        click.echo(_WRITERS[fmt](rows), nl=False)


def _short(iri: str) -> str:
    return compact(ox.NamedNode(iri))


def _cells(row: EntityRow) -> tuple[str, ...]:
    return (str(row.statements), str(row.articles), row.cls, _short(row.iri), row.wikidata or "",
            " | ".join(row.labels))


def _table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    return "\n".join(lines) + "\n"


def _to_table(rows: list[EntityRow]) -> str:
    return _table(_COLUMNS, [_cells(r) for r in rows])


def _to_csv(rows: list[EntityRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("iri", "class", "wikidata", "statements", "articles", "labels"))
    for r in rows:
        writer.writerow((r.iri, r.cls, r.wikidata or "", r.statements, r.articles, " | ".join(r.labels)))
    return out.getvalue()


def _to_json(rows: list[EntityRow]) -> str:
    items = [{"iri": r.iri, "class": r.cls, "wikidata": r.wikidata, "statements": r.statements,
              "articles": r.articles, "labels": list(r.labels), "altLabels": list(r.alt_labels)}
             for r in rows]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


_WRITERS = {"table": _to_table, "csv": _to_csv, "json": _to_json}


def _suspicions(items: list[Suspicion], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([{"kind": s.kind, "iris": list(s.iris), "names": list(s.names), "reason": s.reason}
                           for s in items], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("kind", "iris", "names", "reason"))
        for s in items:
            writer.writerow((s.kind, " ".join(s.iris), " | ".join(s.names), s.reason))
        return out.getvalue()
    if not items:
        return "no suspicious merges\n"
    body = [(s.kind, ", ".join(_short(i) for i in s.iris), s.reason) for s in items]
    return _table(("kind", "actors", "why"), body)
