// Data and small helpers shared by the methodology lab pages. The responses come from respondents.parquet,
// decoded in the browser with hyparquet (no DuckDB needed for these pages, so they draw fast); lab-meta.json
// carries the codebook, the printed tables and the reconstruction's invented parameters.
import {FileAttachment} from "observablehq:stdlib";
import {readParquetRows} from "../components/parquet.js";
import {storyFigure, type FigureOptions} from "../components/story/figure.js";

export type Respondent = Record<string, any> & {respondent_id: string; size_class: string; role: string; weight: number};

export interface LabItem {
  id: string;
  section: string;
  topic: string;
  scale: string | null;
  responseScale: string;
  label: string;
  text: string;
  labelEn: string;
}

export interface LabMeta {
  population: Record<string, number>;
  populationTotal: number;
  sizeClasses: string[];
  sections: {id: string; title: string}[];
  topics: Record<string, string>;
  scales: {id: string; title: string; labelEn: string; table: string; items: string[]}[];
  responseScales: Record<string, {code: number; label: string}[]>;
  items: LabItem[];
  published: any;
  reconstruction: any;
}

export interface Lab {
  respondents: Respondent[];
  meta: LabMeta;
  item(id: string): LabItem;
}

let cached: Promise<Lab> | null = null;

/** Loads the respondents and the lab's metadata once per page. */
export function loadLab(): Promise<Lab> {
  return (cached ??= (async () => {
    const [bytes, meta] = await Promise.all([
      FileAttachment("../data/respondents.parquet").arrayBuffer(),
      FileAttachment("./data/lab-meta.json").json()
    ]);
    const rows = (await readParquetRows(bytes)) as Respondent[];
    // INT64 columns arrive as bigint; the library works with numbers
    const respondents = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))) as Respondent[];
    const byId = new Map<string, LabItem>(meta.items.map((i: LabItem) => [i.id, i]));
    return {respondents, meta, item: (id: string) => byId.get(id)!};
  })());
}

/** Respondents × items, null where unanswered. */
export function itemMatrix(respondents: Respondent[], itemIds: string[]): (number | null)[][] {
  return respondents.map((r) => itemIds.map((id) => (r[id] === null || r[id] === undefined ? null : Number(r[id]))));
}

/** Mean of the items when at least `minShare` of them are answered (1 = the report's rule: all items). */
export function scaleScore(respondent: Respondent, itemIds: string[], minShare = 1): number | null {
  const values = itemIds.map((id) => respondent[id]).filter((v) => v !== null && v !== undefined).map(Number);
  if (values.length === 0 || values.length < Math.ceil(minShare * itemIds.length - 1e-9)) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The banner every lab page shows near the top. */
export function reconstructedNote(): HTMLElement {
  const p = document.createElement("p");
  p.className = "lab-reconstructed";
  p.innerHTML = "Alle cijfers op deze pagina worden in uw browser berekend uit de <strong>gereconstrueerde antwoorden</strong> van 107 gemeenten, niet uit de echte enquêteantwoorden (die zijn niet openbaar).";
  return p;
}

/** A small glossary: Dutch term, English term, explanation. */
export function glossary(entries: [string, string, string][]): HTMLElement {
  const dl = document.createElement("dl");
  dl.className = "lab-glossary";
  for (const [nl, en, text] of entries) {
    const dt = document.createElement("dt");
    dt.innerHTML = `${nl} <span lang="en">(${en})</span>`;
    const dd = document.createElement("dd");
    dd.textContent = text;
    dl.append(dt, dd);
  }
  return dl;
}

/** An element from our own markup (numbers the page computed), without Framework's implicit html (npm:htl). */
export function htmlBlock(markup: string): HTMLElement {
  const template = document.createElement("template");
  template.innerHTML = markup.trim();
  return template.content.firstElementChild as HTMLElement;
}

/**
 * Plot (0.6) labels every mark group with aria-label ("bar", "dot", "tip") on a <g> without a role, which ARIA
 * forbids (axe: aria-prohibited-attr). The chart's own aria-label on the <svg> is what a screen reader needs, and
 * the figure's table carries the numbers: so the <svg> becomes role="img" and the mark groups lose their label.
 * Runs again whenever resize() redraws the chart.
 */
export function accessibleCharts<T extends Element>(root: T): T {
  const fix = () => {
    for (const svg of root.querySelectorAll("svg[aria-label]")) if (!svg.getAttribute("role")) svg.setAttribute("role", "img");
    for (const g of root.querySelectorAll("svg g[aria-label]")) g.removeAttribute("aria-label");
  };
  fix();
  new MutationObserver(fix).observe(root, {childList: true, subtree: true});
  return root;
}

/** storyFigure (title, reading aid, chart, source line, table) with the lab's chart accessibility fix. */
export function labFigure(options: FigureOptions): HTMLElement {
  return accessibleCharts(storyFigure(options));
}

/**
 * WCAG 1.4.3 on the lab pages: the theme's muted and faint greys (60% and 50% foreground: #76787b = 4,42:1 and
 * #8d8f91 = 3,24:1 on white, 4,09:1 on the sidebar's #f6f6f6) carry text here (reading aids, source lines, the
 * contents and the sidebar), so the lab darkens them to 72% and 66% (about 6:1 and 5:1, light and dark theme alike).
 * Site-wide this belongs in src/style.css; until then the lab pages set it themselves.
 */
function ensureLabContrast(): void {
  if (typeof document === "undefined" || document.getElementById("lab-contrast")) return;
  const style = document.createElement("style");
  style.id = "lab-contrast";
  style.textContent = `:root {
  --theme-foreground-muted: color-mix(in srgb, var(--theme-foreground) 72%, var(--theme-background));
  --theme-foreground-faint: color-mix(in srgb, var(--theme-foreground) 66%, var(--theme-background));
}
/* Inputs (imported from node_modules) comes without its stylesheet here: label beside the control, options spaced */
form[class^="inputs-"] {display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.75rem; margin: 0.75rem 0; max-width: 760px;}
form[class^="inputs-"] > label:first-child {flex: 0 0 11rem; font-weight: 600;}
form[class^="inputs-"] > div {flex: 1 1 16rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.1rem;}
form[class^="inputs-"] > div > label {display: inline-flex; align-items: center; gap: 0.35rem; min-height: 24px;}
form[class^="inputs-"] input[type="number"] {width: 5rem;}
form[class^="inputs-"] select, form[class^="inputs-"] button {min-height: 24px;}
`;
  document.head.append(style);
}
ensureLabContrast();
