"""The ``kg`` command: thin verbs over the library, one per function.

Library errors (``KgError``) become ``Error: …`` and exit code 1.
Commands of larger areas live in ``kg/commands/`` and are registered here.
"""
from __future__ import annotations

import importlib

import click

from kg.commands import friendly  # noqa: F401  (re-exported for command modules)

CONTEXT = {"help_option_names": ["-h", "--help"]}

# (module under kg.commands, attribute) of each command registered on `kg`
COMMANDS = [
    ("build", "build"),
    ("build", "evaluate"),
    ("build", "explain"),
    ("ontology", "validate"),
    ("ontology", "reason"),
    ("graph", "graph"),
    ("store", "load"),
    ("store", "query"),
    ("entities", "entities"),
]


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="diplomacy-kg")
def main() -> None:
    """Build a diplomacy knowledge graph from news articles, and query it."""


for _module, _name in COMMANDS:
    main.add_command(getattr(importlib.import_module(f"kg.commands.{_module}"), _name))
