"""argparse's own words in Chinese: usage lines, errors and help headings are what a user sees
when a command is mistyped. argparse looks every message up through its module-level ``_``
(gettext); we answer that lookup from this table instead of shipping a .mo catalogue."""

from __future__ import annotations

import argparse

CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "需要参数 %s 之一",
    "expected one argument": "后面应跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少跟一个值",
    "expected %s argument": "后面应跟 %s 个值",
    "expected %s arguments": "后面应跟 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的值 %r",
    "invalid %(type)s value: %(value)r": "值 %(value)r 的格式不对",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择 %(value)r（可选：%(choices)s）",
}


def install() -> None:
    argparse._ = lambda message: CHINESE.get(message, message)


class Parser(argparse.ArgumentParser):
    """A mistyped command gets one line, as every other error does (the usage is one -h away)."""

    def error(self, message: str):
        self.exit(2, f"错误：{message}（用 {self.prog} -h 查看用法）\n")
