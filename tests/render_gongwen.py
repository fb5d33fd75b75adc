"""Render the 公文 export of a full 上行文 and a full 下行文 (版头, 附件, 版记) through LibreOffice
and print what the page measures (issue 13). Not a test; tests/core/test_gongwen_pdf.py asserts
the same figures.

    .venv/bin/python tests/render_gongwen.py /tmp/gongwen
Makes, per example, NAME.docx, NAME.pdf, NAME-first.png and NAME-last.png in the folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.core.document import open_document  # noqa: E402
from assistant.core.export.gongwen import export_gongwen  # noqa: E402
from assistant.core.export.remember import recognise_draft  # noqa: E402
from tests.gongwen_pdf import (HEIGHT_PT, LEFT_PT, MM, TOP_PT, characters, full_lines, pages, png,  # noqa: E402
                               red_figures, text_lines, to_pdf)

EXAMPLES = {"upward": ("上行文（请示，加盖印章）", True), "downward": ("下行文（通知，不加盖印章）", False)}
DRAFTS = ROOT / "tests" / "_files" / "gongwen"


def export_example(name: str, folder: Path):
    """The example's export (sealed as EXAMPLES says) and its PDF."""
    draft = open_document(DRAFTS / f"{name}.txt").snapshot()
    elements = recognise_draft(draft).updated({"加盖印章": "是" if EXAMPLES[name][1] else "否"})
    result = export_gongwen(draft, folder / f"{name}.docx", elements=elements)
    return result, to_pdf(result.path)


def measure(pdf: Path) -> dict:
    every = pages(pdf)
    lines = [text_lines(words) for words in every]
    numbers = []
    for number, words in enumerate(every, 1):
        below = [w for w in words if w.y0 > TOP_PT + HEIGHT_PT]
        if below:
            middle = (min(w.y0 for w in below) + max(w.y1 for w in below)) / 2
            numbers.append((number, "".join(w.text for w in below), round((middle - TOP_PT - HEIGHT_PT) / MM, 1),
                            round((min(w.x0 for w in below) - LEFT_PT) / MM, 1)))
    mark, separator = red_figures(pdf)
    return {"pages": len(every), "lines": [len(page) for page in lines],
            "characters": [sorted({characters(line) for line in full_lines(page)}) for page in lines],
            "mark_mm": round(mark, 1), "separator_mm": round(separator, 1), "page_numbers": numbers}


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (label, _) in EXAMPLES.items():
        result, pdf = export_example(name, folder)
        figures = measure(pdf)
        first = png(pdf, 1, folder / f"{name}-first.png")
        last = png(pdf, figures["pages"], folder / f"{name}-last.png")
        print(f"{label}：{pdf}")
        print(f"  页数 {figures['pages']}（排版时计得 {result.pages}）；每页行数 {figures['lines']}")
        print(f"  满行字数 {figures['characters']}")
        print(f"  发文机关标志上边缘距版心上边缘 {figures['mark_mm']} mm；红色分隔线距版心上边缘 {figures['separator_mm']} mm")
        for number, text, below, left in figures["page_numbers"]:
            print(f"  第 {number} 页页码“{text}”：中线在版心下边缘下 {below} mm，距版心左边 {left} mm")
        print(f"  截图：{first}  {last}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/gongwen"))
