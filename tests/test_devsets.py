"""The development sets in tests/data are well formed: every gold record names a document of
its set, quotes that document exactly, and uses the core relations of the contract."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.lexicon import EVENT_RELATIONS, ROLE_RELATIONS

DATA = Path(__file__).parent / "data"
SETS = sorted(p.name for p in DATA.iterdir() if (p / "gold.jsonl").exists() and (p / "docs.jsonl").exists())
CORE = EVENT_RELATIONS | ROLE_RELATIONS | {"governmentOf"}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_there_are_dev_sets_to_check():
    assert {"dev_fr", "dev_fr_e", "dev_fr_f", "dev_en"} <= set(SETS)


@pytest.mark.parametrize("name", SETS)
def test_gold_records_quote_their_documents(name):
    docs = {d["id"]: d["text"] for d in _lines(DATA / name / "docs.jsonl")}
    golds = _lines(DATA / name / "gold.jsonl")
    assert golds and len({g["id"] for g in golds}) == len(golds), "gold ids are unique"
    for g in golds:
        assert g["doc"] in docs, g["id"]
        assert g["evidence"] and g["evidence"] in docs[g["doc"]], g["id"]
        assert g["subject"] and all(isinstance(s, str) and s.strip() for s in g["subject"]), g["id"]
        assert g["relation"] and set(g["relation"]) <= CORE, (g["id"], g["relation"])
        obj = g["object"]
        assert set(obj) <= {"entity", "any"}, g["id"]
    required = [g for g in golds if not g.get("optional")]
    assert len(required) >= 40, f"{name}: {len(required)} required records"
