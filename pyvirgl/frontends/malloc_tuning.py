"""glibc malloc settings for a serving process.

llvmpipe allocates and frees its per-draw scene memory from the C heap.
With glibc's defaults the freed top of the heap goes back to the kernel
(brk shrinks once 128 KiB are free) and the next draw faults it in again,
page by page: on drawoverhead's state-change cases that was about a fifth
of each draw (5 of 27 us of kernel time in page faults and brk, measured
with perf on a replayed stream). Keeping freed memory in the process, as a
long-running GPU server wants anyway, removes it. Set before forking, so
every client process inherits it.
"""
from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
TRIM_THRESHOLD = 256 << 20   # give memory back only past this much free at the heap top
MMAP_THRESHOLD = 32 << 20    # fixed: glibc's dynamic threshold would also move the trim threshold


def keep_freed_memory() -> bool:
    """Apply the settings; False where the C library is not glibc (nothing changes)."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
