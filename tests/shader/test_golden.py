"""Golden tests over real TGSI captured from Mesa 22.3.6's virgl driver.

tests/shader/golden/in/*.tgsi were captured with golden/capture/ (see its
README); out/*.glsl is the expected translation with the default ShaderKey
and GOLDEN_HOST. Set PYVIRGL_UPDATE_GOLDEN=1 to rewrite the expected files.
Each expected GLSL must also compile on the host GL, and the stages captured
from one piglit test must link together.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import gl_compile
from conftest import GOLDEN_HOST
from pyvirgl.shader import ShaderKey, parse, translate
from pyvirgl.shader.tgsi import print_shader

GOLDEN = Path(__file__).parent / "golden"
NAMES = sorted(p.stem for p in (GOLDEN / "in").glob("*.tgsi"))
UPDATE = os.environ.get("PYVIRGL_UPDATE_GOLDEN") == "1"
PIPELINES = json.loads((GOLDEN / "pipelines.json").read_text()) if (GOLDEN / "pipelines.json").exists() else {}


def _translate(name: str):
    text = (GOLDEN / "in" / f"{name}.tgsi").read_text()
    return translate(text, ShaderKey(), GOLDEN_HOST)


@pytest.mark.parametrize("name", NAMES)
def test_golden_translation(name):
    out = _translate(name)
    expected_path = GOLDEN / "out" / f"{name}.glsl"
    if UPDATE or not expected_path.exists():
        expected_path.write_text(out.glsl)
    assert out.glsl == expected_path.read_text()


@pytest.mark.parametrize("name", NAMES)
def test_golden_round_trip(name):
    shader = parse((GOLDEN / "in" / f"{name}.tgsi").read_text())
    assert parse(print_shader(shader)) == shader


@pytest.mark.gl
@pytest.mark.parametrize("name", NAMES)
def test_golden_compiles_on_host(host_gl, name):
    glsl = (GOLDEN / "out" / f"{name}.glsl").read_text()
    stage = _translate(name).stage
    _shader, log = gl_compile.compile_shader(stage, glsl)
    assert log is None, log


@pytest.mark.gl
@pytest.mark.parametrize("test", sorted(PIPELINES))
def test_golden_pipeline_links(host_gl, test):
    objects = []
    for name in PIPELINES[test]:
        glsl = (GOLDEN / "out" / f"{name}.glsl").read_text()
        shader, log = gl_compile.compile_shader(_translate(name).stage, glsl)
        assert log is None, log
        objects.append(shader)
    log = gl_compile.link(objects)
    assert log is None, log
