"""diplomacy-kg."""
