"""Call the Flask relay in `app.py` in-process and print what a browser
would receive: the status, the headers that matter to proxies, the events.

No server and no browser needed: Flask's test client sends the request
straight to the WSGI application, which streams from the Messages API as it
would behind gunicorn.
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
