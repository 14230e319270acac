// Plot puts the same <style> (its default look, scoped to its class) into every chart it draws, and each copy is a
// stylesheet of the page. With dozens of charts on a page (a story figure keeps the charts of the filters one click
// away: story/sized-chart.ts) every style update matched each element against every copy: measured on a chapter
// page with 50 kept charts, 7-20 ms of style recalculation for a hundred elements. One copy in the document's head
// serves every chart of the page, whatever Plot's version writes in it.

/** The style texts already in this page's head. */
const inHead = new Set<string>();

/** Moves the <style> elements Plot drew into `chart` to the page's head, one copy per distinct text. */
export function hoistPlotStyles(chart: Element): void {
  // A chart drawn for another document (build-time charts, in jsdom) keeps its own: that page has no other copy.
  if (typeof document === "undefined" || chart.ownerDocument !== document) return;
  for (const style of chart.querySelectorAll("style")) {
    const text = style.textContent ?? "";
    if (!inHead.has(text)) {
      inHead.add(text);
      const copy = document.createElement("style");
      copy.textContent = text;
      document.head.append(copy);
    }
    style.remove();
  }
}
