"""Turn recorded vtest streams into the small seed corpus kept in the repo (a tool, not a test).

    .venv/bin/python tests/fuzz/extract_corpus.py RAW_DIR... [--budget BYTES]

Each recorded client stream is cut at a request boundary below --max-stream
bytes; a greedy set cover then keeps the fewest, smallest streams that between
them contain every vtest request kind, every (virgl command, object type),
every resource (target, format) and every distinct TGSI text seen. Every
distinct TGSI text also goes to corpus/tgsi/. File names are content hashes,
so re-running adds rather than churns.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fuzz_harness import CORPUS_DIR, split_requests, submit_payload  # noqa: E402
from pyvirgl import decode as d  # noqa: E402
from pyvirgl.errors import GuestError  # noqa: E402
from pyvirgl.protocol import vtest as v  # noqa: E402


def features(reqs: list[bytes]) -> tuple[set, dict]:
    feats: set = set()
    shaders: dict = {}
    asm = d.ShaderAssembler()
    dec = v.VtestDecoder()
    for raw in reqs:
        dec.receive_data(raw)
        req = dec.next_request()
        feats.add(("vtest", type(req).__name__))
        if isinstance(req, (v.ResourceCreate, v.ResourceCreate2)):
            feats.add(("res", req.args.target, req.args.format, req.args.last_level > 0, req.args.nr_samples > 1))
        payload = submit_payload(raw)
        if payload is None:
            continue
        try:
            for cmd in d.decode_commands(payload):
                feats.add(("cmd", type(cmd).__name__))
                if isinstance(cmd, d.CreateShaderChunk):
                    src = asm.feed(cmd)
                    if src is not None:
                        h = hashlib.sha1(src.text.encode()).hexdigest()[:16]
                        shaders[h] = src.text
                        feats.add(("tgsi", h))
        except GuestError:
            feats.add(("guest-error",))
    return feats, shaders


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("raw_dirs", nargs="+")
    ap.add_argument("--budget", type=int, default=220_000)
    ap.add_argument("--max-stream", type=int, default=40_000)
    args = ap.parse_args()
    candidates = []
    all_shaders: dict = {}
    for folder in args.raw_dirs:
        for path in sorted(glob.glob(os.path.join(folder, "*.vtest"))):
            reqs, _ = split_requests(open(path, "rb").read())
            cut, size = [], 0
            for r in reqs:
                if size + len(r) > args.max_stream:
                    break
                cut.append(r)
                size += len(r)
            feats, shaders = features(cut)
            all_shaders.update(shaders)
            candidates.append((b"".join(cut), feats))
    covered: set = set()
    chosen = []
    total = 0
    while True:
        best = max(candidates, key=lambda c: len(c[1] - covered) / (len(c[0]) + 4000), default=None)
        if best is None or not (best[1] - covered) or total + len(best[0]) > args.budget:
            break
        chosen.append(best[0])
        covered |= best[1]
        total += len(best[0])
        candidates.remove(best)
    os.makedirs(CORPUS_DIR / "vtest", exist_ok=True)
    os.makedirs(CORPUS_DIR / "tgsi", exist_ok=True)
    for data in chosen:
        (CORPUS_DIR / "vtest" / f"{hashlib.sha1(data).hexdigest()[:16]}.vtest").write_bytes(data)
    for h, text in all_shaders.items():
        (CORPUS_DIR / "tgsi" / f"{h}.tgsi").write_text(text)
    missing = set().union(*(c[1] for c in candidates)) - covered if candidates else set()
    print(f"{len(chosen)} streams, {total} bytes, {len(covered)} features; {len(all_shaders)} TGSI texts; "
          f"{len(missing)} features left out by the budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
