"""Regenerate sample_draft.docx, the draft the app opens when started without a file.

Run from the repository root: ``.venv/bin/python resources/samples/make_sample_draft.py``.
The draft is deliberately imperfect (colloquial words, repeats, half-width punctuation) so a new
user sees the checker at work; it also has mixed run formatting, a table, a header and a footer,
which the document tests use.
"""

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def east_asian(run, name: str) -> None:
    run.font.name = name
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def add(paragraph, text: str, font: str = "仿宋_GB2312", *, bold: bool = False, size: int = 16):
    run = paragraph.add_run(text)
    east_asian(run, font)
    run.font.size = Pt(size)
    run.bold = bold
    return run


def build() -> docx.Document:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "某某县发展和改革局"
    d.sections[0].footer.paragraphs[0].text = "内部资料 注意保存"
    title = d.add_paragraph()
    title.alignment = 1
    add(title, "某某县发展和改革局2025年工作总结", "方正小标宋简体", size=22)
    p = d.add_paragraph()
    add(p, "今年以来，我局在县委、县政府的坚强领导下，")
    add(p, "认真的学习", bold=True)
    add(p, "贯彻党的二十届三中全会精神，紧紧围绕全县中心工作，搞好各项工作,取得了一些成绩。")
    p = d.add_paragraph()
    add(p, "一、主要工作情况", "黑体")
    p = d.add_paragraph()
    add(p, "（一）项目建设推进的十分顺利。", "楷体_GB2312")
    add(p, "全年共谋划重点项目48个，总投资约126亿元左右。我们加强调度，加强协调，加强督导，"
           "老是深入一线解决问题，项目开工率达到百分之九十五。")
    p = d.add_paragraph()
    add(p, "（二）营商环境持续优化。", "楷体_GB2312")
    add(p, "咱们好好梳理了审批事项，涉及到的事项全部进驻政务服务中心，办事群众非常非常满意。")
    p = d.add_paragraph()
    add(p, "二、存在的问题", "黑体")
    p = d.add_paragraph()
    add(p, "一是项目储备不足；二是要素保障压力较大；三是干部作风还需进一步进一步改进。")
    p = d.add_paragraph()
    add(p, "三、下步工作打算", "黑体")
    p = d.add_paragraph()
    add(p, "我们要抓具体、抓深入、抓效率，一分部署、九分落实，确保各项目标任务落地见效。")
    table = d.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for row, values in zip(table.rows, (("项目类别", "个数", "总投资（亿元）"),
                                        ("产业项目", "30", "86"),
                                        ("基础设施", "18", "40"))):
        for cell, value in zip(row.cells, values):
            cell.paragraphs[0].text = value
    p = d.add_paragraph()
    p.alignment = 2
    add(p, "某某县发展和改革局")
    p = d.add_paragraph()
    p.alignment = 2
    add(p, "2025年12月5日")
    return d


if __name__ == "__main__":
    build().save(HERE / "sample_draft.docx")
