"""Character diffs that stay fast on any text: difflib for ordinary lengths, and beyond that a
linear pass (difflib's matcher grows with the cube of the length on repetitive text such as
头发头发…, which once made a conversion never end)."""

from __future__ import annotations

from difflib import SequenceMatcher

Opcode = tuple[str, int, int, int, int]
LONG_TEXT = 300      # longer texts take the linear diff
MAX_LOOKAHEAD = 16   # how far the linear diff looks for agreement after a mismatch (an OpenCC phrase is shorter)
# Where to look after a mismatch: one-for-one replacements first, then the nearest.
RESYNC_STEPS = sorted(((di, dj) for di in range(MAX_LOOKAHEAD + 1) for dj in range(MAX_LOOKAHEAD + 1) if di or dj),
                      key=lambda step: (max(step), abs(step[0] - step[1])))


def diff(a: str, b: str) -> list[Opcode]:
    """Opcodes (as difflib's) that turn ``a`` into ``b``."""
    if max(len(a), len(b)) <= LONG_TEXT:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return linear_diff(a, b)


def linear_diff(a: str, b: str) -> list[Opcode]:
    """Opcodes in one pass: equal characters pair by position; after a mismatch the two sides are
    joined again at the nearest point (at most MAX_LOOKAHEAD characters on) where they agree. A
    conversion changes text phrase by phrase, so the mismatches it makes are short and local."""
    opcodes: list[Opcode] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start_i, start_j = i, j
        same = _same_run(a, i, b, j)
        i, j = i + same, j + same
        if i > start_i:
            opcodes.append(("equal", start_i, i, start_j, j))
        if i == len(a) or j == len(b):
            break
        di, dj = next(((di, dj) for di, dj in RESYNC_STEPS
                       if i + di < len(a) and j + dj < len(b) and a[i + di] == b[j + dj]), (len(a) - i, len(b) - j))
        tag = "replace" if di and dj else "delete" if di else "insert"
        opcodes.append((tag, i, i + di, j, j + dj))
        i, j = i + di, j + dj
    if i < len(a) or j < len(b):
        tag = "replace" if i < len(a) and j < len(b) else "delete" if i < len(a) else "insert"
        opcodes.append((tag, i, len(a), j, len(b)))
    return opcodes


def _same_run(a: str, i: int, b: str, j: int) -> int:
    """How many characters a[i:] and b[j:] have in common at their start, found by comparing
    slices (doubling, then halving) rather than character by character: a conversion leaves long
    stretches alike."""
    limit = min(len(a) - i, len(b) - j)
    same, step = 0, 16
    while same < limit:
        step = min(step, limit - same)
        if a[i + same:i + same + step] == b[j + same:j + same + step]:
            same += step
            step *= 2
            continue
        low, high = 0, step  # the first ``low`` characters agree; the first ``high`` do not
        while high - low > 1:
            middle = (low + high) // 2
            if a[i + same:i + same + middle] == b[j + same:j + same + middle]:
                low = middle
            else:
                high = middle
        return same + low
    return same
