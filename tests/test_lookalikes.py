"""The look-alike table's builder (assistant/tools/lookalikes.py) on hand-drawn bitmaps: no font, no Qt."""

from assistant.tools.lookalikes import SIZE, features, lookalikes


def drawn(*strokes: tuple[int, int, int, int]) -> int:
    """A SIZE × SIZE bitmap (row by row, first pixel highest bit) of filled rectangles (x, y, w, h)."""
    bits = 0
    for x, y, width, height in strokes:
        for row in range(y, y + height):
            for column in range(x, x + width):
                bits |= 1 << (SIZE * SIZE - 1 - (row * SIZE + column))
    return bits


def test_a_stroke_moved_a_little_still_looks_alike_and_another_shape_does_not():
    frame = ((6, 4, 20, 1), (6, 4, 1, 24), (25, 4, 1, 24), (6, 27, 20, 1))
    box = drawn(*frame, (6, 15, 20, 1))  # 日-like
    box_lower_bar = drawn(*frame, (6, 17, 20, 1))  # the inner bar two pixels lower
    cross = drawn((15, 2, 1, 28), (2, 15, 28, 1))  # 十-like
    assert sum(a * b for a, b in zip(features(box), features(box))) > 0.999
    table = lookalikes({"日": box, "曰": box_lower_bar, "十": cross})
    assert table == {"日": ["曰"], "曰": ["日"]}


def test_only_mutual_nearest_neighbours_are_kept(monkeypatch):
    """目 is 日's closest picture and 日 is 目's; 田 has 日 closest, but 日 has 目 closer: 田 is left out
    (a dense picture is near many, not alike to them)."""
    monkeypatch.setattr("assistant.tools.lookalikes.NEIGHBOURS", 1)
    monkeypatch.setattr("assistant.tools.lookalikes.THRESHOLD", 0.0)
    frame = ((6, 4, 20, 1), (6, 4, 1, 24), (25, 4, 1, 24), (6, 27, 20, 1))
    sun = drawn(*frame, (6, 15, 20, 1))
    eye = drawn(*frame, (6, 12, 20, 1), (6, 19, 20, 1))
    field = drawn(*frame, (6, 15, 20, 1), (15, 4, 1, 24))
    assert lookalikes({"日": sun, "目": eye, "田": field}) == {"日": ["目"], "目": ["日"]}
