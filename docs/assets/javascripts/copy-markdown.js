// "Copy as Markdown" puts the page's Markdown on the clipboard: the index.md the build writes
// beside the page, with every included program and output in full. The text is fetched when
// the button is pressed; handing the clipboard a promise keeps the press's permission to write
// while the fetch runs (Safari requires it), and plain writeText serves browsers without it.
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element
    ? event.target.closest("button[data-markdown]")
    : null;
  if (!button) return;
  const status = button.parentElement.querySelector("[role=status]");
  const say = (words) => {
    if (status) status.textContent = words;
  };
  const markdown = fetch(button.dataset.markdown).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  });
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
