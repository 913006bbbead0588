"""Spiders: `news` (registry-driven discovery) and `urls` (given article URLs)."""
