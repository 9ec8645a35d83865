"""The vtest Unix-socket server: the only place that touches sockets.

Like `virgl_test_server`, each client gets a forked process of its own, and
EGL/GL are initialised only in that child, after the fork: a GL context does
not survive fork, and a client that crashes its process takes only itself
down. With `--no-fork` every client is served from this one process through a
selector loop, each with its own renderer but one shared GL context
(`--multi-clients` is accepted for compatibility with the C server's flags;
in-process serving always takes several clients).

Caps are probed once at start-up in a short-lived child (so the parent
stays GL-free) and handed to every client process, instead of each client
paying for a host probe.
"""
from __future__ import annotations

import array
import collections
import errno
import logging
import os
import selectors
import signal
import socket
import struct
import sys
import time
from dataclasses import dataclass
from typing import Callable

from pyvirgl.errors import GuestError, ProtocolError
from pyvirgl.frontends.vtest_service import Reply, VtestService
from pyvirgl.protocol import vtest as v
from pyvirgl.renderer.api import Renderer
from pyvirgl.renderer.stats import Stats

log = logging.getLogger("pyvirgl.server")

from pyvirgl.protocol.vtest import DEFAULT_SOCKET_PATH
RECV_CHUNK = 1 << 20
# A client whose replies have not moved for this long is dropped (queued replies
# in-process, a blocked send in a forked client's process).
SEND_STALL_SECONDS = 30.0


@dataclass
class ServerOptions:
    socket_path: str = DEFAULT_SOCKET_PATH
    fork: bool = True
    multi_clients: bool = False
    use_gles: bool = False
    verbose: bool = False
    max_clients: int = 0  # 0 = unlimited; tests use it to stop after N clients
    record_dir: str | None = None  # save each client's raw request bytes here (fuzz seeds, replay)
    stats: bool = False            # time requests and commands; log a table per client
    stats_dir: str | None = None   # also write each client's stats as JSON here


class ClientConnection:
    """One client: its socket, its decoder and its service.

    With `queue_output` (the in-process server) the socket is non-blocking and
    replies wait in a queue: a client that does not read its replies stops
    only itself. While replies are queued no further request of that client
    is handled (back-pressure), so the queue never holds more than the
    replies to one request."""

    def __init__(self, sock: socket.socket, service: VtestService, peer: str,
                 record_path: str | None = None, stats: Stats | None = None,
                 queue_output: bool = False) -> None:
        self.sock = sock
        self.decoder = v.VtestDecoder()
        self.service = service
        self.peer = peer
        self.record = open(record_path, "wb") if record_path else None
        self.stats = stats
        if stats is not None:
            service.renderer.stats = stats
        # Clients served from one process share its backend: report the work done since this one came.
        self._work_at_start = service.renderer.work_counts()
        self.queue_output = queue_output
        # Each entry: the bytes still to send, fds not yet sent, whether to close those fds once sent.
        self._out: collections.deque[list] = collections.deque()
        self.last_progress = time.monotonic()  # last time queued output moved (or was empty)
        if queue_output:
            sock.setblocking(False)
        else:
            # A forked client's own process may block on its replies, but not forever.
            secs = int(SEND_STALL_SECONDS)
            usecs = int((SEND_STALL_SECONDS - secs) * 1e6)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", secs, usecs))

    @property
    def output_pending(self) -> bool:
        return bool(self._out)

    def on_readable(self) -> bool:
        """Read what is there and answer it. False when the client is gone or refused."""
        stats = self.stats
        clock = time.perf_counter
        waited = clock()
        try:
            data = self.sock.recv(RECV_CHUNK)
        except (BlockingIOError, InterruptedError):
            return True
        except (ConnectionResetError, BrokenPipeError):
            return False
        if not data:
            return False
        if stats is not None:
            stats.waiting += clock() - waited
            stats.bytes_in += len(data)
        if self.record is not None:
            self.record.write(data)
        self.decoder.receive_data(data)
        return self._handle_buffered()

    def on_writable(self) -> bool:
        """Send queued replies; once they are all out, go on with requests already received."""
        try:
            self._flush()
        except OSError:
            return False
        return self._handle_buffered() if not self._out else True

    def _handle_buffered(self) -> bool:
        stats = self.stats
        clock = time.perf_counter
        try:
            while not self._out:
                started = clock()
                request = self.decoder.next_request()
                if request is None:
                    break
                if log.isEnabledFor(logging.DEBUG):
                    log.debug("%s <- %s", self.peer, _describe(request))
                if stats is None:
                    for reply in self.service.handle(request):
                        self._send(reply)
                    continue
                decoded = clock()
                stats.decode += decoded - started
                sent = 0
                for reply in self.service.handle(request):
                    self._send(reply)
                    sent += len(reply.data)
                stats.bytes_out += sent
                stats.request(type(request).__name__, clock() - decoded, sent)
        except ProtocolError as err:
            log.error("client %s: protocol error in %s: %s; disconnecting", self.peer, err.command, err.reason)
            return False
        except GuestError as err:
            log.error("client %s: context failed in %s: %s; disconnecting", self.peer, err.command, err.reason)
            return False
        except (BrokenPipeError, ConnectionResetError):
            return False
        except (BlockingIOError, TimeoutError):   # SO_SNDTIMEO ran out
            log.error("client %s: has not read its replies for %.0f s; disconnecting", self.peer, SEND_STALL_SECONDS)
            return False
        return True

    def _send(self, reply: Reply) -> None:
        if self.queue_output:
            if not self._out:
                self.last_progress = time.monotonic()
            self._out.append([memoryview(reply.data), list(reply.fds), reply.close_after_send])
            self._flush()
            return
        try:
            if reply.fds:
                fds = array.array("i", reply.fds)
                sent = self.sock.sendmsg([reply.data], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])
                if sent < len(reply.data):   # the fds went with the first byte
                    self.sock.sendall(memoryview(reply.data)[sent:])
            else:
                self.sock.sendall(reply.data)
        finally:
            if reply.close_after_send:
                for fd in reply.fds:
                    os.close(fd)

    def _flush(self) -> None:
        """Send as much queued output as the socket takes now, without blocking."""
        while self._out:
            entry = self._out[0]
            data, fds, close_after = entry
            try:
                if fds:
                    sent = self.sock.sendmsg([data], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
                    # The fds went with the first byte; never send them twice.
                    if close_after:
                        for fd in fds:
                            os.close(fd)
                    entry[1] = []
                else:
                    sent = self.sock.send(data)
            except (BlockingIOError, InterruptedError):
                return
            self.last_progress = time.monotonic()
            entry[0] = data = data[sent:]
            if not data:
                self._out.popleft()

    def close(self, stats_dir: str | None = None) -> None:
        work = self.service.renderer.work_counts()
        if any(work.values()):
            base = self._work_at_start
            done = ", ".join(f"{n - base.get(k, 0)} {k}" for k, n in work.items())
            log.info("client %s %r done: %s", self.peer, self.service.client_name, done)
        try:
            self.service.close()
        finally:
            self.sock.close()
            while self._out:
                _, fds, close_after = self._out.popleft()
                if close_after:
                    for fd in fds:
                        os.close(fd)
            if self.record is not None:
                self.record.close()
            if self.stats is not None:
                log.info("client %s %r stats:\n%s", self.peer, self.service.client_name, self.stats.table())
                if stats_dir:
                    os.makedirs(stats_dir, exist_ok=True)
                    self.stats.write_json(os.path.join(stats_dir, f"stats-{os.getpid()}-{self.sock.fileno()}.json"))


def _describe(request: v.Request) -> str:
    text = repr(request)
    return text if len(text) < 300 else text[:300] + "..."


class VtestServer:
    def __init__(self, options: ServerOptions, renderer_factory: Callable[[], Renderer]) -> None:
        self.options = options
        self.renderer_factory = renderer_factory
        self.listener: socket.socket | None = None
        self.children: set[int] = set()
        self._stopping = False
        self._served = 0

    # -- lifecycle ---------------------------------------------------------------

    def open(self) -> None:
        path = self.options.socket_path
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(path)
        listener.listen(64)
        self.listener = listener
        log.info("listening on %s (%s)", path, "fork per client" if self.options.fork else "single process")

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None
            try:
                os.unlink(self.options.socket_path)
            except FileNotFoundError:
                pass

    def stop(self, *_args) -> None:
        self._stopping = True

    def serve_forever(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        if self.listener is None:
            self.open()
        try:
            if self.options.fork:
                self._serve_forking()
            else:
                self._serve_in_process()
        finally:
            self.close()
            for pid in list(self.children):
                try:
                    os.kill(pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
            self._reap(block=True)

    def _new_stats(self) -> Stats | None:
        return Stats() if self.options.stats or self.options.stats_dir else None

    def _record_path(self, name: str) -> str | None:
        folder = self.options.record_dir
        if not folder:
            return None
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"client-{name}.vtest")

    def _limit_reached(self) -> bool:
        return bool(self.options.max_clients) and self._served >= self.options.max_clients

    # -- fork per client -------------------------------------------------------------

    def _serve_forking(self) -> None:
        assert self.listener is not None
        self.listener.settimeout(0.2)  # wake up to notice signals and reap children
        while not self._stopping:
            self._reap(block=False)
            if self._limit_reached() and not self.children:
                return
            try:
                conn, _ = self.listener.accept()
            except (socket.timeout, InterruptedError):
                continue
            except OSError as err:
                if err.errno in (errno.EINTR, errno.EAGAIN):
                    continue
                raise
            self._served += 1
            pid = os.fork()
            if pid == 0:
                self._run_child(conn)  # never returns
            self.children.add(pid)
            conn.close()

    def _run_child(self, conn: socket.socket) -> None:
        code = 0
        try:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            if self.listener is not None:
                self.listener.close()
            conn.setblocking(True)
            client = ClientConnection(conn, VtestService(self.renderer_factory()), f"pid {os.getpid()}",
                                      self._record_path(f"{os.getpid()}"), self._new_stats())
            try:
                while client.on_readable():
                    pass
            finally:
                client.close(self.options.stats_dir)
        except Exception:  # a host bug: log it loudly, then let only this client go
            log.exception("client process %d failed", os.getpid())
            code = 1
        finally:
            logging.shutdown()
            os._exit(code)

    def _reap(self, block: bool) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, 0 if block else os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            self.children.discard(pid)
            if os.WIFSIGNALED(status):
                log.warning("client process %d killed by signal %d", pid, os.WTERMSIG(status))

    # -- everything in this process -----------------------------------------------------

    def _serve_in_process(self) -> None:
        assert self.listener is not None
        sel = selectors.DefaultSelector()
        self.listener.setblocking(False)
        sel.register(self.listener, selectors.EVENT_READ, None)
        clients: dict[int, ClientConnection] = {}
        try:
            while not self._stopping:
                if self._limit_reached() and not clients:
                    return
                for key, mask in sel.select(timeout=0.2):
                    if key.data is None:
                        self._accept_in_process(sel, clients)
                        continue
                    client: ClientConnection = key.data
                    keep = False
                    try:
                        if client.output_pending:
                            keep = client.on_writable() if mask & selectors.EVENT_WRITE else True
                        else:
                            keep = client.on_readable()
                    except Exception:
                        log.exception("client %s: host error; disconnecting it", client.peer)
                    if keep:
                        # Wait for room to send while replies are queued, else for requests.
                        want = selectors.EVENT_WRITE if client.output_pending else selectors.EVENT_READ
                        if key.events != want:
                            sel.modify(client.sock, want, client)
                    else:
                        self._drop_in_process(sel, clients, client)
                now = time.monotonic()
                for client in [c for c in clients.values()
                               if c.output_pending and now - c.last_progress > SEND_STALL_SECONDS]:
                    log.error("client %s: has not read its replies for %.0f s; disconnecting",
                              client.peer, SEND_STALL_SECONDS)
                    self._drop_in_process(sel, clients, client)
        finally:
            for client in clients.values():
                client.close()
            sel.close()

    def _drop_in_process(self, sel, clients, client: ClientConnection) -> None:
        sel.unregister(client.sock)
        clients.pop(client.sock.fileno(), None)
        client.close(self.options.stats_dir)

    def _accept_in_process(self, sel, clients) -> None:
        assert self.listener is not None
        try:
            conn, _ = self.listener.accept()
        except BlockingIOError:
            return
        self._served += 1
        client = ClientConnection(conn, VtestService(self.renderer_factory()), f"fd {conn.fileno()}",
                                  self._record_path(f"{os.getpid()}-{self._served}"), self._new_stats(),
                                  queue_output=True)
        clients[conn.fileno()] = client
        sel.register(conn, selectors.EVENT_READ, client)


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO,
        format="pyvirgl[%(process)d] %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # -v is about our protocol, not PyOpenGL's library loading chatter.
    logging.getLogger("pyvirgl").setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("OpenGL").setLevel(logging.WARNING)
