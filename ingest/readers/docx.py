"""Word .docx to text: paragraphs and table cells in document order."""
from __future__ import annotations

import io
import zipfile

from .lines import join_blocks


class CorruptDocx(ValueError):
    pass


def docx_to_text(raw: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError, ValueError, EOFError) as e:
        raise CorruptDocx(f"corrupt or truncated .docx ({type(e).__name__}: {e})") from None

    blocks: list[str] = []

    def walk(container, parent) -> None:
        for child in container.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                blocks.append(Paragraph(child, parent).text)
            elif tag == "tbl":
                table = Table(child, parent)
                for row in table.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        # A merged cell is returned once per grid column it spans.
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        walk(cell._tc, cell)
            elif tag == "sdt":
                content = child.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtContent")
                if content is not None:
                    walk(content, parent)

    try:
        walk(document.element.body, document)
    except (KeyError, ValueError, XMLSyntaxError) as e:
        raise CorruptDocx(f"corrupt .docx body ({type(e).__name__}: {e})") from None
    return join_blocks(blocks)
