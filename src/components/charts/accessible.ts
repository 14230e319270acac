// Plot labels every mark's <g> with aria-label ("bar", "rule"), which ARIA forbids on elements without a role
// (axe: aria-prohibited-attr). The chart as a whole keeps its own aria-label and role="img"; the numbers are
// in the table under each figure. One fix for every chart of the site: chart components call accessibleChart on
// what they draw; a page region whose charts are drawn elsewhere (resize() redraws) uses accessibleCharts.

import {hoistPlotStyles} from "./plot-styles.js";

function fixCharts(root: Element): void {
  hoistPlotStyles(root);
  const svgs = root.tagName.toLowerCase() === "svg" ? [root, ...root.querySelectorAll("svg")] : [...root.querySelectorAll("svg")];
  for (const svg of svgs) if (svg.getAttribute("aria-label") && !svg.getAttribute("role")) svg.setAttribute("role", "img");
  for (const g of root.querySelectorAll("g[aria-label], g[aria-description]")) {
    g.removeAttribute("aria-label");
    g.removeAttribute("aria-description");
  }
  // The colour legend (swatches) is plain text for screen readers already; its inner svgs are decoration.
  for (const swatch of root.querySelectorAll("[class$='-swatch'] svg")) swatch.setAttribute("aria-hidden", "true");
}

/** One chart (an <svg>, or Plot's <figure> with a legend) made accessible. */
export function accessibleChart<T extends Element>(chart: T): T {
  fixCharts(chart);
  return chart;
}

/** Every chart inside `root`, now and whenever a chart in it is redrawn (resize()). */
export function accessibleCharts<T extends Element>(root: T): T {
  fixCharts(root);
  new MutationObserver(() => fixCharts(root)).observe(root, {childList: true, subtree: true});
  return root;
}
