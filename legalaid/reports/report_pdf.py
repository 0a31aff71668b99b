"""Report → A4 PDF with the Chinese font embedded in every piece of text (reportlab)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from legalaid.paths import font_file
from legalaid.reports.report_data import Chart, Report, Table, signoff_lines

FONT = "WenQuanYiMicroHei"
PALETTE = [colors.HexColor(c) for c in (
    "#2F5597", "#C55A11", "#548235", "#7F6000", "#7030A0", "#2E75B6", "#BF9000", "#A5A5A5",
    "#843C0C", "#375623")]  # fmt: skip
HIGHLIGHT = colors.HexColor("#FDE2E1")
HEADER_FILL = colors.HexColor("#DCE6F2")


# 禁则 (GB/T 15834): no line starts with closing punctuation. reportlab's CJK wrapping knows
# the ideographic full stop but not the full-width comma, semicolon, colon and the like.
_CANNOT_START = "，；：！？、）》」』】〕”’…·"


def _extend_line_breaking_rules() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(c for c in _CANNOT_START if c not in textsplit.ALL_CANNOT_START)
    if extra:
        textsplit.ALL_CANNOT_START += extra
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START  # imported there by name


def register_font() -> str:
    """Embed WenQuanYi Micro Hei (TrueType outlines: reportlab embeds it as a subset)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_file()), subfontIndex=0))
        # reportlab's graphics start every drawing in Helvetica, which is not embedded;
        # viewers would substitute it and printers may fail (toolchain.md).
        shapes.STATE_DEFAULTS["fontName"] = FONT
        _extend_line_breaking_rules()
    return FONT


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=10.5, leading=17, wordWrap="CJK", firstLineIndent=21
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontSize=17,
            leading=24,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=4,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=base,
            fontSize=10,
            alignment=TA_CENTER,
            firstLineIndent=0,
            textColor=colors.HexColor("#444444"),
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontSize=12.5,
            leading=18,
            firstLineIndent=0,
            spaceBefore=10,
            spaceAfter=5,
        ),
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12, firstLineIndent=0),
        "note": ParagraphStyle(
            "note",
            parent=base,
            fontSize=8.5,
            leading=12,
            firstLineIndent=0,
            textColor=colors.HexColor("#555555"),
        ),
    }


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Draws "第 N 页 共 M 页" once the page count is known."""

    report: Report

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = self._pagesize
        self.setFont(FONT, 8.5)
        self.setFillColor(colors.HexColor("#555555"))
        self.drawString(20 * mm, height - 12 * mm, self.report.organisation)
        self.drawRightString(width - 20 * mm, height - 12 * mm, self.report.period)
        self.setStrokeColor(colors.HexColor("#999999"))
        self.line(20 * mm, height - 13.5 * mm, width - 20 * mm, height - 13.5 * mm)
        self.drawString(20 * mm, 11 * mm, f"生成日期：{self.report.generated_on.isoformat()}")
        self.drawRightString(width - 20 * mm, 11 * mm, f"第 {number} 页 共 {total} 页")


def _table(table: Table, styles: dict[str, ParagraphStyle], width: float) -> list[Any]:
    cell = styles["cell"]
    data = [[Paragraph(h, cell) for h in table.headers]]
    data += [[Paragraph(v, cell) for v in row] for row in table.rows]
    if table.widths:
        columns = [width * w / sum(table.widths) for w in table.widths]
    else:
        first = width * (0.34 if len(table.headers) <= 4 else 0.26)
        columns = [first] + [(width - first) / max(1, len(table.headers) - 1)] * (
            len(table.headers) - 1
        )
    pdf_table = PdfTable(data, colWidths=columns, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8EA9C1")),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for index in table.highlight_rows:
        style.append(("BACKGROUND", (0, index + 1), (-1, index + 1), HIGHLIGHT))
    pdf_table.setStyle(TableStyle(style))
    return [CondPageBreak(40 * mm), Paragraph(table.title, styles["heading"]), pdf_table]


def _chart(chart: Chart, styles: dict[str, ParagraphStyle], width: float) -> list[Any]:
    height = 70 * mm
    drawing = Drawing(width, height)
    if chart.kind == "bar":
        bars = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = (
            12 * mm,
            10 * mm,
            width - 20 * mm,
            height - 24 * mm,
        )
        series = [list(chart.values)] + ([list(chart.previous)] if chart.previous else [])
        bars.data = series
        bars.categoryAxis.categoryNames = list(chart.labels)
        bars.categoryAxis.labels.fontName = FONT
        bars.categoryAxis.labels.fontSize = 7.5
        bars.valueAxis.labels.fontName = FONT
        bars.valueAxis.labels.fontSize = 7.5
        bars.valueAxis.valueMin = 0
        bars.bars[0].fillColor = PALETTE[0]
        if chart.previous:
            bars.bars[1].fillColor = colors.HexColor("#B4C7E7")
        drawing.add(bars)
        legend = Legend()
        legend.fontName, legend.fontSize = FONT, 8
        # One row above the plot, swatch before text.
        legend.x, legend.y = 14 * mm, height - 2 * mm
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx, legend.dy, legend.dxTextSpace = 8, 8, 4
        legend.colorNamePairs = [(PALETTE[0], "本年")] + (
            [(colors.HexColor("#B4C7E7"), "上年同期")] if chart.previous else []
        )
        drawing.add(legend)
    else:
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 15 * mm, 6 * mm, 55 * mm, 55 * mm
        pie.data = list(chart.values) or [1]
        pie.labels = None
        pie.slices.strokeColor = colors.white
        for index in range(len(pie.data)):
            pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
        drawing.add(pie)
        total = sum(chart.values) or 1
        legend = Legend()
        legend.fontName, legend.fontSize = FONT, 8.5
        legend.x, legend.y = 85 * mm, height - 10 * mm
        legend.alignment = "right"
        legend.columnMaximum = 12
        legend.deltay = 11
        legend.colorNamePairs = [
            (PALETTE[i % len(PALETTE)], f"{label}  {value}件（{value * 100 / total:.1f}%）")
            for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True))
        ]
        drawing.add(legend)
    return [KeepTogether([Paragraph(chart.title, styles["heading"]), drawing])]


def _signoff(report: Report, styles: dict[str, ParagraphStyle], width: float) -> list[Any]:
    """Issuing centre, signatures and date on the left, a circle for the seal on the right."""
    seal = Drawing(42 * mm, 42 * mm)
    seal.add(shapes.Circle(21 * mm, 21 * mm, 19 * mm, strokeColor=colors.HexColor("#B0B0B0"),
                           strokeDashArray=[2, 2], fillColor=None, strokeWidth=0.6))  # fmt: skip
    seal.add(shapes.String(21 * mm, 20 * mm, "（盖章）", fontName=FONT, fontSize=8,
                           fillColor=colors.HexColor("#909090"), textAnchor="middle"))  # fmt: skip
    lines = [Paragraph(text, styles["body"]) for text in signoff_lines(report)]
    block = PdfTable([[lines, seal]], colWidths=[width - 46 * mm, 46 * mm])
    block.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10),  # never Helvetica
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return [Spacer(1, 8 * mm), KeepTogether([block])]


def write_pdf(report: Report, path: Path) -> None:
    """Write the report; the embedded font is the document's initial font, so no Helvetica."""
    register_font()
    styles = _styles()
    page = landscape(A4) if report.landscape else A4
    document = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=report.title,
        author="legalaid",
        initialFontName=FONT,
        initialFontSize=10,
    )
    width = page[0] - 40 * mm
    story: list[Any] = [
        Paragraph(report.title, styles["title"]),
        Paragraph(f"{report.organisation}　{report.period}", styles["subtitle"]),
        Spacer(1, 6 * mm),
    ]
    story += [Paragraph(text, styles["body"]) for text in report.summary]
    for table in report.tables:
        story += _table(table, styles, width)
    for chart in report.charts:
        story += _chart(chart, styles, width)
    if report.notes:
        story.append(Spacer(1, 4 * mm))
        story += [Paragraph(note, styles["note"]) for note in report.notes]
    story += _signoff(report, styles, width)

    class Canvas_(_NumberedCanvas):
        pass

    Canvas_.report = report
    document.build(story, canvasmaker=Canvas_)
