"""Run a vtest server and its guest programs inside a private mount namespace.

Mesa 22.3's virpipe driver always connects to ``/tmp/.virgl_test``; that path
cannot be changed from the guest side.  To run several servers at once (the C
reference and pyvirgl, or two test sessions on one machine) each one gets a
*sandbox*: a mount namespace in which a private directory is bind-mounted over
``/tmp``.  The server started in the sandbox creates its socket in that private
directory, and guest programs started in the same sandbox find it at the fixed
path, never seeing another sandbox's server.

How: one long-lived "holder" process is created with ``unshare -m`` and does the
mounts; the server and every guest process later join its namespace with
``nsenter -m``.  Joining (instead of starting everything from one shell inside
the namespace) lets a Python thread pool launch guest processes one by one.

The X11 socket directory is bound back into the private ``/tmp`` so that GLX
programs (glxgears under an Xvfb started by the caller) still reach X.

If mount namespaces are not permitted, :func:`probe_isolation` says why, and
callers must run servers one after another on the real ``/tmp/.virgl_test``
(:class:`Sandbox` with ``isolated=False``); it then refuses to start when some
other server already owns that socket, rather than talking to a stranger.
"""

from __future__ import annotations

import collections
import contextlib
import os
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field

#: The socket path compiled into Mesa's virpipe winsys.
GUEST_SOCKET = "/tmp/.virgl_test"
X11_SOCKET_DIR = "/tmp/.X11-unix"

#: Environment that makes Mesa render through a vtest server.
VIRPIPE_ENV = {"LIBGL_ALWAYS_SOFTWARE": "1", "GALLIUM_DRIVER": "virpipe"}
#: Environment for plain host rendering (the "native" target).
NATIVE_ENV = {"LIBGL_ALWAYS_SOFTWARE": "1", "GALLIUM_DRIVER": "llvmpipe"}


@dataclass
class IsolationProbe:
    ok: bool
    reason: str


def probe_isolation() -> IsolationProbe:
    """Check once whether we may create mount namespaces and bind-mount /tmp."""
    for tool in ("unshare", "nsenter", "mount"):
        if shutil.which(tool) is None:
            return IsolationProbe(False, f"'{tool}' is not installed")
    scratch = tempfile.mkdtemp(prefix="pyvirgl-nsprobe-", dir=_scratch_root())
    try:
        script = f"mount --bind {shlex.quote(scratch)} /tmp && test -d /tmp"
        proc = subprocess.run(
            ["unshare", "-m", "--propagation", "private", "sh", "-c", script],
            capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return IsolationProbe(False, f"unshare -m failed: {exc}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if proc.returncode != 0:
        why = (proc.stderr or proc.stdout).strip() or f"exit status {proc.returncode}"
        return IsolationProbe(False, f"unshare -m + bind mount over /tmp not permitted: {why}")
    return IsolationProbe(True, "private mount namespaces available")


def _tmp_paths_to_keep() -> list[str]:
    """Paths under /tmp that sandboxed processes still need: this checkout and its venv."""
    repo_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    wanted = {os.path.realpath(repo_root), os.path.realpath(os.path.join(repo_root, ".venv"))}
    return sorted(p for p in wanted if p.startswith("/tmp/") and os.path.isdir(p))


def _scratch_root() -> str:
    # The private directories must NOT live under /tmp: /tmp is what gets hidden.
    root = os.environ.get("PYVIRGL_SANDBOX_ROOT", "/var/tmp")
    os.makedirs(root, exist_ok=True)
    return root


@dataclass
class ServerSpec:
    """How to start one vtest server; ``argv`` gets ``{socket}`` substituted."""
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None


def reference_server_spec() -> ServerSpec:
    # --use-egl-surfaceless: without it virgl_test_server cannot initialise
    # here (no X for GLX, no render node for GBM).  No --socket-path: in 0.10.4
    # "--socket-path X" leaves X to be read as a replay *file*; the built-in
    # default is GUEST_SOCKET anyway, which the sandbox makes private.
    return ServerSpec("reference", ["virgl_test_server", "--use-egl-surfaceless"])


def pyvirgl_server_spec(python: str | None = None, repo_root: str | None = None) -> ServerSpec:
    repo_root = repo_root or os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    python = python or os.path.join(repo_root, ".venv", "bin", "python")
    return ServerSpec("pyvirgl", [python, "-m", "pyvirgl", "serve", "--socket-path", "{socket}"],
                      cwd=repo_root)


TARGETS = ("native", "reference", "pyvirgl")


def server_spec_for(target: str, pyvirgl_python: str | None = None,
                    repo_root: str | None = None) -> ServerSpec | None:
    """The server a target renders through (None: native, no server)."""
    if target == "reference":
        return reference_server_spec()
    if target == "pyvirgl":
        return pyvirgl_server_spec(pyvirgl_python, repo_root)
    if target == "native":
        return None
    raise ValueError(f"unknown target {target!r}; choose from {TARGETS}")


def guest_env_for(target: str) -> dict[str, str]:
    """Mesa environment for a target's guest programs."""
    env = dict(NATIVE_ENV if target == "native" else VIRPIPE_ENV)
    # Keep Mesa's on-disk shader cache out of comparisons: a cache filled by
    # one target must not change what another target compiles or how fast.
    env["MESA_SHADER_CACHE_DISABLE"] = "true"
    return env


def sandbox_for(target: str, *, isolated: bool, log_dir: str | None = None,
                pyvirgl_python: str | None = None) -> "Sandbox":
    """A (not yet entered) sandbox running ``target``'s server, if it has one."""
    spec = server_spec_for(target, pyvirgl_python)
    return Sandbox(target, spec, isolated=isolated and spec is not None, log_dir=log_dir)


class ServerStartError(RuntimeError):
    pass


class Sandbox:
    """A private /tmp (when isolated) plus, optionally, a vtest server in it.

    Use as a context manager.  ``wrap(argv)`` turns a command line into one
    that runs inside the sandbox; ``spawn`` starts it in its own process group
    so a timeout can kill the whole tree.
    """

    def __init__(self, name: str, server: ServerSpec | None = None, *,
                 isolated: bool = True, log_dir: str | None = None,
                 start_timeout: float = 120.0):
        self.name = name
        self.server_spec = server
        self.isolated = isolated
        self.start_timeout = start_timeout
        self.private_dir: str | None = None
        self.log_dir = log_dir
        self.server_log_path: str | None = None
        self.server_proc: subprocess.Popen | None = None
        self.server_starts = 0
        self._holder: subprocess.Popen | None = None
        self._server_log = None
        self._own_log_dir: str | None = None   # temporary, when no log_dir given
        self._running: set[subprocess.Popen] = set()
        self._running_lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------
    def __enter__(self) -> "Sandbox":
        try:
            if self.isolated:
                self._start_holder()
            if self.server_spec is not None:
                self.start_server()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def kill_running(self) -> None:
        """Kill the commands started by run() that are still going."""
        with self._running_lock:
            procs = list(self._running)
        for proc in procs:
            _kill_group(proc, grace=0.5)

    def close(self) -> None:
        self.kill_running()
        self.stop_server()
        if self._holder is not None:
            _kill_group(self._holder)
            self._holder = None
        if self.private_dir:
            shutil.rmtree(self.private_dir, ignore_errors=True)
            self.private_dir = None
        if self._own_log_dir:
            shutil.rmtree(self._own_log_dir, ignore_errors=True)
            self._own_log_dir = None

    def _start_holder(self) -> None:
        self.private_dir = tempfile.mkdtemp(prefix=f"pyvirgl-{self.name}-", dir=_scratch_root())
        os.chmod(self.private_dir, 0o1777)  # behave like a real /tmp
        priv = shlex.quote(self.private_dir)
        script = ""
        if os.path.isdir(X11_SOCKET_DIR):
            # Bind X's socket dir into the private dir *before* covering /tmp,
            # then --rbind carries that submount along.
            script += (f"mkdir -p {priv}/.X11-unix && "
                       f"mount --bind {X11_SOCKET_DIR} {priv}/.X11-unix && ")
        for keep in _tmp_paths_to_keep():
            # The checkout (and its venv) may itself live under /tmp, as a CI
            # clone can: bind it back at the same path, or the server cannot start.
            inside = shlex.quote(os.path.join(self.private_dir, os.path.relpath(keep, "/tmp")))
            script += f"mkdir -p {inside} && mount --bind {shlex.quote(keep)} {inside} && "
        script += f"mount --rbind {priv} /tmp && echo ready && exec sleep infinity"
        self._holder = subprocess.Popen(
            ["unshare", "-m", "--propagation", "private", "sh", "-c", script],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        line = self._holder.stdout.readline().strip()
        if line != "ready":
            err = self._holder.stderr.read() if self._holder.poll() is not None else ""
            raise ServerStartError(f"could not create private /tmp for {self.name}: {line} {err}".strip())

    # -- commands --------------------------------------------------------
    def wrap(self, argv: list[str], cwd: str | None = None) -> list[str]:
        """Command line that runs ``argv`` inside this sandbox's namespace.

        Joining a mount namespace resets the working directory to its root,
        hence the explicit ``--wd``.
        """
        if not self.isolated:
            return list(argv)
        return ["nsenter", "-t", str(self._holder.pid), "-m",
                f"--wd={cwd or os.getcwd()}", "--", *argv]

    def spawn(self, argv: list[str], env: dict[str, str] | None = None,
              cwd: str | None = None, **kw) -> subprocess.Popen:
        full_env = dict(os.environ)
        if env:
            full_env.update(env)
        return subprocess.Popen(self.wrap(argv, cwd), env=full_env, cwd=cwd,
                                start_new_session=True, **kw)

    def run(self, argv: list[str], env: dict[str, str] | None = None,
            timeout: float | None = None, cwd: str | None = None,
            stop_when=None, keep_lines: int = 200) -> "CommandResult":
        """Run to completion (stdout+stderr merged); kill the group on timeout.

        Output is kept bounded -- the first and last ``keep_lines`` lines plus
        every ``PIGLIT:`` line -- because a guest whose server vanished may
        print an error in a tight loop.  ``stop_when(line)`` returning true
        kills the command early (``stopped`` is then set).
        """
        start = time.monotonic()
        proc = self.spawn(argv, env, cwd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        with self._running_lock:
            self._running.add(proc)
        try:
            return self._finish(proc, start, timeout, stop_when, keep_lines)
        finally:
            with self._running_lock:
                self._running.discard(proc)

    def _finish(self, proc, start, timeout, stop_when, keep_lines) -> "CommandResult":
        collector = _BoundedOutput(proc, keep_lines, stop_when)
        reader = threading.Thread(target=collector.drain, daemon=True)
        reader.start()
        timed_out = False
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = not collector.stopped
            _kill_group(proc)
        reader.join(timeout=5)
        if collector.stopped:
            _kill_group(proc)
        else:
            # The test's own children may linger holding the pipe; reap them.
            _kill_group(proc, grace=0.1)
        return CommandResult(proc.returncode, collector.text(), timed_out,
                             time.monotonic() - start, collector.stopped)

    # -- server ----------------------------------------------------------
    @property
    def host_socket_path(self) -> str:
        """Where the server's socket is visible from outside the sandbox."""
        if self.isolated:
            return os.path.join(self.private_dir, os.path.basename(GUEST_SOCKET))
        return GUEST_SOCKET

    def server_alive(self) -> bool:
        return self.server_proc is not None and self.server_proc.poll() is None

    def start_server(self) -> None:
        spec = self.server_spec
        if not self.isolated and _socket_answers(GUEST_SOCKET):
            raise ServerStartError(
                f"{GUEST_SOCKET} is already served by another process; without mount "
                "namespaces we refuse to share it")
        # Always keep a log: when the server dies, its last words are the
        # only explanation the report can give.
        if not self.log_dir and not self._own_log_dir:
            self._own_log_dir = tempfile.mkdtemp(prefix=f"pyvirgl-{self.name}-log-",
                                                 dir=_scratch_root())
        log_dir = self.log_dir or self._own_log_dir
        os.makedirs(log_dir, exist_ok=True)
        self.server_log_path = os.path.join(log_dir, f"server-{self.name}.log")
        self._server_log = open(self.server_log_path, "ab")
        argv = [a.replace("{socket}", GUEST_SOCKET) for a in spec.argv]
        self.server_starts += 1
        try:
            self.server_proc = self.spawn(
                argv, spec.env, cwd=spec.cwd, stdin=subprocess.DEVNULL,
                stdout=self._server_log, stderr=subprocess.STDOUT)
        except OSError as exc:
            raise ServerStartError(f"{spec.name}: cannot execute {argv[0]}: {exc}") from exc
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.server_proc.poll() is not None:
                raise ServerStartError(
                    f"{spec.name} server exited with status {self.server_proc.returncode} "
                    f"before listening{self._log_tail()}")
            if _is_socket(self.host_socket_path):
                return
            time.sleep(0.05)
        raise ServerStartError(f"{spec.name} server did not create {GUEST_SOCKET} within "
                               f"{self.start_timeout:.0f}s{self._log_tail()}")

    def stop_server(self) -> None:
        if self.server_proc is not None:
            _kill_group(self.server_proc)
            self.server_proc = None
        if self._server_log is not None:
            self._server_log.close()
            self._server_log = None
        if self.private_dir:
            try:
                os.unlink(self.host_socket_path)
            except OSError:
                pass

    def restart_server(self) -> None:
        self.stop_server()
        self.start_server()

    def _log_tail(self, limit: int = 800) -> str:
        if not self.server_log_path:
            return ""
        try:
            with open(self.server_log_path, "rb") as fh:
                fh.seek(0, os.SEEK_END)
                fh.seek(max(0, fh.tell() - limit))
                tail = _decode(fh.read()).strip()
        except OSError:
            return ""
        return f"; log tail: {tail}" if tail else ""


@contextlib.contextmanager
def private_xvfb(first_display: int = 130, size: str = "1024x768x24"):
    """Start our own Xvfb on the first free display >= ``first_display``.

    High numbers keep clear of the displays other sessions and tests use.
    Yields the DISPLAY string.  X sockets are reachable from every sandbox
    (the socket directory is bound back into private /tmp dirs).
    """
    # Try numbers in turn: a display can be taken invisibly (an Xvfb in another
    # mount namespace still owns the abstract socket @/tmp/.X11-unix/XN).
    for number in range(first_display, first_display + 40):
        if (os.path.exists(f"{X11_SOCKET_DIR}/X{number}")
                or os.path.exists(f"/tmp/.X{number}-lock")):
            continue
        proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", size, "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        deadline = time.monotonic() + 60
        while proc.poll() is None and not os.path.exists(f"{X11_SOCKET_DIR}/X{number}"):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if proc.poll() is None and os.path.exists(f"{X11_SOCKET_DIR}/X{number}"):
            break
        _kill_group(proc)
    else:
        raise RuntimeError(f"could not start Xvfb on any display from :{first_display}")
    try:
        yield f":{number}"
    finally:
        _kill_group(proc)


@dataclass
class CommandResult:
    returncode: int | None
    output: str
    timed_out: bool
    seconds: float
    stopped: bool = False   # killed early because stop_when() matched


class _BoundedOutput:
    """Reads a process's output lines, keeping head, tail and PIGLIT lines."""

    def __init__(self, proc: subprocess.Popen, keep: int, stop_when):
        self.proc = proc
        self.keep = keep
        self.stop_when = stop_when
        self.head: list[str] = []
        self.tail: collections.deque[str] = collections.deque(maxlen=keep)
        self.piglit: list[str] = []
        self.dropped = 0
        self.stopped = False

    def drain(self) -> None:
        for raw in self.proc.stdout:
            line = _decode(raw).rstrip("\n")
            if line.startswith("PIGLIT:") and len(self.piglit) < 10000:
                self.piglit.append(line)
            elif len(self.head) < self.keep:
                self.head.append(line)
            else:
                if len(self.tail) == self.keep:
                    self.dropped += 1
                self.tail.append(line)
            if self.stop_when is not None and not self.stopped and self.stop_when(line):
                self.stopped = True
                _kill_group(self.proc, grace=0.5)
        self.proc.stdout.close()

    def text(self) -> str:
        middle = [f"[... {self.dropped} lines dropped ...]"] if self.dropped else []
        return "\n".join(self.head + middle + list(self.tail) + self.piglit)


def _decode(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", errors="replace")


def _is_socket(path: str) -> bool:
    try:
        import stat
        return stat.S_ISSOCK(os.stat(path).st_mode)
    except OSError:
        return False


def _socket_answers(path: str) -> bool:
    if not _is_socket(path):
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        try:
            sock.connect(path)
        except OSError:
            return False
    return True


def _kill_group(proc: subprocess.Popen, grace: float = 2.0) -> None:
    """Terminate a process we started with start_new_session, and its group.

    virgl_test_server forks a child per client; those children share the
    group, so killing the group (by the id of our own child) reaps them too.
    """
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # stragglers left in the group
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        pass
