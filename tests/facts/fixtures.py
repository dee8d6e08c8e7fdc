"""Fixtures of the facts tests."""
