"""Many streams at once: ten in-process clients through the relay, five streams at a time.

The load run with a real server, clients that leave, and memory is the suite's
``tests/examples/test_many_streams_load.py``; the big figures come from the benchmark.
"""

from collections.abc import Callable

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    DISCONNECT_WAIT,
    defines_the_app_without_calling_the_api,
)
from tests.examples.harness.runner import Run

CLIENTS = 10
LIMIT = 5


def served_every_client(failed: int) -> Callable[[Run, StandIn], None]:
    """Every client made one request and the stand-in finished each stream it began;
    ``failed`` of them broke with an error event, the rest were sent whole."""

    def check(run: Run, api: StandIn) -> None:
        assert len(api.message_requests) == CLIENTS, "not one upstream request per client"
        whole = CLIENTS - failed
        api.wait_for_completion(DISCONNECT_WAIT, count=whole)
        assert len(api.completed) == whole, f"{len(api.completed)} streams sent whole, not {whole}"
        assert not api.disconnects, "an upstream stream was left part-way"
        assert f"most streams open together: {LIMIT}\n" in run.stdout
        assert f"whole reply: {whole}\n" in run.stdout

    return check


ENV = {"MAX_STREAMS": str(LIMIT)}
CASES = [
    Case("many-streams/app.py", None, check=defines_the_app_without_calling_the_api),
    Case(
        "many-streams/many_clients.py",
        "paced_text",
        args=(str(CLIENTS),),
        env=ENV,
        check=served_every_client(failed=0),
    ),
    Case(
        "many-streams/many_clients.py",
        "paced_overloaded_then_ok",
        args=(str(CLIENTS),),
        env=ENV,
        check=served_every_client(failed=1),
    ),
]
