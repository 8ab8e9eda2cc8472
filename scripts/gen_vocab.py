#!/usr/bin/env python
"""Generate ``kg/vocab.py`` from ``ontology/diplomacy.ttl``, and package the ontology.

Writes the ``DIP`` DefinedNamespace (one attribute per dip: term, grouped by
dip:termGroup) and copies ``ontology/*.ttl`` to ``kg/data/ontology/`` so that
an installed wheel carries them.

Usage:
    python scripts/gen_vocab.py            # regenerate
    python scripts/gen_vocab.py --check    # exit 1 if anything is out of date
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.ontology import GROUPS, ONTOLOGY_FILE, SHAPES_FILE, defined_terms

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "ontology"
VOCAB = ROOT / "kg" / "vocab.py"
PACKAGED = ROOT / "kg" / "data" / "ontology"

HEADER = '''"""The diplomacy ontology's terms as an rdflib ``DefinedNamespace``.

Generated from ``ontology/diplomacy.ttl`` by ``scripts/gen_vocab.py``; a test
checks that both stay in step. Do not edit by hand.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DIP(DefinedNamespace):
    """Terms of ``https://w3id.org/dipkg/onto#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/dipkg/onto#")

'''


def render_vocab() -> str:
    """The text of ``kg/vocab.py`` for the source ontology."""
    terms = defined_terms(SOURCE / ONTOLOGY_FILE)
    lines = []
    for group in GROUPS:
        names = [t.name for t in terms if t.group == group]
        if names:
            lines.append(f"    # {group}")
            lines.extend(f"    {name}: URIRef" for name in names)
    return HEADER + "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    """Every generated file and the text it should have."""
    wanted = {VOCAB: render_vocab()}
    for name in (ONTOLOGY_FILE, SHAPES_FILE):
        wanted[PACKAGED / name] = (SOURCE / name).read_text(encoding="utf-8")
    return wanted


def stale() -> list[Path]:
    """Generated files that are missing or differ from what they should be."""
    return [
        path
        for path, text in outputs().items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or with ``--check``, verify) the vocabulary and packaged ontology."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, exit 1 if out of date")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale()
        for path in out_of_date:
            print(f"out of date: {path.relative_to(ROOT)} (run scripts/gen_vocab.py)")
        return 1 if out_of_date else 0
    PACKAGED.mkdir(parents=True, exist_ok=True)
    for path, text in outputs().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
