// The row of actions under a figure: open it as a notebook, download the chart (SVG, PNG) and its numbers (CSV),
// and a link to the figure with the page's filters. Plain links and buttons in a labelled group, so keyboard and
// screen readers need nothing extra; what happened is announced politely. Nothing here loads DuckDB: the notebook
// link is text, and the downloads are made from what the page already shows.
import {html} from "htl";
import {whenIdle} from "../idle.js";
import {notebookPath} from "./figure-notebook.js";
import {chartSvg, figureAddress, figureCsv, figureFileName, saveFile, svgToPng, type FigureNumbers} from "./figure-downloads.js";

export interface FigureActionsOptions {
  /** "Figuur 3". */
  number: string;
  /** The figure's anchor ("figuur-3"). */
  id: string;
  title: string;
  /** The figure's chart container, read when a download is asked for (resize() redraws the chart in it). */
  chart: () => Element | null;
  /** The query string of the page's filters, for the link to the figure. */
  search: string;
  /**
   * Makes the link to the figure's notebook (null when it has none). Called when the reader comes near the link
   * (pointer, focus, touch) or the browser is idle, not while the figure is drawn: compressing a notebook takes a few
   * milliseconds, and a filter change redraws every figure of the page.
   */
  notebookHref?: () => string | null;
  /** The figure's numbers, for the CSV. */
  numbers?: FigureNumbers;
}

/** The page's text and background colours, so that a chart saved from a dark page looks as it did. */
function pageColours(chart: Element): {color: string; background: string; fontFamily: string} {
  const view = chart.ownerDocument.defaultView;
  if (!view) return {color: "#000", background: "#fff", fontFamily: "system-ui, sans-serif"};
  const style = view.getComputedStyle(chart);
  // the chart's own font (Plot sets one on its svg), not the page's serif body text
  const svgStyle = view.getComputedStyle(chart.querySelector("svg") ?? chart);
  let background = "rgba(0, 0, 0, 0)";
  for (let node: Element | null = chart; node && /rgba\(0, 0, 0, 0\)|transparent/.test(background); node = node.parentElement) background = view.getComputedStyle(node).backgroundColor;
  if (/rgba\(0, 0, 0, 0\)|transparent/.test(background)) background = "#fff";
  return {color: style.color || "#000", background, fontFamily: svgStyle.fontFamily || "system-ui, sans-serif"};
}

/** The row of actions; `refresh` points it at a figure redrawn for another filter (link, notebook, numbers). */
export interface FigureActions extends HTMLElement {
  refresh(next: Pick<FigureActionsOptions, "search" | "notebookHref" | "numbers">): void;
}

export function figureActions(options: FigureActionsOptions): FigureActions {
  const {number, id, title, chart} = options;
  let {search, notebookHref, numbers} = options;
  const status = html`<span class="story-figure-status" role="status" aria-live="polite"></span>` as HTMLElement;
  const say = (text: string) => (status.textContent = text);
  const svgOf = () => {
    const container = chart();
    return container ? chartSvg(container, {...pageColours(container), title: `${number}: ${title}`}) : null;
  };
  const run = (what: string, make: () => Promise<void> | void) => async () => {
    try {
      await make();
      say(`${number} gedownload als ${what}.`);
    } catch (error) {
      say(`${number} kon niet als ${what} worden gedownload: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const noChart = () => new Error("de grafiek is nog niet getekend.");
  const downloadSvg = run("SVG", () => {
    const svg = svgOf();
    if (!svg) throw noChart();
    saveFile(new Blob([svg.text], {type: "image/svg+xml"}), figureFileName(id, "svg"));
  });
  const downloadPng = run("PNG", async () => {
    const svg = svgOf();
    if (!svg) throw noChart();
    saveFile(await svgToPng(svg), figureFileName(id, "png"));
  });
  const downloadCsv = run("CSV", () => saveFile(new Blob([figureCsv(numbers!)], {type: "text/csv;charset=utf-8"}), figureFileName(id, "csv")));
  const addressOf = (search: string) => (typeof location === "undefined" ? `${search}#${id}` : figureAddress(id, search, location));
  let address = addressOf(search);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      say(`De link naar ${number} is gekopieerd.`);
    } catch {
      say(`Kopiëren lukte niet; de link naar ${number} is: ${address}`);
    }
  };
  const button = (label: string, text: string, action: string, onclick: () => void) =>
    html`<button type="button" class="story-figure-action" data-action=${action} aria-label=${label} onclick=${onclick}>${text}</button>`;
  const notebook = notebookHref ? (html`<a class="story-figure-action story-figure-notebook" data-action="notebook">Open als notebook</a>` as HTMLAnchorElement) : null;
  let made = false;
  const make = () => {
    if (made || !notebook || !notebookHref) return;
    made = true;
    const href = notebookHref();
    if (href) notebook.href = href;
    else notebook.remove();
  };
  const later = () => void whenIdle(make, {timeout: 3000});
  if (notebook) {
    for (const event of ["pointerenter", "focus", "mousedown", "touchstart"]) notebook.addEventListener(event, make, {passive: true});
    later();
    // until then the link opens the notebook page itself, so it is a link for keyboard and screen readers from the start
    notebook.setAttribute("href", notebookPath());
  }
  const actions = html`<div class="story-figure-actions" role="group" aria-label=${`${number}: openen, downloaden en delen`}>
    ${notebook}
    <span class="story-figure-downloads"><span class="story-figure-downloads-label" aria-hidden="true">Download</span>
      ${button(`${number} downloaden als SVG`, "SVG", "svg", downloadSvg)}
      ${button(`${number} downloaden als PNG`, "PNG", "png", downloadPng)}
      ${numbers ? button(`Cijfers van ${number} downloaden als CSV`, "CSV", "csv", downloadCsv) : null}
    </span>
    <a class="story-figure-action story-figure-link" data-action="link" href=${address}>Link naar deze figuur</a>
    ${button(`Kopieer link naar ${number}`, "Kopieer link", "copy", copy)}
    ${status}
  </div>` as FigureActions;
  const link = actions.querySelector<HTMLAnchorElement>("a[data-action=link]")!;
  actions.refresh = (next) => {
    ({search, notebookHref, numbers} = next);
    address = addressOf(search);
    link.setAttribute("href", address);
    // The notebook link is made again for the new filter when the reader comes near it (not at idle: filters are
    // often changed several times in a row, and compressing a notebook per figure per change is wasted work).
    if (notebook && notebookHref && made) {
      made = false;
      notebook.setAttribute("href", notebookPath());
    }
  };
  return actions;
}
