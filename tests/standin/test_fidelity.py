"""Every scenario, replayed through the installed SDK, accumulates to the same message.

For each complete reply the stand-in can give, the message built from the stream must equal
the non-streamed Message, whichever way the stream is read: sync or async, ``stream()`` or
``create(stream=True)`` folded with the SDK's own accumulator. A stand-in that emits an event
the SDK cannot fold, or a stream that disagrees with its JSON twin, fails here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from anthropic.lib.streaming._messages import accumulate_event

from standin import StandIn
from standin.replies import MessageReply
from standin.scenarios import SCENARIOS, Scenario
from tests.support.clients import async_sdk, sdk
from tests.support.event_loop import run_in_fresh_thread
from tests.support.settings import MODEL

REQUEST: dict[str, Any] = {
    "model": MODEL,
    "max_tokens": 1024,
    "messages": [{"role": "user", "content": "Hello"}],
}


def _complete_replies() -> list[tuple[str, MessageReply]]:
    found = []
    for name, scenario in sorted(SCENARIOS.items()):
        for n, reply in enumerate(scenario.replies):
            if isinstance(reply, MessageReply) and reply.cut is None:
                if reply.delta_before_start or reply.pauses:
                    continue  # a deliberately broken order, or a long pause: faults, not fidelity
                unpaced = replace(reply, first_event_delay=0.0, event_delay=0.0)
                if any(unpaced == seen for _, seen in found):
                    continue  # the same content under another scenario's name
                found.append((f"{name}#{n}", unpaced))
    return found


REPLIES = _complete_replies()


def _comparable(message: Any) -> dict[str, Any]:
    data = message.to_dict(exclude_none=True)
    data.pop("id")
    for block in data["content"]:
        block.pop("parsed_output", None)
        for key in ("id", "tool_use_id"):  # made anew for every request, as the service does
            if key in block:
                block[key] = "per-request"
    return data


def test_there_are_replies_to_check() -> None:
    assert len(REPLIES) >= 6


@pytest.mark.parametrize(("name", "reply"), REPLIES, ids=[n for n, _ in REPLIES])
def test_stream_matches_the_non_streamed_message(name: str, reply: MessageReply) -> None:
    with StandIn(Scenario(name, (reply,))) as api:
        client = sdk(api.url)
        expected = _comparable(client.messages.create(**REQUEST))

        with client.messages.stream(**REQUEST) as stream:
            streamed = _comparable(stream.get_final_message())
        assert streamed == expected, "messages.stream() accumulated a different message"

        snapshot = None
        json_bufs: dict[int, bytes] = {}
        types = []
        with client.messages.create(**REQUEST, stream=True) as raw:
            for event in raw:
                types.append(event.type)
                snapshot = accumulate_event(
                    event=event, current_snapshot=snapshot, json_bufs=json_bufs
                )
        assert types[0] == "message_start" and types[-2:] == ["message_delta", "message_stop"]
        assert _comparable(snapshot) == expected, "create(stream=True) folded differently"

        async def read_async() -> tuple[dict[str, Any], dict[str, Any]]:
            aclient = async_sdk(api.url)
            async with aclient.messages.stream(**REQUEST) as astream:
                via_helper = _comparable(await astream.get_final_message())
            snap = None
            bufs: dict[int, bytes] = {}
            async with await aclient.messages.create(**REQUEST, stream=True) as araw:
                async for event in araw:
                    snap = accumulate_event(event=event, current_snapshot=snap, json_bufs=bufs)
            return via_helper, _comparable(snap)

        via_helper, via_raw = run_in_fresh_thread(read_async())
        assert via_helper == expected, "AsyncMessageStream accumulated a different message"
        assert via_raw == expected, "async create(stream=True) folded differently"
        assert all(r.status == 200 for r in api.message_requests)
