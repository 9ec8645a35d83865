"""Starting the real pieces a guest needs: Xvfb, a pyvirgl server, Mesa's virpipe environment.

Used by `pyvirgl run`, the demo and the tests, so all three start things
the same way.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from pyvirgl.protocol.vtest import DEFAULT_SOCKET_PATH


def guest_env(base: dict[str, str] | None = None, display: str | None = None) -> dict[str, str]:
    """Environment that makes Mesa 22.3 render through a vtest server (virgl over vtest)."""
    env = dict(os.environ if base is None else base)
    env["LIBGL_ALWAYS_SOFTWARE"] = "1"
    env["GALLIUM_DRIVER"] = "virpipe"
    if display is not None:
        env["DISPLAY"] = display
    return env


def server_listening(path: str) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(path)
        return True
    except OSError:
        return False
    finally:
        probe.close()


def _display_free(number: int) -> bool:
    return not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists()


def _start_xvfb(number: int, width: int, height: int) -> subprocess.Popen | None:
    """Xvfb on :number, or None if it would not start there (a display taken elsewhere)."""
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if proc.poll() is not None:
            return None
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            return None
        time.sleep(0.05)
    return proc


@contextmanager
def xvfb(width: int = 1024, height: int = 768):
    """A private X server; yields its DISPLAY string.

    Display numbers can be taken where we cannot see them (the abstract X
    socket of a server in another mount namespace), so a display is chosen
    by starting Xvfb and moving on when it refuses."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed (run `make demo` or scripts/setup-system.sh)")
    first = 90 + random.randrange(400)
    proc = number = None
    for number in range(first, first + 40):
        if _display_free(number) and (proc := _start_xvfb(number, width, height)) is not None:
            break
    if proc is None:
        raise RuntimeError("no X display number would start Xvfb")
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def pyvirgl_server(socket_path: str = DEFAULT_SOCKET_PATH, extra_args: tuple[str, ...] = (),
                   log_path: str | None = None):
    """`pyvirgl serve` in a subprocess, yielded once it listens; stopped with SIGTERM."""
    read_fd, write_fd = os.pipe()
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL
    cmd = [sys.executable, "-m", "pyvirgl", "serve", "--socket-path", socket_path,
           "--ready-fd", str(write_fd), *extra_args]
    proc = subprocess.Popen(cmd, pass_fds=(write_fd,), stdout=log, stderr=log)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "rb") as ready:
            if ready.readline() != b"ready\n":
                raise RuntimeError(f"pyvirgl serve exited before listening (code {proc.wait()})")
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if log_path:
            log.close()
