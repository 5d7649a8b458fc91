// A table wider than its column scrolls inside the theme's wrapper (layout.css keeps code
// names in cells whole, so wide tables do scroll). A region that scrolls must be reachable by
// keyboard, so each wrapper that scrolls now is made focusable and named, and one that no
// longer does (the window grew) is put back.
function markScrollingTables() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table, scrolls sideways");
    } else if (wrap.hasAttribute("tabindex")) {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(markScrollingTables);
} else {
  document.addEventListener("DOMContentLoaded", markScrollingTables);
}
window.addEventListener("resize", markScrollingTables);
