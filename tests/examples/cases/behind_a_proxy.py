"""Behind a reverse proxy: events read through Debian's nginx in front of the FastAPI relay.

Each case starts the relay (``snippets/fastapi-relay/app.py``, under uvicorn) in front of the
stand-in, and nginx in front of the relay with the page's server block
(``snippets/behind-a-proxy/nginx.conf``) plus, for some cases, one more directive; then runs
``watch_events.py`` on nginx's URL. The stand-in sends an event every 25 ms. The goldens keep
the timings the run that wrote them saw; the comparison masks the numbers, so what must match
is every event, in order, and the verdict: spread out as sent, or held back and sent together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from urllib.parse import urlencode

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import all_of, sent_streaming_requests, stream_read_to_the_end
from tests.examples.harness.runner import Run
from tests.support.nginx import nginx_in_front
from tests.support.paths import SNIPPETS
from tests.support.relay import relay_for

RELAY = SNIPPETS / "fastapi-relay" / "app.py"
SERVER_BLOCK = SNIPPETS / "behind-a-proxy" / "nginx.conf"
PROMPT = urlencode({"prompt": "Write a haiku about rivers."})
# nginx told to disregard the relay's X-Accel-Buffering: no, as if the app did not send it.
IGNORE_THE_HEADER = "proxy_ignore_headers X-Accel-Buffering;"
TIMING = re.compile(r"\d+\.\d\d s")
SPREAD = "they came one by one, as they were sent."
TOGETHER = "they were held back and came all at once."


def through_nginx(extra: str = "") -> Callable[[StandIn], AbstractContextManager[tuple[str, ...]]]:
    """The relay in front of the stand-in, nginx (the page's server block, plus ``extra``) in
    front of the relay; the program gets the stream's URL through nginx."""

    @contextmanager
    def serve(api: StandIn) -> Iterator[tuple[str, ...]]:
        template = SERVER_BLOCK.read_text(encoding="utf-8")
        with relay_for(RELAY, api.url) as relay, nginx_in_front(template, relay, extra) as url:
            yield (f"{url}/stream?{PROMPT}",)

    return serve


def without_timings(output: str) -> str:
    return TIMING.sub("N s", output)


def verdict(expected: str) -> Callable[[Run, StandIn], None]:
    def check(run: Run, api: StandIn) -> None:
        last = run.stdout.rstrip("\n").rsplit("\n", 1)[-1]
        assert last.endswith(expected), f"expected {expected!r}, the run saw: {last!r}"

    return check


def _case(variant: str, extra: str, expected: str) -> Case:
    return Case(
        "behind-a-proxy/watch_events.py",
        "paced_text",
        variant=variant,
        serve=through_nginx(extra),
        stable=without_timings,
        check=all_of(sent_streaming_requests(), stream_read_to_the_end, verdict(expected)),
    )


CASES = [
    # The page's block as it is: the relay's X-Accel-Buffering: no turns buffering off.
    _case("as_configured", "", SPREAD),
    # The same, with nginx ignoring that header: buffered, then sent together at the end.
    _case("header_ignored", IGNORE_THE_HEADER, TOGETHER),
    # Buffering off in nginx itself: the header no longer matters.
    _case("proxy_buffering_off", f"{IGNORE_THE_HEADER} proxy_buffering off;", SPREAD),
]
