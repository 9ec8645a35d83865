"""`pyvirgl run -- CMD`: run a GL program with its GL going through pyvirgl."""
from __future__ import annotations

import shutil
import subprocess
import sys
from contextlib import nullcontext

from pyvirgl.tools.session import DEFAULT_SOCKET_PATH, guest_env, pyvirgl_server, server_listening


def can_isolate() -> list[str] | None:
    """The unshare prefix that gives us a private mount namespace here, or None."""
    if shutil.which("unshare") is None:
        return None
    for prefix in (["unshare", "--mount"], ["unshare", "--map-root-user", "--mount"]):
        probe = subprocess.run([*prefix, "mount", "-t", "tmpfs", "probe", "/mnt"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if probe.returncode == 0:
            return prefix
    return None


def run_command(command: list[str], socket_path: str = DEFAULT_SOCKET_PATH, verbose: bool = False) -> int:
    env = guest_env()
    prefix: list[str] = []
    if socket_path != DEFAULT_SOCKET_PATH:
        unshare = can_isolate()
        if unshare is None:
            print("pyvirgl run: Mesa 22.3 only connects to /tmp/.virgl_test, and this user may not create a "
                  "private mount namespace (unshare -m) to redirect it to "
                  f"{socket_path}. Use the default socket path, or run as a user allowed to unshare.",
                  file=sys.stderr)
            return 2
        prefix = [*unshare, sys.executable, "-m", "pyvirgl.tools.nsexec", socket_path, "--"]
    already = server_listening(socket_path)
    if already:
        print(f"pyvirgl run: using the server already listening on {socket_path}", file=sys.stderr)
    server = nullcontext() if already else pyvirgl_server(socket_path, ("-v",) if verbose else ())
    with server:
        try:
            return subprocess.run([*prefix, *command], env=env).returncode
        except FileNotFoundError:
            print(f"pyvirgl run: command not found: {command[0]}", file=sys.stderr)
            return 127
