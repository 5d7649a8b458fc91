"""No page states a guess as a fact.

The stand-in's rules are registered with their sources (``standin/registry.py``). A passage of
a page (a paragraph, a list item, a table row) that rests on an assumed rule, by quoting its
refusal's words or stating it in its own (its ``claims``), must say so in the same passage
with the mark "not documented; assumed". A passage may not contradict a rule
(``contradicted_by``), must name every value of a rule it lists (``values``), and must quote a
recorded refusal whole. Two claims about the examples' own setup are held too: the pacing of
the local replies is not the API's, and a comparison of speed names its measurement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from standin.registry import MARK, Rule, all_rules
from standin.scenarios import SCENARIOS
from tests.support.paths import DOCS, ROOT, rel

PAGES = sorted(DOCS.rglob("*.md"))
# Pieces of wording this long or longer identify a refusal: shorter ones are common words.
WINDOW = 24
ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")
INCLUDED_OUTPUT = re.compile(r'--8<--\s+"(snippets/[^":]+\.out\.txt)')
HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)
BACKTICKED = re.compile(r"`([^`]+)`")
QUOTED = re.compile(r"`([^`]+)`|\"([^\"]+)\"|“([^”]+)”")


def passages(text: str) -> Iterator[str]:
    """The page's paragraphs, list items, table rows and headings, each on one line; code,
    includes, front matter and tab titles left out."""
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = lines.index("---", 1) if "---" in lines[1:] else 0
        lines = lines[end + 1 :]
    current: list[str] = []
    fenced = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
            yield from _flush(current)
            continue
        if fenced:
            continue
        alone = stripped.startswith(("|", "#", "--8<--", "===", "!!!", "???"))
        if not stripped or alone or ITEM.match(line):
            yield from _flush(current)
        if stripped and not stripped.startswith(("--8<--", "===")):
            current.append(stripped)
        if alone:
            yield from _flush(current)
    yield from _flush(current)


def _flush(current: list[str]) -> Iterator[str]:
    if current:
        yield " ".join(current)
        current.clear()


def _windows(text: str) -> set[str]:
    return {text[i : i + WINDOW] for i in range(len(text) - WINDOW + 1)}


def _assumed_windows(rules: list[Rule]) -> dict[str, Rule]:
    """Every 24-character piece of an assumed wording that no sourced wording shares."""
    sourced = set().union(*(_windows(p) for r in rules if not r.wording_assumed for p in r.fixed))
    found: dict[str, Rule] = {}
    for r in rules:
        if r.wording_assumed:
            for part in r.fixed:
                for window in _windows(part) - sourced:
                    found.setdefault(window, r)
    return found


def _claims(passage: str, rules: list[Rule], windows: dict[str, Rule]) -> set[str]:
    """The assumed rules a passage rests on: quoting their words (in backticks or quotation
    marks), or stating them in words of its own (their ``claims``)."""
    quotes = ["".join(groups) for groups in QUOTED.findall(passage)]
    quoted = {windows[w].id for q in quotes for w in _windows(q) if w in windows}
    stated = {
        r.id
        for r in rules
        if (r.assumed or r.wording_assumed)
        and any(re.search(c, passage, re.DOTALL) for c in r.claims)
    }
    return quoted | stated


def unmarked_claims(text: str) -> list[str]:
    rules = all_rules()
    windows = _assumed_windows(rules)
    problems = []
    for passage in passages(text):
        claimed = _claims(passage, rules, windows)
        if claimed and MARK not in passage.lower():
            problems.append(f"{sorted(claimed)} without {MARK!r}: {passage[:160]}")
    return problems


def unmarked_outputs(text: str, root: Path = ROOT) -> list[str]:
    """An output the page includes that shows an assumed refusal's words: its section (from
    heading to heading) says so."""
    rules = all_rules()
    windows = _assumed_windows(rules)
    problems = []
    for section in HEADING.split(text):
        for golden in INCLUDED_OUTPUT.findall(section):
            shown = (root / golden).read_text(encoding="utf-8")
            claimed = sorted({windows[w].id for w in _windows(shown) if w in windows})
            if claimed and MARK not in section.lower():
                problems.append(f"{golden} shows {claimed} and its section lacks {MARK!r}")
    return problems


CACHE_FIGURES = re.compile(r"\bcache_(?:write|read)=[1-9]")


def uncalled_illustrative(text: str, root: Path = ROOT) -> list[str]:
    """A page that shows cache token counts (outputs with a non-zero cache write or read) says
    they are illustrative: the local server counts roughly, the API's tokenizer does not."""
    shown = [
        g
        for g in INCLUDED_OUTPUT.findall(text)
        if CACHE_FIGURES.search((root / g).read_text(encoding="utf-8"))
    ]
    if shown and "illustrative" not in text:
        return [f"shows token counts ({shown[0]}) and does not call them illustrative"]
    return []


def contradictions(text: str) -> list[str]:
    problems = []
    for passage in passages(text):
        for r in all_rules():
            for pattern in r.contradicted_by:
                if re.search(pattern, passage, re.DOTALL):
                    problems.append(f"contradicts {r.id} ({r.what}): {passage[:160]}")
            if r.values_listed and re.search(r.values_listed, passage, re.DOTALL):
                missing = [v for v in r.values if v not in passage]
                if missing:
                    problems.append(f"lists {r.id} without {missing}: {passage[:160]}")
    return problems


def truncated_quotes(text: str) -> list[str]:
    """Backticked quotes of a recorded refusal's words that stop short of the whole."""
    wordings = [p.strip(" :.") for r in all_rules() if not r.wording_assumed for p in r.fixed]
    problems = []
    for passage in passages(text):
        for quote in BACKTICKED.findall(passage):
            said = re.sub(r"^\d{3} ", "", quote).strip(" :.")
            if len(said) < WINDOW:
                continue
            for whole in wordings:
                if said in whole and said != whole:
                    problems.append(f"quotes {said!r} of {whole!r}")
    return problems


def paced_as_the_api(text: str) -> list[str]:
    """Sentences that give the examples' own pacing (a scenario's gap between events) to the
    API: the local replies are paced by the examples, not by the service."""
    gaps = {
        round(reply.event_delay * 1000)
        for scenario in SCENARIOS.values()
        for reply in scenario.replies
        if getattr(reply, "event_delay", 0)
    }
    figure = "|".join(str(g) for g in sorted(gaps))
    pattern = re.compile(
        rf"(Messages API|the API|the service),? (sending|sends|sent)[^.]*?\b({figure}) "
        r"(ms|milliseconds)\b"
    )
    problems = []
    for passage in passages(text):
        for sentence in re.split(r"(?<=\.) ", passage):
            if gaps and pattern.search(sentence):
                problems.append(f"the examples' pacing given to the API: {sentence[:160]}")
    return problems


SPEED = re.compile(
    r"\btakes (?:far |much )?longer than\b"
    r"|\b(?:is|are|was|were|runs?) (?:far |much )?(?:faster|slower|quicker) than\b"
)
MEASURED = re.compile(r"performance\.md|\{\{ *perf\.")


def unmeasured_speed(text: str) -> list[str]:
    """A comparison of speed links the measurement behind it (the Performance page, or a
    figure from its data)."""
    return [
        f"a speed comparison with no measurement: {passage[:160]}"
        for passage in passages(text)
        if SPEED.search(passage) and not MEASURED.search(passage)
    ]


CHECKS = (
    unmarked_claims,
    unmarked_outputs,
    uncalled_illustrative,
    contradictions,
    truncated_quotes,
    paced_as_the_api,
    unmeasured_speed,
)


@pytest.mark.parametrize("page", PAGES, ids=[rel(p) for p in PAGES])
def test_the_page_states_no_guess_as_a_fact(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    problems = [problem for check in CHECKS for problem in check(text)]
    assert not problems, "\n".join(problems)


def test_each_check_can_fail(tmp_path: Path) -> None:
    """Each check finds what it is for in a passage written to break it, and passes its fix."""
    broken = {
        unmarked_claims: "The model `claude-sonnet-5-5` caches from 1,024 tokens.",
        contradictions: "The body field `output_format` is refused with a 400.",
        truncated_quotes: "Refused with `400 This model does not support assistant message "
        "prefill`.",
        paced_as_the_api: "Captured with the Messages API sending one event every 25 ms.",
        unmeasured_speed: "A retry takes longer than waiting here.",
    }
    for check, passage in broken.items():
        assert check(passage), f"{check.__name__} passed {passage!r}"
    assert not unmarked_claims(f"`claude-sonnet-5-5` caches from 1,024 tokens ({MARK}).")
    assert not unmarked_claims("Refused with `400 A maximum of 4 blocks with cache_control`.")
    assert unmarked_claims("Refused with `400 tool_choice: may only be specified while providing`.")
    golden = tmp_path / "snippets" / "page" / "refused.out.txt"
    golden.parent.mkdir(parents=True)
    golden.write_text("400 tool_choice: may only be specified while providing tools\n")
    section = '## Refused\n\n    --8<-- "snippets/page/refused.out.txt"\n'
    assert unmarked_outputs(section, tmp_path)
    assert not unmarked_outputs(f"{section}\nIts wording is {MARK}.\n", tmp_path)
    counts = tmp_path / "snippets" / "page" / "counts.out.txt"
    counts.write_text("request 1: input=6 cache_write=2956 cache_read=0\n")
    shown = '    --8<-- "snippets/page/counts.out.txt"\n'
    assert uncalled_illustrative(shown, tmp_path)
    assert not uncalled_illustrative(f"{shown}\nThe counts are illustrative.\n", tmp_path)
