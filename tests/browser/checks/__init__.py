"""Per-page checks: each takes a ``Visit`` (one load of one page) and asserts one promise."""
