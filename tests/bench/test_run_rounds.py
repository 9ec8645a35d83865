"""bench/run.py's merging of repeated rounds (pure functions; no timing asserted)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "bench"))

import run  # noqa: E402


def test_one_round_is_kept_as_measured():
    r = {"cases": {"a": 1.0}, "geomean_kdraws": 1.0}
    assert run.merge_rounds("drawoverhead", [r]) is r


def test_drawoverhead_cases_take_the_median_of_the_rounds_that_ran():
    rounds = [{"cases": {"a": 10.0, "b": 4.0}}, {"cases": {"a": 30.0, "b": 1.0}},
              {"cases": {"a": 20.0, "b": 9.0}}, {"error": "server did not start"}]
    merged = run.merge_rounds("drawoverhead", rounds)
    assert merged["cases"] == {"a": 20.0, "b": 4.0}
    assert abs(merged["geomean_kdraws"] - (20.0 * 4.0) ** 0.5) < 1e-9
    assert merged["rounds"] == rounds


def test_gears_fps_median_and_all_failed_rounds():
    assert run.merge_rounds("gears", [{"fps": 100.0}, {"fps": 300.0}])["fps"] == 200.0
    failed = run.merge_rounds("gears", [{"error": "x"}, {"error": "y"}])
    assert failed["error"] == "y" and len(failed["rounds"]) == 2
