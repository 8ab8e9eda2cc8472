"""CLI commands, one module per area; registered in kg/cli.py."""
