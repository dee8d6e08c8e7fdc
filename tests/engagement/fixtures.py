"""Fixtures of the engagement tests."""
