"""文种 templates: each is recognised by the 公文 export as its 文种, with its stock phrases."""

from __future__ import annotations

import pytest

from assistant.core.export.elements import Line, recognise
from assistant.core.templates import new_from_template, templates

STOCK_CLOSINGS = {"通知": "特此通知。", "请示": "妥否，请批示。", "报告": "特此报告。", "函": "特此函复。",
                  "通报": "特此通报。", "批复": "此复。"}


def test_the_eight_doc_types_are_there():
    assert {"通知", "请示", "报告", "函", "纪要", "意见", "通报", "批复"} <= {t.name for t in templates()}


@pytest.mark.parametrize("template", templates(), ids=lambda t: t.name)
def test_template_is_recognised_as_its_doc_type(template):
    found = recognise([Line(text) for text in template.lines])
    assert found.elements.doc_type == template.name and found.body
    assert any("××" in line for line in template.lines)  # placeholders to fill in
    if template.name in STOCK_CLOSINGS:
        assert found.body[-1].text == STOCK_CLOSINGS[template.name]
    if template.name in ("请示", "报告"):
        assert found.elements.signer  # 上行文 carry a 签发人


def test_new_draft_is_unsaved_and_editable():
    document = new_from_template("请示")
    assert document.path is None and all(p.editable for p in document.paragraphs)
    document.set_text(0, "某某县人民政府文件")
    assert document.paragraphs[0].text == "某某县人民政府文件"
