"""The vhost-user-gpu socket loop: the only code here that reads and writes sockets.

One front-end (QEMU) at a time: listen on `--socket-path` (or take an
inherited `--fd`), accept, and serve the vhost-user socket, the vrings' kick
eventfds and the display socket from one poll loop. Display output is written
only when the display socket can take it, so a slow or busy QEMU never
blocks the vhost-user conversation.

    pyvirgl vhost-user-gpu --socket-path /tmp/vgpu.sock
    qemu-system-x86_64 -chardev socket,id=vgpu,path=/tmp/vgpu.sock \\
        -device vhost-user-gpu-pci,chardev=vgpu ...
"""
from __future__ import annotations

import argparse
import array
import json
import logging
import os
import selectors
import signal
import socket
import sys
import threading
from typing import Callable, Sequence

from pyvirgl.errors import ProtocolError
from pyvirgl.frontends.vhost_user import protocol as p
from pyvirgl.frontends.vhost_user.device import VhostUserGpuBackend
from pyvirgl.frontends.vhost_user.display import DisplayProtocolError
from pyvirgl.renderer.api import Renderer

log = logging.getLogger("pyvirgl.vhost_user.server")

RECV_CHUNK = 1 << 16
DISPLAY_CHUNK = 1 << 20
FD_SPACE = socket.CMSG_SPACE(p.MAX_FDS * array.array("i").itemsize)


def recv_with_fds(sock: socket.socket, size: int = RECV_CHUNK) -> tuple[bytes, list[int]]:
    data, ancdata, flags, _ = sock.recvmsg(size, FD_SPACE, getattr(socket, "MSG_CMSG_CLOEXEC", 0))
    fds: list[int] = []
    for level, kind, payload in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            arr = array.array("i")
            arr.frombytes(payload[:len(payload) - len(payload) % arr.itemsize])
            fds.extend(arr)
    if flags & socket.MSG_CTRUNC:
        for fd in fds:
            os.close(fd)
        raise ProtocolError("recvmsg", "file descriptors were truncated")
    return data, fds


class Connection:
    """One front-end: its vhost-user socket and the backend serving it."""

    def __init__(self, sock: socket.socket, backend: VhostUserGpuBackend) -> None:
        self.sock = sock
        self.backend = backend
        self.decoder = p.MessageDecoder()
        self.selector = selectors.PollSelector()  # stateless: closed/reused fds are harmless
        self._generation = -1
        self.closed = False

    def _sync_fds(self) -> None:
        """(Re)register what to watch when the backend's fds changed or output is pending."""
        if self._generation != self.backend.fd_generation:
            for key in list(self.selector.get_map().values()):
                self.selector.unregister(key.fileobj)
            self.selector.register(self.sock, selectors.EVENT_READ, ("vhost", None))
            for fd, index in self.backend.watched_kick_fds().items():
                self.selector.register(fd, selectors.EVENT_READ, ("kick", index))
            self._generation = self.backend.fd_generation
        fd = self.backend.display_fd
        if fd is not None:
            events = selectors.EVENT_READ
            if self.backend.display is not None and self.backend.display.pending_output():
                events |= selectors.EVENT_WRITE
            try:
                key = self.selector.get_key(fd)
                if key.events != events:
                    self.selector.modify(fd, events, ("display", None))
            except KeyError:
                self.selector.register(fd, events, ("display", None))

    def serve(self, should_stop: Callable[[], bool] = lambda: False, timeout: float | None = 1.0) -> None:
        while not self.closed and not should_stop():
            self.step(0.01 if self.backend.wants_polling() else timeout)

    def step(self, timeout: float | None = 0.0) -> None:
        """One round of the loop (tests drive it directly)."""
        if self.closed:
            return
        self._sync_fds()
        ready = self.selector.select(timeout)
        if not ready and self.backend.wants_polling():
            self.backend.process_queues()
        for key, events in ready:
            kind, index = key.data
            if kind == "vhost":
                self._on_vhost()
            elif kind == "kick":
                self.backend.on_kick(index)
            elif kind == "display":
                if events & selectors.EVENT_READ:
                    self._on_display_readable()
                if events & selectors.EVENT_WRITE and self.backend.display_fd is not None:
                    self._flush_display()
            if self.closed:
                return
            if self._generation != self.backend.fd_generation:
                break  # fds changed under us: the remaining events may be stale
        self._flush_display()

    def _on_vhost(self) -> None:
        try:
            data, fds = recv_with_fds(self.sock)
        except (ConnectionResetError, BrokenPipeError):
            data, fds = b"", []
        except ProtocolError as err:
            log.error("front-end: %s", err)
            self.close()
            return
        if not data:
            for fd in fds:
                os.close(fd)
            log.info("front-end disconnected")
            self.close()
            return
        self.decoder.receive(data, fds)
        try:
            while (msg := self.decoder.next_message()) is not None:
                log.debug("<- %s flags=%#x %d bytes %d fds", msg.name, msg.flags, len(msg.payload), len(msg.fds))
                for reply in self.backend.handle(msg):
                    self.sock.sendall(reply)
                # A kick may have landed before the ring was started or enabled.
                if msg.request in (p.Request.SET_VRING_KICK, p.Request.SET_VRING_ENABLE, p.Request.VRING_KICK,
                                   p.Request.SET_MEM_TABLE):
                    self.backend.process_queues()
        except ProtocolError as err:
            log.error("front-end broke the protocol: %s; disconnecting", err)
            self.close()
        except (BrokenPipeError, ConnectionResetError):
            self.close()

    def _on_display_readable(self) -> None:
        fd = self.backend.display_fd
        try:
            data = os.read(fd, RECV_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.backend.display_gone()
            return
        try:
            progressed = self.backend.display.receive(data)
        except DisplayProtocolError as err:
            log.error("display socket: %s", err)
            self.backend.display_gone()
            return
        if progressed:
            self.backend.process_queues()

    def _flush_display(self) -> None:
        display, fd = self.backend.display, self.backend.display_fd
        if display is None or fd is None:
            return
        was_backlogged = display.pending_output() > 0
        while display.outgoing:
            try:
                n = os.write(fd, display.outgoing[:DISPLAY_CHUNK])
            except BlockingIOError:
                return
            except (BrokenPipeError, ConnectionResetError):
                # QEMU closes the display socket when it exits, often with an update pending.
                self.backend.display_gone()
                return
            except OSError as err:
                log.error("display socket: %s", err)
                self.backend.display_gone()
                return
            del display.outgoing[:n]
        if was_backlogged:
            self.backend.process_queues()  # commands held back by the backlog may go on

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.backend.close()
        finally:
            self.decoder.close()
            self.selector.close()
            self.sock.close()


# -- the program ---------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="pyvirgl vhost-user-gpu",
                                 description="Serve a vhost-user-gpu device (virtio-gpu with virgl 3D) to QEMU.")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--socket-path", "--socket", "-s", dest="socket_path", metavar="PATH",
                       help="listen on this Unix socket for the front-end")
    where.add_argument("--fd", type=int, help="serve the vhost-user socket already open as this fd")
    ap.add_argument("--print-capabilities", action="store_true",
                    help="print the back-end capabilities as JSON and exit")
    ap.add_argument("--virgl", action="store_true", default=True, help="enable virgl 3D (the default)")
    ap.add_argument("--no-virgl", dest="virgl", action="store_false", help="offer a 2D-only device")
    ap.add_argument("--render-node", metavar="PATH", help="accepted for compatibility; the host GL is used")
    ap.add_argument("--serve-forever", action="store_true",
                    help="after a front-end leaves, wait for the next one (default: exit)")
    ap.add_argument("-v", "--verbose", action="store_true", help="log every vhost-user message")
    return ap


def main(argv: Sequence[str] | None = None, renderer_factory: Callable[[], Renderer] | None = None) -> int:
    """`pyvirgl vhost-user-gpu ...`: returns the exit status."""
    args = _parser().parse_args(argv)
    if args.print_capabilities:
        print(json.dumps({"type": "gpu", "features": ["virgl"] if args.virgl else []}))
        return 0
    if args.socket_path is None and args.fd is None:
        print("pyvirgl vhost-user-gpu: give --socket-path PATH or --fd N", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if renderer_factory is None:
        from pyvirgl.renderer.factory import make_renderer_factory

        renderer_factory = make_renderer_factory(None)

    stopping = False

    def stop(*_args) -> None:
        nonlocal stopping
        stopping = True

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)

    def serve(sock: socket.socket) -> None:
        backend = VhostUserGpuBackend(renderer_factory(), virgl=args.virgl)
        conn = Connection(sock, backend)
        try:
            conn.serve(lambda: stopping)
        finally:
            conn.close()

    if args.fd is not None:
        serve(socket.socket(fileno=args.fd))
        return 0
    path = args.socket_path
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(1)
    listener.settimeout(1.0)
    log.info("vhost-user-gpu listening on %s (virgl %s)", path, "on" if args.virgl else "off")
    try:
        while not stopping:
            try:
                sock, _ = listener.accept()
            except TimeoutError:
                continue
            except InterruptedError:
                continue
            sock.settimeout(None)
            log.info("front-end connected")
            serve(sock)
            if not args.serve_forever:
                break
    finally:
        listener.close()
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
