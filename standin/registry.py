"""Every rule the stand-in enforces, with where it comes from.

The examples prove something only where the stand-in refuses what the real service refuses
and lets through what it lets through. Each refusal, wording and limit is therefore declared
once, as a ``Rule`` beside the code that applies it, and says where it comes from:

- ``doc: <address>``: the API's (or a platform's, or pydantic's) documentation;
- ``sdk: anthropic/<path>``: the installed SDK's source (its types are generated from the
  API's own schema);
- ``fixture: <name>``: a stream the SDK's tests recorded from the API;
- ``facts: <file>``: a recorded error text in the project's facts notes;
- ``report: <address>``: the service's answer quoted verbatim in a public report;
- ``assumed``: nothing found; the stand-in's own choice.

A rule's ``source`` is where the rule itself comes from; its ``wording`` is where the words of
its refusal come from, when they come from somewhere else (a documented rule is often refused
in words nobody recorded). Every ``ApiError`` carries the id of the rule that raised it, so a
test can hold every refusal to a registered rule, and a page can be held to say "not
documented; assumed" where it states an assumed one (``tests/site/test_assumed_claims.py``).
``python -m standin --rules`` lists them all.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .rules.errors import ApiError

ASSUMED = "assumed"
SOURCE_KINDS = ("doc", "sdk", "fixture", "facts", "report")
# What a reader page puts beside a sentence that rests on an assumed rule.
MARK = "not documented; assumed"

_SOURCE = re.compile(rf"^({'|'.join(SOURCE_KINDS)}): \S.*$")


@dataclass(frozen=True)
class Rule:
    """One refusal or limit, and where it comes from.

    ``message`` is the refusal's wording, a ``str.format`` template over the error's details
    (empty for a limit that refuses nothing). The rest serves the pages' test
    (``tests/site/test_assumed_claims.py``): ``claims`` are regular expressions for the ways
    a page states the rule in its own words (a limit's figure, say), beyond quoting
    ``message``; ``contradicted_by``, for statements no page may make about it; ``values``,
    what the rule lets through (or the figures it has), which a page passage matching
    ``values_listed`` must name every one of. ``note`` records what else is known, such as a
    source that disagrees.
    """

    id: str
    what: str
    source: str
    message: str = ""
    wording: str = ""
    status: int = 400
    error_type: str = "invalid_request_error"
    claims: tuple[str, ...] = ()
    contradicted_by: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    values_listed: str = ""
    note: str = ""
    fixed: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        for where in (self.source, self.wording):
            if where and where != ASSUMED and not _SOURCE.match(where):
                raise ValueError(f"rule {self.id}: a source is 'kind: where' or {ASSUMED!r}")
        fixed = tuple(
            text.strip()
            for text, _, _, _ in string.Formatter().parse(self.message)
            if len(text.strip()) >= 12
        )
        object.__setattr__(self, "fixed", fixed)

    @property
    def assumed(self) -> bool:
        """The rule itself has no source."""
        return self.source == ASSUMED

    @property
    def wording_assumed(self) -> bool:
        """The refusal's words have no source (whatever the rule's)."""
        if not self.message:
            return False
        return self.wording == ASSUMED or (not self.wording and self.assumed)

    @property
    def refuses(self) -> bool:
        return bool(self.message)

    def text(self, **details: Any) -> str:
        return self.message.format(**details)

    def error(self, headers: tuple[tuple[str, str], ...] = (), **details: Any) -> ApiError:
        """The refusal, in the API's shape, naming this rule."""
        return ApiError(self.status, self.error_type, self.text(**details), headers, self.id)


RULES: dict[str, Rule] = {}


def rule(
    id: str,
    what: str,
    source: str,
    message: str = "",
    **more: Any,
) -> Rule:
    """Declare and register a rule; an id is declared once."""
    if id in RULES:
        raise ValueError(f"rule {id!r} is declared twice")
    declared = Rule(id, what, source, message, **more)
    RULES[id] = declared
    return declared


# The modules that declare rules: importing them fills RULES.
RULE_MODULES = (
    "standin.validation",
    "standin.caching",
    "standin.body",
    "standin.platforms",
    "standin.exchange",
)


def all_rules() -> list[Rule]:
    """Every declared rule, by id."""
    for module in RULE_MODULES:
        importlib.import_module(module)
    return [RULES[key] for key in sorted(RULES)]


def kind_of(source: str) -> str:
    return source.split(":", 1)[0] if source != ASSUMED else ASSUMED


def listing(rules: Iterable[Rule]) -> list[str]:
    """The rules as ``python -m standin --rules`` prints them, and a count at the end."""
    lines: list[str] = []
    rules = list(rules)
    for r in rules:
        lines.append(f"{r.id}  [{r.status} {r.error_type}]" if r.refuses else f"{r.id}  [limit]")
        lines.append(f"    {r.what}")
        lines.append(f"    rule:    {r.source}")
        if r.refuses:
            lines.append(f"    says:    {r.message}")
            lines.append(f"    wording: {r.wording or 'as the rule'}")
        if r.note:
            lines.append(f"    note:    {r.note}")
    documented = [r for r in rules if not r.assumed and not r.wording_assumed]
    words_only = [r for r in rules if not r.assumed and r.wording_assumed]
    assumed = [r for r in rules if r.assumed]
    lines.append("")
    lines.append(
        f"{len(rules)} rules: {len(documented)} documented, "
        f"{len(words_only) + len(assumed)} assumed ({len(assumed)} wholly, "
        f"{len(words_only)} in their wording only)"
    )
    return lines
