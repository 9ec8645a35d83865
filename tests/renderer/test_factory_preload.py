"""The forking server preloads the backend's modules: that must load no GL driver and start no thread."""
import os
import subprocess
import sys

CHECK = r"""
import os
from pyvirgl.renderer.factory import preload_backend_modules
preload_backend_modules()
import sys
assert "pyvirgl.backend.gl.backend" in sys.modules
maps = open("/proc/self/maps").read()
drivers = sorted({line.split()[-1] for line in maps.splitlines()
                  if "_dri.so" in line or "libgallium" in line or "libLLVM" in line})
print("drivers", drivers)
print("threads", len(os.listdir("/proc/self/task")))
"""


def test_preload_loads_no_gl_driver_and_starts_no_thread():
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    out = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=True).stdout
    assert "drivers []" in out  # the GL driver (llvmpipe) is only loaded by eglInitialize, in the child
    assert "threads 1" in out
