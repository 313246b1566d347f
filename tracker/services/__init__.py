"""Use cases: each function takes a Session and does one thing the user asked for.

The CLI and the TUI are thin shells over these; they never touch the models directly.
"""
