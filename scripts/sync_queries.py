#!/usr/bin/env python3
"""Copy scripts/queries/*.rq to kg/data/queries/ so that installed packages ship them.

scripts/queries is the source; tests/test_queries.py fails when the copy is
stale. Run: python scripts/sync_queries.py
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE, TARGET = ROOT / "scripts" / "queries", ROOT / "kg" / "data" / "queries"


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    wanted = {path.name for path in SOURCE.glob("*.rq")}
    for stale in TARGET.glob("*.rq"):
        if stale.name not in wanted:
            stale.unlink()
    for name in sorted(wanted):
        shutil.copyfile(SOURCE / name, TARGET / name)
        print(f"kg/data/queries/{name}")


if __name__ == "__main__":
    main()
