"""The serving process collects cycles less often and leaves what it loaded before forking alone (in a child)."""
import subprocess
import sys

CHECK = r"""
import gc
from pyvirgl.frontends.gc_tuning import YOUNG_THRESHOLD, quiet_collector
loaded = [[] for _ in range(1000)]        # stands for the modules a server preloads
quiet_collector()
assert gc.get_threshold()[0] == YOUNG_THRESHOLD
assert gc.get_freeze_count() >= 1000       # those objects are out of the collector's way
young = gc.get_stats()[0]["collections"]
kept = [[] for _ in range(YOUNG_THRESHOLD // 2)]   # live containers (700 would have collected ~14 times)
print("collections", gc.get_stats()[0]["collections"] - young)
# Cycles are still collected.
a = []; a.append(a); del a
print("cycles found", gc.collect() >= 1)
"""


def test_collector_is_quiet_but_still_collects_cycles():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True).stdout
    assert "collections 0" in out and "cycles found True" in out
