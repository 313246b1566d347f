"""Markdown articles as plain text: what a web clipper or a notes app saves ("# Headline",
"**Published:** 13 May 2019", "[Lima](https://...)", "> a quoted statement").

The extractor reads plain text; the marks of Markdown would otherwise end up inside titles,
names and evidence ("**reopen**", "[Lima](https://x.y)"). Front matter at the top is kept as
it is. Line by line and linear in the text's length.
"""

from __future__ import annotations

import re

# ![a picture](src): no text of the article
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
# [text](url "title") and [text][ref]: the text
_LINK = re.compile(r"\[([^\]\n]{1,500})\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,100}\])")
# <https://...>: an address, no words of the article
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]{1,2000}>")
# **strong**, __strong__, *emphasis*, _emphasis_, ~~struck~~, `code`: the words, without marks
# (an underscore or star inside a word, as in snake_case or 5*3, is not a mark; a span is
# at most a few hundred characters, so a line of stray stars costs linear time)
_MARKS = re.compile(
    r"(?<![\w*])\*\*(?=\S)(.{1,300}?)(?<=\S)\*\*(?![\w*])"
    r"|(?<!\w)__(?=\S)(.{1,300}?)(?<=\S)__(?!\w)"
    r"|(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<!\w)_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?!\w)"
    r"|~~(?=\S)(.{1,300}?)(?<=\S)~~"
    r"|`([^`\n]+)`"
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,500})?/?>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_RULE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST_ITEM = re.compile(r"^\s{0,8}(?:[-*+]|\d{1,3}[.)])\s+")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")


def _unmarked(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub("", line)
    line = _TAG.sub("", line)
    return _MARKS.sub(lambda m: next(g for g in m.groups() if g is not None), line)


def _front_matter_end(lines: list[str]) -> int:
    """The index of the line after a front matter block at the top, else 0."""
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return 0
    for k in range(first + 1, len(lines)):
        if lines[k].strip() == "---":
            return k + 1
    return 0


def plain_markdown(text: str) -> str:
    """The text of a Markdown article without its marks; front matter kept as it is. The lines
    of one paragraph are joined (Markdown wraps them; the extractor never runs two lines of
    plain text together); headings, list items and quotations stay lines of their own."""
    lines = text.splitlines()
    start = _front_matter_end(lines)
    out = lines[:start]
    in_fence = False
    open_paragraph = False  # the last line out is a paragraph's that the next may go on
    in_quote = False  # the last line out is a quotation's
    for k in range(start, len(lines)):
        line = lines[k]
        if _FENCE.match(line):
            in_fence = not in_fence
            open_paragraph = False
            continue
        if in_fence:
            out.append(line)
            continue
        heading = _HEADING.match(line)
        block_start = True
        if heading:
            line = heading[1]
            in_quote = False
        elif _SETEXT_RULE.match(line) and open_paragraph:
            open_paragraph = False
            continue  # the line under a heading: "Headline\n========"
        elif _RULE.match(line):
            line = ""
        else:
            unquoted = _QUOTE.sub("", line)
            quoted = unquoted != line
            item = _LIST_ITEM.sub("", unquoted)
            # a new list item, or a quotation after plain text, starts a line; a quotation's
            # next line goes on with it
            block_start = item != unquoted or quoted != in_quote
            in_quote = quoted
            line = item
        line = _unmarked(line).strip() if line.strip() else ""
        if not line:
            out.append("")
            open_paragraph = False
        elif open_paragraph and not block_start:
            out[-1] += " " + line
        else:
            out.append(line)
            open_paragraph = heading is None
    return "\n".join(out) + "\n"
