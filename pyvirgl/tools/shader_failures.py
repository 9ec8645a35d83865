"""Count the guest shaders pyvirgl could not take, from a server log.

`pyvirgl conformance --log-dir DIR` keeps `DIR/server-pyvirgl.log`; every
shader the server refused or could not build left a line there:

* `shader refused`: CREATE_OBJECT(SHADER) failed the client's context
  (the TGSI did not parse or validate);
* `translation`: the TGSI parsed but the emitter has no GLSL for a construct;
* `compile`: the host GL refused the generated GLSL;
* `link`: the host GL refused to link generated stages.

It also adds up each client's "done" line: how many shaders were translated,
GLSL shaders compiled and programs linked (work done, not cache hits).

Usage: python -m pyvirgl.tools.shader_failures DIR/server-pyvirgl.log [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter

_PREFIX = re.compile(r"^pyvirgl\[(\d+)\] (\w+) ([\w.]+): (.*)$")
_TRANSLATION = re.compile(r"draws whose shaders do not compile \(translation: (.*)\); skipping them")
_DONE = re.compile(r"^client .* done: (.*)$")
_COUNT = re.compile(r"(\d+) ([a-zA-Z ]+)")


def totals(lines) -> Counter:
    """What the clients' "done" lines add up to: shaders translated, GLSL compiled, programs linked."""
    total: Counter = Counter()
    for line in lines:
        m = _PREFIX.match(line.rstrip("\n"))
        if not m:
            continue
        done = _DONE.match(m.group(4))
        if done:
            for part in done.group(1).split(", "):
                c = _COUNT.fullmatch(part.strip())
                if c:
                    total[c.group(2)] += int(c.group(1))
    return total


def scan(lines) -> dict[str, Counter]:
    """Failure kind -> Counter of reasons (first line of the GL info log, or the error)."""
    found: dict[str, Counter] = {k: Counter() for k in ("shader refused", "translation", "compile", "link")}
    pending_compile = False
    for line in lines:
        line = line.rstrip("\n")
        if pending_compile:
            # The info log follows on the next line.
            if line.strip():
                found["compile"][line.strip()[:200]] += 1
                pending_compile = False
            continue
        m = _PREFIX.match(line)
        if not m:
            continue
        message = m.group(4)
        if message.startswith("generated GLSL failed to compile:"):
            pending_compile = True
        elif "failed to link:" in message:
            found["link"][message.split("failed to link:", 1)[1].strip()[:200]] += 1
        elif "context failed in CREATE_OBJECT(SHADER)" in message:
            found["shader refused"][message.split("CREATE_OBJECT(SHADER):", 1)[-1].strip()[:200]] += 1
        else:
            t = _TRANSLATION.search(message)
            if t:
                found["translation"][t.group(1)[:200]] += 1
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("log")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    with open(args.log, errors="replace") as fh:
        lines = fh.readlines()
    found = scan(lines)
    done = totals(lines)
    if args.json:
        json.dump({"failures": {k: dict(v) for k, v in found.items()}, "done": dict(done)}, sys.stdout, indent=1)
        print()
        return 0
    for what, n in done.items():
        print(f"{what}: {n}")
    for kind, reasons in found.items():
        print(f"{kind}: {sum(reasons.values())}")
        for reason, n in reasons.most_common():
            print(f"  {n:5d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
