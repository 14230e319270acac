import {describe, expect, test} from "vitest";
import {inlineCharts} from "../../../src/components/story/inline-prerender.ts";

const svg = `<svg class="plot" viewBox="0 0 10 10"><style class="story-prerender-colors">svg{color:#000}</style><rect/></svg>`;

describe("inlineCharts", () => {
  test("replaces the build-time <img> with its SVG, labelled with the alt text, without the image-only colours", () => {
    const html = `<p>x</p><div class="story-prerender" data-for="Figuur 1"><img src="../_file/f1.abc.svg" width="640" alt="Figuur 1 zonder filters"></div>`;
    const seen: string[] = [];
    const out = inlineCharts(html, (src) => (seen.push(src), svg));
    expect(seen).toEqual(["../_file/f1.abc.svg"]);
    expect(out).toBe(`<p>x</p><div class="story-prerender" data-for="Figuur 1"><svg role="img" aria-label="Figuur 1 zonder filters" class="plot" viewBox="0 0 10 10"><rect/></svg></div>`);
  });
  test("leaves other images alone", () => {
    const html = `<img src="logo.svg" alt="logo">`;
    expect(inlineCharts(html, () => svg)).toBe(html);
  });
});
