"""`make demo`: a real, unmodified GL program rendered through pyvirgl.

Starts Xvfb and a pyvirgl server, runs glxgears through Mesa's virgl vtest
driver, prints the renderer and version the guest sees (they come from
pyvirgl's caps), its frame rate, and writes a screenshot to out/demo.png.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile

from pyvirgl.tools.png import screenshot, write_png
from pyvirgl.tools.run import can_isolate
from pyvirgl.tools.session import DEFAULT_SOCKET_PATH, guest_env, pyvirgl_server, server_listening, xvfb

SECONDS = 11  # glxgears reports its frame rate every 5 s


def main() -> int:
    os.makedirs("out", exist_ok=True)
    socket_path, prefix = DEFAULT_SOCKET_PATH, []
    if server_listening(DEFAULT_SOCKET_PATH):
        # Another server owns the fixed path: give ours and glxgears a private one.
        unshare = can_isolate()
        if unshare is None:
            print("demo: a server already listens on /tmp/.virgl_test; stop it first", file=sys.stderr)
            return 2
        socket_path = os.path.join(tempfile.mkdtemp(prefix="pyvirgl-demo-"), "vtest.sock")
        prefix = [*unshare, sys.executable, "-m", "pyvirgl.tools.nsexec", socket_path, "--"]
    log_path = os.path.abspath("out/demo-server.log")
    with xvfb() as display, pyvirgl_server(socket_path, log_path=log_path):
        with tempfile.TemporaryFile() as captured:
            proc = subprocess.Popen([*prefix, "glxgears", "-info"], env=guest_env(display=display),
                                    stdout=captured, stderr=subprocess.STDOUT)
            try:
                proc.wait(SECONDS)  # glxgears runs until stopped; an early exit is a failure
            except subprocess.TimeoutExpired:
                image = screenshot(display)  # while its window is still up
                proc.terminate()
                proc.wait()
            else:
                image = screenshot(display)
            captured.seek(0)
            output = captured.read().decode(errors="replace")
    write_png("out/demo.png", image)
    renderer = re.search(r"GL_RENDERER\s*=\s*(.*)", output)
    version = re.search(r"GL_VERSION\s*=\s*(.*)", output)
    rates = re.findall(r"=\s*([\d.]+) FPS", output)
    print(f"guest GL_RENDERER : {renderer.group(1) if renderer else '(not reported)'}")
    print(f"guest GL_VERSION  : {version.group(1) if version else '(not reported)'}")
    print(f"frame rate        : {rates[-1] + ' FPS' if rates else '(no report: glxgears ran under ' + str(SECONDS) + ' s)'}")
    lit = int((image.max(axis=2) > 16).sum())
    print(f"screenshot        : out/demo.png ({image.shape[1]}x{image.shape[0]}, {lit} non-black pixels)")
    print(f"server log        : {log_path}")
    if not renderer:
        print(output[-2000:], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
