"""Markdown to plain text: markup goes, headings stay as lines of their own."""
from __future__ import annotations

from markdown_it import MarkdownIt

from .lines import join_blocks

_md = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef"


def _inline_text(token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(child.content or "")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "softbreak":
            # A wrapped Chinese line joins without a space; Latin words need one.
            parts.append("\x00")
        elif child.type == "html_inline":
            continue
    text = "".join(parts)
    if "\x00" in text:
        pieces = text.split("\x00")
        joined = pieces[0]
        for nxt in pieces[1:]:
            glue = "" if (joined and _is_cjk(joined[-1])) or (nxt and _is_cjk(nxt[0])) else " "
            joined = joined.rstrip() + glue + nxt.lstrip()
        text = joined
    return text


def markdown_to_text(source: str) -> str:
    blocks: list[str] = []
    row: list[str] | None = None
    for tok in _md.parse(source):
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            blocks.append(" ".join(c for c in row or [] if c))
            row = None
        elif tok.type == "inline":
            text = _inline_text(tok)
            if row is not None:
                row.append(text.strip())
            else:
                blocks.append(text)
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content)
        elif tok.type == "html_block":
            from .html import html_fragment_text

            blocks.append(html_fragment_text(tok.content))
    return join_blocks(blocks)
