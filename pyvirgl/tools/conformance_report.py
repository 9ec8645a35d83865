"""Summaries, differences and the text report of a conformance run."""

from __future__ import annotations

import sys
import threading
import time

from .piglit_results import STATUSES

ALL_TARGETS = ("native", "reference", "pyvirgl")

#: Which target is compared with which: (baseline, candidate).  The first pair
#: is the one that matters for pyvirgl; the others explain it (a test that
#: fails natively cannot be expected to pass through any virgl server).
COMPARISONS = (("reference", "pyvirgl"), ("native", "reference"), ("native", "pyvirgl"))

#: Failure kinds the differences are grouped by; anything else is "other".
DIFF_KINDS = ("fail", "crash", "timeout", "skip", "other")


def _kind(status: str) -> str:
    return status if status in DIFF_KINDS else "other"


def summarise(outcomes: dict, targets) -> dict:
    """Per target: count of each status and total time spent in tests."""
    out = {}
    for t in targets:
        counts = {s: 0 for s in STATUSES}
        seconds = 0.0
        for per in outcomes.values():
            o = per.get(t)
            if o is None:
                continue
            counts[o.status] = counts.get(o.status, 0) + 1
            seconds += o.seconds
        counts["total"] = sum(counts[s] for s in STATUSES)
        counts["test_seconds"] = round(seconds, 1)
        out[t] = counts
    return out


def compare(outcomes: dict, targets) -> dict:
    """For each (baseline, candidate) pair present: the tests that pass on one only.

    ``lost``: pass on baseline, not on candidate, grouped by candidate status.
    ``gained``: pass on candidate, not on baseline, grouped by baseline status.
    """
    result = {}
    for base, cand in COMPARISONS:
        if base not in targets or cand not in targets:
            continue
        lost = {k: [] for k in DIFF_KINDS}
        gained = {k: [] for k in DIFF_KINDS}
        for name in sorted(outcomes):
            per = outcomes[name]
            if base not in per or cand not in per:
                continue
            b, c = per[base].status, per[cand].status
            if b == "pass" and c != "pass":
                lost[_kind(c)].append(name)
            elif c == "pass" and b != "pass":
                gained[_kind(b)].append(name)
        result[f"{base}_vs_{cand}"] = {"baseline": base, "candidate": cand,
                                       "lost": lost, "gained": gained}
    return result


def format_report(results, show: int = 25) -> str:
    summary = summarise(results.outcomes, results.targets)
    lines = []
    meta = results.meta
    iso = meta.get("isolation", {})
    lines.append(f"piglit conformance: {len(results.tests)} tests, platform {meta.get('platform')}, "
                 f"-j{meta.get('jobs')}, timeout {meta.get('timeout')}s, "
                 f"{iso.get('mode', '?')}, wall {meta.get('wall_seconds')}s")
    lines.append("")
    cols = ("pass", "fail", "skip", "crash", "timeout", "warn", "notrun")
    header = f"{'target':<10}" + "".join(f"{c:>8}" for c in cols) + f"{'total':>8}{'pass%':>8}{'test s':>9}"
    lines.append(header)
    lines.append("-" * len(header))
    for t in results.targets:
        c = summary[t]
        pct = f"{100.0 * c['pass'] / c['total']:.1f}" if c["total"] else "-"
        lines.append(f"{t:<10}" + "".join(f"{c[s]:>8}" for s in cols)
                     + f"{c['total']:>8}{pct:>8}{c['test_seconds']:>9}")
    for t in results.targets:
        info = meta.get("targets", {}).get(t, {})
        if info.get("unusable"):
            lines.append(f"  !! {t}: {info['unusable']}")
        if info.get("server_restarts", 0) > 1:
            lines.append(f"  !! {t}: server (re)started {info['server_restarts']} times")
    diffs = compare(results.outcomes, results.targets)
    for key, d in diffs.items():
        base, cand = d["baseline"], d["candidate"]
        n_lost = sum(len(v) for v in d["lost"].values())
        n_gained = sum(len(v) for v in d["gained"].values())
        lines.append("")
        lines.append(f"== {base} vs {cand}: {n_lost} pass on {base} but not on {cand}; "
                     f"{n_gained} pass on {cand} but not on {base}")
        for direction, label, other in (("lost", f"pass on {base}, on {cand}", cand),
                                        ("gained", f"pass on {cand}, on {base}", base)):
            for kind in DIFF_KINDS:
                names = d[direction][kind]
                if not names:
                    continue
                lines.append(f"  [{label}: {kind}] {len(names)}")
                listed = names if show == 0 else names[:show]
                for n in listed:
                    o = results.outcomes[n][other]
                    detail = f"  -- {o.detail[:160]}" if o.detail else ""
                    lines.append(f"    {n}{detail}")
                if len(listed) < len(names):
                    lines.append(f"    ... {len(names) - len(listed)} more (--show 0 or --json)")
    return "\n".join(lines)


class Progress:
    """A one-line progress bar on stderr (plain lines when not a terminal)."""

    def __init__(self, total: int, enabled: bool = True, width: int = 30):
        self.total = max(1, total)
        self.done = 0
        self.counts: dict[str, int] = {}
        self.enabled = enabled
        self.width = width
        self.tty = sys.stderr.isatty()
        self.start = time.monotonic()
        self.lock = threading.Lock()
        self._last_plain = -1

    def step(self, target: str, status: str) -> None:
        with self.lock:
            self.done += 1
            key = f"{target}:{status}"
            self.counts[key] = self.counts.get(key, 0) + 1
            if not self.enabled:
                return
            pct = self.done * 100 // self.total
            if not self.tty:
                # Non-interactive logs: a line every 10%.
                if pct // 10 != self._last_plain // 10 or self.done == self.total:
                    self._last_plain = pct
                    print(self._line(), file=sys.stderr, flush=True)
                return
            print("\r" + self._line(), end="", file=sys.stderr, flush=True)

    def _line(self) -> str:
        filled = self.done * self.width // self.total
        bar = "#" * filled + "." * (self.width - filled)
        passes = " ".join(f"{t}={self.counts.get(t + ':pass', 0)}" for t in ALL_TARGETS
                          if any(k.startswith(t + ":") for k in self.counts))
        elapsed = time.monotonic() - self.start
        return f"[{bar}] {self.done}/{self.total} {elapsed:5.0f}s pass: {passes}"

    def finish(self) -> None:
        if self.enabled and self.tty:
            print(file=sys.stderr, flush=True)
