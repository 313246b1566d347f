"""Fixtures for the TUI tests: fixed data (see tui_helpers.seed)."""

from __future__ import annotations

import pytest
from tui_helpers import seed


@pytest.fixture
def seeded(engine):
    return seed(engine)
