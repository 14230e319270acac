import {describe, expect, it} from "vitest";
import {JSDOM} from "jsdom";
import {renderMarkdown} from "../../../src/components/notebook/markdown.ts";

const ALLOWED_TAGS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "EM", "STRONG", "A", "IMG", "UL", "OL", "LI", "CODE", "PRE", "BLOCKQUOTE", "HR", "BR", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "S"]);
const ALLOWED_ATTRIBUTES = new Set(["href", "src", "alt", "title", "rel", "style", "start"]);

/** Everything in the rendered HTML that could run or fetch something it should not. */
function hazards(html: string): string[] {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const found: string[] = [];
  for (const el of doc.body.querySelectorAll("*")) {
    if (!ALLOWED_TAGS.has(el.tagName)) found.push(`tag ${el.tagName}`);
    for (const attr of el.attributes) {
      if (!ALLOWED_ATTRIBUTES.has(attr.name)) found.push(`attribute ${attr.name}`);
      if (attr.name === "style" && !/^text-align:(left|right|center)$/.test(attr.value)) found.push(`style ${attr.value}`);
    }
    const href = el.getAttribute("href");
    if (href !== null && /^[a-z][a-z0-9+.-]*:/i.test(href.trim()) && !/^https?:/i.test(href.trim())) found.push(`href ${href}`);
    const src = el.getAttribute("src");
    if (src !== null && (/^[a-z][a-z0-9+.-]*:/i.test(src.trim()) || src.trim().startsWith("//"))) found.push(`src ${src}`);
  }
  return found;
}

const attacks = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">klik</a>',
  "[klik](javascript:alert(1))",
  "[klik](JaVaScRiPt:alert(1))",
  "[klik](jav&#x09;ascript:alert(1))",
  "[klik](  javascript:alert(1))",
  "<javascript:alert(1)>",
  "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![spion](https://tracker.example/pixel.gif)",
  "![spion](//tracker.example/pixel.gif)",
  "[klik](vbscript:msgbox(1))",
  "[klik](file:///etc/passwd)",
  '<iframe src="https://example.org"></iframe>',
  '<svg onload="alert(1)">',
  "<style>body{display:none}</style>",
  '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
  '<div style="background:url(https://tracker.example)">x</div>'
];

describe("renderMarkdown", () => {
  it("renders ordinary Markdown", () => {
    expect(renderMarkdown("# Kop\n\nTekst met **nadruk** en [een link](https://www.rathenau.nl/) en [hier](./methode).")).toBe(
      '<h1>Kop</h1>\n<p>Tekst met <strong>nadruk</strong> en <a href="https://www.rathenau.nl/" rel="noopener noreferrer nofollow">een link</a> en <a href="./methode">hier</a>.</p>\n'
    );
    expect(renderMarkdown("![figuur](../_file/figuur.png)")).toBe('<p><img src="../_file/figuur.png" alt="figuur"></p>\n');
  });
  for (const attack of attacks) {
    it(`runs and fetches nothing from ${JSON.stringify(attack)}`, () => {
      const html = renderMarkdown(attack);
      expect(hazards(html)).toEqual([]);
      expect(html).not.toMatch(/<(script|iframe|svg|style|div)/i);
      expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript|file):/i);
    });
  }
  it("shows raw HTML as text rather than dropping it", () => {
    expect(renderMarkdown("<b>vet</b>")).toBe("<p>&lt;b&gt;vet&lt;/b&gt;</p>\n");
  });
  it("shows an unsafe link as its text, an image from another host as its description", () => {
    expect(renderMarkdown("[klik](javascript:alert(1))")).toBe("<p>[klik](javascript:alert(1))</p>\n");
    expect(renderMarkdown("![spion](https://tracker.example/p.gif)")).toBe("<p>spion</p>\n");
  });
});
