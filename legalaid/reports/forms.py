"""Standard documents as A4 PDFs: title, number line, text or field table, seal and date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from legalaid.domain.documents import chinese_date
from legalaid.reports.data_forms import FormDocument
from legalaid.reports.pdf import FONT, register_font


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=14, leading=28, wordWrap="CJK", firstLineIndent=28
    )
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontSize=22, leading=34, alignment=TA_CENTER, firstLineIndent=0
        ),
        "number": ParagraphStyle(
            "number", parent=body, fontSize=12, alignment=TA_RIGHT, firstLineIndent=0
        ),
        "addressee": ParagraphStyle("addressee", parent=body, firstLineIndent=0),
        "body": body,
        "seal": ParagraphStyle("seal", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=11, leading=16, firstLineIndent=0),
        "note": ParagraphStyle("note", parent=body, fontSize=10, leading=15, firstLineIndent=0),
    }


# Room to sign and date a box. No-break spaces: a paragraph folds ideographic spaces into one.
SIGN_BOX = (
    "<br/><br/><br/>签名：" + "&nbsp;" * 24 + "年" + "&nbsp;" * 6 + "月" + "&nbsp;" * 6 + "日"
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_form(document: FormDocument, path: Path) -> None:
    register_font()
    styles = _styles()
    pdf = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=30 * mm,
        bottomMargin=25 * mm,
        title=document.title,
        author="legalaid",
        initialFontName=FONT,
    )
    story: list[Any] = [
        Paragraph(document.title, styles["title"]),
        Spacer(1, 4 * mm),
        Paragraph(_escape(document.number), styles["number"]),
        Spacer(1, 4 * mm),
    ]
    width = A4[0] - 54 * mm
    if document.fields:
        cell = styles["cell"]
        rows = [
            [Paragraph(_escape(label), cell), Paragraph(_escape(value), cell)]
            for label, value in document.fields
        ]
        rows += [
            [
                Paragraph(box, cell),
                Paragraph(SIGN_BOX, cell),
            ]
            for box in document.boxes
        ]
        table = Table(rows, colWidths=[32 * mm, width - 32 * mm])
        table.setStyle(
            TableStyle(
                [
                    # Without it reportlab sets Helvetica on each cell: a font not embedded.
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story.append(table)
        story += [Spacer(1, 3 * mm)] + [
            Paragraph(_escape(n), styles["note"]) for n in document.notes
        ]
        if document.signoff:
            blank = "＿" * 5
            story += [
                Spacer(1, 8 * mm),
                Paragraph(f"填报单位（盖章）：{_escape(document.organisation)}", styles["body"]),
                Paragraph("　".join(f"{who}：{blank}" for who in document.signoff), styles["body"]),
                Paragraph("报送日期：" + chinese_date(document.issued_on), styles["body"]),
            ]
    else:
        for index, text in enumerate(document.paragraphs):
            style = styles["addressee"] if index == 0 else styles["body"]
            story.append(Paragraph(_escape(text), style))
        story += [
            Spacer(1, 16 * mm),
            Paragraph(_escape(document.organisation) + "（印章）", styles["seal"]),
            Paragraph(chinese_date(document.issued_on), styles["seal"]),
        ]
    pdf.build(story)
