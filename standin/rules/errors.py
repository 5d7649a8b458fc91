"""The error a check raises: what the service would answer instead of a reply."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ApiError(Exception):
    """An HTTP error with the API's body shape (``{"type": "error", "error": {...}}``).

    ``rule`` is the id of the registered rule that refused (``standin/registry.py``): every
    refusal names one, so none can exist without its source."""

    status: int
    error_type: str
    message: str
    headers: tuple[tuple[str, str], ...] = ()
    rule: str = ""
