"""Guest and front-end mistakes: virtio-gpu error responses or refused messages, never a crash.

Each test ends by showing the device still works (`still_serves`)."""
from __future__ import annotations

import struct

import pytest

from pyvirgl.frontends.vhost_user import protocol as p
from pyvirgl.frontends.vhost_user.gpu_commands import Cmd, Resp

from vhost_fake_qemu import F_INDIRECT, F_NEXT, F_WRITE, GPA, REGION_SIZE, hdr, resp_type

W, H = 16, 16


def still_serves(q):
    r = q.command(hdr(Cmd.GET_DISPLAY_INFO))
    assert resp_type(r) == Resp.OK_DISPLAY_INFO


def create_2d(q, rid, w=W, h=H, fmt=2):
    return resp_type(q.command(hdr(Cmd.RESOURCE_CREATE_2D) + struct.pack("<IIII", rid, fmt, w, h)))


def attach(q, rid, entries, nr=None):
    req = hdr(Cmd.RESOURCE_ATTACH_BACKING) + struct.pack("<II", rid, len(entries) if nr is None else nr)
    return resp_type(q.command(req, extra=[b"".join(struct.pack("<QII", a, n, 0) for a, n in entries)]))


def to_host_2d(q, rid, x, y, w, h, offset=0):
    return resp_type(q.command(hdr(Cmd.TRANSFER_TO_HOST_2D) + struct.pack("<IIIIQII", x, y, w, h, offset, rid, 0)))


# -- bogus ids ----------------------------------------------------------------------------------

@pytest.mark.parametrize("request_bytes", [
    hdr(Cmd.TRANSFER_TO_HOST_2D) + struct.pack("<IIIIQII", 0, 0, 1, 1, 0, 99, 0),
    hdr(Cmd.SET_SCANOUT) + struct.pack("<6I", 0, 0, 1, 1, 0, 99),
    hdr(Cmd.RESOURCE_FLUSH) + struct.pack("<6I", 0, 0, 1, 1, 99, 0),
    hdr(Cmd.RESOURCE_UNREF) + struct.pack("<II", 99, 0),
    hdr(Cmd.RESOURCE_ATTACH_BACKING) + struct.pack("<II", 99, 1) + struct.pack("<QII", 0x10000, 4096, 0),
    hdr(Cmd.RESOURCE_DETACH_BACKING) + struct.pack("<II", 99, 0),
    hdr(Cmd.RESOURCE_CREATE_2D) + struct.pack("<IIII", 0, 2, 4, 4),
], ids=["transfer", "scanout", "flush", "unref", "attach", "detach", "create-id-0"])
def test_bogus_resource_ids(qemu, request_bytes):
    assert resp_type(qemu.command(request_bytes)) == Resp.ERR_INVALID_RESOURCE_ID
    still_serves(qemu)


def test_duplicate_resource_id(qemu):
    assert create_2d(qemu, 1) == Resp.OK_NODATA
    assert create_2d(qemu, 1) == Resp.ERR_INVALID_RESOURCE_ID
    still_serves(qemu)


def test_bogus_context_ids(qemu):
    assert resp_type(qemu.command(hdr(Cmd.CTX_CREATE, ctx_id=0) + struct.pack("<II64s", 1, 0, b"x"))) \
        == Resp.ERR_INVALID_CONTEXT_ID
    assert resp_type(qemu.command(hdr(Cmd.SUBMIT_3D, ctx_id=42) + struct.pack("<II", 0, 0))) \
        == Resp.ERR_INVALID_CONTEXT_ID
    assert resp_type(qemu.command(hdr(Cmd.CTX_ATTACH_RESOURCE, ctx_id=42) + struct.pack("<II", 1, 0))) \
        == Resp.ERR_INVALID_CONTEXT_ID
    assert resp_type(qemu.command(hdr(Cmd.CTX_DESTROY, ctx_id=42))) == Resp.ERR_INVALID_CONTEXT_ID
    still_serves(qemu)


def test_bad_scanout_capset_and_format(qemu):
    create_2d(qemu, 1)
    assert resp_type(qemu.command(hdr(Cmd.SET_SCANOUT) + struct.pack("<6I", 0, 0, W, H, 16, 1))) \
        == Resp.ERR_INVALID_SCANOUT_ID
    assert resp_type(qemu.command(hdr(Cmd.SET_SCANOUT) + struct.pack("<6I", 8, 8, W, H, 0, 1))) \
        == Resp.ERR_INVALID_PARAMETER
    assert resp_type(qemu.command(hdr(Cmd.GET_CAPSET) + struct.pack("<II", 7, 1))) == Resp.ERR_INVALID_PARAMETER
    assert create_2d(qemu, 2, fmt=999) == Resp.ERR_INVALID_PARAMETER
    assert create_2d(qemu, 3, w=1 << 20, h=1 << 20) in (Resp.ERR_INVALID_PARAMETER, Resp.ERR_OUT_OF_MEMORY)
    still_serves(qemu)


# -- out-of-range transfers and backing ---------------------------------------------------------------

def test_transfers_outside_the_resource_or_backing(qemu):
    create_2d(qemu, 1)
    assert to_host_2d(qemu, 1, 0, 0, W, H) == Resp.ERR_UNSPEC  # no backing yet
    base = qemu.alloc(W * H * 4, align=4096)
    assert attach(qemu, 1, [(base, W * H * 4 - 64)]) == Resp.OK_NODATA  # a bit short
    assert to_host_2d(qemu, 1, 0, 0, W + 1, H) == Resp.ERR_INVALID_PARAMETER
    assert to_host_2d(qemu, 1, W - 1, 0, 2, 1) == Resp.ERR_INVALID_PARAMETER
    assert to_host_2d(qemu, 1, 0, 0, W, H) == Resp.ERR_INVALID_PARAMETER       # overruns the short backing
    assert to_host_2d(qemu, 1, 0, 0, 1, 1, offset=1 << 40) == Resp.ERR_INVALID_PARAMETER
    assert to_host_2d(qemu, 1, 0, 0, W, H - 1) == Resp.OK_NODATA
    # 3D transfers with impossible boxes, levels and strides.
    for box, level, stride in (((0, 0, 0, W + 1, 1, 1), 0, 0), ((0, 0, 0, 1, 1, 1), 3, 0),
                               ((0, 0, 1, 1, 1, 1), 0, 0), ((0, 0, 0, W, 2, 1), 0, 4),
                               ((0, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF, 1), 0, 0)):
        r = qemu.command(hdr(Cmd.TRANSFER_TO_HOST_3D) + struct.pack("<6I", *box)
                         + struct.pack("<QIIII", 0, 1, level, stride, 0))
        assert resp_type(r) == Resp.ERR_INVALID_PARAMETER, (box, level, stride)
    still_serves(qemu)


@pytest.mark.parametrize("entries", [
    [(0xDEAD_0000_0000, 4096)],                          # nowhere
    [(GPA[0] + REGION_SIZE - 2048, 4096)],               # runs off the end of region 0
    [(GPA[1] + REGION_SIZE, 4096)],                      # just past region 1
    [(GPA[0] + 0x100000, 4096), (0xFFFF_FFFF_FFFF_F000, 8192)],  # one good, one wrapping
], ids=["nowhere", "past-region-end", "after-last-region", "wraps"])
def test_backing_outside_guest_memory(qemu, entries):
    create_2d(qemu, 1)
    assert attach(qemu, 1, entries) == Resp.ERR_INVALID_PARAMETER
    assert qemu.backend.gpu.resources[1].backing is None
    still_serves(qemu)


def test_backing_entry_count_lies(qemu):
    create_2d(qemu, 1)
    assert attach(qemu, 1, [(GPA[0] + 0x100000, 4096)], nr=1000) == Resp.ERR_INVALID_PARAMETER
    assert attach(qemu, 1, [(GPA[0] + 0x100000, 4096)], nr=0) == Resp.ERR_INVALID_PARAMETER
    assert attach(qemu, 1, [(GPA[0] + 0x100000, 4096)], nr=1 << 31) == Resp.ERR_INVALID_PARAMETER
    assert attach(qemu, 1, [(GPA[0] + 0x100000, 4096)]) == Resp.OK_NODATA
    assert attach(qemu, 1, [(GPA[0] + 0x100000, 4096)]) == Resp.ERR_UNSPEC  # already has backing
    still_serves(qemu)


def test_short_unknown_and_unsupported_requests(qemu):
    assert resp_type(qemu.command(b"\x00\x01")) == Resp.ERR_UNSPEC
    assert resp_type(qemu.command(hdr(0x0777))) == Resp.ERR_UNSPEC
    assert resp_type(qemu.command(hdr(Cmd.RESOURCE_CREATE_BLOB))) == Resp.ERR_UNSPEC
    assert resp_type(qemu.command(hdr(Cmd.RESOURCE_CREATE_2D) + b"\1\0")) == Resp.ERR_INVALID_PARAMETER
    assert resp_type(qemu.command(hdr(Cmd.SUBMIT_3D, ctx_id=1) + struct.pack("<II", 1 << 30, 0))) \
        == Resp.ERR_INVALID_CONTEXT_ID
    still_serves(qemu)


def test_submit_size_larger_than_the_request(qemu):
    qemu.command(hdr(Cmd.CTX_CREATE, ctx_id=1) + struct.pack("<II64s", 1, 0, b"x"))
    r = qemu.command(hdr(Cmd.SUBMIT_3D, ctx_id=1) + struct.pack("<II", 1 << 20, 0) + bytes(64))
    assert resp_type(r) == Resp.ERR_INVALID_PARAMETER
    still_serves(qemu)


def test_response_buffer_too_small(qemu):
    head, _ = qemu.put_chain(0, [hdr(Cmd.GET_DISPLAY_INFO)], [8])
    assert qemu.used(0) == (head, 0)
    # Room for a header but not the display info: an error header is what fits.
    head, outs = qemu.put_chain(0, [hdr(Cmd.GET_DISPLAY_INFO)], [24])
    assert qemu.used(0) == (head, 24)
    assert resp_type(qemu.read(outs[0], 24)) == Resp.ERR_UNSPEC
    still_serves(qemu)


# -- descriptors and rings ---------------------------------------------------------------------------------

def test_request_descriptor_outside_guest_memory(qemu):
    resp = qemu.alloc(64)
    head, _ = qemu.put_chain(0, [], [], raw=[(0xBAD0_0000_0000, 24, F_NEXT, 1), (resp, 64, F_WRITE, 0)])
    assert qemu.used(0) == (head, 24)
    assert resp_type(qemu.read(resp, 24)) == Resp.ERR_INVALID_PARAMETER
    still_serves(qemu)


def test_response_descriptor_outside_guest_memory(qemu):
    req = qemu.alloc(24)
    qemu.write(req, hdr(Cmd.GET_DISPLAY_INFO))
    head, _ = qemu.put_chain(0, [], [], raw=[(req, 24, F_NEXT, 1), (GPA[1] + REGION_SIZE - 8, 64, F_WRITE, 0)])
    assert qemu.used(0) == (head, 0)
    still_serves(qemu)


@pytest.mark.parametrize("make", [
    lambda q: [(q.alloc(24), 24, F_NEXT, 0)],                         # next points at itself: a loop
    lambda q: [(q.alloc(24), 24, F_NEXT, 1), (q.alloc(24), 24, F_NEXT, 0)],  # two-descriptor loop
    lambda q: [(q.alloc(24), 24, F_NEXT, 200)],                       # next beyond the table (64)
    lambda q: [(q.alloc(64), 24, F_WRITE | F_NEXT, 1), (q.alloc(24), 24, 0, 0)],  # readable after writable
    lambda q: [(q.alloc(40), 40, F_INDIRECT, 0)],                      # table not a multiple of 16
    lambda q: [(0xBAD0_0000_0000, 32, F_INDIRECT, 0)],                 # table outside memory
    lambda q: [(q.alloc(32), 32, F_INDIRECT | F_NEXT, 1), (q.alloc(24), 24, 0, 0)],  # indirect with NEXT
], ids=["self-loop", "loop", "next-out-of-range", "read-after-write", "indirect-size", "indirect-outside",
        "indirect-next"])
def test_malformed_chains_are_returned_unanswered(qemu, make):
    head, _ = qemu.put_chain(0, [], [], raw=make(qemu))
    assert qemu.used(0) == (head, 0)
    still_serves(qemu)


def test_nested_indirect_and_indirect_loop(qemu):
    inner = qemu.alloc(16, align=16)
    qemu.write(inner, struct.pack("<QIHH", qemu.alloc(24), 24, 0, 0))
    outer = qemu.alloc(16, align=16)
    qemu.write(outer, struct.pack("<QIHH", inner, 16, F_INDIRECT, 0))
    head, _ = qemu.put_chain(0, [], [], raw=[(outer, 16, F_INDIRECT, 0)])
    assert qemu.used(0) == (head, 0)
    looping = qemu.alloc(32, align=16)
    qemu.write(looping, struct.pack("<QIHH", qemu.alloc(24), 24, F_NEXT, 1)
               + struct.pack("<QIHH", qemu.alloc(24), 24, F_NEXT, 0))
    head, _ = qemu.put_chain(0, [], [], raw=[(looping, 32, F_INDIRECT, 0)])
    assert qemu.used(0) == (head, 0)
    still_serves(qemu)


def test_head_index_out_of_range_is_skipped(qemu):
    ring = qemu.rings[0]
    qemu.publish(0, 1000)  # an avail entry naming descriptor 1000 of 64
    qemu.step()
    still_serves(qemu)
    assert ring.used_seen == 1  # only the good command came back
    assert "head index 1000" in qemu.backend.gpu.stats.last_error or qemu.backend.gpu.stats.errors


def test_avail_index_running_ahead_stops_only_that_queue(qemu):
    ring = qemu.rings[0]
    qemu.write(ring.avail + 2, struct.pack("<H", 500))  # 500 buffers "available" in a 64-entry ring
    import os
    os.eventfd_write(ring.kick, 1)
    qemu.step()
    assert qemu.backend.broken and "ahead" in qemu.backend.broken
    # The vhost-user conversation goes on: QEMU can stop and reset the ring.
    st = qemu.call(p.Request.GET_VRING_BASE, struct.pack("<II", 0, 0))
    assert st.vring_state()[0] == 0


# -- vhost-user messages ---------------------------------------------------------------------------------

def test_vhost_user_mistakes_are_refused_not_fatal(qemu):
    regions = [p.MemRegion(0, REGION_SIZE, 0x1000, 0)] * 2
    # Fewer fds than regions.
    r = qemu.call(p.Request.SET_MEM_TABLE, p.mem_table_payload(regions), need_reply=True)
    assert r.u64() != 0
    # Config beyond the 16-byte virtio-gpu config: an empty reply says "failed".
    r = qemu.call(p.Request.GET_CONFIG, struct.pack("<III", 8, 16, 0) + bytes(16))
    assert r.payload == b""
    # A request we do not know, and a queue the device does not have.
    assert qemu.call(99, need_reply=True).u64() != 0
    assert qemu.call(p.Request.SET_VRING_NUM, struct.pack("<II", 7, 64), need_reply=True).u64() != 0
    assert qemu.call(p.Request.SET_VRING_NUM, struct.pack("<II", 0, 63), need_reply=True).u64() != 0
    # Ring addresses outside guest memory.
    bad = p.VringAddr(0, 0, 0x10, 0x20, 0x30, 0)
    assert qemu.call(p.Request.SET_VRING_ADDR, p.vring_addr_payload(bad), need_reply=True).u64() != 0
    assert not qemu.conn.closed


def test_features_acked_but_not_offered_keep_the_offered_ones(qemu):
    # QEMU 10 acks VIRTIO_F_RING_RESET (bit 40) with the rest: refusing the whole SET_FEATURES left
    # EVENT_IDX off while the guest used it, and the guest timed out waiting for its capsets.
    assert qemu.backend.acked_features == qemu.features
    assert all(q.event_idx and q.indirect for q in qemu.backend.queues)
    assert qemu.call(p.Request.SET_FEATURES, struct.pack("<Q", qemu.features | (1 << 40)),
                     need_reply=True).u64() == 0
    assert qemu.backend.acked_features == qemu.features
    still_serves(qemu)


def test_rings_survive_a_new_memory_table_and_reset(qemu):
    assert qemu.set_mem_table().u64() == 0
    still_serves(qemu)
    qemu.send(p.Request.RESET_DEVICE)
    qemu.step()
    assert not qemu.backend.gpu.resources and all(not q.started for q in qemu.backend.queues)
    assert not qemu.conn.closed


def test_broken_framing_closes_the_connection(qemu):
    qemu.sock.sendall(struct.pack("<III", 1, 0x7, 1 << 30))  # bad version and a huge size
    qemu.step()
    assert qemu.conn.closed


def test_silent_display_front_end_does_not_stall_the_queue(host_bugs):
    from pyvirgl.protocol.caps import Caps
    from pyvirgl.renderer.api import Renderer

    from vhost_fake_qemu import FakeQemu

    q = FakeQemu(Renderer(Caps()))
    q.answer_display = False
    try:
        q.setup()
        head, outs = q.put_chain(0, [hdr(Cmd.GET_DISPLAY_INFO)], [512])
        q.step()
        assert q.backend.deferred  # waiting for QEMU's display info
        now = [0.0]
        q.backend.display.clock = lambda: now[0] + 1e6  # ... long enough
        q.conn.step(0.0)
        assert q.used(0)[0] == head
        resp = q.read(outs[0], 408)
        assert resp_type(resp) == Resp.OK_DISPLAY_INFO
        assert struct.unpack_from("<6I", resp, 24)[2:5] == (1024, 768, 1)  # our default
        r = q.command(hdr(Cmd.GET_EDID) + struct.pack("<II", 0, 0))
        assert resp_type(r) in (Resp.ERR_UNSPEC, Resp.ERR_INVALID_SCANOUT_ID)
    finally:
        q.close()


def test_display_closed_with_output_pending_is_not_an_error(qemu, caplog):
    # At power-off QEMU 10 closed the display socket while a flush was queued: the back-end
    # logged "display socket: [Errno 32] Broken pipe" as an ERROR although nothing was wrong.
    qemu.backend.display.outgoing += b"\0" * 64
    qemu.display_sock.close()
    qemu.display_sock = None
    with caplog.at_level("WARNING", logger="pyvirgl"):
        qemu.conn._flush_display()  # the write comes before the loop sees the hang-up
    assert qemu.backend.display is None
    assert not [r for r in caplog.records if r.levelname == "ERROR"], caplog.text
    assert not qemu.conn.closed
