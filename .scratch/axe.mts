import {serveDist, launchBrowser, openPage, seriousAxeViolations} from "../test/browser/harness.ts";
const server = await serveDist();
const browser = await launchBrowser();
for (const path of process.argv.slice(2)) {
  const {page, consoleErrors} = await openPage(browser, server.origin, path, {waitUntil: "networkidle"});
  await page.locator(".lab-diagnostics").first().waitFor({timeout: 30000}).catch(() => {});
  console.log(path, JSON.stringify(await seriousAxeViolations(page)).slice(0, 3000), consoleErrors);
  await page.context().close();
}
await browser.close(); await server.close();
