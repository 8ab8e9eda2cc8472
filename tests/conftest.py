"""Shared fixtures: the seed graph is built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_nq(tmp_path_factory) -> Path:
    """The graph built from ``seeds/``, as N-Quads (one named graph per article)."""
    from kg.build import build_files

    out = tmp_path_factory.mktemp("seed") / "seed.nq"
    build_files([ROOT / "seeds"], out)
    return out


@pytest.fixture(scope="session")
def seed_ttl(tmp_path_factory) -> Path:
    """The graph built from ``seeds/``, as Turtle."""
    from kg.build import build_files

    out = tmp_path_factory.mktemp("seed") / "seed.ttl"
    build_files([ROOT / "seeds"], out)
    return out
