"""Writing graph views: GraphML and GEXF for Gephi or Cytoscape, HTML for a browser.

Files are written atomically (a temporary file in the same folder, then a
rename). The HTML page is self-contained: vis-network is inlined by pyvis
(``cdn_resources="in_line"``) and the CDN links of its template are removed,
so it opens offline. Evidence sentences show when the mouse is on an edge.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from kg.errors import KgError, OutputError

_SCALARS = (str, int, float, bool)
_WRITERS: dict[str, Callable[[nx.Graph, str], None]] = {
    ".graphml": nx.write_graphml,
    ".gexf": nx.write_gexf,
}
NODE_COLOURS = {"actor": "#4e79a7", "thing": "#f2b447", "place": "#9c755f"}
EDGE_COLOURS = {1: "#2ca02c", -1: "#d62728", 0: "#9a9a9a"}  # positive green, negative red, neutral grey
# pyvis' template loads Bootstrap from a CDN whatever cdn_resources says; the page does not need it
_CDN_TAGS = re.compile(r"<link[^>]*?bootstrap[^>]*?>\s*|<script[^>]*?bootstrap[^>]*?>\s*</script>\s*", re.S)


class MissingDependency(KgError, ImportError):
    """An optional dependency is not installed."""


def graph_format(path: str | Path) -> str:
    """The graph file format of ``path``, from its extension.

    Raises:
        OutputError: neither ``.graphml`` nor ``.gexf``.

    >>> graph_format("out/stance.GEXF")
    '.gexf'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _WRITERS:
        raise OutputError(f"{path}: unknown graph format {suffix or '(no extension)'!r}; use .graphml or .gexf")
    return suffix


def plain(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose attributes GraphML and GEXF can hold: None dropped, others as text."""
    fix = lambda attrs: {k: v if isinstance(v, _SCALARS) else str(v)  # noqa: E731
                         for k, v in attrs.items() if v is not None}
    H = G.__class__()
    H.graph.update(fix(G.graph))
    H.add_nodes_from((n, fix(d)) for n, d in G.nodes(data=True))
    if G.is_multigraph():
        H.add_edges_from((u, v, k, fix(d)) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        H.add_edges_from((u, v, fix(d)) for u, v, d in G.edges(data=True))
    return H


def _write_atomic(path: Path, write: Callable[[str], None]) -> Path:
    """Call ``write(tmp)``, then rename ``tmp`` to ``path``; clean up on failure."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(str(tmp))
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {err.strerror or err}") from None
    return path


def export(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as GraphML or GEXF, chosen by the extension of ``path``.

    Non-scalar attributes are written as text and None values are left out.

    Raises:
        OutputError: unknown extension, or the file cannot be written.

    >>> import tempfile
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="s1", relation="rejects", sign=-1, evidence="« Non. »", date=None)
    's1'
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     back = nx.read_graphml(export(G, Path(tmp) / "g.graphml"))
    >>> [(u, v, d["relation"], d["evidence"]) for u, v, d in back.edges(data=True)]
    [('a', 'b', 'rejects', '« Non. »')]
    """
    path = Path(path)
    writer = _WRITERS[graph_format(path)]
    H = plain(G)
    return _write_atomic(path, lambda tmp: writer(H, tmp))


def _edge_title(G: nx.Graph, u: str, v: str, d: dict) -> str:
    """Hover text of an edge: who, what, whom, the evidence sentence (plain text)."""
    name = lambda n: G.nodes[n].get("label") or n  # noqa: E731
    head = f"{name(u)} —{d.get('relation', '')}→ {name(v)}"
    if d.get("via") == "proposal" and d.get("object") in G:
        head += f"\n(as proposer of: {name(d['object'])})"
    elif d.get("via") == "proposal":
        head += "\n(as proposer of what it targets)"
    if d.get("modality") and d["modality"] != "Asserted":
        head += f"\n[{d['modality']}]"
    return head + (f"\n\n{d['evidence']}" if d.get("evidence") else "")


def to_html(G: nx.Graph, path: str | Path, *, height: str = "750px", physics: bool = True) -> Path:
    """Write an interactive page of ``G`` (pyvis, vis-network), without opening a browser.

    Edges are green (positive stance), red (negative) or grey; dashed edges
    lead to the proposer of what a statement is about. Hovering over an edge
    shows its evidence sentence.

    Raises:
        MissingDependency: pyvis is not installed (``pip install 'diplomacy-kg[notebooks]'``).
        OutputError: the file cannot be written.
    """
    try:
        from pyvis.network import Network
    except ImportError as err:
        raise MissingDependency("HTML graphs need pyvis: pip install 'diplomacy-kg[notebooks]'") from err
    net = Network(height=height, width="100%", directed=G.is_directed(), cdn_resources="in_line")
    for n, d in G.nodes(data=True):
        kind = d.get("kind", "actor")
        title = "\n".join(str(x) for x in (d.get("label") or n, d.get("class") or kind, n) if x)
        net.add_node(n, label=str(d.get("label") or n)[:60], title=title, color=NODE_COLOURS.get(kind, "#bab0ac"),
                     shape="box" if kind == "thing" else "dot", size=12 + 3 * min(G.degree(n), 10))
    for u, v, d in G.edges(data=True):
        sign = d.get("sign", 0)
        net.add_edge(u, v, title=_edge_title(G, u, v, d), color=EDGE_COLOURS.get(sign, EDGE_COLOURS[0]),
                     width=1 + 3 * float(d.get("weight", 0.5)), dashes=d.get("via") == "proposal",
                     label=d.get("relation", ""))
    net.set_edge_smooth("dynamic")
    net.toggle_physics(physics)
    html = _CDN_TAGS.sub("", net.generate_html(name="graph.html"))

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(html)

    return _write_atomic(Path(path), write)
