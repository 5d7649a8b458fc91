"""From the home page, each thing a reader comes to do is one click from a program that does it.

The home page's "I want to…" section (its heading's id is ``i-want-to``) lists the tasks; each
item starts with a link to the section of a guide whose program does that task. For each link,
as a reader on a laptop (1280x800) would: open the home page, click the link, and look where the
browser lands (its scroll position after the click). The first program after the link's target
(the page's title, for a link to a whole page) - a block of Python, shell, HTML or nginx
configuration; not an output, not in a closed note - must start within ``WITHIN`` px below that
point, and the output after it (the next ``text`` block: normally the first tab of the set right
after the program) must be shown with no further click. Each link's landing-to-program distance
is recorded for the report.

The home page is opened once, not once a link: each click is made on it, and the navigation the
click starts (after anything the page's scripts do with the click) is noted and cancelled,
so the home page stays as it was for the next click, and the page the click asked for is opened
in a second tab, as that navigation would have opened it (a fresh load, landing on the URL's
fragment). Loading the home page again for every link cost about as much as the pages it leads
to.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.figures import RecordProperty
from tests.browser.pages import open_page
from tests.browser.traffic import Traffic
from tests.browser.visit import without_search_index

HOME = "/"
SECTION = "i-want-to"
WITHIN = 1000  # px below the landing point, at 1280x800
PROGRAM_LANGUAGES = ("python", "bash", "html", "nginx")

# The links that start each item of the first list after the section's heading (and before
# the next heading): their text and where they lead.
TASK_LINKS = """
(section) => {
  const heading = document.getElementById(section);
  if (!heading) return null;
  let list = heading.nextElementSibling;
  while (list && !list.matches("ul, ol, h1, h2, h3, h4, h5, h6")) list = list.nextElementSibling;
  if (!list || !list.matches("ul, ol")) return [];
  return [...list.children].map((item) => {
    const first = item.querySelector(":scope > a:first-child, :scope > p:first-child > a:first-child");
    const before = first ? item.textContent.slice(0, item.textContent.indexOf(first.textContent)) : "";
    return first && !before.trim() ? { text: first.textContent.trim(), href: first.href } : {
      text: item.textContent.trim().slice(0, 60), href: null };
  });
}
"""

# Where the click landed, and the first program after the landing target with the output after
# it: their tops (page coordinates) and whether each is rendered.
LANDED = """
([languages]) => {
  const id = decodeURIComponent(location.hash.slice(1));
  // A link to a page, not to a section of it, lands on the page's title.
  const target = id ? document.getElementById(id) : document.querySelector(".md-content h1");
  const landing = Math.round(scrollY);
  if (!target) return { landing, target: false };
  const after = (el) => Boolean(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const inClosedNote = (el) => {
    for (let d = el.closest("details"); d; d = d.parentElement.closest("details")) {
      if (!d.open) return true;
    }
    return false;
  };
  const blocks = [...document.querySelectorAll(".md-content div.highlight")].filter(after);
  const isProgram = (block) => languages.some((l) => block.classList.contains(`language-${l}`));
  const program = blocks.find((block) => isProgram(block) && !inClosedNote(block));
  if (!program) return { landing, target: true, program: null };
  const output = blocks.slice(blocks.indexOf(program) + 1)
    .find((block) => block.classList.contains("language-text"));
  const describe = (block) => {
    const title = block.querySelector(".filename");
    return {
      name: title ? title.textContent : block.querySelector("code").textContent.slice(0, 40),
      top: Math.round(block.getBoundingClientRect().top + scrollY),
      shown: block.checkVisibility(),
    };
  };
  return { landing, target: true, program: describe(program), output: output ? describe(output) : null };
}
"""


# On the home page: note where each navigation would go (the URL the click asked for, fragment
# included), and cancel it, so the home page stays loaded.
NOTE_NAVIGATIONS = """
() => navigation.addEventListener("navigate", (event) => {
  window.taskDestination = event.destination.url;
  if (event.cancelable) event.preventDefault();
})
"""


def _settled(page: Page) -> None:
    """Wait until the window has stopped scrolling to the link's target (two frames alike)."""
    page.wait_for_function(
        """() => new Promise((done) => {
          const y = scrollY;
          requestAnimationFrame(() => requestAnimationFrame(() => done(scrollY === y)));
        })"""
    )


def _destination(home: Page, index: int) -> str | None:
    """Click the ``index``-th task's link on the home page; the URL the click opens (``None``
    if it opens nothing in this tab), the navigation itself cancelled. The tab is brought to the
    front first: behind another, it runs animation frames about once a second, and Playwright
    waits for two alike before it clicks."""
    home.bring_to_front()
    home.evaluate("() => { window.taskDestination = null; }")
    home.locator(f"#{SECTION} ~ :is(ul, ol) > li").nth(index).locator("a").first.click()
    return home.evaluate("() => window.taskDestination")


def _land(landing: Page, url: str) -> int | None:
    """Open ``url`` in ``landing`` as a click's navigation opens it: a fresh load of the page,
    not a jump within the page already there (two tasks may lead to one page). In front, as the
    click's tab would be: ``_settled`` counts animation frames. The HTTP status, if not OK."""
    landing.bring_to_front()
    if landing.url.split("#")[0] == url.split("#")[0]:
        landing.goto("about:blank")
    response = landing.goto(url, wait_until="load")
    if response is None or not response.ok:
        return response.status if response else 0
    _settled(landing)
    return None


def _task_problems(
    home: Page, landing: Page, link: dict[str, str | None], index: int, record: RecordProperty
) -> list[str]:
    task = link["text"]
    if not link["href"]:
        return [f"the item {task!r} does not start with a link"]
    where = f"{task!r} ({link['href']})"
    destination = _destination(home, index)
    if destination is None:
        return [f"{where}: clicking it opens no page in the home page's tab"]
    failed = _land(landing, destination)
    if failed is not None:
        return [f"{where}: the page it opens answers HTTP {failed}"]
    found = landing.evaluate(LANDED, [list(PROGRAM_LANGUAGES)])
    if not found["target"]:
        return [f"{where}: the link's target is not on the page it opens"]
    program = found["program"]
    if program is None:
        return [f"{where}: no program after the link's target"]
    distance = program["top"] - found["landing"]
    record(f"landing to program, px: {task}", distance)
    problems = []
    if not program["shown"]:
        problems.append(f"{where}: the program {program['name']} is not shown without a click")
    if not 0 <= distance <= WITHIN:
        problems.append(
            f"{where}: the program {program['name']} starts {distance} px from the landing "
            f"point (at most {WITHIN} below it)"
        )
    output = found["output"]
    if output is None:
        problems.append(f"{where}: no output after the program {program['name']}")
    elif not output["shown"]:
        problems.append(f"{where}: the output of {program['name']} is not shown without a click")
    return problems


def _landing_tab(context: BrowserContext) -> Page:
    """The second tab, where each click's page is opened; given an empty search index, as the
    home page is (nothing here searches)."""
    landing = context.new_page()
    without_search_index(landing)
    return landing


@pytest.mark.browser
def test_each_task_on_the_home_page_lands_on_its_program(
    page: Page,
    context: BrowserContext,
    traffic: Traffic,
    site_dir: Path,
    record_property: RecordProperty,
) -> None:
    without_search_index(page)
    open_page(page, HOME)
    links = page.evaluate(TASK_LINKS, SECTION)
    assert links is not None, f"the home page has no section with the id {SECTION!r}"
    assert links, f"the home page's {SECTION!r} section lists no tasks"
    page.evaluate(NOTE_NAVIGATIONS)
    landing = _landing_tab(context)
    try:
        problems = [
            p
            for i, link in enumerate(links)
            for p in _task_problems(page, landing, link, i, record_property)
        ]
    finally:
        landing.close()
    assert not problems, "\n".join(problems)
