"""Run the stand-in by hand: ``python -m standin --port 4010 [--scenario NAME]``.

``--list`` lists the scenarios; ``--rules`` lists every rule the stand-in enforces, each with
where it comes from (a documentation address, the SDK's source, a recorded error) or the mark
"assumed", and counts them.

Then, in another shell, run any example against it with no real key::

    export ANTHROPIC_BASE_URL=http://127.0.0.1:4010
    export ANTHROPIC_API_KEY=sk-ant-fake-key-for-the-local-stand-in
    python snippets/getting-started/stream_text.py
"""

from __future__ import annotations

import argparse
import sys
import time

from .registry import all_rules, listing
from .scenarios import SCENARIOS
from .server import StandIn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m standin",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", type=int, default=4010, help="port on 127.0.0.1 (default 4010)")
    parser.add_argument(
        "--scenario",
        choices=sorted(SCENARIOS),
        help="answer every request from this scenario (default: chosen from "
        "the request: tools, thinking or plain text)",
    )
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    parser.add_argument(
        "--rules",
        action="store_true",
        help="list the rules the stand-in enforces, with their sources, and exit",
    )
    args = parser.parse_args(argv)
    if args.rules:
        print("\n".join(listing(all_rules())))
        return 0
    if args.list:
        for name, scenario in sorted(SCENARIOS.items()):
            print(f"{name:24} {scenario.description}")
        return 0
    try:
        api = StandIn(args.scenario, port=args.port).start()
    except OSError as exc:
        print(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"Messages API stand-in on {api.url} (Ctrl-C to stop)", flush=True)
    print(f"  export ANTHROPIC_BASE_URL={api.url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        api.stop()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into a reader that stopped early (`| head`): not an error
        sys.stderr.close()
        sys.exit(0)
