"""Graph views of the seed graph: stance network, exports, HTML, ego network, ``kg graph``."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click
import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import views
from kg.commands.graph import graph as graph_command
from kg.errors import InputError, OutputError

ROOT = Path(__file__).resolve().parent.parent
KREMLIN = "https://w3id.org/dipkg/id/actor/kremlin"
RUSSIA = "https://w3id.org/dipkg/id/actor/russia"
STARMER = "https://w3id.org/dipkg/id/actor/keir-starmer"
PESKOV = "https://w3id.org/dipkg/id/actor/dmitry-peskov"


@pytest.fixture(scope="module")
def stance(seed_nq) -> nx.MultiDiGraph:
    return views.stance_network(seed_nq)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def _edges(G, u, v):
    return list(G.get_edge_data(u, v, default={}).values())


@pytest.mark.parametrize("relation, sign", [
    ("supports", 1), ("agreesTo", 1), ("aids", 1), ("offers", 1),
    ("rejects", -1), ("opposes", -1), ("accuses", -1), ("threatens", -1), ("warns", -1),
    ("sanctions", -1), ("attacks", -1),
    ("proposes", 0), ("meetsWith", 0), ("requests", 0), ("deploys", 0),
])
def test_relation_signs_follow_the_ontology(relation, sign):
    assert views.relation_signs()[relation] == sign


def test_kremlin_rejects_the_troop_plan(stance):
    plans = [v for v in stance.successors(KREMLIN)
             if stance.nodes[v]["class"] == "Plan" and "troupes" in stance.nodes[v]["label"]]
    assert plans, "the Kremlin has no edge to the troop-deployment plan"
    assert stance.nodes[plans[0]]["kind"] == "thing"
    rejections = [d for d in _edges(stance, KREMLIN, plans[0]) if d["relation"] == "rejects"]
    assert rejections and all(d["sign"] == -1 and d["via"] == "direct" for d in rejections)
    assert "inacceptable" in rejections[0]["evidence"]


def test_peskov_stands_against_the_proposer_starmer(stance):
    # "la proposition rapportée" and the "Cela" that follows refer back to Starmer's plan
    assert stance.nodes[PESKOV]["label"] == "Dmitry Peskov" and stance.nodes[STARMER]["label"] == "Keir Starmer"
    toward_starmer = _edges(stance, PESKOV, STARMER)
    assert {d["relation"] for d in toward_starmer} == {"rejects", "warns"}
    assert all(d["sign"] == -1 and d["via"] == "proposal" for d in toward_starmer)
    # each comes with the direct edge of the same statement, to the thing that stands for the plan
    for d in toward_starmer:
        assert stance.has_edge(PESKOV, d["object"], key=d["statement"])
        assert stance.nodes[d["object"]]["kind"] == "thing"
    assert any(d["relation"] == "proposes" for _, _, d in stance.out_edges(STARMER, data=True))


def test_edges_carry_their_evidence(stance, seed_text):
    assert stance.number_of_edges() >= 10
    for u, v, key, d in stance.edges(keys=True, data=True):
        assert d["evidence"] and d["evidence"] in seed_text
        assert d["statement"].startswith("https://w3id.org/dipkg/id/stmt/")
        assert key in (d["statement"], d["statement"] + "#proposer")
        assert d["article"].startswith("https://w3id.org/dipkg/id/article/")
        assert 0 < d["weight"] <= 1 and d["sign"] in (-1, 0, 1)


def test_same_network_from_a_store(seed_nq, stance):
    from kg.store import open_store

    with open_store() as store:
        store.load_file(seed_nq)
        from_store = views.stance_network(store)
    dataset = ox.Store()
    dataset.load(path=str(seed_nq), format=ox.RdfFormat.N_QUADS)
    for G in (from_store, views.stance_network(dataset)):
        assert sorted(G.edges(keys=True)) == sorted(stance.edges(keys=True))


def test_actor_proposal_graph_is_bipartite(seed_nq):
    G = views.actor_proposal_graph(seed_nq)
    assert {d["bipartite"] for _, d in G.nodes(data=True)} == {0, 1}
    for u, v in G.edges():
        assert G.nodes[u]["bipartite"] == 0 and G.nodes[v]["bipartite"] == 1
    # Peskov rejects "la proposition rapportée", which stands for the plan Starmer proposes
    peskov = "https://w3id.org/dipkg/id/actor/dmitry-peskov"
    rejected = {v for _, v, d in G.out_edges(peskov, data=True) if d["relation"] == "rejects"}
    assert rejected & set(G.successors(STARMER))


def test_office_graph(seed_nq):
    G = views.office_graph(seed_nq)
    uk = "https://w3id.org/dipkg/id/actor/united-kingdom"
    assert G.has_edge(STARMER, uk, key="headOfGovernmentOf")
    assert "Premier ministre" in G.edges[STARMER, uk, "headOfGovernmentOf"]["evidence"]
    assert G.has_edge(KREMLIN, RUSSIA, key="governmentOf")


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_export_parses_back(stance, tmp_path, suffix):
    path = views.export(stance, tmp_path / f"stance{suffix}")
    back = (nx.read_graphml if suffix == ".graphml" else nx.read_gexf)(path)
    assert back.number_of_nodes() == stance.number_of_nodes()
    assert back.number_of_edges() == stance.number_of_edges()
    assert {d["relation"] for *_, d in back.edges(data=True)} == {d["relation"] for *_, d in stance.edges(data=True)}
    assert all(d.get("evidence") for *_, d in back.edges(data=True))
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_export_refuses_an_unknown_format(stance, tmp_path):
    with pytest.raises(OutputError, match="unknown graph format"):
        views.export(stance, tmp_path / "stance.csv")


def test_html_is_self_contained_with_evidence(stance, tmp_path):
    path = views.to_html(stance, tmp_path / "stance.html")
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    evidence = next(d["evidence"] for *_, d in stance.edges(data=True) if d["relation"] == "rejects")
    assert any(evidence in e["title"] for e in edges)
    assert {e["color"] for e in edges} >= {"#d62728", "#2ca02c"}  # negative red, positive green


def test_ego_network_of_the_kremlin(stance):
    ego = views.ego_network(stance, "kremlin")
    neighbours = set(stance.successors(KREMLIN)) | set(stance.predecessors(KREMLIN))
    assert neighbours and neighbours | {KREMLIN} == set(ego)
    assert views.ego_network(stance, KREMLIN).number_of_edges() == ego.number_of_edges()
    with pytest.raises(InputError, match="no node named 'Atlantis'"):
        views.ego_network(stance, "Atlantis")


def test_centrality_and_communities(stance):
    scores = views.centrality(stance)
    assert set(scores) == set(stance)
    assert scores[RUSSIA]["stance_given"] < 0 and scores[STARMER]["stance_received"] < 0
    assert abs(sum(s["pagerank"] for s in scores.values()) - 1) < 1e-6
    groups = views.communities(stance)
    assert set().union(*groups) == set(stance) and sum(map(len, groups)) == len(stance)
    offered = next(v for v in stance.successors(STARMER)
                   if any(d["relation"] == "offers" for d in _edges(stance, STARMER, v)))
    assert any({STARMER, offered} <= group for group in groups)  # a positive tie


# -- kg graph ----------------------------------------------------------------

@pytest.fixture()
def cli() -> click.Group:
    """``kg`` itself once it registers the command, else a group made for the test."""
    try:
        from kg.cli import main
    except ImportError:  # kg/cli.py being reworked
        main = None
    if main is not None and "graph" in main.commands:
        return main
    group = click.Group("kg")
    group.add_command(graph_command)
    return group


def test_cli_help_has_an_example(cli):
    result = CliRunner().invoke(cli, ["graph", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_cli_writes_graph_and_html(cli, seed_nq, tmp_path):
    out, page = tmp_path / "kremlin.gexf", tmp_path / "kremlin.html"
    result = CliRunner().invoke(cli, ["graph", str(seed_nq), "--view", "ego", "--actor", "Kremlin",
                                      "-o", str(out), "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and page.is_file()
    assert f"wrote {out} (" in result.output
    assert KREMLIN in nx.read_gexf(out)


@pytest.mark.parametrize("view", ["stance", "proposals", "offices"])
def test_cli_views(cli, seed_nq, tmp_path, view):
    out = tmp_path / f"{view}.graphml"
    result = CliRunner().invoke(cli, ["graph", str(seed_nq), "--view", view, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_edges() > 0


@pytest.mark.parametrize("content, name", [("this is not N-Quads <\n", "bad.nq"), (None, "missing.nq")])
def test_cli_bad_input_file(cli, tmp_path, content, name):
    source = tmp_path / name
    if content is not None:
        source.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["graph", str(source), "-o", str(tmp_path / "out.graphml")])
    assert result.exit_code == 1
    assert result.output.startswith("Error:") and name in result.output
    assert not (tmp_path / "out.graphml").exists()


def test_cli_usage_errors(cli, seed_nq, tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["graph", str(seed_nq), "--view", "ego", "-o", str(tmp_path / "a.gexf")]).exit_code == 2
    assert runner.invoke(cli, ["graph", str(seed_nq)]).exit_code == 2
    result = runner.invoke(cli, ["graph", str(seed_nq), "-o", str(tmp_path / "a.txt")])
    assert result.exit_code == 1 and "unknown graph format" in result.output
