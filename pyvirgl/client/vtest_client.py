"""A Python guest: speaks vtest to a server the way Mesa 22.3.6 does.

Tests use it to drive servers without Mesa; users can script the virtual GPU
with it. Command streams for SUBMIT_CMD come from `pyvirgl.client.encoder`.
"""
from __future__ import annotations

import array
import mmap
import os
import socket
import struct

from pyvirgl.protocol import vtest as v
from pyvirgl.protocol.caps import Caps, unpack_v2
from pyvirgl.protocol.types import Box, ResourceTemplate


class ServerClosed(ConnectionError):
    """The server closed the connection (for example after refusing our input)."""


class VtestClient:
    def __init__(self, socket_path: str = "/tmp/.virgl_test", name: str = "pyvirgl-client",
                 handshake: bool = True, timeout: float | None = 30.0) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(socket_path)
        self.protocol_version = 0
        self.maps: dict[int, mmap.mmap] = {}
        self._next_handle = 1
        if handshake:
            self.handshake(name)

    # -- raw I/O ---------------------------------------------------------------

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def recv_exact(self, size: int) -> bytes:
        out = bytearray()
        while len(out) < size:
            chunk = self.sock.recv(size - len(out))
            if not chunk:
                raise ServerClosed(f"server closed the connection ({len(out)}/{size} bytes read)")
            out += chunk
        return bytes(out)

    def recv_header(self) -> tuple[int, int]:
        return v.HEADER.unpack(self.recv_exact(v.HEADER.size))

    def recv_fd(self) -> int:
        fds = array.array("i")
        data, ancillary, _, _ = self.sock.recvmsg(1, socket.CMSG_SPACE(fds.itemsize))
        if not data:
            raise ServerClosed("server closed the connection instead of sending an fd")
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
        if not fds:
            raise ConnectionError("reply carried no file descriptor")
        return fds[0]

    def is_closed_by_server(self) -> bool:
        """True once the server has hung up on us."""
        try:
            return self.sock.recv(1, socket.MSG_PEEK) == b""
        except (ConnectionResetError, BrokenPipeError):
            return True

    # -- the handshake, as Mesa 22.3.6 sends it ------------------------------------

    def handshake(self, name: str) -> None:
        self.send(v.encode_create_renderer(name))
        self.send(v.encode_request(v.Vcmd.PING_PROTOCOL_VERSION) + v.encode_request(v.Vcmd.RESOURCE_BUSY_WAIT, 0, 0))
        length, cmd = self.recv_header()
        if cmd == v.Vcmd.PING_PROTOCOL_VERSION:
            self.recv_header()
            self.recv_exact(4)
            self.send(v.encode_request(v.Vcmd.PROTOCOL_VERSION, 2))
            self.recv_header()
            (self.protocol_version,) = struct.unpack("<I", self.recv_exact(4))
        else:
            self.recv_exact(4)

    def get_caps(self) -> tuple[Caps, bytes, bytes]:
        """GET_CAPS2 then GET_CAPS, together as Mesa asks. Returns (parsed v2, raw v2, raw v1)."""
        self.send(v.encode_request(v.Vcmd.GET_CAPS2) + v.encode_request(v.Vcmd.GET_CAPS))
        length, capset = self.recv_header()
        raw2 = self.recv_exact(length - 1)
        length1, capset1 = self.recv_header()
        raw1 = self.recv_exact(length1 - 1)
        if (capset, capset1) != (2, 1):
            raise ConnectionError(f"unexpected capsets {capset}, {capset1}")
        return unpack_v2(raw2), raw2, raw1

    # -- resources and transfers ------------------------------------------------------

    def resource_create(self, target: int, fmt: int, bind: int, width: int, height: int = 1, depth: int = 1,
                        array_size: int = 1, last_level: int = 0, nr_samples: int = 0,
                        data_size: int | None = None, handle: int | None = None) -> int:
        """RESOURCE_CREATE2; maps the shared memory it sends back. Returns the handle."""
        if handle is None:
            handle, self._next_handle = self._next_handle, self._next_handle + 1
        template = ResourceTemplate(handle, target, fmt, bind, width, height, depth, array_size, last_level, nr_samples)
        size = data_size if data_size is not None else 0
        self.send(v.encode_resource_create2(template, size))
        if size:
            fd = self.recv_fd()
            try:
                self.maps[handle] = mmap.mmap(fd, size)
            finally:
                os.close(fd)
        return handle

    def resource_unref(self, handle: int) -> None:
        self.send(v.encode_request(v.Vcmd.RESOURCE_UNREF, handle))
        shm = self.maps.pop(handle, None)
        if shm is not None:
            shm.close()

    def transfer_put2(self, handle: int, box: Box, level: int = 0, offset: int = 0, data_size: int = 0) -> None:
        self.send(v.encode_transfer2(v.Vcmd.TRANSFER_PUT2, handle, level, box, data_size, offset))

    def transfer_get2(self, handle: int, box: Box, level: int = 0, offset: int = 0, data_size: int = 0) -> None:
        self.send(v.encode_transfer2(v.Vcmd.TRANSFER_GET2, handle, level, box, data_size, offset))

    def transfer_put(self, handle: int, box: Box, data: bytes, level: int = 0, stride: int = 0,
                     layer_stride: int = 0) -> None:
        self.send(v.encode_transfer_put(handle, level, stride, layer_stride, box, data))

    def transfer_get(self, handle: int, box: Box, data_size: int, level: int = 0, stride: int = 0,
                     layer_stride: int = 0) -> bytes:
        self.send(v.encode_transfer_get(handle, level, stride, layer_stride, box, data_size))
        return self.recv_exact(data_size)

    def submit(self, stream: bytes) -> None:
        self.send(v.encode_submit(stream))

    def busy_wait(self, handle: int = 0, wait: bool = True) -> bool:
        self.send(v.encode_request(v.Vcmd.RESOURCE_BUSY_WAIT, handle, v.BUSY_WAIT_FLAG_WAIT if wait else 0))
        self.recv_header()
        (busy,) = struct.unpack("<I", self.recv_exact(4))
        return bool(busy)

    def close(self) -> None:
        for shm in self.maps.values():
            shm.close()
        self.maps.clear()
        self.sock.close()

    def __enter__(self) -> "VtestClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
