// The post-build puts the configuration's head and footer into built pages exactly where Framework would have: a
// small site built by Framework with them, and built without them and finished by addPageFragments, is the same
// byte for byte, on a page with a pager (Framework's footer holds it) and on one without (no footer of its own).
import {execFile} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {addPageFragments, type PageFragments} from "../../scripts/page-fragments.ts";

const fragments: PageFragments = {
  head: `<script type="module">document.documentElement.lang="nl";</script>\n<link rel="icon" href="data:,">`,
  footer: "Kennisverkenner · gebaseerd op <i>Kennis voor lokaal beleid</i>. De antwoorden zijn <strong>gereconstrueerd</strong>."
};
const pages = ["index", "hoofdstuk", "los"];
let dir: string;

/** Builds a three-page site (two in the pager, one not) with or without the fragments; returns its pages' HTML. */
async function buildSite(name: string, withFragments: boolean): Promise<Record<string, string>> {
  const project = join(dir, name);
  mkdirSync(join(project, "src"), {recursive: true});
  for (const page of pages) writeFileSync(join(project, "src", `${page}.md`), `# ${page}\n\nTekst van ${page}.\n\n\`\`\`js\nconst x = 1 + 1;\n\`\`\`\n`);
  const head = withFragments ? JSON.stringify(fragments.head) : "null";
  const footer = withFragments ? JSON.stringify(fragments.footer) : "null";
  writeFileSync(join(project, "observablehq.config.js"), `export default {title: "Proef", root: "src", globalStylesheets: [], header: null, head: ${head}, footer: ${footer}, pages: [{name: "Hoofdstuk", path: "/hoofdstuk"}], search: false};\n`);
  // asynchronously: a blocking build would stall the test runner's own messages
  await promisify(execFile)(resolve("node_modules/.bin/observable"), ["build"], {cwd: project, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
  return Object.fromEntries(pages.map((page) => [page, readFileSync(join(project, "dist", `${page}.html`), "utf8")]));
}

let framework: Record<string, string>;
let bare: Record<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kv-fragments-"));
  [framework, bare] = await Promise.all([buildSite("framework", true), buildSite("bare", false)]);
}, 120_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("addPageFragments", () => {
  it("gives the pages Framework renders with the head and footer configured, byte for byte", () => {
    const pager = '<footer id="observablehq-footer">\n<nav>';
    expect(framework.los).not.toContain(pager); // no pager on a page outside the configured pages
    expect(bare.los).not.toContain('<footer id="observablehq-footer">');
    expect(framework.hoofdstuk).toContain(pager);
    for (const page of pages) {
      expect(bare[page]).not.toContain(fragments.footer);
      expect(addPageFragments(bare[page], fragments), page).toBe(framework[page]);
    }
  });

  it("leaves a page that has them as it is", () => {
    for (const page of pages) expect(addPageFragments(framework[page], fragments)).toBe(framework[page]);
  });

  it("leaves out an empty fragment, as Framework does", () => {
    const headOnly = addPageFragments(bare.hoofdstuk, {head: fragments.head, footer: ""});
    expect(headOnly).toContain(fragments.head);
    expect(headOnly).not.toContain("<div></div>");
    expect(addPageFragments(bare.hoofdstuk, {head: "", footer: fragments.footer})).toBe(addPageFragments(bare.hoofdstuk, fragments).replace(`\n${fragments.head}`, ""));
  });

  it("refuses a page that is not Framework's template, rather than guess", () => {
    expect(() => addPageFragments("<html><body><main></main></body></html>", fragments)).toThrow(/Framework's page template/);
    expect(() => addPageFragments("<html><head>\n<script></script></head><body></body></html>", fragments)).toThrow(/no <\/main>/);
  });
});
