"""``kg load`` and ``kg query``: thin verbs over ``kg.store``."""
from __future__ import annotations

from pathlib import Path

import click

from kg.commands import friendly

QUERIES = Path(__file__).resolve().parent.parent.parent / "scripts" / "queries"
FORMATS = ("table", "csv", "tsv", "json", "ttl")


def _query_text(query: str) -> str:
    """A .rq file, the name of a canned query in scripts/queries, or SPARQL text."""
    path = Path(query)
    if path.suffix == ".rq" and path.is_file():
        return path.read_text(encoding="utf-8")
    canned = QUERIES / f"{query}.rq"
    if canned.is_file():
        return canned.read_text(encoding="utf-8")
    if path.suffix == ".rq":
        raise click.ClickException(f"{query}: no such query file")
    return query


def _open(store_dir, endpoint, graph):
    from kg.store import open_store

    if sum(bool(x) for x in (store_dir, endpoint, graph)) != 1:
        raise click.UsageError("give exactly one of --store, --endpoint, --graph")
    if graph:
        store = open_store()
        store.load_file(graph)
        return store
    return open_store(store_dir, endpoint=endpoint)


@click.command()
@click.argument("graphs", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_dir", type=click.Path(file_okay=False), help="Embedded store directory.")
@click.option("--endpoint", help="SPARQL endpoint URL (credentials from KG_ENDPOINT_* variables).")
@friendly
def load(graphs, store_dir, endpoint):
    """Load graph files into a store; each article's graph replaces the old one.

    Example: kg load out/seed.nq --store out/store
    """
    if not store_dir and not endpoint:
        raise click.UsageError("give --store DIR or --endpoint URL")
    with _open(store_dir, endpoint, None) as store:
        failed = False
        for path in graphs:
            report = store.load_file(path)
            click.echo(str(report))
            failed = failed or not report.ok
        click.echo(f"{store.count()} triples in the store")
    if failed:
        raise click.ClickException("some graphs did not load")


@click.command()
@click.argument("query")
@click.option("--store", "store_dir", type=click.Path(file_okay=False), help="Embedded store directory.")
@click.option("--endpoint", help="SPARQL endpoint URL.")
@click.option("--graph", type=click.Path(dir_okay=False), help="A graph file, queried in memory.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--param", "params", multiple=True, help="name=value bound safely to ?name (repeatable).")
@friendly
def query(query, store_dir, endpoint, graph, fmt, params):
    """Run a SPARQL query: a .rq file, a canned query name, or SPARQL text.

    Example: kg query who-rejects-what --store out/store
    """
    from kg import results

    bindings = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep:
            raise click.UsageError(f"--param {param!r}: expected name=value")
        bindings[name.lstrip("?")] = value
    with _open(store_dir, endpoint, graph) as store:
        result = store.query(_query_text(query), bindings=bindings or None)
        render = {"table": results.to_table, "csv": results.to_csv, "tsv": results.to_tsv,
                  "json": results.to_json, "ttl": results.to_turtle}[fmt]
        click.echo(render(result))
