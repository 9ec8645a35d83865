"""Fast checks of the conformance tool's own logic; no piglit process is run."""

import json
import xml.etree.ElementTree as ET

import pytest

from pyvirgl.tools import piglit_profiles as pp
from pyvirgl.tools.conformance import (RunResults, build_parser, check_expectations,
                                       results_to_json, write_expectations)
from pyvirgl.tools.conformance_report import compare, format_report, summarise
from pyvirgl.tools.piglit_results import TestOutcome, aggregate_subtests, interpret


# -- result parsing -----------------------------------------------------------

def test_pass_line_is_pass():
    assert interpret(0, 'noise\nPIGLIT: {"result": "pass" }\n').status == "pass"


def test_skip_and_fail_lines():
    assert interpret(0, 'PIGLIT: {"result": "skip" }').status == "skip"
    assert interpret(1, 'PIGLIT: {"result": "fail" }').status == "fail"


def test_no_result_line_is_never_a_pass():
    out = interpret(0, "rendered something\n")
    assert out.status == "notrun"
    assert "no PIGLIT result line" in out.detail


def test_nonzero_exit_downgrades_pass_to_warn_and_others_to_fail():
    assert interpret(3, 'PIGLIT: {"result": "pass" }').status == "warn"
    assert interpret(3, 'PIGLIT: {"result": "skip" }').status == "fail"
    assert interpret(1, "").status == "fail"


def test_signal_is_crash_even_after_pass_line():
    assert interpret(-6, 'PIGLIT: {"result": "pass" }').status == "crash"


def test_timeout_and_lost_connection():
    assert interpret(None, 'PIGLIT: {"result": "pass" }', timed_out=True).status == "timeout"
    lost = interpret(-15, "lost connection to rendering server on 8", lost_connection=True)
    assert lost.status == "crash" and "lost its connection" in lost.detail


def test_subtests_worst_wins():
    out = ('PIGLIT: {"subtest": {"a" : "pass"}}\n'
           'PIGLIT: {"subtest": {"b" : "fail"}}\n'
           'PIGLIT: {"result": "pass" }\n')
    res = interpret(0, out)
    assert res.status == "fail"
    assert res.subtests == {"a": "pass", "b": "fail"}


def test_subtests_only_and_skip_rules():
    assert interpret(0, 'PIGLIT: {"subtest": {"a" : "pass"}}').status == "pass"
    assert aggregate_subtests({"a": "skip", "b": "pass"}) == "pass"
    assert aggregate_subtests({"a": "skip"}) == "skip"
    assert aggregate_subtests({"a": "pass", "b": "crash"}) == "crash"
    # A test that enumerates subtests then reports skip (missing feature) is a skip.
    out = 'PIGLIT: {"enumerate subtests": ["x", "y"]}\nPIGLIT: {"result": "skip" }'
    assert interpret(0, out).status == "skip"


def test_garbage_piglit_line_is_ignored():
    assert interpret(0, "PIGLIT: {not json\nPIGLIT: {\"result\": \"pass\"}").status == "pass"


# -- profile reading ----------------------------------------------------------

def _elem(xml: str) -> ET.Element:
    return ET.fromstring(xml)


def test_gl_test_command_gets_auto_and_fbo():
    t = pp.test_from_element(_elem(
        '<Test type="gl" name="a@b"><option name="command" value="[\'foo\', \'1\', \'-auto\']" />'
        '<option name="run_concurrent" value="True" /></Test>'), root="/p")
    assert t.argv == ("/p/bin/foo", "1", "-auto", "-fbo") and t.concurrent


def test_non_concurrent_gl_test_uses_window():
    t = pp.test_from_element(_elem(
        '<Test type="gl" name="a"><option name="command" value="[\'foo\']" />'
        '<option name="run_concurrent" value="False" /></Test>'), root="/p")
    assert t.argv == ("/p/bin/foo", "-auto") and not t.concurrent


def test_shader_test_command_and_env_and_platforms():
    t = pp.test_from_element(_elem(
        '<Test type="shader" name="s"><option name="command" '
        'value="[\'shader_runner\', \'tests/x.shader_test\']" />'
        '<option name="require_platforms" value="[\'glx\']" />'
        '<environment><env name="vblank_mode" value="0" /></environment></Test>'), root="/p")
    assert t.argv == ("/p/bin/shader_runner", "/p/tests/x.shader_test", "-auto", "-fbo")
    assert t.env == (("vblank_mode", "0"),)
    assert t.skip_reason("glx") is None
    assert "requires platform" in t.skip_reason("surfaceless_egl")


def test_builtin_constants_and_unsupported_types():
    t = pp.test_from_element(_elem(
        '<Test type="gl_builtin" name="c"><option name="command" '
        'value="[\'built-in-constants\', \'spec/a.txt\']" /></Test>'), root="/p")
    assert t.argv == ("/p/bin/built-in-constants", "/p/tests/spec/a.txt")
    with pytest.raises(pp.UnsupportedTest):
        pp.test_from_element(_elem('<Test type="cl" name="c" />'), root="/p")


def _catalogue(n):
    return {f"t{i:03d}": pp.PiglitTest(f"t{i:03d}", "gl", (f"/bin/t{i}",)) for i in range(n)}


def test_sampling_is_deterministic_and_order_independent():
    cat = _catalogue(200)
    a = [t.name for t in pp.seeded_sample(cat, 20, seed=7)]
    reversed_cat = dict(reversed(list(cat.items())))
    b = [t.name for t in pp.seeded_sample(reversed_cat, 20, seed=7)]
    assert a == b and len(set(a)) == 20
    assert a != [t.name for t in pp.seeded_sample(cat, 20, seed=8)]
    assert len(pp.seeded_sample(cat, 500, seed=1)) == 200


def test_test_list_file_and_resolution(tmp_path):
    f = tmp_path / "list.txt"
    f.write_text("# header\nt001\n\nt002  # why\nt001\n")
    names = pp.read_test_list(str(f))
    assert names == ["t001", "t002", "t001"]
    assert [t.name for t in pp.resolve_names(names, _catalogue(5))] == ["t001", "t002"]
    with pytest.raises(pp.ProfileError, match="nope"):
        pp.resolve_names(["nope"], _catalogue(5))


# -- differences, report, expectations -----------------------------------------

def _results(table):
    outcomes = {name: {t: TestOutcome(s, "why" if s != "pass" else "", 0, 0.5)
                       for t, s in per.items()} for name, per in table.items()}
    tests = [pp.PiglitTest(n, "gl", ("/x",)) for n in table]
    meta = {"platform": "surfaceless_egl", "jobs": 1, "timeout": 1,
            "isolation": {"mode": "parallel namespaces"}, "wall_seconds": 1, "targets": {}}
    return RunResults(tests, ["native", "reference", "pyvirgl"], outcomes, meta)


TABLE = {
    "a": {"native": "pass", "reference": "pass", "pyvirgl": "pass"},
    "b": {"native": "pass", "reference": "pass", "pyvirgl": "fail"},
    "c": {"native": "pass", "reference": "pass", "pyvirgl": "crash"},
    "d": {"native": "pass", "reference": "pass", "pyvirgl": "timeout"},
    "e": {"native": "pass", "reference": "skip", "pyvirgl": "pass"},
    "f": {"native": "pass", "reference": "pass", "pyvirgl": "warn"},
    "g": {"native": "fail", "reference": "fail", "pyvirgl": "skip"},
}


def test_diff_categories():
    res = _results(TABLE)
    d = compare(res.outcomes, res.targets)["reference_vs_pyvirgl"]
    assert d["lost"]["fail"] == ["b"]
    assert d["lost"]["crash"] == ["c"]
    assert d["lost"]["timeout"] == ["d"]
    assert d["lost"]["other"] == ["f"]
    assert d["gained"]["skip"] == ["e"]
    assert all(not v for k, v in d["lost"].items() if k == "skip")
    nr = compare(res.outcomes, res.targets)["native_vs_reference"]
    assert nr["lost"]["skip"] == ["e"]


def test_summary_report_and_json_roundtrip():
    res = _results(TABLE)
    s = summarise(res.outcomes, res.targets)
    assert s["pyvirgl"]["pass"] == 2 and s["pyvirgl"]["total"] == 7
    assert s["reference"]["skip"] == 1
    text = format_report(res)
    assert "reference vs pyvirgl" in text and "pass on reference, on pyvirgl: crash" in text
    doc = json.loads(json.dumps(results_to_json(res)))
    assert doc["results"]["c"]["pyvirgl"]["status"] == "crash"


def test_expectations_regressions_new_passes_and_update(tmp_path):
    res = _results(TABLE)
    regressions, new = check_expectations(res, ["a", "b", "missing"])
    assert regressions == ["b", "missing"]
    assert new == ["e"]
    path = tmp_path / "exp.json"
    assert write_expectations(str(path), res) == ["a", "e"]
    assert json.loads(path.read_text())["expected_pass"] == ["a", "e"]


def test_cli_defaults():
    args = build_parser().parse_args(["--profile", "quick_gl", "--sample", "5"])
    assert args.targets == "native,reference,pyvirgl" and args.seed == 1
