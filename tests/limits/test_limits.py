"""Every limit a guest can run into, and every class of malformed command, ends in a clear GuestError.

The guest side is a `VtestService` fed with encoded vtest requests (no
sockets), over a renderer with the real GL backend where execution matters
and with host-memory storage where only the renderer's checks do. Each test
checks the error names what was refused, and that the host is still usable.
"""
from __future__ import annotations

import struct

import pytest

from pyvirgl.client.encoder import CommandEncoder
from pyvirgl.errors import GuestError, ProtocolError
from pyvirgl.frontends import vtest_service as vs
from pyvirgl.protocol import vtest as v
from pyvirgl.protocol.caps import Caps
from pyvirgl.protocol.formats import VirglFormat as F
from pyvirgl.decode.commands import BlendTarget, VertexBufferBinding
from pyvirgl.protocol.types import Box, ResourceTemplate
from pyvirgl.protocol.virgl import MAX_SHADER_TEXT_BYTES, Ccmd, ObjectType, ShaderStage, TextureTarget as T
from pyvirgl.renderer.api import Renderer
from pyvirgl.renderer.resources import Limits

BIND_RT, BIND_SV, BIND_VB, BIND_CUSTOM = 1 << 1, 1 << 3, 1 << 4, 1 << 17


class _MemoryBackend:
    """Host-memory storage with chosen limits: the renderer's own checks, no GL."""

    def __init__(self, limits: Limits) -> None:
        self._limits = limits

    def limits(self) -> Limits:
        return self._limits

    def create_storage(self, layout):
        return None

    def destroy_context(self, ctx) -> None:
        pass

    def busy(self, wait: bool) -> bool:
        return False


def memory_service(**limits) -> vs.VtestService:
    backend = _MemoryBackend(Limits(**limits))
    return vs.VtestService(Renderer(Caps(), lambda: backend))


@pytest.fixture(scope="module")
def gl_backend():
    from pyvirgl.backend.gl.backend import GLBackend

    return GLBackend()


@pytest.fixture
def gl_service(gl_backend):
    svc = vs.VtestService(Renderer(Caps(), lambda: gl_backend))
    yield svc
    svc.close()


def feed(svc: vs.VtestService, *chunks: bytes) -> list[vs.Reply]:
    dec = v.VtestDecoder()
    dec.receive_data(b"".join(chunks))
    replies = []
    while (req := dec.next_request()) is not None:
        replies += svc.handle(req)
    for r in replies:
        for fd in r.fds:
            import os
            os.close(fd)
    return replies


def refused(svc: vs.VtestService, *chunks: bytes, match: str, kind=GuestError) -> GuestError:
    with pytest.raises(kind) as info:
        feed(svc, *chunks)
    assert match in str(info.value), f"expected {match!r} in {info.value}"
    assert type(info.value) is not Exception
    return info.value


HELLO = v.encode_create_renderer("limits")


def create(handle, target=T.TEXTURE_2D, fmt=F.B8G8R8A8_UNORM, bind=BIND_RT | BIND_SV, w=16, h=16, d=1,
           layers=1, last_level=0, samples=0, data_size=None) -> bytes:
    tmpl = ResourceTemplate(handle, target, fmt, bind, w, h, d, layers, last_level, samples)
    if data_size is None:
        data_size = 0
    return v.encode_resource_create2(tmpl, data_size)


def buffer(handle, size, data_size=None) -> bytes:
    return create(handle, T.BUFFER, F.R8_UNORM, BIND_CUSTOM, size, 1, data_size=size if data_size is None else data_size)


# --- resource sizes -----------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs,match", [
    (dict(w=16385, h=4), "exceeds the host limit 16384"),
    (dict(target=T.TEXTURE_3D, w=4, h=4, d=2049), "exceeds the host limit 2048"),
    (dict(target=T.TEXTURE_CUBE, w=16385, h=16385, layers=6), "exceeds the host limit"),
    (dict(target=T.TEXTURE_2D_ARRAY, w=4, h=4, layers=2049), "layers exceed the host limit"),
    (dict(target=T.BUFFER, fmt=F.R8_UNORM, bind=BIND_CUSTOM, w=(1 << 30) + 1, h=1), "not a valid buffer"),
    (dict(w=4, h=4, samples=16), "samples not possible"),
    (dict(w=4, h=4, samples=4, last_level=1), "samples not possible"),
    (dict(w=0, h=4), "zero-sized"),
    (dict(target=42), "unknown texture target"),
    (dict(fmt=100000), "unknown format"),
    (dict(w=4, h=4, last_level=5), "beyond the mip chain"),
    (dict(target=T.TEXTURE_CUBE, w=4, h=8, layers=6), "cube map must be square"),
    (dict(target=T.TEXTURE_1D, w=4, h=2), "1D texture with height"),
    (dict(handle=0), "handle 0 is reserved"),
])
def test_impossible_or_oversized_resources_are_refused(kwargs, match):
    kwargs = dict(kwargs)
    handle = kwargs.pop("handle", 1)
    refused(memory_service(), HELLO, create(handle, **kwargs), match=match)


def test_per_resource_byte_limit():
    # 16384 x 16384 RGBA32F is 4 GiB: inside every dimension limit, over the 1 GiB per resource.
    err = refused(memory_service(), HELLO, create(1, fmt=F.R32G32B32A32_FLOAT, w=16384, h=16384),
                  match="exceeds the per-resource limit")
    assert err.command == "RESOURCE_CREATE"


def test_per_client_total_bytes_and_unref_gives_them_back():
    svc = memory_service(max_total_bytes=3 << 20, max_resource_bytes=1 << 20)
    feed(svc, HELLO, buffer(1, 1 << 20), buffer(2, 1 << 20), buffer(3, 1 << 20))
    refused(svc, buffer(4, 1 << 20), match="resource memory limit is reached")
    svc2 = memory_service(max_total_bytes=3 << 20, max_resource_bytes=1 << 20)
    feed(svc2, HELLO, buffer(1, 1 << 20), buffer(2, 1 << 20), buffer(3, 1 << 20),
         v.encode_request(v.Vcmd.RESOURCE_UNREF, 2), buffer(4, 1 << 20))
    assert svc2.renderer._resource_bytes == 3 << 20
    svc2.close()
    assert svc2.renderer._resource_bytes == 0 and not svc2.renderer.resources


def test_gl_backend_applies_the_documented_memory_policy(gl_backend):
    lim = gl_backend.limits()
    assert lim.max_resource_bytes == 1 << 30 and lim.max_total_bytes == 4 << 30
    # GL_MAX_TEXTURE_BUFFER_SIZE counts texels of one buffer texture, not bytes of a
    # buffer: a full-size RGBA32F texture buffer (piglit max-size) needs 16x that.
    assert lim.max_buffer_size == lim.max_resource_bytes
    assert lim.max_texture_size >= 2048 and lim.max_samples >= 1


def test_shared_memory_per_client(monkeypatch):
    monkeypatch.setattr(vs, "MAX_SHM_BYTES_PER_CLIENT", 8192)
    svc = memory_service()
    feed(svc, HELLO, buffer(1, 4096), buffer(2, 4096))
    refused(svc, buffer(3, 16, data_size=1), match="exceeds the client's limit")
    svc.close()
    assert svc._shm_bytes == 0 and not svc._maps


def test_shared_memory_smaller_than_the_resource_is_refused():
    refused(memory_service(), HELLO, create(1, w=64, h=64, data_size=64 * 63 * 4), match="cannot hold")


def test_handle_reuse_is_refused():
    refused(memory_service(), HELLO, buffer(7, 16), buffer(7, 16), match="already in use")


def test_new_shared_memory_is_zero():
    svc = memory_service()
    replies = []
    dec = v.VtestDecoder()
    dec.receive_data(HELLO + buffer(1, 1 << 16))
    while (req := dec.next_request()) is not None:
        replies += svc.handle(req)
    import mmap
    import os
    (fd,) = replies[0].fds
    try:
        with mmap.mmap(fd, 1 << 16) as shm:
            assert shm[:] == bytes(1 << 16)
    finally:
        os.close(fd)
        svc.close()


@pytest.mark.gl
@pytest.mark.parametrize("kwargs,size", [
    (dict(target=T.BUFFER, fmt=F.R8_UNORM, bind=BIND_VB, w=4096, h=1), 4096),
    (dict(w=32, h=16), 32 * 16 * 4),
    (dict(w=32, h=16, last_level=4), 32 * 16 * 4),
    (dict(target=T.TEXTURE_2D_ARRAY, w=8, h=8, layers=3), 8 * 8 * 4),
    (dict(target=T.TEXTURE_3D, w=8, h=8, d=4), 8 * 8 * 4),
    (dict(target=T.TEXTURE_CUBE, w=8, h=8, layers=6), 8 * 8 * 4),
    (dict(fmt=F.R32G32B32A32_FLOAT, w=8, h=8), 8 * 8 * 16),
])
def test_new_gl_resources_read_back_as_zero(gl_service, kwargs, size):
    # Fill the host's allocator with non-zero data first, so a missed clear would show.
    dirty = 1000
    feed(gl_service, HELLO, create(dirty, w=64, h=64))
    gl_service.renderer.transfer_write(1, dirty, 0, Box(0, 0, 0, 64, 64, 1), stride=0, layer_stride=0, offset=0,
                                       source=memoryview(b"\xa5" * 64 * 64 * 4))
    feed(gl_service, v.encode_request(v.Vcmd.RESOURCE_UNREF, dirty), create(5, **kwargs))
    res = gl_service.renderer.resources[5]
    for level, lv in enumerate(res.layout.levels):
        box = Box(0, 0, 0, lv.width, lv.height, lv.depth)
        data = feed(gl_service, v.encode_transfer_get(5, level, 0, 0, box, lv.size))[0].data
        assert data == bytes(lv.size), f"level {level} of a new resource is not zero"
    assert res.layout.levels[0].stride * (res.layout.levels[0].height if kwargs.get("target") != T.BUFFER else 1) == size


# --- transfers against the resource and the shared memory --------------------------------------

TRANSFER_CASES = {
    "box_past_width": (v.encode_transfer2(v.Vcmd.TRANSFER_PUT2, 1, 0, Box(0, 0, 0, 17, 1, 1), 0, 0), "outside level"),
    "box_origin_past_end": (v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 1, 0, Box(16, 0, 0, 1, 1, 1), 0, 0),
                            "outside level"),
    "box_wraps_u32": (v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 1, 0, Box(8, 0, 0, 0xFFFFFFF8, 1, 1), 0, 0),
                      "outside level"),
    "zero_box": (v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 1, 0, Box(0, 0, 0, 0, 1, 1), 0, 0), "outside level"),
    "level_past_last": (v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 1, 3, Box(0, 0, 0, 1, 1, 1), 0, 0), "beyond last level"),
    "shm_overrun_by_offset": (v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 1, 0, Box(0, 0, 0, 16, 16, 1), 0, 64),
                              "overrun"),
    "shm_offset_past_end": (v.encode_transfer2(v.Vcmd.TRANSFER_PUT2, 1, 0, Box(0, 0, 0, 1, 1, 1), 0, 0xFFFFFFFF),
                            "overrun"),
    "inline_data_short": (v.encode_transfer_put(1, 0, 0, 0, Box(0, 0, 0, 16, 16, 1), b"\0" * 100), "overrun"),
    "inline_get_short": (v.encode_transfer_get(1, 0, 0, 0, Box(0, 0, 0, 16, 16, 1), 100), "overrun"),
    "inline_stride_too_small": (v.encode_transfer_put(1, 0, 4, 0, Box(0, 0, 0, 16, 2, 1), b"\0" * 4096), "stride"),
    "unknown_handle": (v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 99, 0, Box(0, 0, 0, 1, 1, 1), 0, 0), "no resource 99"),
    "no_shared_memory": (v.encode_transfer2(v.Vcmd.TRANSFER_PUT2, 2, 0, Box(0, 0, 0, 1, 1, 1), 0, 0),
                         "has no shared memory"),
}


@pytest.mark.parametrize("case", sorted(TRANSFER_CASES))
def test_transfers_are_checked_against_resource_and_memory(case):
    data, match = TRANSFER_CASES[case]
    svc = memory_service()
    feed(svc, HELLO, create(1, w=16, h=16, data_size=16 * 16 * 4), create(2, w=4, h=4, data_size=0))
    refused(svc, data, match=match)
    svc.close()


# --- protocol-level sizes -------------------------------------------------------------------------

def test_command_buffer_length_is_refused_before_buffering():
    dec = v.VtestDecoder()
    dec.receive_data(struct.pack("<II", v.MAX_SUBMIT_DWORDS + 1, v.Vcmd.SUBMIT_CMD))
    with pytest.raises(ProtocolError, match="exceeds the limit"):
        dec.next_request()
    ok = v.VtestDecoder()
    ok.receive_data(struct.pack("<II", v.MAX_SUBMIT_DWORDS, v.Vcmd.SUBMIT_CMD))
    assert ok.next_request() is None   # the largest legal buffer is simply awaited


def test_inline_transfer_size_is_refused_before_buffering():
    dec = v.VtestDecoder()
    words = [1, 0, 0, 0, 0, 0, 0, 1, 1, 1, v.MAX_INLINE_TRANSFER + 1]
    dec.receive_data(struct.pack("<II", 11, v.Vcmd.TRANSFER_PUT) + struct.pack("<11I", *words))
    with pytest.raises(ProtocolError, match="exceeds"):
        dec.next_request()


@pytest.mark.parametrize("length", [0, v.MAX_RENDERER_NAME + 1, 0xFFFFFFFF])
def test_renderer_name_length(length):
    dec = v.VtestDecoder()
    dec.receive_data(struct.pack("<II", length, v.Vcmd.CREATE_RENDERER))
    with pytest.raises(ProtocolError, match="name length"):
        dec.next_request()


def test_requests_before_the_handshake_are_refused():
    refused(memory_service(), buffer(1, 16), match="before CREATE_RENDERER")


# --- the executor: objects, sub-contexts, shaders, malformed commands ---------------------------

def submit(enc: CommandEncoder | bytes) -> bytes:
    return v.encode_submit(bytes(enc))


def sub_ctx() -> CommandEncoder:
    return CommandEncoder().create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)


@pytest.mark.gl
def test_objects_per_sub_context(gl_service, monkeypatch):
    from pyvirgl.backend.gl import executor

    monkeypatch.setattr(executor, "MAX_OBJECTS_PER_SUB_CONTEXT", 8)
    enc = sub_ctx()
    for h in range(1, 9):
        enc.create_dsa(handle=h)
    enc.create_dsa(handle=3)   # replacing a handle does not count twice
    feed(gl_service, HELLO, submit(enc))
    refused(gl_service, submit(CommandEncoder().create_blend(handle=1)), match="more than 8 objects")


@pytest.mark.gl
def test_sub_contexts_per_context(gl_service):
    from pyvirgl.backend.gl.executor import MAX_SUB_CONTEXTS

    enc = CommandEncoder()
    for i in range(1, MAX_SUB_CONTEXTS + 1):
        enc.create_sub_ctx(sub_ctx_id=i)
    feed(gl_service, HELLO, submit(enc))
    refused(gl_service, submit(CommandEncoder().create_sub_ctx(sub_ctx_id=999)), match="sub-contexts")


@pytest.mark.gl
def test_shader_text_length(gl_service):
    # The first chunk announces the whole text length; over the limit is refused at once.
    enc = sub_ctx().raw((ObjectType.SHADER << 8) | 1 | (6 << 16), 5, ShaderStage.VERTEX,
                        MAX_SHADER_TEXT_BYTES + 1, 0, 0, 0x54524556)
    refused(gl_service, HELLO, submit(enc), match=f"exceeds {MAX_SHADER_TEXT_BYTES}")


@pytest.mark.gl
def test_failed_context_stays_failed(gl_service):
    refused(gl_service, HELLO, submit(CommandEncoder().set_sub_ctx(sub_ctx_id=5)), match="no sub-context 5")
    refused(gl_service, submit(sub_ctx()), match="context already failed")


VS = "VERT\nDCL IN[0]\nDCL OUT[0], POSITION\n  0: MOV OUT[0], IN[0]\n  1: END\n"


def _malformed():
    S = sub_ctx
    hdr = lambda cmd, obj, n: cmd | (obj << 8) | (n << 16)  # noqa: E731
    return {
        "unknown_command": (CommandEncoder().raw(hdr(250, 0, 0)), "unknown command id"),
        "length_past_end": (CommandEncoder().raw(hdr(1, 1, 40), 1, 2), "runs past the end"),
        "unknown_object_type": (S().raw(hdr(Ccmd.CREATE_OBJECT, 60, 1), 1), "unknown object type"),
        "object_handle_zero": (S().create_dsa(handle=0), "handle 0"),
        "short_payload": (S().raw(hdr(1, ObjectType.BLEND, 1), 1), "BLEND"),
        "no_sub_context": (CommandEncoder().create_dsa(handle=1), "no sub-context"),
        "unknown_sub_context": (CommandEncoder().set_sub_ctx(sub_ctx_id=7), "no sub-context 7"),
        "destroy_unknown_sub_context": (CommandEncoder().destroy_sub_ctx(sub_ctx_id=7), "no sub-context 7"),
        "bind_unknown_object": (S().bind_object(ObjectType.BLEND, 77), "no blend object 77"),
        "destroy_unknown_object": (S().destroy_object(ObjectType.DSA, 77), "no dsa object 77"),
        "surface_on_unknown_resource": (S().create_surface(handle=1, res_handle=99, format=F.B8G8R8A8_UNORM),
                                        "no resource 99"),
        "sampler_view_on_unknown_resource": (S().create_sampler_view(handle=1, res_handle=99,
                                                                     format=F.B8G8R8A8_UNORM), "no resource 99"),
        "framebuffer_unknown_surface": (S().set_framebuffer_state(zsurf_handle=0, cbuf_handles=(9,)),
                                        "no surface object 9"),
        "vertex_buffer_unknown_resource": (S().raw(hdr(Ccmd.SET_VERTEX_BUFFERS, 0, 3), 4, 0, 99), "no resource 99"),
        "index_size_3": (S().raw(hdr(Ccmd.SET_INDEX_BUFFER, 0, 3), 1, 3, 0), "index_size 3"),
        "sampler_views_past_last_slot": (S().raw(hdr(Ccmd.SET_SAMPLER_VIEWS, 0, 3), 1, 40, 1), "SET_SAMPLER_VIEWS"),
        "viewports_past_last_slot": (S().raw(hdr(Ccmd.SET_VIEWPORT_STATE, 0, 13), 15, *([0] * 12)), "SET_VIEWPORT_STATE"),
        "shader_bad_stage": (S().raw(hdr(1, ObjectType.SHADER, 6), 1, 9, 8, 0, 0, 0x54524556), "stage 9"),
        "shader_not_ascii": (S().raw(hdr(1, ObjectType.SHADER, 6), 1, 0, 4, 0, 0, 0x00FFFFFF), "not ASCII"),
        "shader_not_terminated": (S().raw(hdr(1, ObjectType.SHADER, 6), 1, 0, 4, 0, 0, 0x54524556),
                                  "not NUL-terminated"),
        "shader_orphan_continuation": (S().raw(hdr(1, ObjectType.SHADER, 6), 1, 0, 0x80000000 | 4, 0, 0, 0),
                                       "not in progress"),
        "shader_bad_tgsi": (S().create_shader(1, ShaderStage.VERTEX, "VERT\nFOO BAR\n"), "CREATE_OBJECT(SHADER)"),
        "bind_shader_wrong_stage": (S().create_shader(1, ShaderStage.VERTEX, VS).bind_shader(handle=1, shader_type=1),
                                    "bound as 1"),
        "uniform_buffer_overrun": (S().set_uniform_buffer(shader_type=0, index=0, offset=4000, length=200,
                                                          res_handle=1), "overruns buffer 1"),
        "transfer3d_overrun": (CommandEncoder().transfer3d(res_handle=1, level=0, usage=0, stride=0,
                                                           layer_stride=0, x=0, y=0, z=0, width=4096, height=1,
                                                           depth=1, data_offset=1, direction=1),
                               "overrun"),
        "copy_region_outside": (S().resource_copy_region(dst_handle=1, dst_level=0, dst_x=4000, dst_y=0, dst_z=0,
                                                         src_handle=1, src_level=0, src_x=0, src_y=0, src_z=0,
                                                         src_width=200, src_height=1, src_depth=1), "outside level"),
        # Found by the fuzzer: values GL itself would refuse with an error, refused first by us.
        "draw_count_over_int32": (S().draw_vbo(mode=4, count=1 << 31, instance_count=1), "count 2147483648 exceeds"),
        "draw_start_over_int32": (S().draw_vbo(mode=4, start=1 << 31, count=3, instance_count=1), "start 2147483648"),
        "draw_instances_over_int32": (S().draw_vbo(mode=4, count=3, instance_count=0xFFFFFFFF), "instance_count"),
        "draw_too_much_work": (S().draw_vbo(mode=4, count=1 << 20, instance_count=1 << 10), "per-draw limit"),
        "draw_patch_vertices": (S().draw_vbo(mode=14, count=3, instance_count=1, vertices_per_patch=1000),
                                "vertices_per_patch 1000"),
        "vertex_stride_past_host_limit": (S().set_vertex_buffers(buffers=(VertexBufferBinding(1 << 20, 0, 1),))
                                          .draw_vbo(mode=4, count=3, instance_count=1), "stride 1048576 exceeds"),
        "draw_with_destroyed_shader": (S().create_shader(1, ShaderStage.VERTEX, VS).bind_shader(handle=1, shader_type=0)
                                       .destroy_object(ObjectType.SHADER, 1).draw_vbo(mode=4, count=3, instance_count=1),
                                       "shader 1 no longer exists"),
        "sampler_state_unknown_filter": (S().create_sampler_state(handle=1, min_img_filter=2, mag_img_filter=3),
                                         "CREATE_OBJECT(SAMPLER_STATE)"),
        "blend_function_out_of_range": (S().create_blend(handle=1, rt=(BlendTarget(1, 7, 1, 1, 7, 1, 1, 15),) * 8),
                                        "CREATE_OBJECT(BLEND): blend function out of range"),
        "inline_write_short": (CommandEncoder().resource_inline_write(res_handle=1, level=0, usage=0, stride=0,
                                                                      layer_stride=0, x=0, y=0, z=0, width=64,
                                                                      height=1, depth=1, data=b"\0" * 8),
                               "RESOURCE_INLINE_WRITE: 64 bytes at offset 0 overrun"),
    }


MALFORMED = _malformed()


@pytest.mark.gl
@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_commands_fail_only_the_context(gl_service, case):
    enc, match = MALFORMED[case]
    feed(gl_service, HELLO, buffer(1, 4096))
    try:
        feed(gl_service, submit(enc))
    except GuestError as err:
        if match is not None:
            assert match in f"{err.command}: {err.reason}", f"{case}: {err}"
    else:
        assert match is None, f"{case}: accepted, expected a GuestError naming {match!r}"
    # The host is still fine: a fresh client on the same backend works.
    other = vs.VtestService(Renderer(Caps(), lambda: gl_service.renderer.backend))
    feed(other, HELLO, buffer(1, 64), submit(sub_ctx().create_dsa(handle=1)))
    other.close()
    assert not other.renderer.resources


@pytest.mark.gl
def test_a_texture_is_not_a_vertex_buffer(gl_service):
    enc = sub_ctx().set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 2),)).draw_vbo(mode=4, count=3,
                                                                                        instance_count=1)
    feed(gl_service, HELLO, create(2, w=4, h=4))
    refused(gl_service, submit(enc), match="resource 2 is not a buffer")


@pytest.mark.gl
def test_a_transfer_the_host_cannot_do_is_skipped_not_a_crash(gl_service):
    # Found by the fuzzer: shared-memory upload into a multisample texture is a host gap
    # (HostLimitation); it used to escape the vtest handler as a host exception.
    feed(gl_service, HELLO, create(3, w=4, h=4, samples=4, data_size=64))
    feed(gl_service, v.encode_transfer2(v.Vcmd.TRANSFER_PUT2, 3, 0, Box(0, 0, 0, 4, 4, 1), 0, 0),
         v.encode_transfer2(v.Vcmd.TRANSFER_GET2, 3, 0, Box(0, 0, 0, 4, 4, 1), 0, 0))
    feed(gl_service, buffer(4, 64))   # the client goes on
    assert 4 in gl_service.renderer.resources


def test_limits_report_back_as_numbers():
    # The published policy other code relies on.
    assert v.MAX_SUBMIT_DWORDS == 65536 + 1024
    assert MAX_SHADER_TEXT_BYTES == 1 << 20
    assert vs.MAX_SHM_BYTES_PER_CLIENT == 4 << 30


@pytest.mark.gl
def test_shader_and_program_caches_are_bounded_lru(gl_backend, monkeypatch):
    """A guest making shader after shader cannot grow the host's GL caches; evicted objects are deleted."""
    from OpenGL import GL

    from pyvirgl.backend.gl import programs
    from pyvirgl.shader import ShaderKey, parse, translate

    monkeypatch.setattr(programs, "MAX_CACHED_SHADERS", 4)
    monkeypatch.setattr(programs, "MAX_CACHED_PROGRAMS", 3)
    cache = programs.ProgramCache(gl_backend.programs.host_caps)
    host = gl_backend.programs.host_caps
    vs = translate(parse(VS), ShaderKey(), host)

    def fs(i):
        text = ("FRAG\nDCL OUT[0], COLOR\nIMM[0] FLT32 { %d.0, 0.0, 0.0, 1.0}\n  0: MOV OUT[0], IMM[0]\n  1: END\n" % i)
        return translate(parse(text), ShaderKey(), host)

    linked = [cache.link((vs, fs(i), None, None, None, None)) for i in range(3)]
    assert cache.link((vs, fs(0), None, None, None, None)) is linked[0]   # a hit, and now most recent
    more = [cache.link((vs, fs(3), None, None, None, None))]
    assert GL.glIsProgram(linked[0].name) and not GL.glIsProgram(linked[1].name), "not least-recently-used"
    more += [cache.link((vs, fs(i), None, None, None, None)) for i in range(4, 8)]
    assert len(cache._compiled) <= 4 and len(cache._linked) <= 3
    assert not GL.glIsProgram(linked[1].name) and not GL.glIsProgram(linked[2].name), "evicted, not deleted"
    assert linked[1].deleted and linked[2].deleted and not any(p.deleted for p in more[-3:])
    assert all(GL.glIsProgram(p.name) for p in more[-3:])
    again = cache.link((vs, fs(1), None, None, None, None))   # rebuilt after eviction
    assert GL.glIsProgram(again.name) and len(cache._linked) <= 3
    cache.release()
    GL.glUseProgram(0)   # a deleted program stays alive while it is current
    assert not any(GL.glIsProgram(p.name) for p in (*more, again))


def test_variants_per_shader_are_bounded(monkeypatch):
    from pyvirgl.backend.gl import programs
    from pyvirgl.shader import HostShaderCaps, ShaderKey

    monkeypatch.setattr(programs, "MAX_VARIANTS_PER_SHADER", 4)
    cache = programs.ProgramCache(HostShaderCaps(glsl_version=450, extensions=frozenset()))

    class Src:
        text, handle, stage = VS, 1, 0
    obj = programs.make_shader_object(Src())
    for planes in range(1, 20):
        cache.translate(obj, ShaderKey(clip_plane_enable=planes))
    assert len(obj.variants) == 4
    assert ShaderKey(clip_plane_enable=19) in obj.variants
