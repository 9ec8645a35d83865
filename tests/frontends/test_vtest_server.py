"""The vtest server over a real socket: Mesa's handshake, resources, and hostile clients."""
from __future__ import annotations

import socket
import struct
import time

import pytest

from pyvirgl.client.vtest_client import ServerClosed, VtestClient
from pyvirgl.protocol import vtest as v
from pyvirgl.protocol.caps import CAPS_V1_SIZE, CAPS_V2_SIZE
from pyvirgl.protocol.types import Box

PIPE_BUFFER, PIPE_TEXTURE_2D = 0, 2
R8_UNORM, B8G8R8A8_UNORM = 64, 1
BIND_RENDER_TARGET, BIND_CUSTOM = 1 << 1, 1 << 17


def wait_closed(client: VtestClient, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    client.sock.settimeout(seconds)
    while time.monotonic() < deadline:
        if client.is_closed_by_server():
            return True
    return False


def log_text(log_path: str, needle: str, seconds: float = 5) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = open(log_path).read()
        if needle in text:
            return text
        time.sleep(0.05)
    return open(log_path).read()


def test_handshake_and_caps_like_mesa(server_socket):
    sock, _ = server_socket
    with VtestClient(sock, name="handshake-test") as client:
        assert client.protocol_version == 2
        caps, raw2, raw1 = client.get_caps()
        assert len(raw2) == CAPS_V2_SIZE and len(raw1) == CAPS_V1_SIZE
        assert caps.renderer.startswith("pyvirgl ")
        assert caps.max_texture_2d_size >= 2048
        # v1 is the head of v2, but with its own version number.
        assert raw1[4:] == raw2[4:CAPS_V1_SIZE]
        assert struct.unpack_from("<I", raw1)[0] == 1


def test_resource_shared_memory_round_trip(server_socket):
    sock, _ = server_socket
    with VtestClient(sock) as client:
        handle = client.resource_create(PIPE_BUFFER, R8_UNORM, BIND_CUSTOM, 4096, data_size=4096)
        shm = client.maps[handle]
        assert shm[:4096] == bytes(4096)  # never hand a guest uninitialised memory
        pattern = bytes(range(256)) * 16
        shm[:] = pattern
        client.transfer_put2(handle, Box(0, 0, 0, 4096, 1, 1), data_size=4096)
        client.busy_wait(wait=True)  # a round trip: the server has read the memory now
        shm[:] = bytes(4096)
        client.transfer_get2(handle, Box(100, 0, 0, 200, 1, 1), offset=100)
        assert not client.busy_wait(wait=True)
        assert shm[100:300] == pattern[100:300]
        assert shm[:100] == bytes(100)


def test_texture_transfer_v1_inline_round_trip(server_socket):
    sock, _ = server_socket
    with VtestClient(sock) as client:
        handle = client.resource_create(PIPE_TEXTURE_2D, B8G8R8A8_UNORM, BIND_RENDER_TARGET, 16, 8, data_size=16 * 8 * 4)
        data = bytes((i * 7) % 251 for i in range(4 * 4 * 3))
        client.transfer_put(handle, Box(2, 1, 0, 4, 3, 1), data, stride=16)
        back = client.transfer_get(handle, Box(2, 1, 0, 4, 3, 1), len(data), stride=16)
        assert back == data


def _raw(sock_path: str) -> socket.socket:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(10)
    s.connect(sock_path)
    return s


HOSTILE = {
    "unknown_command": (struct.pack("<II", 0, 77), "unknown command"),
    "oversized_submit": (struct.pack("<II", 1 << 30, v.Vcmd.SUBMIT_CMD), "exceeds the limit"),
    "wrong_fixed_length": (struct.pack("<II", 9, v.Vcmd.RESOURCE_UNREF), "expected 1"),
    "garbage": (bytes(range(7, 255, 3)) * 4, "protocol error"),
    "bogus_unref_handle": (v.encode_create_renderer("x") + v.encode_request(v.Vcmd.RESOURCE_UNREF, 999),
                           "RESOURCE_UNREF: no resource 999"),
    "bogus_transfer_handle": (v.encode_create_renderer("x") +
                              v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 5, 0, Box(0, 0, 0, 1, 1, 1), 0, 0),
                              "no resource 5"),
    "resource_before_create_renderer": (v.encode_request(v.Vcmd.RESOURCE_UNREF, 1), "before CREATE_RENDERER"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_client_is_dropped_and_others_go_on(server_socket, case):
    sock, log = server_socket
    payload, reason = HOSTILE[case]
    with VtestClient(sock, name="bystander") as bystander:
        hostile = _raw(sock)
        hostile.sendall(payload)
        hostile.settimeout(10)
        assert hostile.recv(64) == b"", "the server should hang up on a client it refuses"
        hostile.close()
        assert reason in log_text(log, reason), f"no log line naming {reason!r}"
        # The other client and the server carry on.
        caps, _, _ = bystander.get_caps()
        assert caps.renderer.startswith("pyvirgl")
    with VtestClient(sock, name="newcomer") as newcomer:
        assert newcomer.protocol_version == 2


def test_truncated_header_then_disconnect(server_socket):
    sock, _ = server_socket
    s = _raw(sock)
    s.sendall(b"\x01\x00")
    s.close()  # mid-header
    s = _raw(sock)
    s.sendall(v.encode_create_renderer("half") + struct.pack("<II", 11, v.Vcmd.RESOURCE_CREATE2) + b"\0" * 12)
    s.close()  # mid-payload
    with VtestClient(sock) as client:
        assert client.get_caps()[0].renderer.startswith("pyvirgl")


@pytest.mark.parametrize("box,reason", [
    (Box(0, 0, 0, 17, 1, 1), "outside level"),
    (Box(16, 0, 0, 1, 1, 1), "outside level"),
    (Box(0, 0, 1, 1, 1, 1), "outside level"),
    (Box(0, 0, 0, 16, 2, 1), "outside level"),
])
def test_out_of_range_transfer_box_is_refused(server_socket, box, reason):
    sock, log = server_socket
    with VtestClient(sock) as client:
        handle = client.resource_create(PIPE_BUFFER, R8_UNORM, BIND_CUSTOM, 16, data_size=16)
        client.transfer_put2(handle, box, data_size=16)
        assert wait_closed(client)
    assert reason in log_text(log, reason)


def test_transfer_overrunning_shared_memory_is_refused(server_socket):
    sock, log = server_socket
    with VtestClient(sock) as client:
        handle = client.resource_create(PIPE_BUFFER, R8_UNORM, BIND_CUSTOM, 64, data_size=64)
        client.transfer_get2(handle, Box(0, 0, 0, 64, 1, 1), offset=32)
        assert wait_closed(client)
    assert "overrun" in log_text(log, "overrun")


@pytest.mark.parametrize("fields,reason", [
    (dict(target=PIPE_TEXTURE_2D, width=1 << 20, height=4), "exceeds the host limit"),
    (dict(target=99, width=4, height=4), "unknown texture target"),
    (dict(target=PIPE_TEXTURE_2D, width=0, height=4), "zero-sized"),
    (dict(target=PIPE_TEXTURE_2D, width=4, height=4, last_level=9), "beyond the mip chain"),
    (dict(target=PIPE_BUFFER, width=16, height=2), "not a valid buffer"),
])
def test_impossible_resources_are_refused(server_socket, fields, reason):
    sock, log = server_socket
    with VtestClient(sock) as client:
        args = dict(fmt=B8G8R8A8_UNORM, bind=BIND_RENDER_TARGET)
        args.update(fields)
        client.send(v.encode_resource_create2(
            v.ResourceTemplate(1, args["target"], args["fmt"], args["bind"], args["width"], args.get("height", 1),
                               1, 1, args.get("last_level", 0), 0), 0))
        assert wait_closed(client)
    assert reason in log_text(log, reason)


def test_many_clients_at_once(server_socket):
    sock, _ = server_socket
    clients = [VtestClient(sock, name=f"c{i}") for i in range(6)]
    try:
        for c in clients:
            assert c.get_caps()[0].renderer.startswith("pyvirgl")
    finally:
        for c in clients:
            c.close()


def test_protocol_error_is_sticky_after_partial_garbage(server_socket):
    sock, _ = server_socket
    with VtestClient(sock) as client:
        client.send(struct.pack("<II", 0, 200))
        assert wait_closed(client)
        with pytest.raises((ServerClosed, BrokenPipeError, ConnectionResetError)):
            client.get_caps()
