"""Values worked out from immutable objects, remembered by the objects' identities.

State objects, linked programs and plans never change once made, and guests
switch between the same few again and again, so what is derived from one (or
from a pair) is computed once. Each entry holds the objects it was made from:
their ids cannot be reused by other objects while it lives. A table that
reaches its limit starts over.
"""
from __future__ import annotations

from typing import Callable


def of_one(memo: dict, obj, make: Callable, limit: int, *args):
    """make(obj, *args), remembered in `memo` by obj's identity (`args` must follow from obj)."""
    found = memo.get(id(obj))
    if found is not None and found[0] is obj:
        return found[1]
    value = make(obj, *args)
    if len(memo) >= limit:
        memo.clear()
    memo[id(obj)] = (obj, value)
    return value


def of_pair(memo: dict, a, b, make: Callable, limit: int):
    """make(a, b), remembered in `memo` by the identities of a and b."""
    key = (id(a), id(b))
    found = memo.get(key)
    if found is not None and found[0] is a and found[1] is b:
        return found[2]
    value = make(a, b)
    if len(memo) >= limit:
        memo.clear()
    memo[key] = (a, b, value)
    return value
