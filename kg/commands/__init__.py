"""CLI commands, one module per area; registered in kg/cli.py."""
from __future__ import annotations

import functools

import click

from kg.errors import KgError


def friendly(func):
    """Turn library errors into click errors (exit 1, ``Error: …``)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as err:
            raise click.ClickException(str(err)) from err

    return wrapper
