"""What the SDK's timeout settings really are, and why `timeout=60.0` shortens
one of them.

The default allows 600 seconds for each read and 5 for connecting. A bare float
sets every limit to that value, so `timeout=60.0` cuts the read limit to a
tenth (and raises the connect limit). To change one limit, pass an
`anthropic.Timeout` naming it. This program makes no request: it prints the
limits each client ends up with.
"""

import anthropic
import httpx2

MODEL = "claude-sonnet-5-5"


def show(label: str, client: anthropic.Anthropic) -> None:
    t = httpx2.Timeout(client.timeout)  # the limits the HTTP client applies
    print(
        f"{label:32} connect={t.connect} "
        f"read={t.read} write={t.write} pool={t.pool}"
    )


def main() -> None:
    client = anthropic.Anthropic()
    show("Anthropic()", client)
    show("Anthropic(timeout=60.0)", anthropic.Anthropic(timeout=60.0))
    show(
        "Timeout(600.0, connect=10.0)",
        anthropic.Anthropic(timeout=anthropic.Timeout(600.0, connect=10.0)),
    )
    # One request with a shorter read limit, the client itself unchanged:
    show(
        "with_options(read=30.0)",
        client.with_options(
            timeout=anthropic.Timeout(600.0, connect=5.0, read=30.0)
        ),
    )


if __name__ == "__main__":
    main()
