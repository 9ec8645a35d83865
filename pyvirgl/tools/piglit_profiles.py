"""Read the test lists of an installed piglit and turn them into command lines.

Debian's piglit ships each profile as ``tests/<name>.xml.gz``: one ``<Test>``
element per test, with a ``type`` (gl, shader, glsl_parser, ...) and
``<option name=... value=...>`` children whose values are Python literals.
Meta profiles (``quick.meta.xml``) just list other profiles.  We read these
files ourselves instead of importing piglit's framework, so the tool does not
depend on piglit's Python internals; the command-line conventions below are
the ones piglit's runner applies to each test type (binary looked up in
``bin/``, data files relative to the piglit root, ``-auto``/``-fbo``).
"""

from __future__ import annotations

import ast
import gzip
import os
import random
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

PIGLIT_ROOT = os.environ.get("PIGLIT_ROOT", "/usr/lib/x86_64-linux-gnu/piglit")

#: Profiles searched when tests are given by name without ``--profile``.
DEFAULT_LOOKUP_PROFILES = ("quick_gl", "quick_shader", "sanity")


@dataclass(frozen=True)
class PiglitTest:
    name: str
    kind: str                     # the profile's "type" attribute
    argv: tuple[str, ...]         # full command line, absolute paths
    concurrent: bool = True       # piglit runs run_concurrent=False tests alone
    env: tuple[tuple[str, str], ...] = ()
    require_platforms: tuple[str, ...] = ()
    exclude_platforms: tuple[str, ...] = ()

    def skip_reason(self, platform: str) -> str | None:
        """Why piglit itself would skip this test on ``platform`` (or None)."""
        if self.require_platforms and platform not in self.require_platforms:
            return f"requires platform {list(self.require_platforms)}, running {platform}"
        if platform in self.exclude_platforms:
            return f"excluded on platform {platform}"
        return None


class ProfileError(ValueError):
    pass


class UnsupportedTest(ValueError):
    pass


def profile_path(name: str, root: str = PIGLIT_ROOT) -> str:
    return os.path.join(root, "tests", f"{name}.xml.gz")


def available_profiles(root: str = PIGLIT_ROOT) -> list[str]:
    tests_dir = os.path.join(root, "tests")
    names = [f[:-len(".xml.gz")] for f in os.listdir(tests_dir) if f.endswith(".xml.gz")]
    names += [f[:-len(".meta.xml")] for f in os.listdir(tests_dir) if f.endswith(".meta.xml")]
    return sorted(names)


def load_profile(name: str, root: str = PIGLIT_ROOT) -> list[PiglitTest]:
    """All tests of a profile (meta profiles expanded), in file order."""
    meta = os.path.join(root, "tests", f"{name}.meta.xml")
    if not os.path.exists(profile_path(name, root)) and os.path.exists(meta):
        tests: list[PiglitTest] = []
        for sub in ET.parse(meta).getroot().iter("Profile"):
            tests.extend(load_profile(sub.text.strip(), root))
        return tests
    path = profile_path(name, root)
    if not os.path.exists(path):
        raise ProfileError(f"no piglit profile {name!r} (looked for {path}); "
                           f"available: {', '.join(available_profiles(root))}")
    tests = []
    with gzip.open(path, "rb") as fh:
        for _, elem in ET.iterparse(fh):
            if elem.tag != "Test":
                continue
            try:
                tests.append(test_from_element(elem, root))
            except UnsupportedTest:
                pass  # e.g. OpenCL/Vulkan tests: not something a GL server runs
            elem.clear()
    return tests


def load_profiles(names: list[str], root: str = PIGLIT_ROOT) -> dict[str, PiglitTest]:
    """Union of several profiles, keyed by test name (first definition wins)."""
    merged: dict[str, PiglitTest] = {}
    for name in names:
        for test in load_profile(name, root):
            merged.setdefault(test.name, test)
    return merged


def _literal(value: str):
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value


def test_from_element(elem: ET.Element, root: str = PIGLIT_ROOT) -> PiglitTest:
    kind = elem.attrib["type"]
    opts = {o.attrib["name"]: _literal(o.attrib["value"]) for o in elem.findall("./option")}
    env = tuple(sorted((e.attrib["name"], e.attrib["value"])
                       for e in elem.findall("./environment/env")))
    concurrent = bool(opts.get("run_concurrent", True))
    bindir = os.path.join(root, "bin")

    def data(rel: str) -> str:
        return os.path.join(root, rel)

    if kind == "gl":
        cmd = [c for c in opts["command"] if c not in ("-auto", "-fbo")]
        # Concurrent GL tests render offscreen (-fbo); the others use the
        # window system framebuffer, which is why piglit runs them alone.
        argv = [os.path.join(bindir, cmd[0]), *cmd[1:], "-auto"] + (["-fbo"] if concurrent else [])
    elif kind == "shader":
        cmd = [c for c in opts["command"] if c not in ("-auto", "-fbo")]
        argv = [os.path.join(bindir, cmd[0]), data(cmd[1]), *cmd[2:], "-auto", "-fbo"]
    elif kind == "gl_builtin":
        cmd = list(opts["command"])
        argv = [os.path.join(bindir, cmd[0]), os.path.join(root, "tests", cmd[1]), *cmd[2:]]
    elif kind == "glsl_parser":
        cmd = list(opts["command"])
        argv = [os.path.join(bindir, cmd[0]), data(cmd[1]), *cmd[2:]]
    elif kind == "asm_parser":
        argv = [os.path.join(bindir, "asmparsertest"), opts["type_"], data(opts["filename"])]
    else:
        raise UnsupportedTest(kind)
    return PiglitTest(
        name=elem.attrib["name"], kind=kind, argv=tuple(argv), concurrent=concurrent, env=env,
        require_platforms=tuple(opts.get("require_platforms") or ()),
        exclude_platforms=tuple(opts.get("exclude_platforms") or ()))


def seeded_sample(tests: dict[str, PiglitTest], count: int, seed: int) -> list[PiglitTest]:
    """``count`` tests chosen by ``seed``; same inputs, same selection, any machine.

    Names are sorted first so the pick does not depend on profile file order
    or on the order profiles were given.
    """
    names = sorted(tests)
    if count >= len(names):
        chosen = names
    else:
        chosen = sorted(random.Random(seed).sample(names, count))
    return [tests[n] for n in chosen]


def read_test_list(path: str) -> list[str]:
    """Test names, one per line; blank lines and ``#`` comments ignored."""
    names = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                names.append(line)
    return names


def resolve_names(names: list[str], tests: dict[str, PiglitTest]) -> list[PiglitTest]:
    missing = [n for n in names if n not in tests]
    if missing:
        raise ProfileError("unknown piglit test(s): " + ", ".join(missing[:10])
                           + (f" and {len(missing) - 10} more" if len(missing) > 10 else ""))
    seen: set[str] = set()
    out = []
    for n in names:
        if n not in seen:
            seen.add(n)
            out.append(tests[n])
    return out
