"""Text for the screen built from plain strings (never read as markup), with theme colours.

``Line().append("untrusted [b]text[/b]", "bold $error").content()`` shows the brackets as
they are; styles may use the theme's variables ($primary, $error, $text-muted...).
"""

from __future__ import annotations

from textual.content import Content

STATUS_STYLES = {
    "proposed": "$secondary",
    "planned": "$primary",
    "threatened": "$warning",
    "occurred": "$success",
    "postponed": "$accent",
    "cancelled": "$error",
}


class Line:
    def __init__(self, text: str = "", style: str = "") -> None:
        self.parts: list[str | tuple[str, str]] = []
        if text:
            self.append(text, style)

    def append(self, text: str, style: str = "") -> Line:
        self.parts.append((text, style) if style else text)
        return self

    def content(self) -> Content:
        return Content.assemble(*self.parts)


def styled(text: str, style: str = "") -> Content:
    """One plain string, styled."""
    return Content.styled(text, style) if style else Content(text)
