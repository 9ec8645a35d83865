"""A dependency-free PNG bar chart (zlib + a hand-drawn 5x7 bitmap font).

matplotlib is not a dependency of pyvirgl; the benchmark only needs one
simple picture: horizontal bars of ratios on a log scale with a line at 1.0.
"""

from __future__ import annotations

import math

import numpy as np

from pyvirgl.tools.png import encode_png

# 5x7 glyphs, one string per row, '#' = ink.  Lower case is drawn as upper case.
_FONT_ROWS = {
    "A": [" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
    "B": ["#### ", "#   #", "#   #", "#### ", "#   #", "#   #", "#### "],
    "C": [" ### ", "#   #", "#    ", "#    ", "#    ", "#   #", " ### "],
    "D": ["#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### "],
    "E": ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####"],
    "F": ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#    "],
    "G": [" ### ", "#   #", "#    ", "# ###", "#   #", "#   #", " ####"],
    "H": ["#   #", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
    "I": [" ### ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "],
    "J": ["  ###", "   # ", "   # ", "   # ", "   # ", "#  # ", " ##  "],
    "K": ["#   #", "#  # ", "# #  ", "##   ", "# #  ", "#  # ", "#   #"],
    "L": ["#    ", "#    ", "#    ", "#    ", "#    ", "#    ", "#####"],
    "M": ["#   #", "## ##", "# # #", "# # #", "#   #", "#   #", "#   #"],
    "N": ["#   #", "##  #", "# # #", "#  ##", "#   #", "#   #", "#   #"],
    "O": [" ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "],
    "P": ["#### ", "#   #", "#   #", "#### ", "#    ", "#    ", "#    "],
    "Q": [" ### ", "#   #", "#   #", "#   #", "# # #", "#  # ", " ## #"],
    "R": ["#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #"],
    "S": [" ####", "#    ", "#    ", " ### ", "    #", "    #", "#### "],
    "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  "],
    "U": ["#   #", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "],
    "V": ["#   #", "#   #", "#   #", "#   #", "#   #", " # # ", "  #  "],
    "W": ["#   #", "#   #", "#   #", "# # #", "# # #", "## ##", "#   #"],
    "X": ["#   #", "#   #", " # # ", "  #  ", " # # ", "#   #", "#   #"],
    "Y": ["#   #", "#   #", " # # ", "  #  ", "  #  ", "  #  ", "  #  "],
    "Z": ["#####", "    #", "   # ", "  #  ", " #   ", "#    ", "#####"],
    "0": [" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### "],
    "1": ["  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "],
    "2": [" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"],
    "3": ["#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "],
    "4": ["   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "],
    "5": ["#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "],
    "6": ["  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "],
    "7": ["#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "],
    "8": [" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "],
    "9": [" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "],
    ".": ["     ", "     ", "     ", "     ", "     ", " ##  ", " ##  "],
    ",": ["     ", "     ", "     ", "     ", " ##  ", "  #  ", " #   "],
    ":": ["     ", " ##  ", " ##  ", "     ", " ##  ", " ##  ", "     "],
    "-": ["     ", "     ", "     ", "#####", "     ", "     ", "     "],
    "_": ["     ", "     ", "     ", "     ", "     ", "     ", "#####"],
    "/": ["    #", "    #", "   # ", "  #  ", " #   ", "#    ", "#    "],
    "(": ["   # ", "  #  ", " #   ", " #   ", " #   ", "  #  ", "   # "],
    ")": [" #   ", "  #  ", "   # ", "   # ", "   # ", "  #  ", " #   "],
    "%": ["##   ", "##  #", "   # ", "  #  ", " #   ", "#  ##", "   ##"],
    "=": ["     ", "     ", "#####", "     ", "#####", "     ", "     "],
    "+": ["     ", "  #  ", "  #  ", "#####", "  #  ", "  #  ", "     "],
    "x": ["     ", "     ", "#   #", " # # ", "  #  ", " # # ", "#   #"],
    "|": ["  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  "],
    " ": ["     "] * 7,
}
GLYPH_W, GLYPH_H = 6, 8   # 5x7 plus one pixel of spacing


class Canvas:
    def __init__(self, width: int, height: int, background=(255, 255, 255)):
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def rect(self, x0: int, y0: int, x1: int, y1: int, color) -> None:
        x0, x1 = max(0, min(x0, x1)), min(self.width, max(x0, x1))
        y0, y1 = max(0, min(y0, y1)), min(self.height, max(y0, y1))
        row = bytes(color) * (x1 - x0)
        for y in range(y0, y1):
            start = (y * self.width + x0) * 3
            self.pixels[start:start + len(row)] = row

    def text(self, x: int, y: int, s: str, color=(0, 0, 0), scale: int = 1) -> None:
        for i, ch in enumerate(s):
            rows = _FONT_ROWS.get(ch) or _FONT_ROWS.get(ch.upper()) or _FONT_ROWS["-"]
            for ry, row in enumerate(rows):
                for rx, cell in enumerate(row):
                    if cell == "#":
                        px = x + (i * GLYPH_W + rx) * scale
                        py = y + ry * scale
                        self.rect(px, py, px + scale, py + scale, color)

    def png(self) -> bytes:
        rgb = np.frombuffer(bytes(self.pixels), np.uint8).reshape(self.height, self.width, 3)
        return encode_png(rgb, level=9)


SERIES_COLORS = [(52, 101, 164), (204, 102, 0), (78, 154, 6), (117, 80, 123)]


def ratio_chart(title: str, rows: list[tuple[str, list[float | None]]], series: list[str],
                lo: float = 0.001, hi: float = 10.0) -> bytes:
    """Horizontal grouped bars of ratios on a log10 axis from ``lo`` to ``hi``.

    ``rows``: (label, one value per series; None = not measured).  Values are
    clamped to the axis and printed next to their bar.
    """
    label_w = max([len(r[0]) for r in rows] + [10]) * GLYPH_W + 16
    plot_w = 520
    bar_h, gap = 12, 10
    top = 40 + GLYPH_H * len(series) + 10
    height = top + len(rows) * (bar_h * len(series) + gap) + 40
    width = label_w + plot_w + 80
    c = Canvas(width, height)
    c.text(8, 8, title, scale=2)
    for i, name in enumerate(series):
        y = 34 + i * (GLYPH_H + 2)
        c.rect(8, y, 16, y + 7, SERIES_COLORS[i % len(SERIES_COLORS)])
        c.text(20, y, name)
    span = math.log10(hi) - math.log10(lo)

    def xpos(v: float) -> int:
        v = min(max(v, lo), hi)
        return label_w + int((math.log10(v) - math.log10(lo)) / span * plot_w)

    bottom = height - 30
    exp = math.ceil(math.log10(lo))
    while 10 ** exp <= hi * 1.0001:        # decade grid lines with labels
        x = xpos(10 ** exp)
        c.rect(x, top - 4, x + 1, bottom, (200, 200, 200) if exp else (0, 0, 0))
        label = f"{10 ** exp:g}"
        c.text(x - len(label) * GLYPH_W // 2, bottom + 6, label)
        exp += 1
    y = top
    for label, values in rows:
        c.text(8, y + 2, label)
        for i, v in enumerate(values):
            if v is not None and v > 0:
                x0, x1 = label_w, xpos(v)
                c.rect(x0, y, x1, y + bar_h - 2, SERIES_COLORS[i % len(SERIES_COLORS)])
                c.text(x1 + 4, y + 2, f"{v:.3g}")
            else:
                c.text(label_w + 4, y + 2, "n/a", color=(150, 0, 0))
            y += bar_h
        y += gap
    return c.png()
