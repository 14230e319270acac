// Measures the longest notebook link Debian's chromium still opens with its fragment (#nb=...) or query (?nb=...)
// intact: a tiny static page on 127.0.0.1:4108 reports what arrived, and a binary search finds the limit.
// Not a test (it takes a minute); the numbers are written into src/components/notebook/share.ts.
//
//   npx tsx test/components/notebook/measure-url-limit.ts
import {createServer} from "node:http";
import {chromium} from "playwright-core";

const port = 4108;
const page = "<!doctype html><title>x</title><script>document.title = String(location.hash.length) + ' ' + String(location.search.length)</script>";
// node's own 16 KB header limit would stop a long query before chromium's does; lift it to measure the browser
const server = createServer({maxHeaderSize: 64 * 1024 * 1024}, (req, res) => {
  res.writeHead(200, {"content-type": "text/html"});
  res.end(page);
});
await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
try {
  const tab = await browser.newPage();
  const base = `http://127.0.0.1:${port}/notebook`;
  const arrives = async (mode: "#" | "?", length: number): Promise<boolean> => {
    const prefix = `${base}${mode}nb=`;
    const url = prefix + "A".repeat(Math.max(0, length - prefix.length));
    try {
      await tab.goto("about:blank");
      await tab.goto(url, {waitUntil: "load", timeout: 20_000});
      const [hash, search] = (await tab.title()).split(" ").map(Number);
      return (mode === "#" ? hash : search) === url.length - base.length;
    } catch {
      return false;
    }
  };
  for (const mode of ["#", "?"] as const) {
    let ok = 1000;
    let bad = 64 * 1024 * 1024;
    if (!(await arrives(mode, ok))) throw new Error(`a ${ok}-character link fails already`);
    while (bad - ok > 1) {
      const mid = Math.floor((ok + bad) / 2);
      if (await arrives(mode, mid)) ok = mid;
      else bad = mid;
    }
    console.log(`${mode === "#" ? "fragment" : "query"}: longest URL that arrives intact = ${ok} characters (chromium ${browser.version()})`);
  }
} finally {
  await browser.close();
  server.close();
}
