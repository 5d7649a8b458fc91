// "Copy as Markdown" puts the page's Markdown on the clipboard: the index.md the build writes
// beside the page, with every included program and output in full. The text is fetched when
// the button is pressed; handing the clipboard a promise keeps the press's permission to write
// while the fetch runs (Safari requires it), and plain writeText serves browsers without it.
//
// The build writes the Markdown's links to other pages as absolute addresses under site_url
// (data-site-url); they are rewritten here to the address the site is actually served from,
// found from this page's own address (data-page is its path below the site's root), so a
// pasted link works wherever the site is served. The status line says what happened, then
// empties, over the page (page-meta.css), so nothing moves.
const STATUS_SHOWN_FOR = 4000; // ms

function servedRoot(page) {
  const path = location.pathname;
  const below = path.endsWith(page) ? path.slice(0, path.length - page.length) : "/";
  return new URL(below, location.origin).href;
}

function withServedLinks(text, siteUrl, page) {
  if (!siteUrl) return text;
  const built = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  const served = servedRoot(page);
  return built === served ? text : text.split(`](${built}`).join(`](${served}`);
}

document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element
    ? event.target.closest("button[data-markdown]")
    : null;
  if (!button) return;
  const status = button.parentElement.querySelector("[role=status]");
  const say = (words) => {
    if (!status) return;
    status.textContent = words;
    clearTimeout(status.hideLater);
    status.hideLater = setTimeout(() => {
      if (status.textContent === words) status.textContent = "";
    }, STATUS_SHOWN_FOR);
  };
  const markdown = fetch(button.dataset.markdown).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  }).then((text) => withServedLinks(text, button.dataset.siteUrl, button.dataset.page || ""));
  try {
    if (typeof ClipboardItem === "function" && ClipboardItem.supports?.("text/plain")) {
      const blob = markdown.then((text) => new Blob([text], { type: "text/plain" }));
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
    } else {
      await navigator.clipboard.writeText(await markdown);
    }
    say("Copied the page as Markdown");
  } catch (error) {
    say(`Could not copy the page: ${error.message}`);
  }
});
