"""The program entry: `main(argv)` listens, serves one front-end and exits when it leaves."""
from __future__ import annotations

import json
import os
import socket
import struct
import tempfile
import threading
import time

from pyvirgl.frontends.vhost_user import protocol as p
from pyvirgl.frontends.vhost_user.server import main
from pyvirgl.protocol.caps import Caps
from pyvirgl.renderer.api import Renderer


def test_print_capabilities(capsys):
    assert main(["--print-capabilities"]) == 0
    assert json.loads(capsys.readouterr().out) == {"type": "gpu", "features": ["virgl"]}


def test_needs_a_socket(capsys):
    assert main([]) == 2


def test_serves_one_front_end_then_exits():
    with tempfile.TemporaryDirectory(prefix="vu-") as tmp:
        path = os.path.join(tmp, "gpu.sock")
        result = []
        t = threading.Thread(target=lambda: result.append(main(["--socket", path], lambda: Renderer(Caps()))))
        t.start()
        deadline = time.monotonic() + 10
        while not os.path.exists(path):
            assert time.monotonic() < deadline
            time.sleep(0.02)
        s = socket.socket(socket.AF_UNIX)
        s.connect(path)
        s.sendall(p.request(p.Request.GET_FEATURES))
        reply = s.recv(64)
        req, flags, size = p.HEADER.unpack_from(reply)
        assert (req, flags & p.FLAG_REPLY, size) == (p.Request.GET_FEATURES, p.FLAG_REPLY, 8)
        assert struct.unpack_from("<Q", reply, 12)[0] & (1 << 0)  # VIRTIO_GPU_F_VIRGL
        s.close()
        t.join(10)
        assert result == [0]
        assert not os.path.exists(path)
