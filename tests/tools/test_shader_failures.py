"""The shader failure counter reads the lines the server really writes."""
from pyvirgl.tools.shader_failures import scan, totals

LOG = """\
pyvirgl[10] INFO pyvirgl.server: listening on /tmp/.virgl_test (fork per client)
pyvirgl[11] ERROR pyvirgl.gl.programs: generated GLSL failed to compile:
0:30(7): error: no matching function for call to `f(vec2)'; candidates are:
0:30(7): error:    vec4 f(vec4)
#version 430 core
pyvirgl[11] WARNING pyvirgl.gl.draw: not supported yet: draws whose shaders do not compile (0:30(7): error: x); skipping them
pyvirgl[12] ERROR pyvirgl.gl.programs: generated program failed to link: error: definitions of interface block `V_generic9' do not match
pyvirgl[12] ERROR pyvirgl.gl.programs: generated program failed to link: error: definitions of interface block `V_generic9' do not match
pyvirgl[13] WARNING pyvirgl.gl.draw: not supported yet: draws whose shaders do not compile (translation: TXD on SHADOWCUBE); skipping them
pyvirgl[14] ERROR pyvirgl.server: client pid 14: context failed in CREATE_OBJECT(SHADER): TGSI line 3: unknown opcode FOO; disconnecting
pyvirgl[15] INFO pyvirgl.server: client pid 15 'shader_runner' done: 2 shaders translated, 2 GLSL shaders compiled, 1 programs linked
pyvirgl[16] INFO pyvirgl.server: client pid 16 'a, b' done: 3 shaders translated, 2 GLSL shaders compiled, 2 programs linked
"""


def test_each_kind_is_counted_with_its_reason():
    found = scan(LOG.splitlines(keepends=True))
    assert found["compile"] == {"0:30(7): error: no matching function for call to `f(vec2)'; candidates are:": 1}
    assert found["link"] == {"error: definitions of interface block `V_generic9' do not match": 2}
    assert found["translation"] == {"TXD on SHADOWCUBE": 1}
    assert list(found["shader refused"].values()) == [1]
    assert "unknown opcode FOO" in next(iter(found["shader refused"]))


def test_the_clients_done_lines_are_added_up():
    assert totals(LOG.splitlines(keepends=True)) == {"shaders translated": 5, "GLSL shaders compiled": 4,
                                                     "programs linked": 3}
