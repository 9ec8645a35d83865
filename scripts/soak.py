#!/usr/bin/env python3
"""Soak test: many connect/create/draw/disconnect cycles against a real `pyvirgl serve`.

    .venv/bin/python scripts/soak.py                       # 10000 cycles, forking server
    .venv/bin/python scripts/soak.py --no-fork --cycles 10000

Each cycle is one guest: handshake, caps, a texture with shared memory, a
sub-context, a surface, a clear, a shader pair and a draw, a read-back
checked pixel-exact, then a disconnect (every 10th cycle without unref or
goodbye, mid-stream). The server's fd count and RSS (from /proc) are sampled
as it goes; with --no-fork the server runs in a child of this script with a
SIGUSR1 hook that reports live GL object names in its context, so leaks of
textures, buffers, framebuffers, programs or contexts show up too.

Bounded in time (--max-seconds); prints a table and exits 1 when fds, GL
objects or RSS grew beyond the allowance between the first and last sample.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import struct
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pyvirgl.client.encoder import CommandEncoder  # noqa: E402
from pyvirgl.client.vtest_client import VtestClient  # noqa: E402
from pyvirgl.protocol import vtest as v  # noqa: E402
from pyvirgl.protocol.formats import VirglFormat as F  # noqa: E402
from pyvirgl.protocol.types import Box  # noqa: E402
from pyvirgl.protocol.virgl import ClearFlags, ObjectType, ShaderStage  # noqa: E402

TEX_2D, BUFFER = 2, 0
BIND_RT, BIND_SV, BIND_VB = 1 << 1, 1 << 3, 1 << 4
VS = "VERT\nDCL IN[0]\nDCL OUT[0], POSITION\n  0: MOV OUT[0], IN[0]\n  1: END\n"
FS = ("FRAG\nPROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1\nDCL OUT[0], COLOR\nIMM[0] FLT32 { 0.0, 1.0, 0.0, 1.0}\n"
      "  0: MOV OUT[0], IMM[0]\n  1: END\n")
GL_KINDS = ("Texture", "Buffer", "Framebuffer", "VertexArray", "Program", "Shader", "Sampler", "Query")


def f32(x: float) -> int:
    return struct.unpack("<I", struct.pack("<f", x))[0]


# --- the server, and what we can see of it ----------------------------------------------------

def proc_rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(x) for x in f.read().split()]
        except FileNotFoundError:
            pass
    return out


def fd_count(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except FileNotFoundError:
        return -1


def _gl_counts(limit: int = 8192) -> dict:
    from OpenGL import GL

    counts = {}
    for kind in GL_KINDS:
        fn = getattr(GL, f"glIs{kind}")
        counts[kind] = sum(1 for n in range(1, limit) if fn(n))
    return counts


def start_server(sock: str, log: str, no_fork: bool):
    """`python -m pyvirgl serve` as a subprocess (fork mode), or an in-process no-fork server child."""
    import subprocess

    if not no_fork:
        read_fd, write_fd = os.pipe()
        proc = subprocess.Popen([sys.executable, "-m", "pyvirgl", "serve", "--socket-path", sock,
                                 "--ready-fd", str(write_fd)], pass_fds=(write_fd,), cwd=ROOT,
                                stdout=open(log, "ab"), stderr=subprocess.STDOUT)
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as ready:
            if ready.readline() != b"ready\n":
                raise RuntimeError(f"pyvirgl serve did not start; see {log}")
        return proc.pid, lambda: stop(proc.pid, proc)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:   # the server: same objects `pyvirgl serve --no-fork` builds
        os.close(read_fd)
        code = 0
        try:
            out = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            os.dup2(out, 1)
            os.dup2(out, 2)
            from pyvirgl.frontends.vtest_server import ServerOptions, VtestServer, configure_logging
            from pyvirgl.renderer import factory

            configure_logging(False)
            options = ServerOptions(socket_path=sock, fork=False)
            caps = factory.caps_from_probe_child()
            try:
                make = factory.make_renderer_factory(caps, shared_backend=True)
            except TypeError:    # a factory without backend sharing: one backend per client
                make = factory.make_renderer_factory(caps)
            server = VtestServer(options, make)

            def report(*_):
                with open(sock + ".gl.json", "w") as f:
                    json.dump(_gl_counts(), f)

            signal.signal(signal.SIGUSR1, report)
            server.open()
            os.write(write_fd, b"ready\n")
            os.close(write_fd)
            server.serve_forever()
        except BaseException:
            import traceback
            traceback.print_exc()
            code = 1
        os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as ready:
        if ready.readline() != b"ready\n":
            raise RuntimeError(f"no-fork server did not start; see {log}")
    return pid, lambda: stop(pid, None)


def stop(pid: int, proc) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if proc is not None:
        proc.wait(10)
    else:
        os.waitpid(pid, 0)


def gl_counts(pid: int, sock: str) -> dict | None:
    path = sock + ".gl.json"
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with open(path) as f:
                return json.load(f)
        except (FileNotFoundError, json.JSONDecodeError):
            time.sleep(0.05)
    return None


# --- one guest ---------------------------------------------------------------------------------

def recorded_draws() -> list[bytes]:
    """The recorded Mesa stream with the most draws (tests/fuzz/corpus), minus its handshake."""
    sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
    import fuzz_harness as fh
    from pyvirgl.decode import DrawVbo, decode_commands

    def draws(reqs):
        n = 0
        for r in reqs:
            payload = fh.submit_payload(r)
            if payload:
                try:
                    n += sum(isinstance(c, DrawVbo) for c in decode_commands(payload))
                except Exception:
                    return -1
        return n

    _, reqs = max(fh.Corpus().streams, key=lambda s: draws(s[1]))
    skip = (v.Vcmd.CREATE_RENDERER, v.Vcmd.PING_PROTOCOL_VERSION, v.Vcmd.PROTOCOL_VERSION)
    return [r for r in reqs if struct.unpack_from("<I", r, 4)[0] not in skip]


def replay(client: VtestClient, requests: list[bytes]) -> None:
    """Send a recorded stream request by request, reading every reply the server sends."""
    for raw in requests:
        client.send(raw)
        length, cmd = struct.unpack_from("<II", raw)
        if cmd in (v.Vcmd.GET_CAPS, v.Vcmd.GET_CAPS2, v.Vcmd.RESOURCE_BUSY_WAIT):
            size, _ = client.recv_header()
            client.recv_exact(size - 1 if cmd != v.Vcmd.RESOURCE_BUSY_WAIT else 4 * size)
        elif cmd == v.Vcmd.RESOURCE_CREATE2 and struct.unpack_from("<I", raw, 8 + 40)[0]:
            os.close(client.recv_fd())
        elif cmd == v.Vcmd.TRANSFER_GET:
            client.recv_exact(struct.unpack_from("<I", raw, 8 + 40)[0])


def light_cycle(sock: str, i: int) -> None:
    """Connect, handshake, caps, disconnect (every 10th mid-request): no GL work in the server."""
    client = VtestClient(sock, name=f"soak-light-{i}")
    try:
        caps, _, _ = client.get_caps()
        if caps.max_texture_2d_size < 1:
            raise AssertionError(f"cycle {i}: caps without a texture size")
        if i % 10 == 9:
            client.sock.sendall(struct.pack("<II", 10, v.Vcmd.TRANSFER_GET2) + b"\0" * 7)
    finally:
        client.close()


def cycle(sock: str, i: int, draws: list[bytes]) -> None:
    abrupt = i % 10 == 9
    client = VtestClient(sock, name=f"soak-{i}")
    try:
        replay(client, draws)   # Mesa's own draws: state objects, shaders, vertex buffers, DRAW_VBO
        tex = client.resource_create(TEX_2D, F.B8G8R8A8_UNORM, BIND_RT | BIND_SV, 16, 16, data_size=16 * 16 * 4,
                                     handle=9001)
        vb = client.resource_create(BUFFER, F.R8_UNORM, BIND_VB, 48, data_size=48, handle=9002)
        client.maps[vb][:] = struct.pack("<12f", -1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1)
        enc = CommandEncoder().create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
        enc.create_surface(handle=9100, res_handle=tex, format=F.B8G8R8A8_UNORM, val0=0, val1=0)
        enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(9100,))
        enc.clear(buffers=ClearFlags.COLOR0, color=(f32(1), 0, 0, f32(1)), depth=1.0, stencil=0)
        client.submit(bytes(enc))
        client.transfer_put2(vb, Box(0, 0, 0, 48, 1, 1))
        enc = CommandEncoder()
        enc.create_shader(9200, ShaderStage.VERTEX, VS).create_shader(9201, ShaderStage.FRAGMENT, FS)
        enc.bind_shader(handle=9200, shader_type=ShaderStage.VERTEX)
        enc.bind_shader(handle=9201, shader_type=ShaderStage.FRAGMENT)
        client.submit(bytes(enc))
        client.transfer_get2(tex, Box(0, 0, 0, 16, 16, 1))
        client.busy_wait(wait=True)
        px = client.maps[tex][:4]
        if px != bytes([0, 0, 255, 255]):
            raise AssertionError(f"cycle {i}: read back {px.hex()}, expected the red clear")
        if abrupt:
            # Half a request, then gone: the server must free everything anyway.
            client.sock.sendall(struct.pack("<II", 10, v.Vcmd.TRANSFER_GET2) + b"\0" * 7)
            return
        enc = CommandEncoder().destroy_object(ObjectType.SURFACE, 9100)
        client.submit(bytes(enc))
        client.resource_unref(tex)
        client.resource_unref(vb)
    finally:
        client.close()


# --- the run ----------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cycles", type=int, default=10000)
    ap.add_argument("--no-fork", action="store_true", help="serve every client from one process (GL counts too)")
    ap.add_argument("--max-seconds", type=float, default=3600)
    ap.add_argument("--samples", type=int, default=20, help="rows in the table")
    ap.add_argument("--draw-every", type=int, default=1, metavar="N",
                    help="every Nth cycle is the full create/draw/read-back guest; the others only connect, "
                         "handshake, read caps and disconnect (a forked client costs ~1 s of GL start-up)")
    ap.add_argument("--fd-slack", type=int, default=2)
    ap.add_argument("--rss-slack-mb", type=float, default=64)
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="pv-soak-")
    sock, log = os.path.join(tmp, "s.sock"), os.path.join(tmp, "server.log")
    draws = recorded_draws()
    pid, stopper = start_server(sock, log, args.no_fork)
    rows = []
    errors = 0
    first_error = ""
    every = max(1, args.cycles // args.samples)
    start = time.monotonic()

    def sample(done: int) -> None:
        time.sleep(0.3 if not args.no_fork else 0.05)   # let children exit / the loop settle
        procs = tree(pid)
        row = {"cycles": done, "sec": time.monotonic() - start, "fds": fd_count(pid),
               "rss_mb": proc_rss_kb(pid) / 1024, "procs": len(procs),
               "tree_rss_mb": sum(proc_rss_kb(p) for p in procs if os.path.exists(f"/proc/{p}")) / 1024}
        if args.no_fork:
            row["gl"] = gl_counts(pid, sock)
        rows.append(row)

    done = full = 0
    try:
        sample(0)
        for i in range(args.cycles):
            if time.monotonic() - start > args.max_seconds:
                print(f"stopping at the time bound after {done} cycles", flush=True)
                break
            try:
                if i % args.draw_every == 0:
                    cycle(sock, i, draws)
                    full += 1
                else:
                    light_cycle(sock, i)
            except Exception as err:   # noqa: BLE001 - counted and shown, the soak goes on
                errors += 1
                first_error = first_error or f"cycle {i}: {type(err).__name__}: {err}"
            done += 1
            if done % every == 0 or done == args.cycles:
                sample(done)
                r = rows[-1]
                print(f"  {done:6d} cycles {r['sec']:7.1f}s fds {r['fds']:3d} rss {r['rss_mb']:7.1f} MB"
                      f" procs {r['procs']} errors {errors}" + (f" gl {r['gl']}" if args.no_fork else ""),
                      flush=True)
        alive = pid in tree(pid) and os.path.exists(f"/proc/{pid}")
    finally:
        stopper()

    mode = "no-fork" if args.no_fork else "fork per client"
    print(f"\nsoak: {done} cycles ({full} with create/draw/read-back) against pyvirgl serve ({mode}) in "
          f"{time.monotonic() - start:.0f}s, {errors} failed cycles" + (f" (first: {first_error})" if first_error else ""))
    head = f"{'cycles':>7} {'sec':>7} {'fds':>4} {'rss MB':>8} {'procs':>5} {'tree MB':>8}"
    if args.no_fork:
        head += "  " + " ".join(f"{k[:6]:>6}" for k in GL_KINDS)
    print(head)
    for r in rows:
        line = f"{r['cycles']:7d} {r['sec']:7.1f} {r['fds']:4d} {r['rss_mb']:8.1f} {r['procs']:5d} {r['tree_rss_mb']:8.1f}"
        if args.no_fork and r.get("gl"):
            line += "  " + " ".join(f"{r['gl'][k]:6d}" for k in GL_KINDS)
        print(line)
    first, last = rows[1] if len(rows) > 1 else rows[0], rows[-1]
    problems = []
    if last["fds"] > first["fds"] + args.fd_slack:
        problems.append(f"fds grew {first['fds']} -> {last['fds']}")
    if last["rss_mb"] > first["rss_mb"] + args.rss_slack_mb:
        problems.append(f"RSS grew {first['rss_mb']:.1f} -> {last['rss_mb']:.1f} MB")
    if args.no_fork and first.get("gl") and last.get("gl"):
        grew = {k: (first["gl"][k], last["gl"][k]) for k in GL_KINDS if last["gl"][k] > first["gl"][k] + 2}
        if grew:
            problems.append(f"GL objects grew {grew}")
    if errors:
        problems.append(f"{errors} cycles failed")
    if not alive:
        problems.append("the server died")
    print("verdict: " + ("; ".join(problems) if problems else "no growth, no failures") + f" (server log {log})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
