"""The stream raw_sse.py prints, readable: each event's data as indented JSON.
Keep raw_sse.py in the same folder: `python pretty_sse.py text`."""

import json

from raw_sse import kind_from_argv, sse_lines

WIDTH = 78  # a value that fits on one line stays on one line


def pretty(value: object, indent: int = 0, column: int = 0) -> str:
    """JSON text: an object or list too wide for one line, one item a line."""
    flat = json.dumps(value, ensure_ascii=False)
    if column + len(flat) < WIDTH or not value:
        return flat
    if not isinstance(value, (dict, list)):
        return flat
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            head = f"{inner}{json.dumps(key)}: "
            items.append(head + pretty(item, indent + 2, len(head)))
        opening, closing = "{", "}"
    else:
        items = [
            inner + pretty(item, indent + 2, len(inner)) for item in value
        ]
        opening, closing = "[", "]"
    return f"{opening}\n" + ",\n".join(items) + f"\n{' ' * indent}{closing}"


def main() -> None:
    for line in sse_lines(kind_from_argv()):
        if line.startswith("data: "):
            print(pretty(json.loads(line.removeprefix("data: "))), flush=True)
        else:
            print(line, flush=True)


if __name__ == "__main__":
    main()
