"""The vtest codec, with no socket: whole messages, one byte at a time, trailing data."""
import struct

import pytest

from pyvirgl.errors import ProtocolError
from pyvirgl.protocol import vtest as v
from pyvirgl.protocol.types import Box, ResourceTemplate

TEMPLATE = ResourceTemplate(7, 2, 1, 2, 64, 32, 1, 1, 0, 0)
BOX = Box(1, 2, 0, 30, 20, 1)

# (bytes as Mesa 22.3.6 sends them, the request we expect)
CASES = [
    (v.encode_create_renderer("glxgears"), v.CreateRenderer("glxgears")),
    (v.encode_request(v.Vcmd.PING_PROTOCOL_VERSION), v.PingProtocolVersion()),
    (v.encode_request(v.Vcmd.PROTOCOL_VERSION, 2), v.ProtocolVersion(2)),
    (v.encode_request(v.Vcmd.GET_CAPS), v.GetCaps()),
    (v.encode_request(v.Vcmd.GET_CAPS2), v.GetCaps2()),
    (v.encode_request(v.Vcmd.RESOURCE_BUSY_WAIT, 0, 0), v.BusyWait(0, 0)),
    (v.encode_request(v.Vcmd.RESOURCE_CREATE, 7, 2, 1, 2, 64, 32, 1, 1, 0, 0), v.ResourceCreate(TEMPLATE)),
    (v.encode_resource_create2(TEMPLATE, 8192), v.ResourceCreate2(TEMPLATE, 8192)),
    (v.encode_request(v.Vcmd.RESOURCE_UNREF, 7), v.ResourceUnref(7)),
    (v.encode_transfer_get(7, 0, 256, 0, BOX, 600), v.TransferGet(7, 0, 256, 0, BOX, 600)),
    (v.encode_transfer_put(7, 0, 4, 0, BOX, b"abcde"), v.TransferPut(7, 0, 4, 0, BOX, b"abcde")),
    (v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 7, 1, BOX, 2400, 64), v.TransferGet2(7, 1, BOX, 2400, 64)),
    (v.encode_transfer2(v.Vcmd.TRANSFER_PUT2, 7, 1, BOX, 2401, 64), v.TransferPut2(7, 1, BOX, 2401, 64)),
    (v.encode_submit(b"\x01\0\0\0" * 3), v.SubmitCmd(b"\x01\0\0\0" * 3)),
]


def decode_all(data: bytes, chunk: int | None = None) -> list:
    dec = v.VtestDecoder()
    out = []
    step = chunk or len(data) or 1
    for i in range(0, len(data), step):
        dec.receive_data(data[i:i + step])
        while (req := dec.next_request()) is not None:
            out.append(req)
    return out


@pytest.mark.parametrize("raw,expected", CASES, ids=[type(c[1]).__name__ for c in CASES])
def test_whole_message(raw, expected):
    assert decode_all(raw) == [expected]


@pytest.mark.parametrize("raw,expected", CASES, ids=[type(c[1]).__name__ for c in CASES])
def test_one_byte_at_a_time(raw, expected):
    assert decode_all(raw, chunk=1) == [expected]


@pytest.mark.parametrize("raw,expected", CASES, ids=[type(c[1]).__name__ for c in CASES])
def test_trailing_data_stays_buffered(raw, expected):
    dec = v.VtestDecoder()
    trailing = v.encode_request(v.Vcmd.PING_PROTOCOL_VERSION)[:5]
    dec.receive_data(raw + trailing)
    assert dec.next_request() == expected
    assert dec.next_request() is None
    assert dec.buffered == len(trailing)


def test_mesa_handshake_back_to_back():
    stream = b"".join(raw for raw, _ in CASES)
    assert decode_all(stream) == [exp for _, exp in CASES]
    assert decode_all(stream, chunk=7) == [exp for _, exp in CASES]


def test_transfer_put2_without_data_in_length_is_accepted():
    raw = struct.pack("<II", 10, v.Vcmd.TRANSFER_PUT2) + struct.pack("<10I", 7, 0, 0, 0, 0, 4, 4, 1, 64, 0)
    assert decode_all(raw) == [v.TransferPut2(7, 0, Box(0, 0, 0, 4, 4, 1), 64, 0)]


@pytest.mark.parametrize("raw,reason", [
    (struct.pack("<II", 0, 99), "unknown command"),
    (struct.pack("<II", 0, 0), "unknown command"),
    (struct.pack("<II", 5, v.Vcmd.PROTOCOL_VERSION), "expected 1"),
    (struct.pack("<II", 3, v.Vcmd.GET_CAPS), "expected 0"),
    (struct.pack("<II", 0x7FFFFFFF, v.Vcmd.SUBMIT_CMD), "exceeds the limit"),
    (struct.pack("<II", 0, v.Vcmd.CREATE_RENDERER), "name length"),
    (struct.pack("<II", 1 << 20, v.Vcmd.CREATE_RENDERER), "name length"),
    (struct.pack("<II", 11, v.Vcmd.TRANSFER_PUT) + struct.pack("<11I", 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 16), "does not match"),
    (struct.pack("<II", 12, v.Vcmd.TRANSFER_PUT) + struct.pack("<11I", 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 << 30), "exceeds"),
    (struct.pack("<II", 99, v.Vcmd.TRANSFER_PUT2) + struct.pack("<10I", 1, 0, 0, 0, 0, 4, 4, 1, 64, 0), "does not match"),
    (struct.pack("<II", 12, v.Vcmd.RESOURCE_CREATE2), "expected 11"),
])
def test_framing_errors_name_command_and_reason(raw, reason):
    dec = v.VtestDecoder()
    dec.receive_data(raw)
    with pytest.raises(ProtocolError, match=reason) as err:
        dec.next_request()
    assert err.value.command and err.value.reason
    # Sticky: the stream lost its framing, so nothing after it is trusted.
    dec.receive_data(v.encode_request(v.Vcmd.GET_CAPS))
    with pytest.raises(ProtocolError):
        dec.next_request()


def test_truncated_header_waits_for_more():
    dec = v.VtestDecoder()
    dec.receive_data(b"\x01\x00\x00")
    assert dec.next_request() is None


def test_replies():
    assert v.encode_ping_reply() == struct.pack("<II", 0, 10)
    assert v.encode_protocol_version_reply(2) == struct.pack("<III", 1, 11, 2)
    assert v.encode_busy_wait_reply(True) == struct.pack("<III", 1, 7, 1)
    assert v.encode_caps_reply(2, b"x" * 1376)[:8] == struct.pack("<II", 1377, 2)


@pytest.mark.parametrize("asked,agreed", [(0, 0), (1, 0), (2, 2), (3, 2), (99, 2)])
def test_version_negotiation(asked, agreed):
    assert v.negotiate_version(asked) == agreed
