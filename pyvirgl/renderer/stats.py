"""Where a client's time goes: counts, bytes and seconds, by request and by command.

`pyvirgl serve --stats` turns this on; each client process then logs a table
when it disconnects (and writes JSON with --stats-json DIR). Off by default:
timing every command costs a little, and nothing else reads these numbers.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Counter:
    count: int = 0
    seconds: float = 0.0
    bytes: int = 0


@dataclass
class Stats:
    started: float = field(default_factory=time.perf_counter)
    requests: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    commands: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    waiting: float = 0.0       # blocked on the socket for the guest's next bytes
    decode: float = 0.0        # vtest framing
    bytes_in: int = 0
    bytes_out: int = 0

    def request(self, name: str, seconds: float, nbytes: int = 0) -> None:
        c = self.requests[name]
        c.count += 1
        c.seconds += seconds
        c.bytes += nbytes

    def command(self, name: str, seconds: float) -> None:
        c = self.commands[name]
        c.count += 1
        c.seconds += seconds

    def as_dict(self) -> dict:
        wall = time.perf_counter() - self.started
        return {
            "wall_seconds": wall,
            "waiting_seconds": self.waiting,
            "vtest_decode_seconds": self.decode,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "requests": {k: vars(v) for k, v in sorted(self.requests.items())},
            "commands": {k: vars(v) for k, v in sorted(self.commands.items())},
        }

    def table(self) -> str:
        d = self.as_dict()
        wall = max(d["wall_seconds"], 1e-9)
        lines = [f"wall {wall:.3f}s  waiting for guest {self.waiting:.3f}s  vtest decode {self.decode:.3f}s  "
                 f"in {self.bytes_in} B  out {self.bytes_out} B"]
        for title, table in (("request", self.requests), ("command", self.commands)):
            lines.append(f"{title:28} {'count':>9} {'per s':>10} {'seconds':>9} {'us each':>9} {'bytes':>11}")
            for name, c in sorted(table.items(), key=lambda kv: -kv[1].seconds):
                each = 1e6 * c.seconds / c.count if c.count else 0.0
                lines.append(f"{name:28} {c.count:9d} {c.count / wall:10.1f} {c.seconds:9.3f} {each:9.1f} {c.bytes:11d}")
        return "\n".join(lines)

    def write_json(self, path: str) -> None:
        with open(path, "w") as out:
            json.dump(self.as_dict(), out, indent=1)
