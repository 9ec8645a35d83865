"""bench/replay.py runs a recorded Mesa stream through the real backend and reports what it ran.

No timing is asserted (speed lives in the benchmarks); this keeps the tool working.
"""
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gl

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RECORDING = os.path.join(REPO, "tests", "fuzz", "corpus", "vtest", "97cf8bdc37e814e1.vtest")


def test_replay_reports_the_draws_and_gl_calls_of_a_recording():
    out = subprocess.run([sys.executable, os.path.join(REPO, "bench", "replay.py"), RECORDING, "--gl-calls"],
                         capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert "52 requests, 9 draws" in out
    assert "SubmitCmd" in out and "DRAW_VBO 9" in out
    assert "glDrawArraysInstancedBaseInstance" in out or "glDrawElementsInstancedBaseVertexBaseInstance" in out
