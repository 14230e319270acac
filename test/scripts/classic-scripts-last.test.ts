// Framework's classic inline scripts move to the end of the body, in order, so nothing waits for them while the
// stylesheet loads; module scripts, scripts with attributes and the head stay where they are.
import {describe, expect, it} from "vitest";
import {classicScriptsLast} from "../../scripts/classic-scripts-last.ts";

const page = `<!DOCTYPE html>
<html lang="nl"><head>
<script type="module">document.documentElement.lang="nl";</script>
<script>window.inHead = 1;</script>
</head>
<body>
<div id="observablehq-search"><input></div><script>{const o=document.querySelector("#observablehq-search");}</script>
<nav id="observablehq-sidebar"></nav>
<script>{const e=document.querySelector("#observablehq-sidebar");}</script>
<main><div class="story-prerender"><svg viewBox="0 0 1 1"></svg></div>
<script type="module">import {define} from "./client.js";</script>
</main>
<footer id="observablehq-footer"><div>Kennisverkenner</div></footer>
</body>
</html>
`;

describe("classicScriptsLast", () => {
  const moved = classicScriptsLast(page);

  it("puts the body's classic scripts, in their order, just before </body>", () => {
    const search = moved.indexOf('<script>{const o=document.querySelector("#observablehq-search");}</script>');
    const sidebar = moved.indexOf('<script>{const e=document.querySelector("#observablehq-sidebar");}</script>');
    expect(search).toBeGreaterThan(moved.indexOf("</footer>"));
    expect(sidebar).toBeGreaterThan(search);
    expect(moved.indexOf("</body>")).toBeGreaterThan(sidebar);
  });

  it("moves nothing else: the head, module scripts and the content stay, and no script is lost or doubled", () => {
    expect(moved.indexOf("<script>window.inHead = 1;</script>")).toBeLessThan(moved.indexOf("</head>"));
    expect(moved.indexOf('<script type="module">import')).toBeLessThan(moved.indexOf("</main>"));
    const withoutScripts = (html: string) => html.replace(/<script>[\s\S]*?<\/script>/g, "").replace(/\s+/g, " ");
    expect(withoutScripts(moved)).toBe(withoutScripts(page));
    expect(moved.match(/<script/g)).toHaveLength(page.match(/<script/g)!.length);
  });

  it("leaves a page without body scripts, or without a body, as it is", () => {
    const plain = "<html><head></head><body><main>tekst</main></body></html>";
    expect(classicScriptsLast(plain)).toBe(plain);
    expect(classicScriptsLast("<p>fragment</p>")).toBe("<p>fragment</p>");
  });
});
