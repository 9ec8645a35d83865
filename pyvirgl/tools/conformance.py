"""Run piglit through native llvmpipe, the C vtest server and pyvirgl; compare.

Usage (see docs/conformance.md)::

    python -m pyvirgl.tools.conformance --profile quick_gl --sample 100 --seed 1 \\
        --json out.json
    python -m pyvirgl.tools.conformance --test-list tests/conformance/gate.txt \\
        --targets pyvirgl --update-expectations tests/conformance/expectations.json

Targets:

* ``native``    -- Mesa llvmpipe directly, no virgl: what the test can do at all;
* ``reference`` -- Mesa virpipe -> ``virgl_test_server`` (virglrenderer, C);
* ``pyvirgl``   -- Mesa virpipe -> ``python -m pyvirgl serve``.

Each server lives in its own mount namespace (pyvirgl.tools.isolation), so both
run side by side on the fixed guest socket path; without namespaces they run
one after another.  Exit status: 0 when the run completed (differences are
information, not errors), 1 when --check-expectations found a regression,
2 for bad usage or when nothing could be run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import isolation
from .conformance_report import (ALL_TARGETS, Progress, compare, format_report,
                                 summarise)
from .piglit_profiles import (DEFAULT_LOOKUP_PROFILES, PiglitTest, ProfileError,
                              load_profiles, read_test_list, resolve_names,
                              seeded_sample)
from .piglit_results import LOST_CONNECTION, TestOutcome, interpret

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_GATE_LIST = os.path.join(REPO_ROOT, "tests", "conformance", "gate.txt")
DEFAULT_EXPECTATIONS = os.path.join(REPO_ROOT, "tests", "conformance", "expectations.json")
#: Per-test limit in the CI gate: gate tests take < 1.5 s on the reference, and
#: 100 tests x 20 s / 2 jobs bounds a pyvirgl that hangs on everything to ~17 min.
GATE_TEST_TIMEOUT = 20.0

#: piglit platform used for every target.  surfaceless_egl needs no X server
#: and works through virpipe; "gbm" cannot work (no DRM render node here).
DEFAULT_PLATFORM = "surfaceless_egl"

#: A server that had to be restarted this often is declared unusable and its
#: target's remaining tests are recorded as crashes without running them
#: (keeps a server that dies on every test from costing a timeout per test).
_MAX_RESTARTS = 50


@dataclass
class RunConfig:
    targets: list[str]
    jobs: int
    timeout: float
    platform: str = DEFAULT_PLATFORM
    log_dir: str | None = None
    pyvirgl_python: str | None = None
    progress: bool = True
    xdisplay: str | None = None


@dataclass
class TargetState:
    """One target: its sandbox (and server), and what happened to that server."""
    name: str
    sandbox: isolation.Sandbox | None = None
    env: dict[str, str] = field(default_factory=dict)
    unusable: str | None = None          # why every test of this target is a crash
    restarts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    serial_lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class RunResults:
    tests: list[PiglitTest]
    targets: list[str]
    outcomes: dict[str, dict[str, TestOutcome]]     # test name -> target -> outcome
    meta: dict


def _target_env(target: str, cfg: RunConfig) -> dict[str, str]:
    env = isolation.guest_env_for(target)
    env["PIGLIT_PLATFORM"] = cfg.platform
    if cfg.xdisplay:
        env["DISPLAY"] = cfg.xdisplay
    return env


def _open_target(target: str, cfg: RunConfig, isolated: bool) -> TargetState:
    state = TargetState(target, env=_target_env(target, cfg))
    state.sandbox = isolation.sandbox_for(target, isolated=isolated, log_dir=cfg.log_dir,
                                          pyvirgl_python=cfg.pyvirgl_python)
    try:
        state.sandbox.__enter__()
    except (isolation.ServerStartError, OSError) as exc:
        state.unusable = f"server failed to start: {exc}"
        state.sandbox.close()
    return state


def _run_one(state: TargetState, test: PiglitTest, cfg: RunConfig) -> TestOutcome:
    if state.unusable:
        return TestOutcome("crash", state.unusable)
    skip = test.skip_reason(cfg.platform)
    if skip:
        return TestOutcome("skip", skip)
    if not os.access(test.argv[0], os.X_OK):
        # piglit's runner reports a missing executable as skip (Debian's
        # package omits a few, e.g. the dma-buf tests).
        return TestOutcome("skip", f"test executable not found: {test.argv[0]}")
    sandbox = state.sandbox
    if sandbox.server_spec is not None and not sandbox.server_alive():
        if not _restart(state, "server was not running before the test"):
            return TestOutcome("crash", state.unusable)
    env = dict(state.env)
    env.update(dict(test.env))
    result = sandbox.run(list(test.argv), env=env, timeout=cfg.timeout,
                         stop_when=lambda line: LOST_CONNECTION in line)
    outcome = interpret(result.returncode, result.output, timed_out=result.timed_out,
                        lost_connection=result.stopped, seconds=result.seconds)
    if sandbox.server_spec is not None and not sandbox.server_alive():
        outcome.detail = f"[{state.name} server died] {outcome.detail}".strip()
        _restart(state, f"died during {test.name}")
    return outcome


def _restart(state: TargetState, why: str) -> bool:
    with state.lock:
        if state.unusable:
            return False
        if state.sandbox.server_alive():
            return True   # another worker already restarted it
        state.restarts += 1
        if state.restarts > _MAX_RESTARTS:
            state.unusable = f"server died more than {_MAX_RESTARTS} times; last: {why}"
            return False
        try:
            state.sandbox.restart_server()
            return True
        except (isolation.ServerStartError, OSError) as exc:
            state.unusable = f"server could not be restarted ({why}): {exc}"
            return False


def run_tests(tests: list[PiglitTest], cfg: RunConfig) -> RunResults:
    """Run every test on every target; the heart of the tool (also used by the gate)."""
    probe = isolation.probe_isolation()
    servers = [t for t in cfg.targets if t != "native"]
    isolated = probe.ok
    if not probe.ok and servers:
        print(f"conformance: NO ISOLATION ({probe.reason}); servers will run one after "
              "another on the real /tmp/.virgl_test", file=sys.stderr)
    started = time.time()
    outcomes: dict[str, dict[str, TestOutcome]] = {t.name: {} for t in tests}
    progress = Progress(len(tests) * len(cfg.targets), enabled=cfg.progress)
    # Without isolation only one server may exist at a time: one group per target.
    groups = [cfg.targets] if isolated else [[t] for t in cfg.targets]
    states: dict[str, TargetState] = {}
    for group in groups:
        group_states = {t: _open_target(t, cfg, isolated) for t in group}
        states.update(group_states)
        try:
            _run_group(tests, group_states, cfg, outcomes, progress)
        finally:
            for st in group_states.values():
                if st.sandbox is not None:
                    st.sandbox.close()
    progress.finish()
    meta = {
        "started": datetime.datetime.fromtimestamp(started).isoformat(timespec="seconds"),
        "wall_seconds": round(time.time() - started, 1),
        "platform": cfg.platform, "jobs": cfg.jobs, "timeout": cfg.timeout,
        "isolation": {"ok": probe.ok, "reason": probe.reason,
                      "mode": "parallel namespaces" if isolated else "sequential"},
        "targets": {t: {"server_restarts": max(0, states[t].restarts),
                        "unusable": states[t].unusable} for t in cfg.targets},
    }
    return RunResults(tests, list(cfg.targets), outcomes, meta)


def _run_group(tests, states, cfg, outcomes, progress) -> None:
    jobs = [(t, name) for t in tests for name in states]

    abort = threading.Event()

    def work(job):
        test, target = job
        if abort.is_set():
            return
        state = states[target]
        try:
            if test.concurrent:
                outcome = _run_one(state, test, cfg)
            else:
                # piglit never overlaps run_concurrent=False tests; keep them
                # alone per target (other targets are separate GL stacks).
                with state.serial_lock:
                    outcome = _run_one(state, test, cfg)
        except Exception as exc:  # a runner bug must not lose the other results
            outcome = TestOutcome("notrun", f"runner error: {type(exc).__name__}: {exc}")
        outcomes[test.name][target] = outcome
        progress.step(target, outcome.status)

    pool = ThreadPoolExecutor(max_workers=max(1, cfg.jobs))
    try:
        for fut in [pool.submit(work, j) for j in jobs]:
            fut.result()
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM): stop queued work and running tests now;
        # the caller's finally closes the servers and namespaces.
        abort.set()
        pool.shutdown(wait=False, cancel_futures=True)
        for st in states.values():
            if st.sandbox is not None:
                st.sandbox.kill_running()
        raise
    pool.shutdown()


# -- expectations (the CI gate) ---------------------------------------------

def load_expectations(path: str) -> dict:
    if not os.path.exists(path):
        return {"expected_pass": []}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def check_expectations(results: RunResults, expected: list[str], target: str = "pyvirgl"):
    """(regressions, new passes) of ``target`` against the expected-pass list."""
    ran = {name: per[target].status for name, per in results.outcomes.items() if target in per}
    regressions = sorted(n for n in expected if n in ran and ran[n] != "pass")
    missing = sorted(n for n in expected if n not in ran)
    new_passes = sorted(n for n, s in ran.items() if s == "pass" and n not in set(expected))
    return regressions + missing, new_passes


def write_expectations(path: str, results: RunResults, target: str = "pyvirgl") -> list[str]:
    passing = sorted(n for n, per in results.outcomes.items()
                     if per.get(target) and per[target].status == "pass")
    doc = {
        "comment": ("Tests that must pass on pyvirgl in the CI gate (tests/conformance/"
                    "test_gate.py). Regenerate with: python -m pyvirgl.tools.conformance "
                    "--gate --update-expectations"),
        "platform": results.meta["platform"],
        "expected_pass": passing,
    }
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=2)
        fh.write("\n")
    return passing


# -- command line -------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pyvirgl conformance",
        description="Run piglit natively, through virgl_test_server and through pyvirgl, "
                    "and compare the results.")
    sel = p.add_argument_group("test selection")
    sel.add_argument("--profile", action="append", default=[],
                     help="piglit profile (quick_gl, quick_shader, sanity, ...); repeatable")
    sel.add_argument("--sample", type=int, metavar="N",
                     help="run a seeded random sample of N tests from the profile(s)")
    sel.add_argument("--seed", type=int, default=1, help="sample seed (default 1)")
    sel.add_argument("--tests", nargs="+", metavar="NAME", default=[],
                     help="explicit piglit test names")
    sel.add_argument("--test-list", metavar="FILE", help="file with one test name per line")
    sel.add_argument("--gate", action="store_true",
                     help="the CI gate: --test-list tests/conformance/gate.txt --targets "
                          "pyvirgl --check-expectations")
    sel.add_argument("--list", action="store_true", help="only print the selected tests")
    run = p.add_argument_group("running")
    run.add_argument("--targets", default=",".join(ALL_TARGETS),
                     help="comma list of native,reference,pyvirgl (default: all three)")
    run.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                     help="parallel test processes (default: number of CPUs)")
    run.add_argument("--timeout", type=float, default=None,
                     help="per-test seconds (default 60; 20 with --gate, as in test_gate.py)")
    run.add_argument("--platform", default=DEFAULT_PLATFORM,
                     help=f"PIGLIT_PLATFORM for all targets (default {DEFAULT_PLATFORM})")
    run.add_argument("--display", help="X display for --platform glx/x11_egl (start Xvfb yourself)")
    run.add_argument("--pyvirgl-python", help="python for the pyvirgl server (default .venv)")
    run.add_argument("--log-dir", help="keep server logs here")
    run.add_argument("--no-progress", action="store_true")
    out = p.add_argument_group("output")
    out.add_argument("--json", metavar="FILE", help="write all results as JSON")
    out.add_argument("--show", type=int, default=25,
                     help="tests listed per difference category (default 25, 0 = all)")
    out.add_argument("--expectations", default=DEFAULT_EXPECTATIONS, metavar="FILE")
    out.add_argument("--check-expectations", action="store_true",
                     help="exit 1 if a test expected to pass on pyvirgl did not")
    out.add_argument("--update-expectations", action="store_true",
                     help="record the tests passing on pyvirgl now as the expectations")
    return p


def select_tests(args) -> list[PiglitTest]:
    profiles = args.profile or list(DEFAULT_LOOKUP_PROFILES)
    names = list(args.tests)
    if args.test_list:
        names += read_test_list(args.test_list)
    if not names and not args.profile:
        raise ProfileError("choose tests: --profile, --tests, --test-list or --gate")
    catalogue = load_profiles(profiles)
    chosen = resolve_names(names, catalogue) if names else list(catalogue.values())
    if args.sample is not None:
        chosen = seeded_sample({t.name: t for t in chosen}, args.sample, args.seed)
    return chosen


def _exit_on_sigterm() -> None:
    """Make SIGTERM unwind like Ctrl-C so servers and namespaces are cleaned up."""
    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _exit_on_sigterm()
    if args.gate:
        args.test_list = args.test_list or DEFAULT_GATE_LIST
        args.targets = "pyvirgl"
        args.check_expectations = True
        args.profile = args.profile or ["quick_gl", "quick_shader"]
    if args.timeout is None:
        args.timeout = GATE_TEST_TIMEOUT if args.gate else 60.0
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = [t for t in targets if t not in ALL_TARGETS]
    if unknown or not targets:
        print(f"conformance: unknown target(s) {unknown}; choose from {ALL_TARGETS}",
              file=sys.stderr)
        return 2
    try:
        tests = select_tests(args)
    except (ProfileError, OSError) as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return 2
    if args.list:
        for t in tests:
            print(t.name)
        return 0
    if not tests:
        print("conformance: no tests selected", file=sys.stderr)
        return 2
    cfg = RunConfig(targets=targets, jobs=args.jobs, timeout=args.timeout,
                    platform=args.platform, log_dir=args.log_dir,
                    pyvirgl_python=args.pyvirgl_python, progress=not args.no_progress,
                    xdisplay=args.display)
    print(f"conformance: {len(tests)} tests x {len(targets)} targets, -j{cfg.jobs}, "
          f"timeout {cfg.timeout:.0f}s, platform {cfg.platform}", file=sys.stderr)
    results = run_tests(tests, cfg)
    results.meta["selection"] = {"profiles": args.profile, "sample": args.sample,
                                 "seed": args.seed, "test_list": args.test_list,
                                 "tests": len(tests)}
    print(format_report(results, show=args.show))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results_to_json(results), fh, indent=1)
            fh.write("\n")
        print(f"conformance: JSON written to {args.json}", file=sys.stderr)
    rc = 0
    if "pyvirgl" in targets and (args.check_expectations or args.update_expectations):
        expected = load_expectations(args.expectations).get("expected_pass", [])
        regressions, new_passes = check_expectations(results, expected)
        for n in new_passes:
            print(f"NEW PASS (raise expectations): {n}")
        for n in regressions:
            status = results.outcomes.get(n, {}).get("pyvirgl")
            print(f"REGRESSION: {n}: {status.status if status else 'not run'}")
        if args.update_expectations:
            passing = write_expectations(args.expectations, results)
            dropped = sorted(set(expected) - set(passing))
            print(f"expectations: {len(passing)} tests recorded in {args.expectations}"
                  + (f"; DROPPED {len(dropped)}: {', '.join(dropped)}" if dropped else ""))
        elif regressions:
            rc = 1
    return rc


def results_to_json(results: RunResults) -> dict:
    return {
        "meta": results.meta,
        "targets": results.targets,
        "summary": summarise(results.outcomes, results.targets),
        "differences": compare(results.outcomes, results.targets),
        "results": {name: {t: o.to_json() for t, o in per.items()}
                    for name, per in results.outcomes.items()},
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
