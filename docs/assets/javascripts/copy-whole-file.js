// The copy button puts the whole program on the clipboard, final newline included, so a
// pasted file is byte for byte the file the test suite ran. Material trims trailing
// whitespace from what it copies; a button that carries `data-clipboard-text` is copied as is,
// so set that attribute just before Material's own click handler reads it.
document.addEventListener(
  "click",
  (event) => {
    const button = event.target instanceof Element
      ? event.target.closest("button.md-code__button[data-md-type=copy]")
      : null;
    const target = button && button.getAttribute("data-clipboard-target");
    const code = target && document.querySelector(target);
    if (!code) return;
    code.setAttribute("data-md-copying", "");
    const text = code.innerText;
    code.removeAttribute("data-md-copying");
    button.setAttribute("data-clipboard-text", text.trimEnd() + "\n");
  },
  true,
);
