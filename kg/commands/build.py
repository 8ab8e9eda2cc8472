"""``kg build``, ``kg evaluate`` and ``kg explain``."""
from __future__ import annotations

import sys

import click

from kg.commands import friendly


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (.ttl .nt .nq .trig .jsonld).")
@click.option("--store", "store_dir", type=click.Path(file_okay=False), help="Also load into this embedded store.")
@click.option("--endpoint", help="Also load into this SPARQL endpoint (credentials from KG_ENDPOINT_* variables).")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of documents that do not say (default: detect).")
@click.option("--model", help="spaCy model package to use instead of the default.")
@click.option("--encoding", help="Encoding of non-UTF-8 input (e.g. latin-1, or 'auto' to detect).")
@click.option("--on-error", type=click.Choice(["skip", "fail"]), default="skip", show_default=True,
              help="What to do with a bad document.")
@click.option("--strict", is_flag=True, help="Exit 1 if any document was bad.")
@click.option("--batch", type=click.IntRange(1), default=16, show_default=True,
              help="Articles parsed together (larger: faster, more memory; each batch is written at once).")
@click.option("--jobs", "-j", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run on a Dask distributed cluster (scheduler address, or 'local' for a LocalCluster).")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary.")
@friendly
def build(inputs, output, store_dir, endpoint, lang, model, encoding, on_error, strict, batch, jobs, dask_address, quiet):
    """Build the graph of news articles (files, folders, JSONL corpora, - for stdin).

    Example: kg build seeds/ -o out/seed.ttl --store out/store
    """
    from kg.build import build_files

    if not output and not store_dir and not endpoint:
        raise click.UsageError("give an output file (-o), a store (--store) or an endpoint (--endpoint)")
    store = None
    if store_dir or endpoint:
        from kg.store import open_store

        store = open_store(store_dir, endpoint=endpoint)
    if output:
        from kg.rdf import Format

        Format.from_extension(output)  # refuse an unknown format before any work
    progress, bar = None, None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=_count_documents(inputs), unit="doc", file=sys.stderr, dynamic_ncols=True)

        def progress(report):
            bar.update(report.documents - bar.n)
            seconds = max(report.seconds, 1e-9)
            bar.set_postfix_str(f"{report.words / seconds:,.0f} words/s, "
                                f"{report.statements / seconds:,.1f} statements/s, {len(report.errors)} errors")
    try:
        executor = None
        if dask_address:
            from kg.distributed import dask_executor

            executor = dask_executor(dask_address, batch=batch)
        report = build_files(inputs, output, store=store, lang=lang, model=model, encoding=encoding,
                             on_error=on_error, batch=batch, jobs=jobs, executor=executor, progress=progress)
    finally:
        if store is not None:
            store.close()
        if bar is not None:
            bar.close()
    if not quiet:
        click.echo(report.summary(), err=True)
    if report.documents == 0:
        if len(report.errors) == 1:
            raise click.ClickException(report.errors[0])
        raise click.ClickException(f"no document could be built ({len(report.errors)} bad inputs)")
    if strict and report.errors:
        raise click.ClickException(f"{len(report.errors)} bad documents (--strict)")


def _count_documents(inputs) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (for the ETA)."""
    from pathlib import Path

    from kg.corpus import JSONL_SUFFIXES, TEXT_SUFFIXES

    total = 0
    for item in inputs:
        path = Path(item)
        if str(item) == "-" or path.name.endswith(".gz"):
            return None
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file()]
            if any(p.name.endswith(JSONL_SUFFIXES) for p in files):
                return None
            total += sum(p.name.endswith(TEXT_SUFFIXES) for p in files)
        elif path.name.endswith(JSONL_SUFFIXES) and path.is_file():
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


@click.command()
@click.argument("gold", type=click.Path())
@click.argument("graphs", nargs=-1, required=True)
@click.option("--verbose", "-v", is_flag=True, help="List the missed gold records.")
@friendly
def evaluate(gold, graphs, verbose):
    """Score graphs against gold triples (JSONL, the format of ../shared/eval/README.md).

    Example: kg evaluate ../shared/eval/seed-gold.jsonl out/seed.ttl
    """
    from kg.evaluate import evaluate as run

    typed, untyped = run(gold, list(graphs))
    click.echo(f"typed   P={typed.precision:.3f} R={typed.recall:.3f} F1={typed.f1:.3f} "
               f"(tp={typed.tp} fp={typed.fp} gold={typed.gold} predicted={typed.predicted})")
    click.echo(f"untyped P={untyped.precision:.3f} R={untyped.recall:.3f} F1={untyped.f1:.3f}")
    for rel, (hit, n) in typed.by_relation.items():
        click.echo(f"  {rel:20} {hit}/{n}")
    if verbose:
        for miss in typed.misses:
            click.echo(f"MISS {miss}")


@click.command()
@click.argument("statement")
@click.option("--graph", type=click.Path(dir_okay=False), required=True, help="The graph file.")
@friendly
def explain(statement, graph):
    """Show why a statement is in the graph: sentence, rule, lexicon entry.

    Example: kg explain https://w3id.org/dipkg/id/stmt/0123456789abcdef --graph out/seed.ttl
    """
    from kg.explain import explain as run, render

    click.echo(render(run(statement, graph=graph)))
