"""The serving process keeps freed heap memory (glibc mallopt), in a child so the test process is untouched."""
import subprocess
import sys

CHECK = r"""
import ctypes, sys
from pyvirgl.frontends.malloc_tuning import keep_freed_memory
if sys.argv[1] == "tuned":
    assert keep_freed_memory()
libc = ctypes.CDLL("libc.so.6")
libc.sbrk.restype = ctypes.c_void_p
libc.malloc.restype = ctypes.c_void_p
# 100 blocks of 64 KiB (below glibc's default mmap threshold: from the heap), then all freed:
# with default settings free() gives the top of the heap back to the kernel.
blocks = [libc.malloc(64 << 10) for _ in range(100)]
top = libc.sbrk(0)
for b in reversed(blocks):
    libc.free(ctypes.c_void_p(b))
print("kept", libc.sbrk(0) == top)
"""


def run(mode: str) -> str:
    return subprocess.run([sys.executable, "-c", CHECK, mode], capture_output=True, text=True, check=True).stdout


def test_freed_heap_memory_stays_with_the_process():
    assert "kept False" in run("default")   # what the tuning is for
    assert "kept True" in run("tuned")
