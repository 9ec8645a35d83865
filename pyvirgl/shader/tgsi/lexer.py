"""Character-level scanning of TGSI text.

TGSI text has no separate token stream: whitespace (including newlines) is
optional between most pieces and words are matched case-insensitively, so the
parser drives a Cursor directly. Every method consumes a bounded amount of
input and never backtracks more than one word, so scanning is linear in the
text size whatever the guest sends.
"""
from __future__ import annotations

from ..errors import ShaderError

WHITESPACE = " \t\n\r"
_WORD_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_WORD_CHARS = _WORD_START | frozenset("0123456789")
_DIGITS = frozenset("0123456789")
_HEX = frozenset("0123456789abcdefABCDEF")

# Longer numbers cannot be a valid index or 32/64-bit value; refusing them
# early also keeps int() away from quadratic-time giant digit strings.
MAX_DIGITS = 24
MAX_WORD = 64


class Cursor:
    """A position in the shader text with small, non-backtracking matchers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.end = len(text)

    # -- errors ----------------------------------------------------------
    def line(self) -> int:
        return self.text.count("\n", 0, self.pos) + 1

    def error(self, what: str) -> ShaderError:
        snippet = self.text[self.pos:self.pos + 12]
        # Only printable ASCII of the guest text goes into the message.
        shown = "".join(c if " " <= c <= "~" else "?" for c in snippet)
        return ShaderError(f"TGSI line {self.line()}: {what} (at {shown!r})")

    # -- primitives ------------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        p = self.pos + offset
        return self.text[p] if p < self.end else ""

    def at_end(self) -> bool:
        return self.pos >= self.end

    def skip_ws(self) -> bool:
        """Skip optional whitespace; True if any was skipped."""
        start = self.pos
        text, end = self.text, self.end
        p = start
        while p < end and text[p] in WHITESPACE:
            p += 1
        self.pos = p
        return p > start

    def accept(self, ch: str) -> bool:
        """Consume `ch` after optional whitespace if it is next."""
        self.skip_ws()
        if self.peek() == ch:
            self.pos += 1
            return True
        return False

    def expect(self, ch: str) -> None:
        if not self.accept(ch):
            raise self.error(f"expected {ch!r}")

    def accept_immediate(self, ch: str) -> bool:
        """Consume `ch` only if it directly follows (no whitespace allowed)."""
        if self.peek() == ch:
            self.pos += 1
            return True
        return False

    def peek_word(self, digit_start: bool = False) -> str:
        """The identifier starting here ('' if none), upper-cased, without consuming it.

        `digit_start` also accepts names such as `2D_ARRAY` (texture targets).
        """
        p = self.pos
        first = _WORD_CHARS if digit_start else _WORD_START
        if p >= self.end or self.text[p] not in first:
            return ""
        q = p + 1
        while q < self.end and self.text[q] in _WORD_CHARS:
            q += 1
            if q - p > MAX_WORD:
                raise self.error("identifier too long")
        return self.text[p:q].upper()

    def word(self, digit_start: bool = False) -> str:
        w = self.peek_word(digit_start)
        self.pos += len(w)
        return w

    def accept_word(self, expected: str) -> bool:
        """Consume the whole word `expected` (case-insensitive) if it is next."""
        self.skip_ws()
        if self.peek_word() == expected:
            self.pos += len(expected)
            return True
        return False

    def _digits(self, allowed: frozenset[str]) -> str:
        p = self.pos
        q = p
        while q < self.end and self.text[q] in allowed:
            q += 1
            if q - p > MAX_DIGITS:
                raise self.error("number too long")
        self.pos = q
        return self.text[p:q]

    def uint(self, what: str = "unsigned integer") -> int:
        self.skip_ws()
        digits = self._digits(_DIGITS)
        if not digits:
            raise self.error(f"expected {what}")
        return int(digits)

    def maybe_uint(self) -> int | None:
        self.skip_ws()
        digits = self._digits(_DIGITS)
        return int(digits) if digits else None

    def int(self, what: str = "integer") -> int:
        self.skip_ws()
        sign = 1
        if self.peek() in "+-":
            sign = -1 if self.peek() == "-" else 1
            self.pos += 1
        digits = self._digits(_DIGITS)
        if not digits:
            raise self.error(f"expected {what}")
        return sign * int(digits)

    def hex_digits(self) -> str:
        return self._digits(_HEX)

    def number_token(self) -> str:
        """A run of characters that can form a C number (decimal, hex, exponent, sign).

        The caller decides whether the run is valid; this only bounds it.
        """
        self.skip_ws()
        p = self.pos
        q = p
        text, end = self.text, self.end
        while q < end and (text[q] in _WORD_CHARS or text[q] in "+-."):
            # A sign is only part of a number at its start or after an exponent.
            if text[q] in "+-" and q > p and text[q - 1] not in "eEpP":
                break
            q += 1
            if q - p > 64:
                raise self.error("number too long")
        self.pos = q
        return text[p:q]
