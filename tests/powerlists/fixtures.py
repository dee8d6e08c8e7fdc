"""Fixtures of the powerlists tests."""
