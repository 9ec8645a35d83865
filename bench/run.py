"""Benchmarks: native llvmpipe vs virgl_test_server vs pyvirgl, in one invocation.

    .venv/bin/python bench/run.py                      # everything, all targets
    .venv/bin/python bench/run.py --only gears --gears-seconds 11
    .venv/bin/python bench/run.py --targets reference,pyvirgl --out out/bench

Measures, for each target one after another (never two at once, so they do
not compete for CPU):

* ``drawoverhead``: piglit's draw-call overhead test, thousands of draws/s per
  case (higher is better), summarised as a geometric mean;
* ``glxgears``: frames per second under our own Xvfb (higher is better);
* ``piglit sample``: wall time of a fixed seeded piglit sample (lower is better).

With ``--rounds N`` the drawoverhead and glxgears measurements are repeated N
times, the targets taking turns within each round (native, C, pyvirgl, native,
C, ...), and each value is the median over the rounds: a change in the
machine's load during the run then weighs on every target alike.

Prints a table with the ratios pyvirgl/C and pyvirgl/native and writes
``bench.json`` and ``bench.png`` (relative speed of pyvirgl, log scale) to
``--out``.  See docs/benchmarks.md.  Servers run in private mount namespaces
through pyvirgl.tools.isolation, the same code the conformance tool uses.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
sys.path.insert(0, REPO_ROOT)   # run from a checkout without installing

from png_chart import ratio_chart  # noqa: E402  (bench/ is not a package)

from pyvirgl.tools import isolation  # noqa: E402
from pyvirgl.tools.conformance import RunConfig, run_tests  # noqa: E402
from pyvirgl.tools.piglit_profiles import PIGLIT_ROOT, load_profiles, seeded_sample  # noqa: E402

DRAWOVERHEAD = os.path.join(PIGLIT_ROOT, "bin", "drawoverhead")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# "  12, DrawElements ( 8 VBO| 8 UBO|  1 TBO) w/ 1/1 TBO change,   [color] 112[reset], ..."
_DRAW_ROW = re.compile(r"^\s*(\d+),\s*(.+?),\s+(\d+(?:\.\d+)?)\s*,")
_GEARS = re.compile(r"(\d+) frames in ([\d.]+) seconds = ([\d.]+) FPS")


# -- parsing (pure functions, unit-tested) -------------------------------------

def parse_drawoverhead(output: str) -> dict[str, float]:
    """Case name -> thousands of draws per second."""
    cases = {}
    for line in _ANSI.sub("", output).splitlines():
        m = _DRAW_ROW.match(line)
        if m:
            cases[f"{int(m.group(1)):2d} {' '.join(m.group(2).split())}"] = float(m.group(3))
    return cases


def parse_gears(output: str) -> list[float]:
    return [float(m.group(3)) for m in _GEARS.finditer(output)]


def geomean(values) -> float | None:
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


# -- measurements ----------------------------------------------------------------

def measure_drawoverhead(sandbox: isolation.Sandbox, target: str, timeout: float) -> dict:
    env = isolation.guest_env_for(target)
    env["PIGLIT_PLATFORM"] = "surfaceless_egl"
    res = sandbox.run([DRAWOVERHEAD, "-auto", "-fbo"], env=env, timeout=timeout,
                      stop_when=lambda l: "lost connection to rendering server" in l)
    cases = parse_drawoverhead(res.output)
    out = {"cases": cases, "geomean_kdraws": geomean(cases.values()),
           "seconds": round(res.seconds, 1), "returncode": res.returncode}
    if not cases:
        out["error"] = _tail(res.output) or f"no output (rc {res.returncode})"
    elif res.timed_out:
        out["note"] = f"timed out after {timeout:.0f}s; {len(cases)} cases measured"
    return out


def measure_gears(sandbox: isolation.Sandbox, target: str, display: str, seconds: float) -> dict:
    env = isolation.guest_env_for(target)
    env.update({"DISPLAY": display, "vblank_mode": "0"})
    # glxgears prints every 5 s; it never exits by itself, the timeout ends it.
    res = sandbox.run(["glxgears"], env=env, timeout=seconds,
                      stop_when=lambda l: "lost connection to rendering server" in l)
    reports = parse_gears(res.output)
    steady = reports[1:] if len(reports) > 1 else reports   # first one includes start-up
    out = {"reports": reports, "fps": (sum(steady) / len(steady)) if steady else None}
    if not reports:
        out["error"] = _tail(res.output) or f"no FPS report (rc {res.returncode})"
    return out


def measure_piglit_sample(target: str, tests, jobs: int, timeout: float) -> dict:
    cfg = RunConfig(targets=[target], jobs=jobs, timeout=timeout, progress=False)
    results = run_tests(tests, cfg)
    statuses = [per[target].status for per in results.outcomes.values()]
    return {"wall_seconds": results.meta["wall_seconds"], "tests": len(tests),
            "pass": statuses.count("pass"),
            "unusable": results.meta["targets"][target]["unusable"]}


def _tail(text: str, n: int = 300) -> str:
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return " | ".join(lines[-3:])[-n:]


# -- report ------------------------------------------------------------------------

def median(values):
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return None
    mid = len(vals) // 2
    return vals[mid] if len(vals) % 2 else (vals[mid - 1] + vals[mid]) / 2


def merge_rounds(section: str, rounds: list[dict]) -> dict:
    """One target's measurements over several rounds: per value, the median (all rounds kept)."""
    if len(rounds) == 1:
        return rounds[0]
    ok = [r for r in rounds if not r.get("error")]
    if not ok:
        return {**rounds[-1], "rounds": rounds}
    if section == "drawoverhead":
        names = sorted({c for r in ok for c in r.get("cases", {})})
        cases = {c: median(r.get("cases", {}).get(c) for r in ok) for c in names}
        return {"cases": cases, "geomean_kdraws": geomean(cases.values()), "rounds": rounds}
    return {"fps": median(r.get("fps") for r in ok), "rounds": rounds}


def ratio(a, b):
    return (a / b) if a and b else None


def build_rows(data: dict) -> list[dict]:
    """One row per metric: values per target and pyvirgl ratios."""
    rows = []

    def add(metric, unit, better, values):
        rows.append({"metric": metric, "unit": unit, "better": better, "values": values,
                     "pyvirgl/C": ratio(values.get("pyvirgl"), values.get("reference")),
                     "pyvirgl/native": ratio(values.get("pyvirgl"), values.get("native"))})

    if "drawoverhead" in data:
        d = data["drawoverhead"]
        add("drawoverhead geomean", "k draws/s", "higher",
            {t: d[t].get("geomean_kdraws") for t in d})
        names = sorted({c for t in d for c in d[t].get("cases", {})})
        for name in names:
            add(f"  {name}", "k draws/s", "higher", {t: d[t].get("cases", {}).get(name) for t in d})
    if "gears" in data:
        add("glxgears", "FPS", "higher", {t: v.get("fps") for t, v in data["gears"].items()})
    if "piglit" in data:
        add("piglit sample wall time", "s", "lower",
            {t: v.get("wall_seconds") for t, v in data["piglit"].items()})
    return rows


def format_table(rows: list[dict], targets: list[str]) -> str:
    def fmt(v):
        return "-" if v is None else (f"{v:.3g}" if abs(v) < 1000 else f"{v:.0f}")
    width = max([len(r["metric"]) for r in rows] + [10]) + 2
    head = f"{'metric':<{width}}{'unit':<11}" + "".join(f"{t:>11}" for t in targets) \
        + f"{'pyvirgl/C':>11}{'pyv/native':>11}  better"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r['metric']:<{width}}{r['unit']:<11}"
                     + "".join(f"{fmt(r['values'].get(t)):>11}" for t in targets)
                     + f"{fmt(r['pyvirgl/C']):>11}{fmt(r['pyvirgl/native']):>11}  {r['better']}")
    return "\n".join(lines)


def speed(r: dict, key: str):
    """Ratio turned into 'relative speed of pyvirgl' (times are inverted)."""
    v = r[key]
    if v is None:
        return None
    return v if r["better"] == "higher" else 1.0 / v


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--targets", default="native,reference,pyvirgl")
    p.add_argument("--only", default="drawoverhead,gears,piglit",
                   help="comma list of drawoverhead,gears,piglit")
    p.add_argument("--out", default=os.path.join(REPO_ROOT, "out", "bench"))
    p.add_argument("--gears-seconds", type=float, default=16.0,
                   help="glxgears run time per target (reports every 5 s; first dropped)")
    p.add_argument("--drawoverhead-timeout", type=float, default=300.0)
    p.add_argument("--rounds", type=int, default=1,
                   help="repeat drawoverhead and glxgears, targets taking turns; report medians")
    p.add_argument("--profile", action="append", default=[])
    p.add_argument("--sample", type=int, default=30)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--test-timeout", type=float, default=60.0)
    args = p.parse_args(argv)
    targets = [t for t in args.targets.split(",") if t]
    parts = [x for x in args.only.split(",") if x]
    os.makedirs(args.out, exist_ok=True)
    probe = isolation.probe_isolation()
    print(f"bench: targets {targets}, isolation: {probe.reason}", file=sys.stderr)
    data: dict = {"meta": {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "targets": targets,
                           "cpus": os.cpu_count(), "load_avg_at_start": os.getloadavg()}}

    def each_target(section, fn):
        per_target: dict[str, list] = {t: [] for t in targets}
        for n in range(max(args.rounds, 1)):
            for t in targets:
                print(f"bench: {section} on {t} (round {n + 1}/{args.rounds}) ...", file=sys.stderr, flush=True)
                try:
                    with isolation.sandbox_for(t, isolated=probe.ok) as sb:
                        per_target[t].append(fn(sb, t))
                except (isolation.ServerStartError, OSError, RuntimeError) as exc:
                    per_target[t].append({"error": f"{type(exc).__name__}: {exc}"})
        return {t: merge_rounds(section, rounds) for t, rounds in per_target.items()}

    data["meta"]["rounds"] = args.rounds
    if "drawoverhead" in parts:
        data["drawoverhead"] = each_target(
            "drawoverhead", lambda sb, t: measure_drawoverhead(sb, t, args.drawoverhead_timeout))
    if "gears" in parts:
        with isolation.private_xvfb() as display:
            data["gears"] = each_target(
                "gears", lambda sb, t: measure_gears(sb, t, display, args.gears_seconds))
    if "piglit" in parts:
        catalogue = load_profiles(args.profile or ["quick_shader"])
        tests = seeded_sample(catalogue, args.sample, args.seed)
        data["meta"]["piglit_sample"] = {"profiles": args.profile or ["quick_shader"],
                                         "sample": args.sample, "seed": args.seed,
                                         "jobs": args.jobs}
        data["piglit"] = {}
        for t in targets:
            print(f"bench: piglit sample on {t} ...", file=sys.stderr, flush=True)
            data["piglit"][t] = measure_piglit_sample(t, tests, args.jobs, args.test_timeout)

    rows = build_rows(data)
    data["rows"] = rows
    table = format_table(rows, targets)
    print(table)
    for section in ("drawoverhead", "gears", "piglit"):
        for t, v in data.get(section, {}).items():
            if isinstance(v, dict) and (v.get("error") or v.get("unusable") or v.get("note")):
                print(f"  !! {section} on {t}: {v.get('error') or v.get('unusable') or v.get('note')}")
    with open(os.path.join(args.out, "bench.json"), "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1)
    chart_rows = [(r["metric"].strip()[:48], [speed(r, "pyvirgl/C"), speed(r, "pyvirgl/native")])
                  for r in rows if not r["metric"].startswith("  ")]
    if chart_rows:
        with open(os.path.join(args.out, "bench.png"), "wb") as fh:
            fh.write(ratio_chart("pyvirgl relative speed (1 = same; log scale)", chart_rows,
                                 ["vs virgl_test_server (C)", "vs native llvmpipe"]))
    print(f"bench: wrote {args.out}/bench.json and bench.png", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
