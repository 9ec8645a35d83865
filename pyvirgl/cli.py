"""The `pyvirgl` command: serve, caps, run, conformance."""
from __future__ import annotations

import argparse
import json
import sys

from pyvirgl import __version__


def _serve(args: argparse.Namespace) -> int:
    import os

    # numpy's BLAS would start a thread pool at import; the server never uses
    # BLAS, and a forking parent is simpler to reason about with one thread.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from pyvirgl.frontends.malloc_tuning import keep_freed_memory
    keep_freed_memory()
    from pyvirgl.frontends.vtest_server import ServerOptions, VtestServer, configure_logging
    from pyvirgl.renderer.factory import caps_from_probe_child, make_renderer_factory, preload_backend_modules

    configure_logging(args.verbose)
    if args.dump_shaders:
        from pyvirgl.backend.gl.programs import DUMP_DIR_ENV
        os.environ[DUMP_DIR_ENV] = os.path.abspath(args.dump_shaders)
    if args.use_gles:
        print("pyvirgl serve: --use-gles (an OpenGL ES host) is not implemented yet; "
              "the renderer runs on desktop GL only", file=sys.stderr)
        return 2
    options = ServerOptions(socket_path=args.socket_path, fork=not args.no_fork,
                            multi_clients=args.multi_clients, verbose=args.verbose,
                            max_clients=args.max_clients, record_dir=args.record,
                            stats=args.stats, stats_dir=args.stats_json)
    # Probe the host once, in a child, so this process never owns GL and forks cleanly
    # (and, without fork, so no client's probe creates and terminates EGL under the others).
    caps = caps_from_probe_child()
    if options.fork:
        preload_backend_modules()
    from pyvirgl.frontends.gc_tuning import quiet_collector
    quiet_collector()
    server = VtestServer(options, make_renderer_factory(caps, shared_backend=not options.fork))
    server.open()
    if args.ready_fd is not None:
        os.write(args.ready_fd, b"ready\n")
        os.close(args.ready_fd)
    server.serve_forever()
    return 0


def _caps(args: argparse.Namespace) -> int:
    from pyvirgl.renderer.factory import caps_from_probe_child
    from pyvirgl.tools.caps_report import caps_as_dict, caps_as_text

    caps = caps_from_probe_child()
    if args.json:
        json.dump(caps_as_dict(caps), sys.stdout, indent=2)
        print()
    else:
        print(caps_as_text(caps))
    return 0


def _run(args: argparse.Namespace) -> int:
    from pyvirgl.tools.run import run_command

    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        print("pyvirgl run: give a command to run, e.g. pyvirgl run -- glxgears", file=sys.stderr)
        return 2
    return run_command(command, socket_path=args.socket_path, verbose=args.verbose)


def _conformance(argv: list[str]) -> int:
    from pyvirgl.tools import conformance

    return conformance.main(argv)


def build_parser() -> argparse.ArgumentParser:
    from pyvirgl.frontends.vtest_server import DEFAULT_SOCKET_PATH

    parser = argparse.ArgumentParser(prog="pyvirgl", description="Host side of the Virgil3D virtual GPU")
    parser.add_argument("--version", action="version", version=f"pyvirgl {__version__}")
    sub = parser.add_subparsers(dest="cmd", required=True)

    serve = sub.add_parser("serve", help="run the vtest server")
    serve.add_argument("--socket-path", default=DEFAULT_SOCKET_PATH)
    serve.add_argument("--no-fork", action="store_true", help="serve clients in this process (debugging)")
    serve.add_argument("--multi-clients", action="store_true",
                       help="accepted for compatibility with virgl_test_server; in-process serving takes several clients")
    serve.add_argument("--use-gles", action="store_true", help="OpenGL ES host (not implemented yet)")
    serve.add_argument("-v", "--verbose", action="store_true", help="log every protocol request")
    serve.add_argument("--stats", action="store_true",
                       help="time requests and commands; log a table per client when it leaves")
    serve.add_argument("--stats-json", metavar="DIR", help="also write each client's stats as JSON in DIR")
    serve.add_argument("--record", metavar="DIR", help="save each client's raw vtest byte stream in DIR")
    serve.add_argument("--dump-shaders", metavar="DIR", help="write every guest TGSI shader and its GLSL to DIR")
    serve.add_argument("--max-clients", type=int, default=0, help=argparse.SUPPRESS)
    serve.add_argument("--ready-fd", type=int, default=None, help=argparse.SUPPRESS)
    serve.set_defaults(func=_serve)

    caps = sub.add_parser("caps", help="print the caps this host gives guests")
    caps.add_argument("--json", action="store_true")
    caps.set_defaults(func=_caps)

    run = sub.add_parser("run", help="run a GL program through pyvirgl")
    run.add_argument("--socket-path", default=DEFAULT_SOCKET_PATH)
    run.add_argument("-v", "--verbose", action="store_true")
    run.add_argument("command", nargs=argparse.REMAINDER)
    run.set_defaults(func=_run)

    sub.add_parser("conformance", help="piglit through pyvirgl, the C reference and native", add_help=False)
    sub.add_parser("vhost-user-gpu", help="virtio-gpu for QEMU guests over vhost-user (--socket-path PATH)",
                   add_help=False)
    return parser


def _vhost_user_gpu(argv: list[str]) -> int:
    from pyvirgl.frontends.vhost_user.server import main as vhost_main

    return vhost_main(argv)


# Subcommands with their own argument parsers: everything after the name is theirs.
DELEGATED = {"conformance": _conformance, "vhost-user-gpu": _vhost_user_gpu}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] and argv[0] in DELEGATED:
        return DELEGATED[argv[0]](argv[1:])
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
