"""Print the limits each way of setting the timeout gives a client: a bare
float sets all four. Makes no request."""

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
