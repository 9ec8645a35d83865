"""Cyclic garbage collector settings for a serving process.

The draw path allocates a few short-lived tuples per command, so with
CPython's default threshold (a young-generation collection every 700 net
allocations) the collector ran every few hundred draws, about 3% of a
replayed drawoverhead case. Almost nothing the server makes is cyclic:
collections can be rarer. Freezing what the parent loaded before forking
keeps the collector from walking (and writing to) those objects in every
client, whose pages then stay shared with the parent.
"""
from __future__ import annotations

import gc

YOUNG_THRESHOLD = 20_000   # net allocations between young-generation collections (CPython: 700)


def quiet_collector() -> None:
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)
