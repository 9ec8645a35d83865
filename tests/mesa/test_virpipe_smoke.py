"""Unmodified Mesa 22.3.6 (virpipe) against a real pyvirgl server: the guest sees pyvirgl's caps."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time

import pytest

from pyvirgl.tools.run import can_isolate
from pyvirgl.tools.session import guest_env, xvfb

pytestmark = pytest.mark.mesa


@pytest.fixture(scope="module")
def display():
    if shutil.which("glxgears") is None:
        pytest.fail("mesa-utils is not installed: run `make test`, which installs it")
    with xvfb() as disp:
        yield disp


def start_through(socket_path: str, display: str, *command: str) -> subprocess.Popen:
    """Start a GL program whose /tmp/.virgl_test leads to `socket_path` (private mount namespace).

    stdbuf makes its stdout line-buffered, so what it printed is there even
    though we stop it (glxgears runs until killed)."""
    unshare = can_isolate()
    assert unshare is not None, "these tests need unshare -m (root or user namespaces)"
    argv = [*unshare, sys.executable, "-m", "pyvirgl.tools.nsexec", socket_path, "--", "stdbuf", "-oL", *command]
    return subprocess.Popen(argv, env=guest_env(display=display), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)


def read_until(proc: subprocess.Popen, marker: bytes, seconds: float = 60) -> str:
    """Output up to the first line containing `marker` (or all of it at exit/deadline); stops proc."""
    lines: list[bytes] = []

    def pump() -> None:
        for line in iter(proc.stdout.readline, b""):
            lines.append(line)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and reader.is_alive() and not any(marker in l for l in lines):
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    reader.join(5)
    return b"".join(lines).decode(errors="replace")


def test_glxgears_reports_pyvirgl_renderer_and_caps_version(server_socket, display):
    sock, log = server_socket
    out = read_until(start_through(sock, display, "glxgears", "-info"), b"GL_VERSION")
    renderer = re.search(r"GL_RENDERER\s*=\s*(.*)", out)
    version = re.search(r"GL_VERSION\s*=\s*(\S+)", out)
    assert renderer, out[-3000:]
    assert renderer.group(1).startswith("virgl (pyvirgl "), renderer.group(1)
    assert version, out[-3000:]
    # The GL version Mesa computes from our caps: at least 2.1, never more than the host.
    major, minor = (int(x) for x in version.group(1).split(".")[:2])
    assert (2, 1) <= (major, minor) <= (4, 6)
    text = open(log).read()
    assert "Traceback" not in text, text[-3000:]


def test_two_programs_at_once_each_get_their_own_process(server_socket, display):
    sock, log = server_socket
    procs = [start_through(sock, display, "glxgears", "-info") for _ in range(2)]
    outs = [read_until(p, b"GL_VERSION") for p in procs]
    for out in outs:
        assert "virgl (pyvirgl" in out, out[-2000:]
    pids = set(re.findall(r"pyvirgl\[(\d+)\] DEBUG pyvirgl.server: pid \d+ <- CreateRenderer", open(log).read()))
    assert len(pids) >= 2


def test_a_piglit_shader_test_is_translated_and_counted_in_the_server_log(server_socket, display):
    # Every client process reports the shaders it translated and the programs it
    # linked; pyvirgl.tools.shader_failures adds those lines up over a run.
    from pyvirgl.tools.piglit_profiles import PIGLIT_ROOT
    from pyvirgl.tools.shader_failures import scan, totals

    sock, log = server_socket
    test = f"{PIGLIT_ROOT}/tests/spec/glsl-1.10/execution/built-in-constants.shader_test"
    proc = start_through(sock, display, f"{PIGLIT_ROOT}/bin/shader_runner", test, "-auto", "-fbo")
    out = read_until(proc, b"PIGLIT:")
    assert '"result": "pass"' in out, out
    for _ in range(100):   # the client process logs as it leaves
        with open(log) as fh:
            lines = fh.readlines()
        done = totals(lines)
        if done:
            break
        time.sleep(0.1)
    assert done["shaders translated"] >= 2 and done["programs linked"] >= 1, (done, lines[-5:])
    assert not any(sum(reasons.values()) for reasons in scan(lines).values())
