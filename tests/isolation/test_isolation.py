"""One client cannot hurt another: garbage, crashes, stalls and disconnects at any point.

A real `pyvirgl serve` on a private socket, in both modes: forking (one child
per client, like virgl_test_server) and --no-fork (every client in one process
and one GL context). Server processes are watched through /proc: its children,
its open fds.
"""
from __future__ import annotations

import os
import signal
import socket
import struct
import tempfile
import time
from contextlib import contextmanager

import pytest

from pyvirgl.client.encoder import CommandEncoder
from pyvirgl.client.vtest_client import VtestClient
from pyvirgl.protocol import vtest as v
from pyvirgl.protocol.formats import VirglFormat as F
from pyvirgl.protocol.types import Box
from pyvirgl.protocol.virgl import ClearFlags
from pyvirgl.tools.session import pyvirgl_server

BUFFER, TEX_2D = 0, 2
BIND_RT, BIND_SV, BIND_CUSTOM = 1 << 1, 1 << 3, 1 << 17


# --- helpers -------------------------------------------------------------------------------

def children(pid: int) -> set[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return {int(x) for x in f.read().split()}
    except FileNotFoundError:
        return set()


def fd_count(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def wait_until(pred, seconds: float = 15.0, what: str = "condition") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def raw_connect(path: str) -> socket.socket:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(10)
    s.connect(path)
    return s


@contextmanager
def server(*flags: str):
    with tempfile.TemporaryDirectory(prefix="pv-iso-") as tmp:
        sock, log = os.path.join(tmp, "s.sock"), os.path.join(tmp, "server.log")
        with pyvirgl_server(sock, flags, log_path=log) as proc:
            yield proc, sock, log


@pytest.fixture(scope="module", params=["fork", "no-fork"])
def srv(request):
    with server(*(("--no-fork",) if request.param == "no-fork" else ())) as (proc, sock, log):
        yield request.param, proc, sock, log


def settled(proc, mode: str, base_fds: int) -> None:
    """Everything a gone client held is released: no child left (fork) or no fd left (no-fork)."""
    if mode == "fork":
        wait_until(lambda: not children(proc.pid), what="client processes to exit")
    else:
        wait_until(lambda: fd_count(proc.pid) <= base_fds, what=f"server fds back to {base_fds}")
    assert proc.poll() is None, "the server itself went down"


def draw_round_trip(client: VtestClient, handle_base: int = 1) -> None:
    """A real workload: a render target cleared on the host and read back exactly."""
    tex = client.resource_create(TEX_2D, F.B8G8R8A8_UNORM, BIND_RT | BIND_SV, 8, 8, data_size=8 * 8 * 4,
                                 handle=handle_base)
    enc = CommandEncoder().create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.create_surface(handle=handle_base + 100, res_handle=tex, format=F.B8G8R8A8_UNORM, val0=0, val1=0)
    enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(handle_base + 100,))
    one = struct.unpack("<I", struct.pack("<f", 1.0))[0]
    enc.clear(buffers=ClearFlags.COLOR0, color=(0, one, 0, one), depth=1.0, stencil=0)
    client.submit(bytes(enc))
    client.transfer_get2(tex, Box(0, 0, 0, 8, 8, 1))
    client.busy_wait(wait=True)
    assert client.maps[tex][:4] == bytes([0, 255, 0, 255])
    client.resource_unref(tex)


def base_fds(proc) -> int:
    time.sleep(0.2)
    return fd_count(proc.pid)


# --- garbage and crashes ----------------------------------------------------------------------

GARBAGE = {
    "random_bytes": bytes((i * 89 + 7) & 0xFF for i in range(4096)),
    "unknown_command": struct.pack("<II", 0, 99),
    "huge_submit_header": struct.pack("<II", 0xFFFFFFFF, v.Vcmd.SUBMIT_CMD),
    "bad_submit_after_handshake": v.encode_create_renderer("bad") + v.encode_submit(b"\xff" * 64),
    "bad_shader": v.encode_create_renderer("bad") + v.encode_submit(bytes(
        CommandEncoder().create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
        .create_shader(1, 0, "VERT\nDCL IN[99999999999]\n"))),
}


@pytest.mark.parametrize("case", sorted(GARBAGE))
def test_garbage_takes_only_its_sender_down(srv, case):
    mode, proc, sock, _ = srv
    base = base_fds(proc)
    with VtestClient(sock, name="bystander") as bystander:
        draw_round_trip(bystander, 1)
        hostile = raw_connect(sock)
        hostile.sendall(GARBAGE[case])
        assert hostile.recv(64) == b"", "the server should hang up on the hostile client"
        hostile.close()
        draw_round_trip(bystander, 10)   # still served, state intact
    settled(proc, mode, base)
    with VtestClient(sock, name="after") as after:
        draw_round_trip(after)


def test_a_crashed_client_process_takes_only_itself_down():
    with server() as (proc, sock, log):
        with VtestClient(sock, name="bystander") as bystander:
            draw_round_trip(bystander)
            (bystander_pid,) = children(proc.pid)
            victim = VtestClient(sock, name="victim")
            victim.get_caps()
            (victim_pid,) = children(proc.pid) - {bystander_pid}
            os.kill(victim_pid, signal.SIGSEGV)   # what a crash in the GL driver looks like
            victim.sock.settimeout(10)
            assert victim.sock.recv(16) == b""
            victim.close()
            wait_until(lambda: children(proc.pid) == {bystander_pid}, what="the crashed child to be reaped")
            draw_round_trip(bystander, 20)
        assert "killed by signal 11" in open(log).read()
        settled(proc, "fork", 0)


# --- stalls --------------------------------------------------------------------------------------

def test_half_a_message_then_silence_blocks_no_one(srv):
    mode, proc, sock, _ = srv
    base = base_fds(proc)
    stuck = raw_connect(sock)
    stuck.sendall(v.encode_create_renderer("stuck") + struct.pack("<II", 1000, v.Vcmd.SUBMIT_CMD) + b"\0" * 10)
    start = time.monotonic()
    for i in range(3):
        with VtestClient(sock, name=f"busy{i}") as other:
            draw_round_trip(other)
    assert time.monotonic() - start < 20
    stuck.close()
    settled(proc, mode, base)


def test_a_client_that_never_reads_its_replies_blocks_no_one(srv):
    mode, proc, sock, _ = srv
    base = base_fds(proc)
    greedy = raw_connect(sock)
    greedy.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    greedy.sendall(v.encode_create_renderer("greedy"))
    # Each GET_CAPS2 answers ~1 KB; thousands fill both socket buffers.
    greedy.setblocking(False)
    request = v.encode_request(v.Vcmd.GET_CAPS2) * 64
    for _ in range(400):
        try:
            greedy.send(request)
        except BlockingIOError:
            break
    start = time.monotonic()
    with VtestClient(sock, name="patient") as other:
        other.sock.settimeout(30)
        draw_round_trip(other)
    assert time.monotonic() - start < 30
    greedy.close()
    settled(proc, mode, base)


# --- disconnects at every point ------------------------------------------------------------------

def _recorded_stream() -> bytes:
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "fuzz"))
    import fuzz_harness as fh

    best = max(fh.Corpus().with_submits, key=lambda s: sum(1 for r in s[1] if fh.submit_payload(r)))
    return b"".join(best[1][:40])


def test_disconnect_at_any_point_frees_everything(srv):
    mode, proc, sock, _ = srv
    stream = _recorded_stream()
    base = base_fds(proc)
    reqs_end = []
    dec, pos = v.VtestDecoder(), 0
    dec.receive_data(stream)
    while dec.next_request() is not None:
        reqs_end.append(len(stream) - dec.buffered)
    cuts = sorted({c for e in reqs_end for c in (e, e - 3, e - 9) if 0 < c < len(stream)})
    # A forked client pays ~0.5 s of GL start-up: fewer cut points there.
    for cut in cuts[:: max(1, len(cuts) // (40 if mode == "no-fork" else 12))]:
        s = raw_connect(sock)
        s.sendall(stream[:cut])
        if cut > len(stream) // 2:
            s.shutdown(socket.SHUT_WR)   # half-close: the server sees EOF mid-stream
            try:
                while s.recv(65536):
                    pass
            except OSError:
                pass
        s.close()
    settled(proc, mode, base)
    with VtestClient(sock, name="after") as after:
        draw_round_trip(after)
    settled(proc, mode, base)


def test_no_fork_clients_keep_their_own_gl_objects():
    """In one process, a newcomer (even one that only asks for caps) must not disturb GL state of others."""
    with server("--no-fork") as (proc, sock, _):
        with VtestClient(sock, name="first") as first:
            tex = first.resource_create(TEX_2D, F.B8G8R8A8_UNORM, BIND_RT | BIND_SV, 4, 4, data_size=64)
            first.maps[tex][:] = bytes(range(64))
            first.transfer_put2(tex, Box(0, 0, 0, 4, 4, 1))
            first.busy_wait(wait=True)
            for i in range(3):
                with VtestClient(sock, name=f"caps-only-{i}") as c:
                    c.get_caps()
                with VtestClient(sock, name=f"drawer-{i}") as c:
                    draw_round_trip(c)
            first.maps[tex][:] = bytes(64)
            first.transfer_get2(tex, Box(0, 0, 0, 4, 4, 1))
            first.busy_wait(wait=True)
            assert first.maps[tex][:] == bytes(range(64))
            draw_round_trip(first, 50)


# --- the in-process server's reply queue (no GL: a host-memory backend) ----------------------

class _MemoryBackend:
    def limits(self):
        from pyvirgl.renderer.resources import Limits
        return Limits()

    def create_storage(self, layout):
        return None

    def destroy_context(self, ctx) -> None:
        pass

    def busy(self, wait: bool) -> bool:
        return False


def _memory_service():
    from pyvirgl.frontends.vtest_service import VtestService
    from pyvirgl.protocol.caps import Caps
    from pyvirgl.renderer.api import Renderer

    backend = _MemoryBackend()
    return VtestService(Renderer(Caps(), lambda: backend))


def _flood() -> bytes:
    from pyvirgl.protocol.types import ResourceTemplate

    shm = v.encode_resource_create2(ResourceTemplate(1, BUFFER, F.R8_UNORM, BIND_CUSTOM, 4096, 1, 1, 1, 0, 0), 4096)
    return (v.encode_create_renderer("flood") + v.encode_request(v.Vcmd.GET_CAPS2) * 300 + shm
            + v.encode_request(v.Vcmd.GET_CAPS2) * 300)


def test_reply_queue_never_blocks_and_loses_nothing():
    """A peer that reads nothing: handling returns at once with replies queued; once it reads, every
    byte and the shared-memory fd arrive exactly as a blocking server would have sent them."""
    from pyvirgl.frontends.vtest_server import ClientConnection

    expected = b""
    dec = v.VtestDecoder()
    dec.receive_data(_flood())
    ref = _memory_service()
    while (req := dec.next_request()) is not None:
        for reply in ref.handle(req):
            expected += reply.data
            for fd in reply.fds:
                os.close(fd)
    ref.close()

    ours, peer = socket.socketpair()
    ours.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    conn = ClientConnection(ours, _memory_service(), "test", queue_output=True)
    peer.sendall(_flood())
    start = time.monotonic()
    assert conn.on_readable()
    assert time.monotonic() - start < 2
    assert conn.output_pending and conn.decoder.buffered > 0, "replies should wait, requests stay unread"
    got, fds = bytearray(), []
    peer.settimeout(5)
    while conn.output_pending or conn.decoder.buffered:
        data, anc, _, _ = peer.recvmsg(1 << 16, socket.CMSG_SPACE(4 * 4))
        got += data
        for level, kind, payload in anc:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds += struct.unpack(f"{len(payload) // 4}i", payload)
        assert conn.on_writable()
    peer.setblocking(False)
    try:
        while chunk := peer.recv(1 << 16):
            got += chunk
    except BlockingIOError:
        pass
    assert bytes(got) == expected
    assert len(fds) == 1
    for fd in fds:
        os.close(fd)
    conn.close()
    peer.close()


def test_in_process_server_drops_a_client_that_stopped_reading(monkeypatch):
    """The selector loop serves a patient client while a flooding one is stuck, then drops the stuck one."""
    import threading

    from pyvirgl.frontends import vtest_server as srv_mod
    from pyvirgl.frontends.vtest_server import ServerOptions, VtestServer

    monkeypatch.setattr(srv_mod, "SEND_STALL_SECONDS", 0.5)
    with tempfile.TemporaryDirectory(prefix="pv-q-") as tmp:
        path = os.path.join(tmp, "s.sock")
        server = VtestServer(ServerOptions(socket_path=path, fork=False), lambda: _memory_service().renderer)
        server.open()
        thread = threading.Thread(target=server._serve_in_process, daemon=True)
        thread.start()
        try:
            greedy = raw_connect(path)
            greedy.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            greedy.sendall(_flood())
            with VtestClient(path, name="patient") as patient:
                patient.sock.settimeout(5)
                assert patient.get_caps()[1]
            time.sleep(1.0)      # past the stall limit: the server hangs up on the flooder
            greedy.settimeout(5)
            while greedy.recv(1 << 16):
                pass             # what it was sent, then EOF
            greedy.close()
        finally:
            server.stop()
            thread.join(5)
            server.close()
        assert not thread.is_alive()


def test_forked_client_process_gives_up_on_a_peer_that_stopped_reading(monkeypatch):
    """Blocking mode (one process per client): a send that cannot finish ends the connection after
    the stall limit instead of holding that process and its resources forever."""
    from pyvirgl.frontends import vtest_server as srv_mod

    monkeypatch.setattr(srv_mod, "SEND_STALL_SECONDS", 0.3)
    ours, peer = socket.socketpair()
    ours.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    conn = srv_mod.ClientConnection(ours, _memory_service(), "test")
    peer.sendall(_flood())
    start = time.monotonic()
    assert conn.on_readable() is False
    assert 0.2 < time.monotonic() - start < 5
    conn.close()
    peer.close()
