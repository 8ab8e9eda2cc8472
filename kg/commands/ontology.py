"""``kg validate`` and ``kg reason``: check a graph, or add what the ontology implies."""
from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from rdflib import Dataset, Graph

from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., object])
_FILE = click.Path(dir_okay=False, path_type=Path)


def _friendly(func: F) -> F:
    """Turn library errors into click errors (exit 1, ``Error: …``)."""

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return func(*args, **kwargs)
        except KgError as err:
            raise click.ClickException(str(err)) from err

    return wrapper  # type: ignore[return-value]


@click.command("validate")
@click.argument("graph", type=_FILE)
@_friendly
def validate(graph: Path) -> None:
    """Check GRAPH (an RDF file) against the ontology's SHACL shapes.

    Prints "conforms", or one violation a line and exits with code 1.

    Example: kg validate out/graph.trig
    """
    from kg.validate import validate as validate_graph

    report = validate_graph(graph)
    if report.conforms:
        click.echo("conforms")
        return
    for violation in report.violations:
        click.echo(violation)
    raise SystemExit(1)


@click.command("reason")
@click.argument("graph", type=_FILE)
@click.option("-o", "--output", type=_FILE, required=True, help="File to write (format from its extension).")
@_friendly
def reason(graph: Path, output: Path) -> None:
    """Write GRAPH with what the ontology implies added to OUTPUT.

    Adds super-properties (dip:rejects is also dip:negativeStanceTowards),
    inverses (dip:hasHeadOfGovernment) and superclasses (a dip:State is a
    dip:Actor). Named graphs are kept when OUTPUT is .trig or .nq.

    Example: kg reason out/graph.trig -o out/graph-inferred.trig
    """
    from kg.ontology import load_graph, save_graph
    from kg.reason import materialise

    data = load_graph(graph)
    before = _size(data)
    result = materialise(data, inplace=True)
    save_graph(result, output)
    click.echo(f"wrote {output} ({_size(result) - before} inferred triples)")


def _size(graph: Graph) -> int:
    """Number of triples, over all named graphs of a Dataset."""
    return sum(1 for _ in graph.quads()) if isinstance(graph, Dataset) else len(graph)
