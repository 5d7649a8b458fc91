"""Ids in the local API's replies look like the service's, and no two requests share one."""

from __future__ import annotations

import json
import re

import httpx2

from standin import StandIn
from standin.validation import CURRENT_VERSION
from tests.support.clients import tls
from tests.support.settings import FAKE_KEY, MODEL

REQUEST_ID = re.compile(r"req_011C[A-Za-z0-9]{20}")
MESSAGE_ID = re.compile(r"msg_01[A-Za-z0-9]{22}")
BLOCK_ID = re.compile(r"toolu_01[A-Za-z0-9]{22}")


def _post(api: StandIn, stream: bool) -> httpx2.Response:
    headers = {"x-api-key": FAKE_KEY, "anthropic-version": CURRENT_VERSION}
    body = {
        "model": MODEL,
        "max_tokens": 1024,
        "stream": stream,
        "messages": [{"role": "user", "content": "What's the weather in Paris?"}],
        "tools": [
            {
                "name": "get_weather",
                "description": "The weather in a city.",
                "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}},
            }
        ],
    }
    return httpx2.post(
        f"{api.url}/v1/messages", headers=headers, json=body, timeout=30, verify=tls()
    )


def test_request_message_and_tool_ids_have_the_services_shapes() -> None:
    with StandIn("tool_use") as api:
        first, second = _post(api, stream=False), _post(api, stream=True)
    ids = [first.headers["request-id"], second.headers["request-id"]]
    assert all(REQUEST_ID.fullmatch(i) for i in ids), ids
    assert ids[0] != ids[1]
    message = first.json()
    assert MESSAGE_ID.fullmatch(message["id"]), message["id"]
    tool = next(b for b in message["content"] if b["type"] == "tool_use")
    assert BLOCK_ID.fullmatch(tool["id"]), tool["id"]
    start = next(
        json.loads(line[len("data: ") :])
        for line in second.text.splitlines()
        if line.startswith("data: ") and '"message_start"' in line
    )
    assert MESSAGE_ID.fullmatch(start["message"]["id"])
    assert start["message"]["id"] != message["id"]


def test_an_error_body_carries_the_request_id_of_its_header() -> None:
    with StandIn("status_529") as api:
        response = _post(api, stream=True)
    assert response.status_code == 529
    assert response.json()["request_id"] == response.headers["request-id"]
    assert REQUEST_ID.fullmatch(response.headers["request-id"])
