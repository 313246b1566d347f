"""tracker: a diplomatic event timeline tracker."""

__version__ = "0.1.0"
