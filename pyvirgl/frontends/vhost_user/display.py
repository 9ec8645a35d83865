"""The vhost-user-gpu display channel (QEMU docs/interop/vhost-user-gpu.rst), sans-IO.

The back-end sends requests (scanout, update with pixels, cursor) and asks a
few questions (protocol features, display info, EDID). Nothing here blocks:
requests go to `outgoing`, which the socket loop writes when the socket can
take it, and replies are fed to `receive`. A command that needs an answer not
yet here raises `Deferred` in the device and is retried after `receive`
reports progress, so QEMU and the back-end never wait on each other (QEMU 10
sends GPU_SET_SOCKET and then SET_MEM_TABLE with need_reply).
"""
from __future__ import annotations

import enum
import logging
import struct
import time
from collections import deque

log = logging.getLogger("pyvirgl.vhost_user.display")

HEADER = struct.Struct("<III")  # request, flags, size
FLAG_REPLY = 0x4
NUM_SCANOUTS_MAX = 16
PROTOCOL_F_EDID = 0
PROTOCOL_F_DMABUF2 = 1
OUR_PROTOCOL_FEATURES = 1 << PROTOCOL_F_EDID
MAX_REPLY = 1 << 16
# A front-end that has not answered by then is taken to give no answer (defaults are used).
ANSWER_TIMEOUT_S = 5.0
CURSOR_BYTES = 64 * 64 * 4
DISPLAY_ONE = struct.Struct("<IIIIII")
RESP_HDR_SIZE = 24


class GpuRequest(enum.IntEnum):
    GET_PROTOCOL_FEATURES = 1
    SET_PROTOCOL_FEATURES = 2
    GET_DISPLAY_INFO = 3
    CURSOR_POS = 4
    CURSOR_POS_HIDE = 5
    CURSOR_UPDATE = 6
    SCANOUT = 7
    UPDATE = 8
    DMABUF_SCANOUT = 9
    DMABUF_UPDATE = 10
    GET_EDID = 11
    DMABUF_SCANOUT2 = 12


def encode(request: int, payload: bytes = b"", flags: int = 0) -> bytes:
    return HEADER.pack(request, flags, len(payload)) + payload


class DisplayProtocolError(Exception):
    pass


class DisplayChannel:
    def __init__(self) -> None:
        self.outgoing = bytearray()
        self._in = bytearray()
        self._awaiting: deque[tuple[int, int | None]] = deque()  # (request, scanout)
        self.protocol_features: int | None = None
        self._display_info: list[tuple[int, ...]] | None = None
        self._edid: dict[int, bytes | bool] = {}
        self._edid_asked: dict[int, float] = {}
        self.started = False
        self.sent_messages = 0
        self._started_at = 0.0
        self.clock = time.monotonic

    # -- state the device asks about ---------------------------------------------------------

    def start(self) -> None:
        """Begin the conversation: protocol features, then the display layout."""
        self.started = True
        self._started_at = self.clock()
        self._ask(GpuRequest.GET_PROTOCOL_FEATURES)

    def _gave_up(self) -> bool:
        if self.clock() - self._started_at > ANSWER_TIMEOUT_S:
            log.warning("the display front-end has not answered in %.0f s; using defaults", ANSWER_TIMEOUT_S)
            return True
        return False

    @property
    def features_pending(self) -> bool:
        return self.started and self.protocol_features is None and not self._gave_up()

    @property
    def display_info_pending(self) -> bool:
        return self.started and self._display_info is None and not self._gave_up()

    @property
    def edid_supported(self) -> bool:
        return bool(self.protocol_features is not None and self.protocol_features & (1 << PROTOCOL_F_EDID))

    def display_info(self) -> list[tuple[int, ...]] | None:
        return self._display_info

    def edid(self, scanout: int) -> bytes | bool | None:
        """The front-end's EDID response for `scanout`; None while asked, False when refused."""
        got = self._edid.get(scanout)
        if got is not None:
            return got
        if self._display_info is not None and scanout != 0:
            enabled = self._display_info[scanout][4] if scanout < len(self._display_info) else 0
            if not enabled:
                # QEMU answers nothing for an output it does not have: do not ask.
                return False
        asked = self._edid_asked.get(scanout)
        if asked is None:
            self._edid_asked[scanout] = self.clock()
            self._ask(GpuRequest.GET_EDID, struct.pack("<I", scanout), scanout)
        elif self.clock() - asked > ANSWER_TIMEOUT_S:
            return False
        return None

    def pending_output(self) -> int:
        return len(self.outgoing)

    # -- requests ------------------------------------------------------------------------------

    def _send(self, request: int, payload: bytes = b"") -> None:
        self.outgoing += encode(request, payload)
        self.sent_messages += 1

    def _ask(self, request: int, payload: bytes = b"", scanout: int | None = None) -> None:
        self._send(request, payload)
        self._awaiting.append((request, scanout))

    def scanout(self, scanout_id: int, width: int, height: int) -> None:
        self._send(GpuRequest.SCANOUT, struct.pack("<III", scanout_id, width, height))

    def update(self, scanout_id: int, x: int, y: int, width: int, height: int, pixels: bytes) -> None:
        if len(pixels) != width * height * 4:
            raise ValueError("update pixels do not match the rect")
        self._send(GpuRequest.UPDATE, struct.pack("<IIIII", scanout_id, x, y, width, height) + pixels)

    def cursor_pos(self, scanout_id: int, x: int, y: int) -> None:
        self._send(GpuRequest.CURSOR_POS, struct.pack("<III", scanout_id, x, y))

    def cursor_hide(self, scanout_id: int, x: int, y: int) -> None:
        self._send(GpuRequest.CURSOR_POS_HIDE, struct.pack("<III", scanout_id, x, y))

    def cursor_update(self, scanout_id: int, x: int, y: int, hot_x: int, hot_y: int, image: bytes) -> None:
        if len(image) != CURSOR_BYTES:
            raise ValueError("cursor image must be 64x64 a8r8g8b8")
        self._send(GpuRequest.CURSOR_UPDATE, struct.pack("<IIIII", scanout_id, x, y, hot_x, hot_y) + image)

    # -- replies ---------------------------------------------------------------------------------

    def receive(self, data: bytes) -> bool:
        """Feed bytes from the front-end; True when an awaited answer arrived."""
        self._in += data
        progressed = False
        while len(self._in) >= HEADER.size:
            request, flags, size = HEADER.unpack_from(self._in)
            if size > MAX_REPLY:
                raise DisplayProtocolError(f"reply of {size} bytes")
            if len(self._in) < HEADER.size + size:
                break
            payload = bytes(self._in[HEADER.size:HEADER.size + size])
            del self._in[:HEADER.size + size]
            self._on_reply(request, flags, payload)
            progressed = True
        return progressed

    def _on_reply(self, request: int, flags: int, payload: bytes) -> None:
        if not flags & FLAG_REPLY:
            log.warning("display front-end sent request %d; ignored", request)
            return
        if request == GpuRequest.DMABUF_UPDATE:
            return  # an unblock for a DMABUF update we never send
        if not self._awaiting or self._awaiting[0][0] != request:
            log.warning("unexpected display reply %d (awaiting %s)", request, list(self._awaiting))
            return
        _, scanout = self._awaiting.popleft()
        if request == GpuRequest.GET_PROTOCOL_FEATURES:
            offered = struct.unpack_from("<Q", payload.ljust(8, b"\0"))[0]
            self.protocol_features = offered & OUR_PROTOCOL_FEATURES
            self._send(GpuRequest.SET_PROTOCOL_FEATURES, struct.pack("<Q", self.protocol_features))
            self._ask(GpuRequest.GET_DISPLAY_INFO)
        elif request == GpuRequest.GET_DISPLAY_INFO:
            need = RESP_HDR_SIZE + NUM_SCANOUTS_MAX * DISPLAY_ONE.size
            body = payload.ljust(need, b"\0")
            self._display_info = [DISPLAY_ONE.unpack_from(body, RESP_HDR_SIZE + i * DISPLAY_ONE.size)
                                  for i in range(NUM_SCANOUTS_MAX)]
        elif request == GpuRequest.GET_EDID:
            self._edid[scanout] = payload.ljust(RESP_HDR_SIZE + 8 + 1024, b"\0")
