// The two fixed fragments every page carries, the configuration's `head` (a script and an icon) and `footer` (where the
// questions and the answers come from), put into built pages where Framework would have put them. Framework parses a
// configured head and footer into a new JSDOM window several times per page (to rewrite paths, find assets and render),
// 8 windows a page: about 3 s of every build on two cores, for fragments with no path to rewrite. So `npm run build`
// (./build-site.ts) gives Framework neither and the post-build adds them; `npm run dev` keeps Framework's.

export interface PageFragments {
  head: string;
  footer: string;
}

/**
 * A built page with the fragments in place, as Framework renders a configured head and footer: the head on its own
 * line before the head's first <script>, the footer in a <div> at the end of <footer id="observablehq-footer">
 * (made after </main> when the page has no pager, hence no footer of its own). An empty fragment is left out, as
 * Framework leaves it out; a fragment the page has already is not added again.
 */
export function addPageFragments(html: string, {head, footer}: PageFragments): string {
  let page = html;
  if (head && !page.includes(head)) {
    const headEnd = page.indexOf("</head>");
    const firstScript = page.indexOf("\n<script", page.indexOf("<head>"));
    if (headEnd < 0 || firstScript < 0 || firstScript > headEnd) throw new Error("a built page has no <head> with a script in it: has Framework's page template changed?");
    page = `${page.slice(0, firstScript)}\n${head}${page.slice(firstScript)}`;
  }
  const div = `\n<div>${footer}</div>`;
  if (footer && !page.includes(div)) {
    const pageFooter = /(<footer id="observablehq-footer">[\s\S]*?)(\n<\/footer>)/;
    if (pageFooter.test(page)) page = page.replace(pageFooter, (_, open: string, close: string) => `${open}${div}${close}`);
    else if (page.includes("</main>")) page = page.replace("</main>", () => `</main>\n<footer id="observablehq-footer">${div}\n</footer>`);
    else throw new Error("a built page has no </main>: has Framework's page template changed?");
  }
  return page;
}
