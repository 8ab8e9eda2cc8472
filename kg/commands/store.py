"""``kg load`` and ``kg query``: triple stores from the command line.

Each verb is a thin wrapper over ``kg.store`` (and ``kg.results`` for output).
Credentials for a SPARQL endpoint come only from the environment
(``KG_ENDPOINT_USER`` + ``KG_ENDPOINT_PASSWORD``, or ``KG_ENDPOINT_TOKEN``).
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.commands import friendly
from kg.errors import QueryError
from kg.queries import canned_queries, resolve_query
from kg.results import ResultFormat, format_result
from kg.store import open_store

CONTEXT = {"help_option_names": ["-h", "--help"]}


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``name=value`` pairs as a dict (the value may contain ``=``)."""
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        params[name.strip().lstrip("?$")] = value
    return params


@click.command("load", context_settings=CONTEXT)
@click.argument("graphs", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Directory of an embedded (pyoxigraph) store; created if missing.")
@click.option("--endpoint", metavar="URL",
              help="SPARQL 1.1 query endpoint (Oxigraph: http://host:port/query).")
@friendly
def load(graphs: tuple[Path, ...], store_dir: Path | None, endpoint: str | None) -> None:
    """Load RDF files into a store, replacing each named graph whole.

    N-Quads and TriG files keep their one-graph-per-article shape, so loading
    a file again changes nothing; a Turtle or N-Triples file becomes one graph
    named after the file. A graph the server refuses is reported and the
    others are loaded (exit code 1 then).

    Example: kg load out/seed.nq --store data/kg.oxigraph
    """
    if (store_dir is None) == (endpoint is None):
        raise click.UsageError("give exactly one of --store DIR or --endpoint URL")
    failed = 0
    with open_store(store_dir, endpoint=endpoint) as store:
        for path in graphs:
            report = store.load_file(path)
            click.echo(str(report))
            failed += len(report.failed)
        click.echo(f"store: {len(store.graphs())} graphs, {store.count()} triples")
    if failed:
        raise click.ClickException(f"{failed} graph(s) could not be loaded")


@click.command("query", context_settings=CONTEXT)
@click.argument("query_or_file", required=False)
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Directory of an embedded (pyoxigraph) store.")
@click.option("--endpoint", metavar="URL", help="SPARQL 1.1 query endpoint.")
@click.option("--graph", "graph_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="RDF file(s) loaded into a store in memory first.")
@click.option("--format", "fmt", type=click.Choice([f.value for f in ResultFormat]), default="table",
              show_default=True, help="Output format (ttl and nt for CONSTRUCT/DESCRIBE).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a string; <...> for an IRI). Repeatable.")
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries and exit.")
@friendly
def query(query_or_file: str | None, store_dir: Path | None, endpoint: str | None,
          graph_files: tuple[Path, ...], fmt: str, params: tuple[str, ...], list_queries: bool) -> None:
    """Run a SPARQL query: a .rq file, a canned query's name, or the query text.

    Canned queries live in scripts/queries (see --list). Parameters are bound
    as RDF terms, never pasted into the query text.

    Example: kg query actor-timeline --store data/kg.oxigraph --param name=Kremlin
    """
    if list_queries:
        for canned in canned_queries().values():
            needs = "".join(f" --param {name}=…" for name in canned.required)
            click.echo(f"{canned.name}{needs}\n    {canned.summary}")
        return
    if query_or_file is None:
        raise click.UsageError("missing QUERY_OR_FILE (a .rq file, a canned query name, or SPARQL)")
    if sum(x is not None and x != () for x in (store_dir, endpoint, graph_files)) != 1:
        raise click.UsageError("give exactly one of --store DIR, --endpoint URL or --graph FILE")
    text, canned = resolve_query(query_or_file)
    bindings = _params(params)
    missing = [name for name in (canned.required if canned else ()) if name not in bindings]
    if missing:
        raise QueryError(f"query {canned.name} needs " + " ".join(f"--param {m}=…" for m in missing))
    with open_store(store_dir, endpoint=endpoint, create=False) if not graph_files else open_store() as store:
        for path in graph_files:
            store.load_file(path)
        result = store.query(text, bindings=bindings or None)
    click.echo(format_result(result, fmt), nl=False)
