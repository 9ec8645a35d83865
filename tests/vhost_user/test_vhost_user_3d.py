"""virgl 3D through the vhost-user back-end on host GL: capsets, contexts, SUBMIT_3D, transfers."""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.client.encoder import CommandEncoder
from pyvirgl.decode import commands as C
from pyvirgl.frontends.vhost_user.display import GpuRequest
from pyvirgl.frontends.vhost_user.gpu_commands import Cmd, Resp
from pyvirgl.protocol import caps as capsmod
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.virgl import TRANSFER_FROM_HOST, TRANSFER_TO_HOST, ClearFlags, TextureTarget, VirglBind
from pyvirgl.protocol.types import Box

from vhost_fake_qemu import hdr, resp_type

pytestmark = pytest.mark.gl

W, H = 16, 8
CTX = 5


def f32bits(x: float) -> int:
    return struct.unpack("<I", struct.pack("<f", x))[0]


def ctx_create(q, ctx=CTX, name=b"kmscube"):
    return resp_type(q.command(hdr(Cmd.CTX_CREATE, ctx_id=ctx) + struct.pack("<II64s", len(name), 0, name)))


def create_3d(q, rid, fmt=VirglFormat.B8G8R8A8_UNORM, w=W, h=H, target=TextureTarget.TEXTURE_2D,
              bind=VirglBind.RENDER_TARGET | VirglBind.SAMPLER_VIEW | VirglBind.SCANOUT):
    req = hdr(Cmd.RESOURCE_CREATE_3D) + struct.pack("<12I", rid, target, fmt, bind, w, h, 1, 1, 0, 0, 0, 0)
    return resp_type(q.command(req))


def attach_resource(q, rid, ctx=CTX):
    return resp_type(q.command(hdr(Cmd.CTX_ATTACH_RESOURCE, ctx_id=ctx) + struct.pack("<II", rid, 0)))


def attach_backing(q, rid, size):
    base = q.alloc(size, region=1, align=4096)
    half = size // 2 // 64 * 64 or size
    entries = [(base, half), (base + half, size - half)] if half < size else [(base, size)]
    req = hdr(Cmd.RESOURCE_ATTACH_BACKING) + struct.pack("<II", rid, len(entries))
    assert resp_type(q.command(req, extra=[b"".join(struct.pack("<QII", a, n, 0) for a, n in entries)])) == Resp.OK_NODATA
    return base


def submit(q, stream: bytes, ctx=CTX, **kw):
    return q.command(hdr(Cmd.SUBMIT_3D, ctx_id=ctx, **kw) + struct.pack("<II", len(stream), 0) + stream)


def clear_stream(rid, rgba):
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.create_surface(handle=10, res_handle=rid, format=VirglFormat.B8G8R8A8_UNORM, val0=0, val1=0)
    enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(10,))
    enc.clear(buffers=ClearFlags.COLOR0, color=tuple(f32bits(c) for c in rgba), depth=1.0, stencil=0)
    return bytes(enc)


def test_capsets_match_vtest(gl_qemu):
    q = gl_qemu
    assert struct.unpack_from("<4I", q.config) [3] == 2  # num_capsets
    infos = []
    for index in range(2):
        r = q.command(hdr(Cmd.GET_CAPSET_INFO) + struct.pack("<II", index, 0))
        assert resp_type(r) == Resp.OK_CAPSET_INFO
        infos.append(struct.unpack_from("<3I", r, 24))
    renderer = q.backend.gpu.renderer
    assert infos == [(1, 1, len(renderer.fill_caps(1))), (2, 2, len(renderer.fill_caps(2)))]
    r = q.command(hdr(Cmd.GET_CAPSET) + struct.pack("<II", 2, 2), 24 + infos[1][2])
    assert resp_type(r) == Resp.OK_CAPSET
    assert r[24:] == renderer.fill_caps(capsmod.CAPSET_VIRGL2)


def test_submit_clear_then_transfer_back_is_exact(gl_qemu):
    q = gl_qemu
    assert ctx_create(q) == Resp.OK_NODATA
    assert create_3d(q, 1) == Resp.OK_NODATA
    assert attach_resource(q, 1) == Resp.OK_NODATA
    backing = attach_backing(q, 1, W * H * 4)
    r = submit(q, clear_stream(1, (1.0, 0.5, 0.0, 1.0)), flags=1, fence_id=9)
    assert struct.unpack_from("<IIQ", r) == (Resp.OK_NODATA, 1, 9)
    box = struct.pack("<6I", 0, 0, 0, W, H, 1)
    r = q.command(hdr(Cmd.TRANSFER_FROM_HOST_3D, ctx_id=CTX) + box + struct.pack("<QIIII", 0, 1, 0, 0, 0))
    assert resp_type(r) == Resp.OK_NODATA
    px = np.frombuffer(q.read(backing, W * H * 4), np.uint8).reshape(H, W, 4)
    assert (px == np.array([0, 128, 255, 255], np.uint8)).all()


def test_transfer_to_host_3d_sub_box_keeps_the_guest_gaps(gl_qemu):
    q = gl_qemu
    ctx_create(q)
    create_3d(q, 2)
    attach_resource(q, 2)
    backing = attach_backing(q, 2, W * H * 4)
    img = np.random.default_rng(5).integers(0, 256, (H, W, 4), np.uint8)
    q.write(backing, img.tobytes())
    box = struct.pack("<6I", 0, 0, 0, W, H, 1)
    assert resp_type(q.command(hdr(Cmd.TRANSFER_TO_HOST_3D, ctx_id=CTX) + box
                               + struct.pack("<QIIII", 0, 2, 0, 0, 0))) == Resp.OK_NODATA
    # Scribble the guest copy, then read back only a sub-box: the rest must stay scribbled.
    q.write(backing, bytes([7]) * (W * H * 4))
    x, y, w, h = 2, 3, 5, 4
    sub = struct.pack("<6I", x, y, 0, w, h, 1)
    offset = y * W * 4 + x * 4
    r = q.command(hdr(Cmd.TRANSFER_FROM_HOST_3D, ctx_id=CTX) + sub + struct.pack("<QIIII", offset, 2, 0, W * 4, 0))
    assert resp_type(r) == Resp.OK_NODATA
    px = np.frombuffer(q.read(backing, W * H * 4), np.uint8).reshape(H, W, 4)
    expect = np.full((H, W, 4), 7, np.uint8)
    expect[y:y + h, x:x + w] = img[y:y + h, x:x + w]
    assert (px == expect).all()


def test_scanout_of_a_rendered_resource(gl_qemu):
    q = gl_qemu
    ctx_create(q)
    create_3d(q, 3)
    attach_resource(q, 3)
    submit(q, clear_stream(3, (0.0, 1.0, 0.0, 1.0)))
    assert resp_type(q.command(hdr(Cmd.SET_SCANOUT) + struct.pack("<6I", 0, 0, W, H, 0, 3))) == Resp.OK_NODATA
    assert resp_type(q.command(hdr(Cmd.RESOURCE_FLUSH) + struct.pack("<6I", 0, 0, W, H, 3, 0))) == Resp.OK_NODATA
    q.step()
    update = q.display_log.of(GpuRequest.UPDATE)[-1]
    px = np.frombuffer(update[20:], np.uint8).reshape(H, W, 4)
    assert (px == np.array([0, 255, 0, 255], np.uint8)).all()


def test_context_lifecycle_and_detach(gl_qemu):
    q = gl_qemu
    ctx_create(q)
    create_3d(q, 4)
    attach_resource(q, 4)
    assert attach_resource(q, 4) == Resp.OK_NODATA  # twice is harmless
    assert resp_type(q.command(hdr(Cmd.CTX_DETACH_RESOURCE, ctx_id=CTX) + struct.pack("<II", 4, 0))) == Resp.OK_NODATA
    # Detached: the context's stream can no longer name it.
    r = submit(q, clear_stream(4, (1, 1, 1, 1)))
    assert resp_type(r) == Resp.ERR_INVALID_PARAMETER
    assert resp_type(q.command(hdr(Cmd.CTX_DESTROY, ctx_id=CTX))) == Resp.OK_NODATA
    assert resp_type(q.command(hdr(Cmd.CTX_DESTROY, ctx_id=CTX))) == Resp.ERR_INVALID_CONTEXT_ID
    # The resource outlives the context; unref frees it.
    assert resp_type(q.command(hdr(Cmd.RESOURCE_UNREF) + struct.pack("<II", 4, 0))) == Resp.OK_NODATA
    assert 4 not in q.backend.gpu.renderer.resources


def test_unref_while_attached_detaches_everywhere(gl_qemu):
    q = gl_qemu
    ctx_create(q, 1)
    ctx_create(q, 2)
    create_3d(q, 5)
    attach_resource(q, 5, 1)
    attach_resource(q, 5, 2)
    assert resp_type(q.command(hdr(Cmd.RESOURCE_UNREF) + struct.pack("<II", 5, 0))) == Resp.OK_NODATA
    r = q.backend.gpu.renderer
    assert 5 not in r.resources
    assert all(5 not in r.contexts[c].resources for c in (1, 2))
    assert create_3d(q, 5) == Resp.OK_NODATA


def test_inline_transfers_use_the_scattered_backing(gl_qemu):
    # Mesa's virgl driver queues TRANSFER3D in the command stream: the bytes live in the resource's
    # backing, i.e. the guest's pages. In the VM the first kmscube frame failed with "resource has
    # no shared memory" because the renderer never saw the scatter list as a buffer.
    q = gl_qemu
    w, h, rid = 32, 64, 6             # 8 KiB: two pages, from the two regions, in reverse order
    ctx_create(q)
    create_3d(q, rid, w=w, h=h)
    attach_resource(q, rid)
    pages = [q.alloc(4096, region=1, align=4096), q.alloc(4096, region=0, align=4096)]
    q.alloc(4096, region=1, align=4096)  # keep the pages apart
    req = hdr(Cmd.RESOURCE_ATTACH_BACKING) + struct.pack("<II", rid, 2)
    entries = b"".join(struct.pack("<QII", a, 4096, 0) for a in pages)
    assert resp_type(q.command(req, extra=[entries])) == Resp.OK_NODATA
    img = np.random.default_rng(7).integers(0, 256, (h, w, 4), np.uint8).tobytes()
    q.write(pages[0], img[:4096])
    q.write(pages[1], img[4096:])

    def transfer(direction):
        enc = CommandEncoder()
        enc.transfer_area([C.Transfer3D(res_handle=rid, level=0, usage=0, stride=w * 4, layer_stride=0, x=0, y=0,
                                        z=0, width=w, height=h, depth=1, data_offset=0, direction=direction)])
        return bytes(enc)

    assert resp_type(submit(q, transfer(TRANSFER_TO_HOST))) == Resp.OK_NODATA
    stored = q.backend.gpu.renderer.resources[rid].storage.read(0, Box(0, 0, 0, w, h, 1))
    assert np.asarray(stored).tobytes() == img
    # And back: the renderer's writes land in the guest's pages.
    assert resp_type(submit(q, clear_stream(rid, (0.0, 0.0, 1.0, 1.0)))) == Resp.OK_NODATA
    assert resp_type(submit(q, transfer(TRANSFER_FROM_HOST), flags=1, fence_id=3)) == Resp.OK_NODATA
    blue = bytes([255, 0, 0, 255]) * (1024)
    assert q.read(pages[0], 4096) == blue and q.read(pages[1], 4096) == blue
    # Detach and unref unmap it; the renderer no longer has a backing.
    assert resp_type(q.command(hdr(Cmd.RESOURCE_DETACH_BACKING) + struct.pack("<II", rid, 0))) == Resp.OK_NODATA
    assert q.backend.gpu.renderer.resources[rid].backing is None
    assert resp_type(submit(q, transfer(TRANSFER_TO_HOST))) == Resp.ERR_INVALID_PARAMETER
