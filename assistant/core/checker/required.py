"""The text a regular expression cannot match without, so a pattern rule skips a paragraph that
lacks it without running its expression: most rule patterns open with a lookbehind
(``(?<![\\d.])``), which leaves the regex engine no prefix to search for, so it tries every
position of every paragraph, while ``in`` finds a literal at C speed."""

from __future__ import annotations

import re
from re import _constants as ops  # noqa: the parse tree of the expressions Python compiles
from re import _parser as parser  # noqa

REPEATS = (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT)
Need = frozenset[str]  # at least one of these strings


def required_text(pattern: re.Pattern) -> tuple[Need, ...]:
    """What every match (with its lookarounds) needs in the text: one string of each set. Nothing
    when the expression names no text for sure (case-insensitive, or only classes such as \\d)."""
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        return _of_sequence(parser.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError, IndexError):
        return ()


class Required:
    """What a pattern needs (``required_text``), for a quick test of each paragraph: its strings
    searched for in one C loop per need (a search for one character is a C scan of the text: the
    set of a paragraph's characters cost more to make, a string made and hashed per character,
    than all the rules' searches together)."""

    def __init__(self, needs: tuple[Need, ...]):
        self.needs = needs
        # Single characters first: those needs are mostly classes of characters (any digit).
        self._searched = tuple(tuple(sorted(need, key=len)) for need in needs)

    def met(self, text: str) -> bool:
        """Whether ``text`` holds one string of each need."""
        for pieces in self._searched:
            if not any(map(text.__contains__, pieces)):
                return False
        return True


def _of_sequence(items) -> tuple[Need, ...]:
    """Items in a row must all match: what each needs, with literals side by side read as one
    string (大约, 。。。)."""
    needs: list[Need] = []
    run = ""
    for op, argument in items:
        if op is ops.LITERAL:
            run += chr(argument)
            continue
        if op in REPEATS and argument[0] >= 1 and len(argument[2]) == 1 and argument[2][0][0] is ops.LITERAL:
            run += chr(argument[2][0][1]) * argument[0]
            if argument[1] == argument[0]:
                continue  # a fixed count: what follows is still side by side
        if run:
            needs.append(frozenset((run,)))
            run = ""
        needs += _of_item(op, argument)
    if run:
        needs.append(frozenset((run,)))
    return tuple(needs)


def _of_item(op, argument) -> tuple[Need, ...]:
    if op is ops.IN and all(kind is ops.LITERAL for kind, _ in argument):
        return (frozenset(chr(code) for _, code in argument),)
    if op is ops.SUBPATTERN:
        _, added, _, items = argument
        return () if added & ops.SRE_FLAG_IGNORECASE else _of_sequence(items)
    if op is ops.ATOMIC_GROUP:
        return _of_sequence(argument)
    if op in REPEATS and argument[0] >= 1:
        return _of_sequence(argument[2])
    if op is ops.ASSERT:  # a lookahead or lookbehind that must hold: its text is in the paragraph
        return _of_sequence(argument[1])
    if op is ops.BRANCH:  # one alternative matches: at least one string of one of them
        firsts = [_of_sequence(branch)[:1] for branch in argument[1]]
        return () if not all(firsts) else (frozenset().union(*(first[0] for first in firsts)),)
    return ()
