"""glxgears through pyvirgl draws what it draws through virgl_test_server, in the same run.

The gears turn with wall-clock time, so the two screenshots are not
pixel-identical; what must agree is what a viewer sees: the three gears, in
their colours, covering the same share of the window.
"""
from __future__ import annotations

import shutil
import subprocess
import time

import numpy as np
import pytest

from pyvirgl.tools import isolation
from pyvirgl.tools.png import screenshot

pytestmark = pytest.mark.mesa

SIZE = 300
SETTLE_SECONDS = 4.0   # the window maps and the first frames are presented


@pytest.fixture(scope="module")
def display():
    if shutil.which("glxgears") is None or shutil.which("virgl_test_server") is None:
        pytest.fail("mesa-utils / virgl-server missing: run `make test`, which installs them")
    if not isolation.probe_isolation().ok:
        pytest.fail("these tests need unshare -m (root or user namespaces)")
    with isolation.private_xvfb() as disp:
        yield disp


def gears_through(target: str, display: str) -> np.ndarray:
    env = {**isolation.guest_env_for(target), "DISPLAY": display}
    with isolation.sandbox_for(target, isolated=True) as sandbox:
        proc = sandbox.spawn(["glxgears", "-geometry", f"{SIZE}x{SIZE}+0+0"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(SETTLE_SECONDS)
            assert proc.poll() is None, f"glxgears exited early through {target}"
            return screenshot(display)[:SIZE, :SIZE]
        finally:
            isolation._kill_group(proc)


def colour_shares(rgb: np.ndarray) -> dict[str, float]:
    """Share of the window lit by each gear colour (the brightest channel of a lit pixel)."""
    lit = rgb.max(axis=2) > 40
    dominant = rgb.argmax(axis=2)
    total = rgb.shape[0] * rgb.shape[1]
    return {name: float((lit & (dominant == ch)).sum()) / total for ch, name in enumerate(("red", "green", "blue"))}


def test_glxgears_looks_the_same_through_pyvirgl_and_the_reference(display):
    reference = colour_shares(gears_through("reference", display))
    ours = colour_shares(gears_through("pyvirgl", display))
    for colour in ("red", "green", "blue"):
        assert reference[colour] > 0.02, f"the reference drew no {colour} gear: {reference}"
        assert ours[colour] == pytest.approx(reference[colour], rel=0.25), (colour, ours, reference)
