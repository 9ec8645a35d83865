"""Run a command where /tmp/.virgl_test leads to another socket.

Mesa 22.3 always connects to /tmp/.virgl_test. Inside a private mount
namespace (this module runs under `unshare -m`) we give the command a fresh
/tmp in which .virgl_test is a symlink to the chosen socket and the host's
/tmp (X11 sockets included) stays reachable. Nothing changes outside the
namespace.

Usage: python -m pyvirgl.tools.nsexec SOCKET -- CMD ...
"""
from __future__ import annotations

import os
import subprocess
import sys

HOST_TMP = "/tmp/.pyvirgl-host-tmp"


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True)


def enter(socket_path: str) -> None:
    socket_path = os.path.abspath(socket_path)
    host_tmp = os.open("/tmp", os.O_RDONLY | os.O_DIRECTORY)
    _mount("--make-rprivate", "/")
    _mount("-t", "tmpfs", "-o", "mode=1777", "pyvirgl-tmp", "/tmp")
    os.mkdir(HOST_TMP)
    # mount(8) would canonicalise the magic link to "/tmp", which is now the new tmpfs.
    _mount("--no-canonicalize", "--bind", f"/proc/{os.getpid()}/fd/{host_tmp}", HOST_TMP)
    os.close(host_tmp)
    if socket_path.startswith("/tmp/"):
        socket_path = HOST_TMP + socket_path[len("/tmp"):]
    os.symlink(socket_path, "/tmp/.virgl_test")
    os.symlink(HOST_TMP + "/.X11-unix", "/tmp/.X11-unix")


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    enter(argv[0])
    os.execvp(argv[2], argv[2:])
    return 127


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
