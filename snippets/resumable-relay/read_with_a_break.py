"""Ask the resumable relay for an answer, drop the connection part-way, and
read on from where it broke: `python read_with_a_break.py <relay URL>`.
"""

import json
import sys
import textwrap
import uuid

import httpx2

READ_BEFORE_THE_BREAK = 5  # text pieces


def events(response: httpx2.Response) -> list[tuple[str, str, dict]]:
    """(id, event, data) for each Server-Sent Event, as it arrives."""
    entry_id, event, data = "", "message", ""
    for line in response.iter_lines():
        if line.startswith("id:"):
            entry_id = line[3:].strip()
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data = line[5:].strip()
        elif not line and data:
            yield entry_id, event, json.loads(data)
            entry_id, event, data = "", "message", ""


def describe(event: str, data: dict) -> str:
    """How the answer ended, in words."""
    if event == "done":
        return f"done ({data['stop_reason']})"
    if event == "failed":
        return f"failed: {data['type']}: {data['message']}"
    return f"{event}: the server writing the answer stopped"


def main(relay: str) -> None:
    answer_id = str(uuid.uuid4())
    url = f"{relay}/answers/{answer_id}"
    timeout = httpx2.Timeout(10.0, read=60.0)
    ids, text, ending = [], [], None
    with httpx2.Client(timeout=timeout) as http:
        started = http.post(url, json={"prompt": "Tell me a story."})
        started.raise_for_status()
        print(f"POST /answers/{answer_id} -> {started.status_code}")
        while ending is None:
            after = ids[-1] if ids else "0-0"
            before = len(ids)
            with http.stream("GET", url, params={"after": after}) as response:
                response.raise_for_status()
                for entry_id, event, data in events(response):
                    if entry_id:
                        ids.append(entry_id)
                    if event != "text":
                        ending = describe(event, data)
                        break
                    text.append(data["text"])
                    if len(ids) == READ_BEFORE_THE_BREAK:
                        break  # as a lost network would
            got = ids[before:]
            print(
                f"GET ?after={after} -> {len(got)} events, "
                f"{got[0]} to {got[-1]}, then {ending or 'dropped'}"
            )
    in_order = ids == sorted(
        set(ids), key=lambda i: tuple(map(int, i.split("-")))
    )
    print(f"{len(text)} pieces, each once: {in_order}")
    print(textwrap.fill("".join(text).strip(), 72))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080")
