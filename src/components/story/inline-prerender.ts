// After `observable build` (node only): put each build-time first chart inline into its page, replacing the
// <img> that points at it, so that the chart is on screen as soon as the HTML is parsed rather than after the
// image waits behind some fifty module preloads. scripts/postbuild.ts calls inlineCharts on every built page.
const placeholder = /(<div class="story-prerender" data-for="[^"]*">)\s*<img src="([^"]+\.svg)"[^>]*?alt="([^"]*)"[^>]*>/g;

/** One page's HTML with its prerendered <img> charts inlined; `readSvg` resolves an src relative to the page. */
export function inlineCharts(html: string, readSvg: (src: string) => string): string {
  return html.replace(placeholder, (_, open: string, src: string, alt: string) => {
    const svg = readSvg(src)
      .replace(/<style class="story-prerender-colors">[^<]*<\/style>/, "")
      .replace(/^<svg /, `<svg role="img" aria-label="${alt}" `);
    return open + svg;
  });
}
