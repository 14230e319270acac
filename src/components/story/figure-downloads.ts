// What a reader can take home from a figure: the chart as a standalone SVG file (and as PNG, drawn from that SVG on
// a canvas, so no library is fetched), its numbers as CSV (the project's one CSV writer), and a link to the figure
// with the page's filters. The downloads hold exactly what the figure shows: a group the story hides has no number
// in the chart, and its row in the CSV keeps its value and count empty.
import {csvFromObjects} from "../csv.js";
import {isShown} from "./sized-chart.js";
import type {DistributionRow, MeanRow} from "./model.js";

const SVG_NS = "http://www.w3.org/2000/svg";

/** The chart's own SVGs: those shown (not a chart kept out of sight), not nested in another SVG, not a legend's colour swatch. */
function chartSvgs(container: Element): SVGSVGElement[] {
  return [...container.querySelectorAll("svg")].filter((svg) => isShown(svg) && !svg.parentElement?.closest("svg") && !svg.closest("[class$='-swatch']")) as SVGSVGElement[];
}

/** The legend entries (colour and text) of Plot's swatch legends in the container. */
function legendEntries(container: Element): {color: string; text: string}[] {
  return [...container.querySelectorAll("[class$='-swatch']")].filter(isShown).map((swatch) => {
    // Plot puts the colour on the swatch's svg (fill="#e15759") and draws a plain rect in it
    const svg = swatch.querySelector("svg");
    const shape = swatch.querySelector("svg rect, svg circle, svg path");
    return {color: svg?.getAttribute("fill") ?? shape?.getAttribute("fill") ?? "currentColor", text: (swatch.textContent ?? "").trim()};
  });
}

/** A heading right before a chart (Table 5 names each of its two charts so), or null. */
function headingBefore(svg: Element, container: Element): string | null {
  for (let node: Element | null = svg; node && node !== container; node = node.parentElement) {
    let previous = node.previousElementSibling;
    while (previous && !isShown(previous)) previous = previous.previousElementSibling;
    if (previous && /^H[1-6]$/.test(previous.tagName)) return (previous.textContent ?? "").trim() || null;
    if (previous) return null;
  }
  return null;
}

const sizeOf = (svg: SVGSVGElement) => ({width: Number(svg.getAttribute("width")) || svg.viewBox?.baseVal?.width || 640, height: Number(svg.getAttribute("height")) || svg.viewBox?.baseVal?.height || 400});

export interface ChartSvg {
  text: string;
  width: number;
  height: number;
}

export interface ChartSvgOptions {
  /** Text colour for `currentColor` (the page's, so a dark page gives a light text). Default black. */
  color?: string;
  /** Background of the file (default white); a chart on a transparent background is unreadable in many viewers. */
  background?: string;
  fontFamily?: string;
  /** A title line above the chart ("Figuur 3: ..."). */
  title?: string;
}

/**
 * The charts in `container` as one standalone SVG file: a title, the colour legend as SVG, and every chart below
 * the other (Table 5 has two). Null when the container holds no chart yet.
 */
export function chartSvg(container: Element, {color = "#000", background = "#fff", fontFamily = "system-ui, sans-serif", title}: ChartSvgOptions = {}): ChartSvg | null {
  const svgs = chartSvgs(container);
  if (!svgs.length) return null;
  const doc = container.ownerDocument;
  const root = doc.createElementNS(SVG_NS, "svg");
  const width = Math.max(...svgs.map((s) => sizeOf(s).width));
  let y = 0;
  const text = (content: string, x: number, baseline: number, attrs: Record<string, string> = {}) => {
    const t = doc.createElementNS(SVG_NS, "text");
    t.setAttribute("x", String(x));
    t.setAttribute("y", String(baseline));
    for (const [k, v] of Object.entries(attrs)) t.setAttribute(k, v);
    t.textContent = content;
    root.appendChild(t);
  };
  const background_ = doc.createElementNS(SVG_NS, "rect");
  background_.setAttribute("width", "100%");
  background_.setAttribute("height", "100%");
  background_.setAttribute("fill", background);
  root.appendChild(background_);
  if (title) {
    text(title, 0, 16, {"font-weight": "bold", "font-size": "14"});
    y += 26;
  }
  const legend = legendEntries(container);
  if (legend.length) {
    let x = 0;
    for (const {color: fill, text: label} of legend) {
      const width_ = 18 + label.length * 6.5;
      if (x > 0 && x + width_ > width) (x = 0), (y += 18);
      const rect = doc.createElementNS(SVG_NS, "rect");
      for (const [k, v] of Object.entries({x: String(x), y: String(y + 2), width: "12", height: "12", fill})) rect.setAttribute(k, v);
      root.appendChild(rect);
      text(label, x + 16, y + 12, {"font-size": "11"});
      x += width_ + 8;
    }
    y += 24;
  }
  for (const svg of svgs) {
    const heading = headingBefore(svg, container);
    if (heading) {
      text(heading, 0, y + 14, {"font-weight": "bold", "font-size": "12"});
      y += 22;
    }
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const size = sizeOf(svg);
    copy.setAttribute("x", "0");
    copy.setAttribute("y", String(y));
    copy.setAttribute("width", String(size.width));
    copy.setAttribute("height", String(size.height));
    root.appendChild(copy);
    y += size.height + 8;
  }
  const height = Math.ceil(y);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("font-family", fontFamily);
  root.setAttribute("font-size", "10");
  root.setAttribute("style", `color: ${color}`);
  root.setAttribute("fill", "currentColor");
  return {text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`, width, height};
}

/** The SVG drawn on a canvas as a PNG (scale 2: sharp on a phone and in print). Browser only. */
export async function svgToPng({text, width, height}: ChartSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], {type: "image/svg+xml"}));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("De grafiek kon niet als afbeelding worden getekend."));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d")!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("De browser maakte geen PNG."))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The numbers of a figure: distribution rows (shares per answer) or mean rows. */
export type FigureNumbers = {kind: "distribution"; rows: DistributionRow[]; labels?: Record<string, string>} | {kind: "means"; rows: (MeanRow & {scale?: string})[]};

/**
 * A figure's numbers as CSV (decimal points, one row per bar segment or group). A hidden group keeps its row with
 * value and count empty and `verborgen` true: the download shows no more than the figure.
 */
export function figureCsv(numbers: FigureNumbers): string {
  if (numbers.kind === "distribution") {
    const rows = numbers.rows.map((r) => ({
      item_id: r.item_id,
      vraag: numbers.labels?.[r.item_id] ?? r.item_id,
      groep: r.group,
      code: r.code,
      antwoord: r.label,
      aandeel: r.suppressed ? null : r.share,
      aantal: r.suppressed ? null : r.count,
      n: r.suppressed ? null : r.n,
      verborgen: r.suppressed
    }));
    return csvFromObjects(rows, ["item_id", "vraag", "groep", "code", "antwoord", "aandeel", "aantal", "n", "verborgen"], {neutraliseFormulas: true, lineEnd: "\r\n"});
  }
  const scales = numbers.rows.some((r) => r.scale != null);
  const rows = numbers.rows.map((r) => ({
    ...(scales ? {schaal: r.scale ?? null} : {}),
    groep: r.group,
    gemiddelde: r.suppressed ? null : r.mean,
    standaardfout: r.suppressed ? null : r.se,
    ondergrens: r.suppressed ? null : r.low,
    bovengrens: r.suppressed ? null : r.high,
    n: r.suppressed ? null : r.n,
    verborgen: r.suppressed
  }));
  const columns = [...(scales ? ["schaal"] : []), "groep", "gemiddelde", "standaardfout", "ondergrens", "bovengrens", "n", "verborgen"];
  return csvFromObjects(rows, columns, {neutraliseFormulas: true, lineEnd: "\r\n"});
}

/** The address of a figure with the page's filters: this page, the filter query, the figure's anchor. */
export function figureAddress(id: string, filterSearch: string, {origin, pathname}: {origin: string; pathname: string}): string {
  return `${origin}${pathname}${filterSearch}#${id}`;
}

/** "kennisverkenner-figuur-3.csv": a file name that says where it comes from. */
export function figureFileName(id: string, extension: "svg" | "png" | "csv"): string {
  return `kennisverkenner-${id}.${extension}`;
}

/** Hands a file to the browser's download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
