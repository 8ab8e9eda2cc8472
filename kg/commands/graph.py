"""``kg graph``: a network view of the RDF graph, for Gephi, Cytoscape or a browser."""
from __future__ import annotations

from pathlib import Path

import click

from kg.commands import friendly

_FILE = click.Path(dir_okay=False, path_type=Path)
VIEWS = ("stance", "proposals", "offices", "ego")


@click.command("graph", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("graph", type=_FILE)
@click.option("--view", type=click.Choice(VIEWS), default="stance", show_default=True,
              help="stance: signed statements between actors and things; proposals: actors and the "
                   "plans they act on; offices: role relations; ego: the stance network around --actor.")
@click.option("--actor", help="Name or IRI of the actor at the centre of the ego view.")
@click.option("--radius", type=click.IntRange(min=1), default=1, show_default=True, help="Steps around --actor.")
@click.option("-o", "--output", type=_FILE, help="Graph file to write: .graphml or .gexf.")
@click.option("--html", type=_FILE, help="Also write an interactive HTML page (evidence on hover).")
@click.option("--lang", default="en", show_default=True, help="Preferred language of node labels.")
@friendly
def graph(graph: Path, view: str, actor: str | None, radius: int, output: Path | None, html: Path | None,
          lang: str) -> None:
    """Write a network view of GRAPH (an RDF file) as GraphML or GEXF, and/or HTML.

    Example: kg graph out/seed.nq --view ego --actor Kremlin -o kremlin.graphml --html kremlin.html
    """
    from kg import views

    if output is None and html is None:
        raise click.UsageError("give a graph file (-o out.graphml or .gexf) and/or --html out.html")
    if (view == "ego") != (actor is not None):
        raise click.UsageError("--actor goes with --view ego, and --view ego needs --actor NAME")
    if output is not None:
        views.graph_format(output)  # refuse an unknown format before any work
    build = {"stance": views.stance_network, "ego": views.stance_network,
             "proposals": views.actor_proposal_graph, "offices": views.office_graph}[view]
    G = build(graph, lang=lang)
    if view == "ego":
        G = views.ego_network(G, actor, radius=radius)
    size = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
    if output is not None:
        views.export(G, output)
        click.echo(f"wrote {output} ({size})")
    if html is not None:
        views.to_html(G, html)
        click.echo(f"wrote {html} ({size})")
