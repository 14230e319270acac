// Plot labels every mark's <g> with aria-label ("bar", "rule"), which ARIA forbids on elements without a role
// (axe: aria-prohibited-attr). The chart as a whole keeps its own aria-label and role="img"; the numbers are
// in the table under each figure.
export function accessibleChart<T extends Element>(chart: T): T {
  // the chart's own svg (a legend before it has svgs of its own, without a label)
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg[aria-label]");
  for (const g of chart.querySelectorAll("g[aria-label], g[aria-description]")) {
    g.removeAttribute("aria-label");
    g.removeAttribute("aria-description");
  }
  if (svg && svg.getAttribute("aria-label")) svg.setAttribute("role", "img");
  // The colour legend (swatches) is plain text for screen readers already; its inner svgs are decoration.
  for (const swatch of chart.querySelectorAll("[class$='-swatch'] svg")) swatch.setAttribute("aria-hidden", "true");
  return chart;
}
