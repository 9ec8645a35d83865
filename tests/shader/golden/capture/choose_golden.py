"""Pick a varied golden set from captured streams and write golden/in + pipelines.json.

Usage: choose_golden.py OUT_GOLDEN_DIR CAPTURE_DIR... (run with the repo venv python).
Keeps shaders that translate; greedily prefers ones adding opcodes/declaration kinds
not yet covered, plus whole pipelines (all stages of one piglit test) for link tests.
"""
import hashlib
import json
import os
import re
import sys
import glob

sys.path.insert(0, os.path.dirname(__file__))
from dedupe import shaders, STAGES  # noqa: E402

from pyvirgl.shader import ShaderError, ShaderKey, translate  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))
from golden_host import GOLDEN_HOST  # noqa: E402

out_dir = sys.argv[1]
texts, names, tests = {}, {}, {}
for capdir in sys.argv[2:]:
    for f in sorted(glob.glob(capdir + "/*.bin")):
        base = re.sub(r"[^A-Za-z0-9_.-]", "_", os.path.basename(f)[:-4].replace("spec__", ""))[:90]
        members = []
        for k, (t, s) in enumerate(shaders(f)):
            s = s.strip() + "\n"
            h = hashlib.sha1(s.encode()).hexdigest()
            if h not in texts:
                texts[h] = s
                names[h] = f"{STAGES.get(t, 'x')}__{base}__{k}"
            members.append(h)
        tests[base] = members

ok = {}
for h, s in texts.items():
    if len(s) > 12000:  # keep the checked-in corpus small
        continue
    try:
        translate(s, ShaderKey(), GOLDEN_HOST)
        ok[h] = s
    except ShaderError:
        pass


def features(s):
    ops = set(re.findall(r"^\s*\d+: +([A-Z0-9_]+)", s, re.M))
    decls = set(re.sub(r"\[[^\]]*\]", "[]", l) for l in re.findall(r"^DCL .*$", s, re.M))
    props = set(re.findall(r"^PROPERTY .*$", s, re.M))
    tex = set(re.findall(r", (\w+)(?:, IMM\[\d+\]\.\w+)?$", s, re.M))
    return {("op", o) for o in ops} | {("d", d) for d in decls} | props | {("t", t) for t in tex}


chosen = []
covered = set()
# 1. complete pipelines (graphics tests whose every shader translates), up to 80
pipelines = {}
for test, members in sorted(tests.items()):
    if len(pipelines) >= 80:
        break
    stages = [names[h].split("__")[0] for h in members]
    if "fs" not in stages or "vs" not in stages or "cs" in stages:
        continue
    if not all(h in ok for h in members) or len(set(members)) != len(members):
        continue
    new = set().union(*(features(ok[h]) for h in members)) - covered
    if not new and len(pipelines) > 40:
        continue
    pipelines[test] = members
    for h in members:
        if h not in chosen:
            chosen.append(h)
            covered |= features(ok[h])
# 2. greedy coverage over the rest
rest = [h for h in ok if h not in chosen]
while rest and len(chosen) < 330:
    best = max(rest, key=lambda h: (len(features(ok[h]) - covered), -len(ok[h])))
    gain = features(ok[best]) - covered
    if not gain:
        break
    chosen.append(best)
    covered |= gain
    rest.remove(best)
# 3. make sure every stage has a fair share
for stage, want in (("gs", 25), ("tcs", 20), ("tes", 20), ("cs", 20), ("vs", 80), ("fs", 90)):
    have = [h for h in chosen if names[h].startswith(stage + "__")]
    for h in sorted(rest, key=lambda h: len(ok[h])):
        if len(have) >= want:
            break
        if names[h].startswith(stage + "__") and h not in chosen:
            chosen.append(h)
            have.append(h)

os.makedirs(os.path.join(out_dir, "in"), exist_ok=True)
for h in chosen:
    with open(os.path.join(out_dir, "in", names[h] + ".tgsi"), "w") as fh:
        fh.write(ok[h])
with open(os.path.join(out_dir, "pipelines.json"), "w") as fh:
    json.dump({t: [names[h] for h in m] for t, m in sorted(pipelines.items())}, fh, indent=1, sort_keys=True)
print("captured", len(texts), "translate", len(ok), "chosen", len(chosen), "pipelines", len(pipelines))
