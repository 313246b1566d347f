"""The terminal app (Textual); imported only when the app is opened."""
