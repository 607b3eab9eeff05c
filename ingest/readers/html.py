"""HTML to the article's text: page furniture dropped, block elements become lines."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .lines import join_blocks

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
         "iframe", "svg", "canvas", "button", "select", "head")
_BLOCK = frozenset((
    "address", "article", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
))
_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def declared_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _collect(node: Tag, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            # Source line breaks inside Chinese text are wrapping, not spaces.
            out.append(_SPACE.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "pre":
            out.append("\n" + child.get_text() + "\n")
            continue
        block = child.name in _BLOCK
        if block:
            out.append("\n")
        _collect(child, out)
        if block:
            out.append("\n")


def _text_of(soup: BeautifulSoup) -> str:
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    out: list[str] = []
    _collect(root, out)
    return join_blocks("".join(out).split("\n"))


def html_to_text(source: str) -> str:
    soup = BeautifulSoup(source, "lxml")
    # <head> goes with the furniture; its <title> is kept only when the page has no <h1> of its own.
    title_text = soup.title.get_text(" ", strip=True) if soup.title else ""
    body = _text_of(soup)
    if title_text and not body.startswith(title_text) and not re.search(r"<h1", source, re.I):
        return join_blocks([title_text, body])
    return body


def html_fragment_text(source: str) -> str:
    soup = BeautifulSoup(source, "lxml")
    out: list[str] = []
    _collect(soup, out)
    return join_blocks("".join(out).split("\n"))
