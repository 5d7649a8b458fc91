"""Print each Server-Sent Event of a stream with the moment it arrived:
`python watch_events.py "http://127.0.0.1:8080/stream?prompt=Hello"`.
"""

import sys
import time

import httpx2

AT_ONCE = 0.05  # seconds: events closer together came in one piece


def watch(url: str) -> None:
    started = time.monotonic()
    arrivals: list[float] = []
    event = "message"
    # 60 s between two reads, not for the whole stream
    timeout = httpx2.Timeout(10.0, read=60.0)
    with httpx2.stream("GET", url, timeout=timeout) as response:
        content_type = response.headers.get("content-type")
        print(f"HTTP {response.status_code} {content_type}")
        response.raise_for_status()
        for line in response.iter_lines():
            if line.startswith("event:"):
                event = line.removeprefix("event:").strip()
            elif line.startswith("data:"):
                at = time.monotonic() - started
                arrivals.append(at)
                data = line.removeprefix("data:").strip()
                print(f"{at:6.2f} s  {event:<6} {data}")
            elif not line:
                event = "message"
    if len(arrivals) < 2:
        print(f"{len(arrivals)} event(s): nothing to compare.")
        return
    spread = arrivals[-1] - arrivals[0]
    if spread < AT_ONCE:
        how = "they were held back and came all at once."
    else:
        how = "they came one by one, as they were sent."
    print(f"{len(arrivals)} events, {spread:.2f} s from first to last:")
    print(how)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python watch_events.py URL")
    watch(sys.argv[1])
