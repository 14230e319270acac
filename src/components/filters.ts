// The story's filters: size classes, respondent role, unweighted/weighted. They live in the URL
// (?grootte=klein,middel&functie=secretaris&weging=gewogen), so a filtered view can be shared and survives a click
// to another page. The size classes and roles come from the survey metadata (a publisher's export may group
// them differently); the form uses native checkboxes and radio buttons in fieldsets, so keyboard and screen readers
// work without extra code (Inputs has no fieldset/legend).
import {html} from "htl";
import {whenIdle} from "./idle.js";
import type {StoryFilter} from "./story/model.js";

/** What a filter can choose from: the survey metadata's size classes and roles, and the population it is weighted to. */
export interface FilterDomain {
  sizeClasses: readonly string[];
  roles: readonly string[];
  population?: {total: number};
}

export const FILTER_PARAMS = ["grootte", "functie", "weging"];

// Short words for the URL, so that shared links stay readable and keep working across builds. A size class or role
// the codebook adds later gets a word made from its own name (urlWord), so nothing needs typing for another export.
const sizeWords: Record<string, string> = {"<25.000": "klein", "25.001-50.000": "middel", "50.001-100.000": "groot", ">100.000": "stad"};
const roleWords: Record<string, string> = {gemeentesecretaris: "secretaris", "andere functie": "ander"};

/** The URL word of a size class or role value: the short word above, else the value in lower case without punctuation. */
export function urlWord(value: string, words: Record<string, string> = {...sizeWords, ...roleWords}): string {
  return words[value] ?? value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** The unfiltered view: every size class, every role, unweighted (as the report). */
export function defaultFilter(domain: FilterDomain): StoryFilter {
  return {sizes: [...domain.sizeClasses], role: "alle", weighted: false};
}

/**
 * The filter a query string asks for. Unknown values fall back to the default: a size list with no known size class
 * selects every size class (an explicitly empty list, `grootte=`, stays empty: the form can produce it), an unknown
 * role selects every role, any weighting other than `gewogen` is unweighted.
 */
export function parseFilter(search: string, domain: FilterDomain): StoryFilter {
  const params = new URLSearchParams(search);
  const grootte = params.get("grootte");
  const asked = grootte == null ? null : grootte.split(",").filter((word) => word !== "");
  const known = asked == null ? [] : domain.sizeClasses.filter((s) => asked.includes(urlWord(s)));
  const sizes = asked == null || (asked.length > 0 && known.length === 0) ? [...domain.sizeClasses] : known;
  const functie = params.get("functie");
  const role = domain.roles.find((r) => urlWord(r) === functie) ?? "alle";
  return {sizes, role, weighted: params.get("weging") === "gewogen"};
}

/**
 * Every filter one click of the form away from `filter`: each size class ticked or unticked, each other role, the
 * other weighting. (The figures of these are drawn ahead while the reader reads: story/draw-ahead.ts.)
 */
export function neighbourFilters(filter: StoryFilter, domain: FilterDomain): StoryFilter[] {
  const toggled = (size: string) => domain.sizeClasses.filter((s) => (s === size ? !filter.sizes.includes(s) : filter.sizes.includes(s)));
  return [
    ...domain.sizeClasses.map((size) => ({...filter, sizes: toggled(size)})),
    ...["alle", ...domain.roles].filter((role) => role !== filter.role).map((role) => ({...filter, role})),
    {...filter, weighted: !filter.weighted}
  ];
}

/** The query string for a filter ("" for the default), keeping other parameters of `base`. */
export function filterSearch(filter: StoryFilter, domain: FilterDomain, base = ""): string {
  const params = new URLSearchParams(base);
  for (const p of FILTER_PARAMS) params.delete(p);
  if (filter.sizes.length !== domain.sizeClasses.length) params.set("grootte", domain.sizeClasses.filter((s) => filter.sizes.includes(s)).map((s) => urlWord(s)).join(","));
  if (filter.role !== "alle") params.set("functie", urlWord(filter.role));
  if (filter.weighted) params.set("weging", "gewogen");
  const text = params.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}

/** "gewogen naar alle 352 gemeenten": the weighting choice in words, with the population from the metadata. */
export function weightedLabel(domain: FilterDomain): string {
  return domain.population ? `gewogen naar alle ${domain.population.total} gemeenten` : "gewogen naar alle gemeenten";
}

/** A short Dutch description of a filter, for the n line under charts. */
export function describeFilter(filter: StoryFilter, domain: FilterDomain): string {
  const parts: string[] = [];
  if (filter.sizes.length !== domain.sizeClasses.length) parts.push(filter.sizes.length ? `gemeentegrootte ${filter.sizes.join(", ")}` : "geen gemeentegrootte gekozen");
  if (filter.role !== "alle") parts.push(`ingevuld door ${roleText(filter.role)}`);
  parts.push(filter.weighted ? weightedLabel(domain) : "ongewogen, zoals het rapport");
  return parts.join("; ");
}

/** "de gemeentesecretaris", "een andere functie": a role as the object of "ingevuld door". */
function roleText(role: string): string {
  return role === "gemeentesecretaris" ? "de gemeentesecretaris" : role === "andere functie" ? "een andere functie" : role;
}

/**
 * Points every link to another page of this site at the same filter (sidebar, pager, links in the text): the
 * filter's parameters of `search` are copied as they are, so pages without the survey metadata can call it too.
 */
export function carryFilterInLinks(search: string, root: ParentNode = document): void {
  const carried = new URLSearchParams(search);
  for (const a of root.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    const href = a.getAttribute("href")!;
    if (href.startsWith("#") || (/^[a-z]+:/i.test(href) && !href.startsWith(location.origin))) continue;
    const url = new URL(a.href);
    if (url.origin !== location.origin || /\.[a-z0-9]+$/i.test(url.pathname)) continue;
    const params = new URLSearchParams(url.search);
    for (const p of FILTER_PARAMS) {
      params.delete(p);
      if (carried.has(p)) params.set(p, carried.get(p)!);
    }
    const text = params.toString().replace(/%2C/g, ",");
    const target = text ? `?${text}` : "";
    if (url.search === target) continue;
    a.setAttribute("href", url.pathname + target + url.hash);
  }
}

let formCount = 0;

/** Cancels the page's address and links still waiting for a filter changed since. */
let cancelWaiting: (() => void) | null = null;

/** The filter form: a form whose value is the current StoryFilter, chosen from `domain`. */
export type FilterForm = HTMLFormElement & {value: StoryFilter; domain: FilterDomain};

/**
 * Calls `listener` with the new filter on every change of the form, in the input event's own task (before the
 * browser's next frame): the page's figures redraw themselves here, while Framework's runtime, which recomputes the
 * cells that read `view(form)` in the next animation frame, keeps the prose numbers reactive.
 */
export function onFilterChange(form: FilterForm, listener: (filter: StoryFilter) => void): void {
  form.addEventListener("input", (event) => {
    if (event.target === form) listener(form.value);
  });
}

/**
 * The filter form for `view(...)`: its value is a StoryFilter, and every change updates the URL (without a new
 * history entry) and the links on the page.
 */
export function filterForm(domain: FilterDomain, initial: StoryFilter = parseFilter(location.search, domain)): FilterForm {
  const id = `story-filter-${++formCount}`;
  const choice = (type: "checkbox" | "radio", name: string, value: string, label: string, checked: boolean) => {
    const inputId = `${id}-${name}-${urlWord(value)}`;
    return html`<label for=${inputId} class="story-choice"><input type=${type} name=${`${id}-${name}`} value=${value} id=${inputId} checked=${checked}> ${label}</label>`;
  };
  const form = html`<form class="story-filters" aria-label="Filters voor alle figuren en tabellen">
    <fieldset class="story-filter-sizes"><legend>Gemeentegrootte (inwoners)</legend>${domain.sizeClasses.map((s) => choice("checkbox", "grootte", s, s, initial.sizes.includes(s)))}</fieldset>
    <fieldset><legend>Ingevuld door</legend>${choice("radio", "functie", "alle", "iedereen", initial.role === "alle")}${domain.roles.map((r) => choice("radio", "functie", r, r, initial.role === r))}</fieldset>
    <fieldset><legend>Weging</legend>${choice("radio", "weging", "nee", "ongewogen (zoals het rapport)", !initial.weighted)}${choice("radio", "weging", "ja", weightedLabel(domain), initial.weighted)}</fieldset>
    <button type="button" class="story-filter-reset">Alle filters wissen</button>
  </form>` as FilterForm;
  const inputs = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${id}-${name}"]`)];
  const read = (): StoryFilter => ({
    sizes: inputs("grootte").filter((i) => i.checked).map((i) => i.value),
    role: inputs("functie").find((i) => i.checked)?.value ?? "alle",
    weighted: inputs("weging").find((i) => i.checked)?.value === "ja"
  });
  const publish = () => {
    form.value = read();
    const search = filterSearch(form.value, domain, location.search);
    // The address and the links (sidebar, pager, text) follow once the browser is idle, after the frame that shows
    // the new figures: history.replaceState costs Chromium 1-5 ms and rewriting some thirty hrefs as much, which the
    // reader would otherwise wait for before seeing the charts change, or the next click behind them.
    // Of filters changed in quick succession, only the last is written (at the latest after half a second).
    cancelWaiting?.();
    cancelWaiting = whenIdle(
      () => {
        cancelWaiting = null;
        history.replaceState(history.state, "", location.pathname + search + location.hash);
        carryFilterInLinks(search);
      },
      {timeout: 500}
    );
  };
  form.value = initial;
  form.domain = domain;
  // A native input event bubbles up before the form's value is updated: catch it (this listener is registered
  // before Framework's view() adds its own), update value, URL and links, then announce the new value once.
  form.addEventListener("input", (event) => {
    if (event.target === form) return;
    event.stopImmediatePropagation();
    publish();
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector("button")!.addEventListener("click", () => {
    for (const input of form.querySelectorAll<HTMLInputElement>("input")) input.checked = input.type === "checkbox" || input.value === "alle" || input.value === "nee";
    publish();
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return form;
}
