"""Analysing graph views: ego networks, centrality, communities of positive ties.

The functions take any networkx graph made by ``kg.views`` (nodes with
``label``, ``kind`` and ``names``; edges with ``sign`` and ``weight``) and are
re-exported there.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from kg.errors import InputError


def _tail(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def find_node(G: nx.Graph, name: str) -> str:
    """The node named ``name``: its IRI, label, another name, or IRI tail (any case).

    Raises:
        InputError: no node has that name.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:x:russia", label="Russia", kind="actor", names="Russia | Russie | Moscou")
    >>> find_node(G, "moscou")
    'urn:x:russia'
    """
    if name in G:
        return name
    key = name.strip().casefold()
    for test in (lambda n, d: (d.get("label") or "").casefold() == key,
                 lambda n, d: key in (x.strip().casefold() for x in (d.get("names") or "").split("|")),
                 lambda n, d: _tail(n).casefold() == key):
        hits = [n for n, d in G.nodes(data=True) if test(n, d)]
        if hits:
            return max(hits, key=lambda n: (G.nodes[n].get("kind") == "actor", G.degree(n), n))
    sample = ", ".join(sorted(str(d.get("label")) for _, d in G.nodes(data=True) if d.get("kind") == "actor")[:12])
    raise InputError(f"no node named {name!r} in the graph (actors: {sample or 'none'})")


def ego_network(G: nx.Graph, actor: str, *, radius: int = 1) -> nx.Graph:
    """The part of ``G`` within ``radius`` steps of ``actor`` (either direction).

    Raises:
        InputError: no node is named ``actor``.
    """
    return nx.ego_graph(G, find_node(G, actor), radius=radius, undirected=True)


def signed_projection(G: nx.Graph) -> nx.Graph:
    """Undirected graph; an edge's ``weight`` is the sum of sign × confidence over the statements."""
    P = nx.Graph()
    P.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        e = P.get_edge_data(u, v) or {"weight": 0.0, "positive": 0, "negative": 0, "statements": 0}
        sign = d.get("sign", 0)
        e["weight"] += sign * d.get("weight", 1.0)
        e["positive"] += sign > 0
        e["negative"] += sign < 0
        e["statements"] += 1
        P.add_edge(u, v, **e)
    return P


def communities(G: nx.Graph, *, resolution: float = 1.0, seed: int = 0) -> list[set[str]]:
    """Groups of nodes tied by positive stances (Louvain on the positive part of the projection).

    Nodes without a positive tie are communities of their own. Largest first.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", sign=1, weight=0.9), G.add_edge("c", "a", sign=-1, weight=0.8)
    >>> [sorted(group) for group in communities(G)]
    [['a', 'b'], ['c']]
    """
    P = signed_projection(G)
    positive = nx.Graph()
    positive.add_nodes_from(P)
    positive.add_weighted_edges_from((u, v, d["weight"]) for u, v, d in P.edges(data=True) if d["weight"] > 0)
    found = nx.community.louvain_communities(positive, weight="weight", resolution=resolution, seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def _pagerank(H: nx.DiGraph, alpha: float = 0.85, iterations: int = 100) -> dict[str, float]:
    """PageRank by power iteration (networkx's own needs scipy)."""
    n = len(H)
    rank = dict.fromkeys(H, 1.0 / n) if n else {}
    out = {u: sum(w for _, _, w in H.out_edges(u, data="weight")) for u in H}
    for _ in range(iterations):
        leak = alpha * sum(rank[u] for u in H if out[u] <= 0) / n
        new = dict.fromkeys(H, (1 - alpha) / n + leak)
        for u, v, w in H.edges(data="weight"):
            if out[u] > 0:
                new[v] += alpha * rank[u] * w / out[u]
        done = sum(abs(new[u] - rank[u]) for u in H) < 1e-10 * n
        rank = new
        if done:
            break
    return rank


def centrality(G: nx.Graph, *, sample: int = 200) -> dict[str, dict[str, Any]]:
    """Per node: label, kind, in/out degree, stance received and given (Σ sign × weight),
    PageRank (on confidence weights) and betweenness.

    Args:
        sample: betweenness is estimated from this many source nodes when the
            graph has more (exact below).
    """
    flat = nx.DiGraph()
    flat.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        w = flat.get_edge_data(u, v, {"weight": 0.0})["weight"]
        flat.add_edge(u, v, weight=w + max(d.get("weight", 1.0), 1e-6))
    pagerank = _pagerank(flat)
    k = sample if len(G) > sample else None
    between = nx.betweenness_centrality(flat.to_undirected(), k=k, seed=0)
    stance = lambda edges: sum(d.get("sign", 0) * d.get("weight", 1.0) for *_, d in edges)  # noqa: E731
    return {n: {"label": G.nodes[n].get("label"), "kind": G.nodes[n].get("kind"),
                "in_degree": G.in_degree(n) if G.is_directed() else G.degree(n),
                "out_degree": G.out_degree(n) if G.is_directed() else G.degree(n),
                "stance_received": stance(G.in_edges(n, data=True) if G.is_directed() else G.edges(n, data=True)),
                "stance_given": stance(G.out_edges(n, data=True) if G.is_directed() else G.edges(n, data=True)),
                "pagerank": pagerank.get(n, 0.0), "betweenness": between.get(n, 0.0)} for n in G}
