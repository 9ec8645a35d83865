"""2D virtio-gpu through the vhost-user back-end: resources, backing, transfers, scanout, flush."""
from __future__ import annotations

import struct

import numpy as np

from pyvirgl.frontends.vhost_user.display import GpuRequest
from pyvirgl.frontends.vhost_user.gpu_commands import Cmd, Resp

from vhost_fake_qemu import hdr, resp_type

W, H = 32, 16
B8G8R8X8 = 2
R8G8B8A8 = 67


def create_2d(q, rid, fmt=B8G8R8X8, w=W, h=H) -> int:
    return resp_type(q.command(hdr(Cmd.RESOURCE_CREATE_2D) + struct.pack("<IIII", rid, fmt, w, h)))


def attach(q, rid, entries) -> int:
    req = hdr(Cmd.RESOURCE_ATTACH_BACKING) + struct.pack("<II", rid, len(entries))
    mem = b"".join(struct.pack("<QII", a, n, 0) for a, n in entries)
    return resp_type(q.command(req, extra=[mem]))


def paged_backing(q, size, page=4096):
    """Backing scattered over both regions, one page per entry, in a shuffled order."""
    pages = [q.alloc(page, region=i % 2, align=page) for i in range(-(-size // page))]
    order = pages[1::2] + pages[0::2]
    return [(a, page) for a in order]


def write_backing(q, entries, data):
    pos = 0
    for addr, n in entries:
        q.write(addr, data[pos:pos + n])
        pos += n


def test_display_handshake_and_display_info(qemu):
    resp = qemu.command(hdr(Cmd.GET_DISPLAY_INFO))
    assert resp_type(resp) == Resp.OK_DISPLAY_INFO
    x, y, w, h, enabled, _ = struct.unpack_from("<6I", resp, 24)
    assert (w, h, enabled) == (640, 480, 1)
    reqs = [r for r, _ in qemu.display_log.messages]
    assert reqs[:3] == [GpuRequest.GET_PROTOCOL_FEATURES, GpuRequest.SET_PROTOCOL_FEATURES,
                        GpuRequest.GET_DISPLAY_INFO]
    # We take EDID only, never DMABUF2 (no dmabufs here).
    assert qemu.display_log.of(GpuRequest.SET_PROTOCOL_FEATURES) == [struct.pack("<Q", 1)]


def test_edid_comes_from_the_front_end(qemu):
    resp = qemu.command(hdr(Cmd.GET_EDID) + struct.pack("<II", 0, 0), 2048)
    assert resp_type(resp) == Resp.OK_EDID
    size = struct.unpack_from("<I", resp, 24)[0]
    assert size == 128 and resp[32:40] == bytes([0, 255, 255, 255, 255, 255, 255, 0])
    # An output the front-end does not have: refused here instead of waiting forever.
    assert resp_type(qemu.command(hdr(Cmd.GET_EDID) + struct.pack("<II", 3, 0))) == Resp.ERR_INVALID_SCANOUT_ID


def test_transfer_and_flush_send_the_right_pixels(qemu):
    assert create_2d(qemu, 1) == Resp.OK_NODATA
    entries = paged_backing(qemu, W * H * 4)
    assert attach(qemu, 1, entries) == Resp.OK_NODATA
    img = (np.arange(W * H * 4, dtype=np.uint32) * 7 % 251).astype(np.uint8).reshape(H, W, 4)
    write_backing(qemu, entries, img.tobytes())
    r = qemu.command(hdr(Cmd.TRANSFER_TO_HOST_2D) + struct.pack("<IIIIQII", 0, 0, W, H, 0, 1, 0))
    assert resp_type(r) == Resp.OK_NODATA
    r = qemu.command(hdr(Cmd.SET_SCANOUT) + struct.pack("<6I", 0, 0, W, H, 0, 1))
    assert resp_type(r) == Resp.OK_NODATA
    assert qemu.display_log.of(GpuRequest.SCANOUT)[-1] == struct.pack("<III", 0, W, H)
    r = qemu.command(hdr(Cmd.RESOURCE_FLUSH) + struct.pack("<6I", 4, 2, 8, 5, 1, 0))
    assert resp_type(r) == Resp.OK_NODATA
    qemu.step()
    update = qemu.display_log.of(GpuRequest.UPDATE)[-1]
    assert struct.unpack_from("<5I", update) == (0, 4, 2, 8, 5)
    px = np.frombuffer(update[20:], np.uint8).reshape(5, 8, 4)
    expect = img[2:7, 4:12].copy()
    expect[..., 3] = 0xFF  # B8G8R8X8 shows as x8r8g8b8: B, G, R, X bytes
    assert (px == expect).all()


def test_partial_transfer_uses_the_resource_stride(qemu):
    create_2d(qemu, 2, R8G8B8A8)
    entries = paged_backing(qemu, W * H * 4)
    attach(qemu, 2, entries)
    img = np.random.default_rng(1).integers(0, 256, (H, W, 4), np.uint8)
    write_backing(qemu, entries, img.tobytes())
    x, y, w, h = 3, 4, 10, 6
    offset = y * W * 4 + x * 4  # what Linux sends: the rect's first byte in the backing
    r = qemu.command(hdr(Cmd.TRANSFER_TO_HOST_2D) + struct.pack("<IIIIQII", x, y, w, h, offset, 2, 0))
    assert resp_type(r) == Resp.OK_NODATA
    qemu.command(hdr(Cmd.SET_SCANOUT) + struct.pack("<6I", 0, 0, W, H, 0, 2))
    qemu.command(hdr(Cmd.RESOURCE_FLUSH) + struct.pack("<6I", 0, 0, W, H, 2, 0))
    qemu.step()
    px = np.frombuffer(qemu.display_log.of(GpuRequest.UPDATE)[-1][20:], np.uint8).reshape(H, W, 4)
    expect = np.zeros((H, W, 4), np.uint8)
    expect[y:y + h, x:x + w] = img[y:y + h, x:x + w][..., [2, 1, 0, 3]]  # RGBA -> B, G, R
    expect[..., 3] = 0xFF
    assert (px == expect).all()


def test_scanout_rect_offsets_the_update(qemu):
    create_2d(qemu, 3)
    entries = paged_backing(qemu, W * H * 4)
    attach(qemu, 3, entries)
    img = np.random.default_rng(2).integers(0, 256, (H, W, 4), np.uint8)
    write_backing(qemu, entries, img.tobytes())
    qemu.command(hdr(Cmd.TRANSFER_TO_HOST_2D) + struct.pack("<IIIIQII", 0, 0, W, H, 0, 3, 0))
    qemu.command(hdr(Cmd.SET_SCANOUT) + struct.pack("<6I", 8, 4, 16, 8, 0, 3))
    qemu.command(hdr(Cmd.RESOURCE_FLUSH) + struct.pack("<6I", 0, 0, W, H, 3, 0))
    qemu.step()
    update = qemu.display_log.of(GpuRequest.UPDATE)[-1]
    assert struct.unpack_from("<5I", update) == (0, 0, 0, 16, 8)
    px = np.frombuffer(update[20:], np.uint8).reshape(8, 16, 4)
    assert (px[..., :3] == img[4:12, 8:24, :3]).all()


def test_cursor_update_and_move(qemu):
    create_2d(qemu, 9, 1, 64, 64)  # B8G8R8A8
    entries = paged_backing(qemu, 64 * 64 * 4)
    attach(qemu, 9, entries)
    img = np.random.default_rng(3).integers(0, 256, (64, 64, 4), np.uint8)
    write_backing(qemu, entries, img.tobytes())
    qemu.command(hdr(Cmd.TRANSFER_TO_HOST_2D) + struct.pack("<IIIIQII", 0, 0, 64, 64, 0, 9, 0))
    qemu.cursor(hdr(Cmd.UPDATE_CURSOR) + struct.pack("<8I", 0, 10, 20, 0, 9, 3, 4, 0))
    qemu.cursor(hdr(Cmd.MOVE_CURSOR) + struct.pack("<8I", 0, 30, 40, 0, 0, 0, 0, 0))
    qemu.cursor(hdr(Cmd.UPDATE_CURSOR) + struct.pack("<8I", 0, 30, 40, 0, 0, 0, 0, 0))
    qemu.step()
    up = qemu.display_log.of(GpuRequest.CURSOR_UPDATE)[-1]
    assert struct.unpack_from("<5I", up) == (0, 10, 20, 3, 4)
    assert up[20:] == img.tobytes()  # B8G8R8A8 is a8r8g8b8 in memory
    assert qemu.display_log.of(GpuRequest.CURSOR_POS)[-1] == struct.pack("<III", 0, 30, 40)
    assert qemu.display_log.of(GpuRequest.CURSOR_POS_HIDE)[-1] == struct.pack("<III", 0, 30, 40)


def test_unref_disables_scanout_and_frees_the_id(qemu):
    create_2d(qemu, 4)
    qemu.command(hdr(Cmd.SET_SCANOUT) + struct.pack("<6I", 0, 0, W, H, 0, 4))
    assert resp_type(qemu.command(hdr(Cmd.RESOURCE_UNREF) + struct.pack("<II", 4, 0))) == Resp.OK_NODATA
    assert qemu.display_log.of(GpuRequest.SCANOUT)[-1] == struct.pack("<III", 0, 0, 0)
    assert create_2d(qemu, 4) == Resp.OK_NODATA


def test_detach_backing_then_transfer_is_an_error(qemu):
    create_2d(qemu, 5)
    attach(qemu, 5, paged_backing(qemu, W * H * 4))
    assert resp_type(qemu.command(hdr(Cmd.RESOURCE_DETACH_BACKING) + struct.pack("<II", 5, 0))) == Resp.OK_NODATA
    r = qemu.command(hdr(Cmd.TRANSFER_TO_HOST_2D) + struct.pack("<IIIIQII", 0, 0, W, H, 0, 5, 0))
    assert resp_type(r) == Resp.ERR_UNSPEC


def test_indirect_descriptors_and_fences(qemu):
    r = qemu.command(hdr(Cmd.RESOURCE_CREATE_2D, flags=1, fence_id=77) + struct.pack("<IIII", 6, B8G8R8X8, 4, 4),
                     indirect=True)
    t, flags, fence_id, _, _ = struct.unpack_from("<IIQIB", r)
    assert (t, flags & 1, fence_id) == (Resp.OK_NODATA, 1, 77)
    assert qemu.signalled(0)
