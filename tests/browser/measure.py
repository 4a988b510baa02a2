"""What a browser measures on a page: axe-core's verdict, text sizes, tap targets, horizontal scrolling.

Each function returns what is wrong (empty when all is well), so an assertion failure names the culprit.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

BLOCKING_IMPACTS = {"serious", "critical"}

# The size a reader sees: the computed font size, times the element's own scale (Quasar shrinks the
# label of a filled field with a transform, not with font-size). Icons are drawn from ligatures
# ("keyboard_arrow_down"): their text is no reading matter.
SMALL_TEXT_JS = """([selector, minimum]) => {
  const small = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent.trim();
      const element = walker.currentNode.parentElement;
      if (!text || element.closest(".q-icon") || !element.checkVisibility({visibilityProperty: true})) continue;
      const style = getComputedStyle(element);
      const matrix = new DOMMatrix(style.transform === "none" ? undefined : style.transform);
      const scale = Math.hypot(matrix.a, matrix.b);
      const size = parseFloat(style.fontSize) * scale;
      if (size < minimum - 0.01) small.push(`${text.slice(0, 40)} (${size.toFixed(1)} px)`);
    }
  }
  return small;
}"""

SMALL_TARGETS_JS = """([selector, minimum]) => [...document.querySelectorAll(selector)]
  .filter((element) => element.checkVisibility({visibilityProperty: true}))
  .map((element) => [element.innerText.trim().split("\\n")[0] || element.getAttribute("aria-label"),
                     element.getBoundingClientRect()])
  .filter(([, box]) => Math.min(box.width, box.height) < minimum)
  .map(([name, box]) => `${name} (${box.width.toFixed(0)}x${box.height.toFixed(0)} px)`)"""


def accessibility_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings (axe.js comes inside the Python package: nothing fetched)."""
    results = Axe().run(page).response
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[node['target'] for node in v['nodes']][:5]}"
            for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def text_smaller_than(page: Page, minimum_px: float, *, within: str = "body") -> list[str]:
    """Visible text inside the elements matching `within` that reads smaller than `minimum_px`."""
    return page.evaluate(SMALL_TEXT_JS, [within, minimum_px])


def targets_smaller_than(page: Page, minimum_px: float, selector: str) -> list[str]:
    return page.evaluate(SMALL_TARGETS_JS, [selector, minimum_px])


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the screen (0: no sideways scrolling)."""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)")
