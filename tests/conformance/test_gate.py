"""CI gate: the curated piglit list (gate.txt) through pyvirgl must not regress.

Every test in expectations.json must pass on pyvirgl.  Tests that newly pass
are printed so the expectations can be raised with::

    .venv/bin/python -m pyvirgl.tools.conformance --gate --update-expectations

Even with no expectations the test checks that the gate really ran: the
pyvirgl server started, and every listed test was executed and produced a
result.  The C reference is not run here (see ``pyvirgl conformance``).
"""

from __future__ import annotations

import os

import pytest

from pyvirgl.tools.conformance import (DEFAULT_EXPECTATIONS, DEFAULT_GATE_LIST,
                                       GATE_TEST_TIMEOUT, RunConfig, check_expectations,
                                       load_expectations, run_tests)
from pyvirgl.tools.conformance_report import format_report
from pyvirgl.tools.piglit_profiles import load_profiles, read_test_list, resolve_names

pytestmark = pytest.mark.mesa

#: Per-test limit (see conformance.GATE_TEST_TIMEOUT); overridable for slow machines.
TIMEOUT = float(os.environ.get("PYVIRGL_GATE_TIMEOUT", GATE_TEST_TIMEOUT))
GATE_PROFILES = ["quick_gl", "quick_shader"]


@pytest.mark.timeout(1800)
def test_piglit_gate_has_no_regressions():
    names = read_test_list(DEFAULT_GATE_LIST)
    assert names, "gate.txt is empty"
    tests = resolve_names(names, load_profiles(GATE_PROFILES))
    expected = load_expectations(DEFAULT_EXPECTATIONS).get("expected_pass", [])
    assert set(expected) <= set(names), (
        f"expectations.json lists tests missing from gate.txt: {sorted(set(expected) - set(names))}")

    cfg = RunConfig(targets=["pyvirgl"], jobs=os.cpu_count() or 1, timeout=TIMEOUT,
                    progress=False)
    results = run_tests(tests, cfg)
    print(format_report(results, show=0))

    # The gate ran: the server came up and each listed test has a real result.
    unusable = results.meta["targets"]["pyvirgl"]["unusable"]
    assert not (unusable or "").startswith("server failed to start"), unusable
    assert sorted(results.outcomes) == sorted(names)
    runner_errors = {n: per["pyvirgl"].detail for n, per in results.outcomes.items()
                     if "pyvirgl" not in per or per["pyvirgl"].detail.startswith("runner error")}
    assert not runner_errors, runner_errors

    regressions, new_passes = check_expectations(results, expected)
    for name in new_passes:
        print(f"NEW PASS on pyvirgl (raise expectations with --gate --update-expectations): {name}")
    assert not regressions, "expected to pass on pyvirgl but did not:\n" + "\n".join(
        f"  {n}: {results.outcomes[n]['pyvirgl'].status} {results.outcomes[n]['pyvirgl'].detail}"
        for n in regressions)
