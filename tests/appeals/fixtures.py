"""Fixtures of the appeals tests."""
