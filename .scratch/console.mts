import {serveDist, launchBrowser, openPage} from "../test/browser/harness.ts";
const server = await serveDist();
const browser = await launchBrowser();
for (const path of process.argv.slice(2)) {
  const {page, consoleErrors, foreignRequests} = await openPage(browser, server.origin, path, {waitUntil: "networkidle"} as any);
  await page.waitForTimeout(3000);
  console.log(path, JSON.stringify(consoleErrors).slice(0, 2000), foreignRequests);
  await page.context().close();
}
await browser.close(); await server.close();
