"""Extraction: pure functions from article text to events."""
