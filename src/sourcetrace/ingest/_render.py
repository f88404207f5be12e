"""Element tree -> text with hyperlink offsets: one renderer for trafilatura's output tree (<p>, <head>,
<ref target>) and for raw HTML note entries (<li>, <a href>), so anchors get exact offsets."""

from __future__ import annotations

import unicodedata

from ..model import Hyperlink

# Elements that start a paragraph (blank line before and after) or a line.
PARAGRAPH_TAGS = frozenset(
    {"p", "head", "quote", "list", "table", "code", "div", "section", "article", "blockquote", "pre",
     "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "figure", "header", "footer", "aside", "main"}
)
LINE_TAGS = frozenset({"item", "li", "row", "tr", "dt", "dd", "figcaption", "caption"})
BREAK_TAGS = frozenset({"lb", "br"})
CELL_TAGS = frozenset({"cell", "td", "th"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "graphic", "img", "svg", "button", "iframe"})
LINK_ATTRIBUTES = {"ref": "target", "a": "href"}


class Renderer:
    """Appends elements' text to one string; `text` and `links` are read at the end.

    Whitespace is collapsed and only written between two pieces of text, so a paragraph never starts
    or ends with a space and no offset ever has to be moved afterwards.
    """

    def __init__(self, *, skip=None, inline: bool = False) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.links: list[Hyperlink] = []
        self._break = ""
        self._space = False
        self._open: list[list] = []  # [href, start or None] of anchors being rendered
        self._skip = skip  # predicate: element -> bool, for elements to leave out (backlinks)
        self._inline = inline  # one line: breaks become spaces (a note entry is one "[n] ..." line)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def paragraph_break(self, brk: str = "\n\n") -> None:
        if self._inline:
            self._space = True
            return
        if len(brk) > len(self._break):
            self._break = brk

    def write(self, raw: str | None) -> None:
        if not raw:
            return
        core = " ".join(raw.split())
        if not unicodedata.is_normalized("NFC", core):  # an entity such as "e&#769;" decodes to NFD
            core = unicodedata.normalize("NFC", core)
        if raw[0].isspace():
            self._space = True
        if core:
            if self._break and self.pos:
                self._emit(self._break)
            elif self._space and self.pos and not self.parts[-1].endswith("\n"):
                self._emit(" ")
            self._break = ""
            self._space = False
            for link in self._open:
                if link[1] is None:
                    link[1] = self.pos
            self._emit(core)
        if raw[-1].isspace():
            self._space = True

    def _emit(self, piece: str) -> None:
        self.parts.append(piece)
        self.pos += len(piece)

    def render(self, element) -> None:
        """Render `element`, its descendants and (not) its tail."""
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if not tag or tag in SKIP_TAGS or (self._skip is not None and self._skip(element)):
            return
        if tag in PARAGRAPH_TAGS:
            self.paragraph_break("\n\n")
        elif tag in LINE_TAGS or tag in BREAK_TAGS:
            self.paragraph_break("\n")
        elif tag in CELL_TAGS:
            self._space = True
        link = None
        if tag in LINK_ATTRIBUTES and element.get(LINK_ATTRIBUTES[tag]):
            link = [element.get(LINK_ATTRIBUTES[tag]).strip(), None]
            self._open.append(link)
        self.write(element.text)
        for child in element:
            self.render(child)
            self.write(child.tail)  # a skipped element's (or comment's) tail is still text
        if link is not None:
            self._open.remove(link)
            if link[1] is not None and self.pos > link[1] and not link[0].startswith("#"):
                self.links.append(Hyperlink(link[1], self.pos, link[0]))
        if tag in PARAGRAPH_TAGS:
            self.paragraph_break("\n\n")
        elif tag in LINE_TAGS:
            self.paragraph_break("\n")
        elif tag in CELL_TAGS:
            self._space = True
