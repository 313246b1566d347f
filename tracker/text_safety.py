"""Untrusted text (from articles, users, file names, URLs) made safe to show on a terminal.

A terminal obeys what it is sent: ESC and CSI sequences move the cursor, clear the screen,
set the window title or write the clipboard (OSC 52); a carriage return overwrites a line;
bidi controls (U+202E...) show text in another order than it is stored. None of them may
reach a terminal from data: ``clean`` drops them (escape sequences whole, so no printable
remnant such as "]0;title" is left behind).
"""

from __future__ import annotations

import re

# Whole escape sequences first: 7-bit CSI, OSC/DCS/SOS/PM/APC strings up to their terminator
# (BEL or ST), two-character ESC sequences; and their 8-bit C1 forms.
_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI ... final byte
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"  # ESC + intermediates + final (ESC c, ESC ( B, ...)
)
# What is left of C0 (but tab and newline), DEL, C1, and the bidi controls: LRM, RLM, ALM,
# embeddings and overrides U+202A-U+202E, isolates U+2066-U+2069.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_WHITESPACE_RUN = re.compile(r"[\t\n]+")

UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]"
)


def clean(text: object, *, one_line: bool = True) -> str:
    """``text`` without escape sequences, control or bidi characters.

    ``one_line``: line breaks and tabs become single spaces (titles, names, table cells);
    otherwise newlines and tabs are kept and carriage returns become newlines.
    """
    if text is None:
        return ""
    text = str(text)
    if not text:
        return ""
    text = _LINE_BREAKS.sub("\n", text)
    text = _SEQUENCES.sub("", text)
    text = _CONTROLS.sub("", text)
    if one_line:
        text = _WHITESPACE_RUN.sub(" ", text)
    return text


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing a terminal would act on (newlines and tabs allowed)."""
    return UNSAFE.search(text) is None


def escape_json(text: str) -> str:
    """JSON text (as json.dumps writes it) with every unsafe character as a \\uXXXX escape:
    the same data for a program, nothing a terminal acts on."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
