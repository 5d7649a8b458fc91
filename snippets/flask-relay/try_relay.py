"""Call the Flask relay in `app.py` in-process, with no server, and print
what a browser receives: the status, the headers proxies read, the events.
"""

from app import app

browser = app.test_client()
params = {"prompt": "Write a haiku about rivers."}
response = browser.get("/stream", query_string=params, buffered=False)
print(f"HTTP {response.status_code}")
for name in ("content-type", "cache-control", "x-accel-buffering"):
    print(f"{name}: {response.headers.get(name)}")
for chunk in response.response:  # each event as the relay wrote it
    print(chunk.decode(), end="")
response.close()
