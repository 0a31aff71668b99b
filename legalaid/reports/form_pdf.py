"""Standard documents as A4 PDFs, set as official documents are (GB/T 9704-2012 where it
applies): 37 mm top and 28 mm binding margins around a 156 × 225 mm text block, the title at
22 pt, the body at 16 pt with 22 lines a page and a two-character first-line indent, the
date four characters in from the right under the seal, and no line starting with closing
punctuation (禁则). Several documents go into one PDF, each from a new page.

GB/T 9704 asks for 仿宋 in the body and 小标宋 in titles; no 仿宋 or 小标宋 that reportlab can
embed is available under a free licence from PyPI or Debian (the free ones are CFF-outline
OpenType, which reportlab cannot embed, or Traditional-only), so the embedded WenQuanYi
Micro Hei (黑体 style) sets every line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from legalaid.domain.documents import chinese_date
from legalaid.reports.form_data import FormDocument
from legalaid.reports.report_pdf import FONT, register_font

# GB/T 9704-2012 5.2.1 and 5.2.2: the page and its text block.
TOP, BINDING = 37 * mm, 28 * mm
BLOCK_WIDTH, BLOCK_HEIGHT = 156 * mm, 225 * mm
BODY = 16  # 3号
LEADING = BLOCK_HEIGHT / 22  # 22 lines a page
TITLE = 22  # 2号

# 禁则: characters that may not start a line, and those that may not end one. reportlab's
# own CJK wrapping knows a Japanese list and hangs at most one mark, so "）。" at a line's
# end still leaves "。" to start the next: lines are broken here instead (see _lines).
NO_LINE_START = "，。、；：？！）」》』】〕…,.;:?!)"
NO_LINE_END = "（「《『【〔(“‘"
_RUN = re.compile(r"[A-Za-z0-9@._%+\-]+|.", re.S)  # latin and digit runs stay whole


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=BODY, leading=LEADING, wordWrap="CJK",
        firstLineIndent=2 * BODY,
    )  # fmt: skip
    flush = {"firstLineIndent": 0}
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontSize=TITLE, leading=TITLE * 1.6, alignment=TA_CENTER, **flush
        ),
        "letterhead": ParagraphStyle(
            "letterhead",
            parent=body,
            fontSize=10.5,
            leading=14,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#333333"),
            **flush,
        ),
        "number": ParagraphStyle(
            "number", parent=body, fontSize=14, leading=LEADING, alignment=TA_RIGHT, **flush
        ),
        "addressee": ParagraphStyle("addressee", parent=body, **flush),
        "party": ParagraphStyle("party", parent=body, **flush),
        "body": body,
        # The seal and the date: the date four characters in from the right (GB/T 9704 7.3.5).
        "seal": ParagraphStyle(
            "seal", parent=body, alignment=TA_RIGHT, rightIndent=4 * BODY, **flush
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=12, leading=16, **flush),
        "note": ParagraphStyle("note", parent=body, fontSize=12, leading=18, **flush),
        "sign": ParagraphStyle("sign", parent=body, fontSize=14, leading=LEADING * 1.2, **flush),
    }


# Room to sign and date a box. No-break spaces: a paragraph folds ideographic spaces into one.
SIGN_BOX = "<br/><br/>签名：" + "&nbsp;" * 24 + "年" + "&nbsp;" * 6 + "月" + "&nbsp;" * 6 + "日"
_DATE_BLANK = "&nbsp;" * 8 + "年" + "&nbsp;" * 4 + "月" + "&nbsp;" * 4 + "日"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lines(text: str, size: float, width: float, indent: float = 0) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (the first ``indent`` less),
    pushing a mark that may not start a line back with the character before it, and an
    opening bracket that may not end one on to the next line (推出式禁则)."""
    lines: list[list[str]] = [[]]
    used, room = 0.0, width - indent
    for token in _RUN.findall(text):
        advance = stringWidth(token, FONT, size)
        if lines[-1] and used + advance > room + 0.01:
            lines.append([])
            used, room = 0.0, width
        lines[-1].append(token)
        used += advance
    index = 1
    while index < len(lines):
        previous, current = lines[index - 1], lines[index]
        while current and current[0][0] in NO_LINE_START and len(previous) > 1:
            current.insert(0, previous.pop())  # the mark goes with the word before it
        while len(previous) > 1 and previous[-1][-1] in NO_LINE_END:
            current.insert(0, previous.pop())
        # A line that now overflows gives its last words to the line below.
        while len(current) > 1 and stringWidth("".join(current), FONT, size) > width + 0.01:
            if index + 1 == len(lines):
                lines.append([])
            lines[index + 1].insert(0, current.pop())
        index += 1
    return ["".join(line) for line in lines if line]


def _para(text: str, style: ParagraphStyle, width: float = BLOCK_WIDTH) -> Paragraph:
    """A paragraph broken by the rules above (reportlab keeps the breaks as they are)."""
    room = width - style.leftIndent - style.rightIndent
    lines = _lines(text, style.fontSize, room, style.firstLineIndent)
    return Paragraph("<br/>".join(_escape(line) for line in lines), style)


def write_form(document: FormDocument, path: Path) -> None:
    write_forms([document], path)


def write_forms(documents: Sequence[FormDocument], path: Path) -> None:
    """One PDF of the documents, each from a new page."""
    register_font()
    styles = _styles()
    # The frame is the text block itself (a SimpleDocTemplate pads it by 6 pt a side).
    frame = Frame(BINDING, A4[1] - TOP - BLOCK_HEIGHT, BLOCK_WIDTH, BLOCK_HEIGHT,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
    pdf = BaseDocTemplate(
        str(path), pagesize=A4, pageTemplates=[PageTemplate("A4", [frame])],
        title=documents[0].title if len(documents) == 1 else "法律援助文书",
        author="legalaid", initialFontName=FONT,
    )  # fmt: skip
    story: list[Any] = []
    for index, document in enumerate(documents):
        if index:
            story.append(PageBreak())
        story += _document(document, styles)
    pdf.build(story)


def _document(document: FormDocument, styles: dict[str, ParagraphStyle]) -> list[Any]:
    story: list[Any] = [Paragraph(_escape(document.title), styles["title"])]
    if document.letterhead:
        story.append(Paragraph(_escape(document.letterhead), styles["letterhead"]))
    story.append(Spacer(1, 3 * mm))
    if document.number:
        story.append(Paragraph(_escape(document.number), styles["number"]))
    if document.fields:
        story += _form(document, styles)
    else:
        story += _letter(document, styles)
    return story


def _letter(document: FormDocument, styles: dict[str, ParagraphStyle]) -> list[Any]:
    story: list[Any] = []
    agreement = not document.sealed
    for index, text in enumerate(document.paragraphs):
        # A letter's first line is its addressee; an agreement opens with its parties.
        flush = (index == 0 and not agreement) or (agreement and "：" in text[:12] and index < 2)
        story.append(_para(text, styles["addressee" if flush else "body"]))
    if document.sealed:
        # The seal over the date, kept together on one page.
        story.append(KeepTogether([
            Spacer(1, 14 * mm),
            Paragraph(_escape(document.organisation) + "（印章）", styles["seal"]),
            Paragraph(chinese_date(document.issued_on), styles["seal"]),
        ]))  # fmt: skip
    story += _signatures(document, styles)
    return story


def _signatures(document: FormDocument, styles: dict[str, ParagraphStyle]) -> list[Any]:
    if not document.signatures:
        return []
    blank = "＿" * 8
    return [Spacer(1, 8 * mm)] + [
        Paragraph(f"{_escape(who)}：{blank}　{_DATE_BLANK}", styles["sign"])
        for who in document.signatures
    ]


def _form(document: FormDocument, styles: dict[str, ParagraphStyle]) -> list[Any]:
    cell = styles["cell"]
    value_width = BLOCK_WIDTH - 36 * mm - 12  # the cell's padding
    rows = [
        [_para(label, cell, 36 * mm - 12), _para(value, cell, value_width)]
        for label, value in document.fields
    ]
    rows += [[Paragraph(_escape(box), cell), Paragraph(SIGN_BOX, cell)] for box in document.boxes]
    table = Table(rows, colWidths=[36 * mm, BLOCK_WIDTH - 36 * mm])
    table.setStyle(
        TableStyle(
            [
                # Without it reportlab sets Helvetica on each cell: a font not embedded.
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story: list[Any] = [Spacer(1, 2 * mm), table, Spacer(1, 3 * mm)]
    story += [_para(n, styles["note"]) for n in document.notes]
    story += _signatures(document, styles)
    if document.signoff:
        blank = "＿" * 5
        story += [
            Spacer(1, 8 * mm),
            Paragraph(f"填报单位（盖章）：{_escape(document.organisation)}", styles["party"]),
            Paragraph("　".join(f"{who}：{blank}" for who in document.signoff), styles["party"]),
            Paragraph("报送日期：" + chinese_date(document.issued_on), styles["party"]),
        ]
    return story
