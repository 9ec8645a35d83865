"""Turn one piglit test process's exit status and output into a result.

Piglit binaries print lines like ``PIGLIT: {"result": "pass" }`` and, for tests
with subtests, ``PIGLIT: {"subtest": {"name": "fail"}}``.  The rules below follow
what piglit's own runner concludes from the same evidence, so "pass" here means
exactly "piglit would have reported pass":

* a timeout is ``timeout``; death by a signal is ``crash``;
* the reported result, or else the worst subtest, is the status;
* a non-zero exit turns ``pass`` into ``warn`` and anything else into ``fail``;
* no result line at all and exit 0 is ``notrun`` (never a pass).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

STATUSES = ("pass", "fail", "skip", "crash", "timeout", "warn", "notrun")

# How bad each status is, as in piglit (skip/notrun never count as regressions).
_SEVERITY = {"notrun": 0, "skip": 0, "pass": 0, "warn": 10, "dmesg-warn": 20,
             "fail": 30, "dmesg-fail": 40, "timeout": 50, "crash": 60, "incomplete": 100}

#: What Mesa's virpipe prints once the vtest socket is gone; it then retries
#: forever, so the runner stops such a test early and calls it a crash.
LOST_CONNECTION = "lost connection to rendering server"


@dataclass
class TestOutcome:
    __test__ = False  # not a pytest class, despite the name
    status: str
    detail: str = ""
    returncode: int | None = None
    seconds: float = 0.0
    subtests: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {"status": self.status, "returncode": self.returncode,
               "seconds": round(self.seconds, 3)}
        if self.detail:
            out["detail"] = self.detail
        if self.subtests:
            out["subtests"] = self.subtests
        return out


def _normalise(status: str) -> str:
    status = str(status).lower()
    if status in ("dmesg-warn",):
        return "warn"
    if status in ("dmesg-fail", "incomplete"):
        return "fail"
    return status if status in STATUSES else "fail"


def aggregate_subtests(subtests: dict[str, str]) -> str | None:
    """Worst subtest; all-skip is skip; pass beats skip when nothing failed."""
    if not subtests:
        return None
    values = [str(v).lower() for v in subtests.values()]
    worst = max(values, key=lambda v: _SEVERITY.get(v, 30))
    if _SEVERITY.get(worst, 30) > 0:
        return worst
    if "pass" in values:
        return "pass"
    return "skip" if "skip" in values else "notrun"


def parse_piglit_lines(output: str) -> tuple[str | None, dict[str, str]]:
    """The (overall result, subtests) announced on ``PIGLIT:`` lines."""
    result = None
    subtests: dict[str, str] = {}
    for line in output.splitlines():
        if not line.startswith("PIGLIT:"):
            continue
        try:
            data = json.loads(line[len("PIGLIT:"):])
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        if "result" in data:
            result = str(data["result"])
        elif isinstance(data.get("subtest"), dict):
            subtests.update({str(k): str(v) for k, v in data["subtest"].items()})
        elif isinstance(data.get("enumerate subtests"), list):
            for name in data["enumerate subtests"]:
                subtests.setdefault(str(name), "notrun")
    return result, subtests


def interpret(returncode: int | None, output: str, *, timed_out: bool = False,
              lost_connection: bool = False, seconds: float = 0.0) -> TestOutcome:
    result, subtests = parse_piglit_lines(output)
    if timed_out:
        return TestOutcome("timeout", _why(output, "killed after timeout"), returncode,
                           seconds, subtests)
    if lost_connection:
        return TestOutcome("crash", "guest lost its connection to the vtest server",
                           returncode, seconds, subtests)
    if returncode is not None and returncode < 0:
        return TestOutcome("crash", _why(output, f"killed by signal {-returncode}"),
                           returncode, seconds, subtests)
    # Overall result when given ("skip" from piglit_report_result wins over
    # enumerated-but-not-run subtests, as in piglit); else the subtests'.
    status = result if result is not None else aggregate_subtests(subtests)
    if result is not None and subtests and result != "skip":
        sub = aggregate_subtests(subtests)
        if sub is not None and _SEVERITY.get(sub, 30) > _SEVERITY.get(result, 30):
            status = sub
    status = _normalise(status) if status is not None else "notrun"
    if returncode:
        status = "warn" if status == "pass" else "fail"
    detail = "" if status in ("pass",) else _why(output, "no PIGLIT result line"
                                                  if result is None and not subtests else "")
    return TestOutcome(status, detail, returncode, seconds, subtests)


def _why(output: str, fallback: str, limit: int = 300) -> str:
    """A short human hint: the last meaningful output lines."""
    lines = [l.strip() for l in output.splitlines()
             if l.strip() and not l.startswith("PIGLIT:")]
    text = " | ".join(lines[-3:])
    if len(text) > limit:
        text = "..." + text[-limit:]
    if fallback and text:
        return f"{fallback}: {text}"
    return text or fallback
