// The site at phone width in dark mode: no serious or critical axe violation, and nothing wider than the screen.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {seriousAxeViolations, useBuiltSite} from "./harness.ts";

const site = useBuiltSite({beforeAll, afterAll});
const pages = ["/", "/methode", "/hoofdstuk/beschikbaarheid", "/hoofdstuk/schakelpunten", "/hoofdstuk/inwoners", "/sql", "/lab/factoranalyse", "/lab/grim", "/codebook", "/downloads"];

describe("phone width (390 px), dark mode", () => {
  for (const path of pages)
    it(path, async () => {
      const context = await site.browser.newContext({viewport: {width: 390, height: 844}, colorScheme: "dark", locale: "nl-NL"});
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(site.origin + path, {waitUntil: "load"});
      // Let live charts and tables replace the first draw before measuring.
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
});
