// The story's filters: size classes, respondent role, unweighted/weighted. They live in the URL
// (?grootte=klein,middel&functie=secretaris&weging=gewogen), so a filtered view can be shared and survives a click
// to another page. The form uses native checkboxes and radio buttons in fieldsets: keyboard and screen readers
// work without extra code, which is why it is not built with Inputs (no fieldset/legend there).
import {DEFAULT_FILTER, SIZE_CLASSES, type RoleFilter, type SizeClass, type StoryFilter} from "./story/model.js";

const sizeKeys: Record<SizeClass, string> = {"<25.000": "klein", "25.001-50.000": "middel", "50.001-100.000": "groot", ">100.000": "stad"};
const roleKeys: Record<Exclude<RoleFilter, "alle">, string> = {gemeentesecretaris: "secretaris", "andere functie": "ander"};
export const FILTER_PARAMS = ["grootte", "functie", "weging"];

/** The filter a query string asks for; unknown values fall back to the default. */
export function parseFilter(search: string): StoryFilter {
  const params = new URLSearchParams(search);
  const grootte = params.get("grootte");
  const sizes = grootte == null ? [...SIZE_CLASSES] : SIZE_CLASSES.filter((s) => grootte.split(",").includes(sizeKeys[s]));
  const functie = params.get("functie");
  const role = (Object.entries(roleKeys).find(([, key]) => key === functie)?.[0] ?? "alle") as RoleFilter;
  return {sizes, role, weighted: params.get("weging") === "gewogen"};
}

/** The query string for a filter ("" for the default), keeping other parameters of `base`. */
export function filterSearch(filter: StoryFilter, base = ""): string {
  const params = new URLSearchParams(base);
  for (const p of FILTER_PARAMS) params.delete(p);
  if (filter.sizes.length !== SIZE_CLASSES.length) params.set("grootte", SIZE_CLASSES.filter((s) => filter.sizes.includes(s)).map((s) => sizeKeys[s]).join(","));
  if (filter.role !== "alle") params.set("functie", roleKeys[filter.role]);
  if (filter.weighted) params.set("weging", "gewogen");
  const text = params.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}

/** A short Dutch description of a filter, for the n line under charts. */
export function describeFilter(filter: StoryFilter): string {
  const parts: string[] = [];
  if (filter.sizes.length !== SIZE_CLASSES.length) parts.push(filter.sizes.length ? `gemeentegrootte ${filter.sizes.join(", ")}` : "geen gemeentegrootte gekozen");
  if (filter.role !== "alle") parts.push(filter.role === "gemeentesecretaris" ? "ingevuld door de gemeentesecretaris" : "ingevuld door een andere functie");
  parts.push(filter.weighted ? "gewogen naar alle 352 gemeenten" : "ongewogen, zoals het rapport");
  return parts.join("; ");
}

/** Points every link to another page of this site at the same filter (sidebar, pager, links in the text). */
export function carryFilterInLinks(search: string, root: ParentNode = document): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    const href = a.getAttribute("href")!;
    if (href.startsWith("#") || /^[a-z]+:/i.test(href) && !href.startsWith(location.origin)) continue;
    const url = new URL(a.href);
    if (url.origin !== location.origin || /\.[a-z0-9]+$/i.test(url.pathname)) continue;
    const target = filterSearch(parseFilter(search), url.search);
    if (url.search === target) continue;
    a.setAttribute("href", url.pathname + target + url.hash);
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k in node) (node as any)[k] = v;
    else node.setAttribute(k, String(v));
  }
  node.append(...children);
  return node;
}

let formCount = 0;

/**
 * The filter form for `view(...)`: its value is a StoryFilter, and every change updates the URL (without a new
 * history entry) and the links on the page.
 */
export function filterForm(initial: StoryFilter = parseFilter(location.search)): HTMLFormElement & {value: StoryFilter} {
  const id = `story-filter-${++formCount}`;
  const choice = (type: "checkbox" | "radio", name: string, value: string, label: string, checked: boolean) => {
    const input = element("input", {type, name: `${id}-${name}`, value, checked, id: `${id}-${name}-${value.replace(/\W+/g, "")}`}) as HTMLInputElement;
    return element("label", {htmlFor: input.id, className: "story-choice"}, input, ` ${label}`);
  };
  const sizes = element(
    "fieldset",
    {className: "story-filter-sizes"},
    element("legend", {}, "Gemeentegrootte (inwoners)"),
    ...SIZE_CLASSES.map((s) => choice("checkbox", "grootte", s, s, initial.sizes.includes(s)))
  );
  const role = element(
    "fieldset",
    {},
    element("legend", {}, "Ingevuld door"),
    choice("radio", "functie", "alle", "iedereen", initial.role === "alle"),
    choice("radio", "functie", "gemeentesecretaris", "gemeentesecretaris", initial.role === "gemeentesecretaris"),
    choice("radio", "functie", "andere functie", "andere functie", initial.role === "andere functie")
  );
  const weighting = element(
    "fieldset",
    {},
    element("legend", {}, "Weging"),
    choice("radio", "weging", "nee", "ongewogen (zoals het rapport)", !initial.weighted),
    choice("radio", "weging", "ja", "gewogen naar alle 352 gemeenten", initial.weighted)
  );
  const reset = element("button", {type: "button", className: "story-filter-reset"}, "Alle filters wissen");
  const form = element("form", {className: "story-filters", "aria-label": "Filters voor alle figuren en tabellen"}, sizes, role, weighting, reset) as HTMLFormElement & {value: StoryFilter};
  const read = (): StoryFilter => ({
    sizes: SIZE_CLASSES.filter((s) => (form.querySelector(`input[name="${id}-grootte"][value="${s}"]`) as HTMLInputElement).checked),
    role: (form.querySelector(`input[name="${id}-functie"]:checked`) as HTMLInputElement).value as RoleFilter,
    weighted: (form.querySelector(`input[name="${id}-weging"]:checked`) as HTMLInputElement).value === "ja"
  });
  const publish = () => {
    form.value = read();
    const search = filterSearch(form.value, location.search);
    history.replaceState(history.state, "", location.pathname + search + location.hash);
    carryFilterInLinks(search);
  };
  form.value = initial;
  // A native input event bubbles up before the form's value is updated: catch it (this listener is registered
  // before Framework's view() adds its own), update value, URL and links, then announce the new value once.
  form.addEventListener("input", (event) => {
    if (event.target === form) return;
    event.stopImmediatePropagation();
    publish();
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  reset.addEventListener("click", () => {
    for (const input of form.querySelectorAll<HTMLInputElement>("input")) input.checked = input.type === "checkbox" || input.value === "alle" || input.value === "nee";
    publish();
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return form;
}

export {DEFAULT_FILTER};
