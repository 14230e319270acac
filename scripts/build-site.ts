// The site build (`npm run build`, through ./build.mjs): Framework's build of the site, then the post-build pass over
// the built pages (./postbuild.ts), in one process. The configuration (observablehq.config.ts) is read once, as
// `observable build` reads it; its head and footer go to the post-build instead of Framework (./page-fragments.ts).
// A second process for the post-build cost 0,7 s of tsx start-up on every build. Errors are reported as
// `observable build` reports them: the message, no stack.
import {resolve} from "node:path";
import {build} from "@observablehq/framework/dist/build.js";
import {readConfig} from "@observablehq/framework/dist/config.js";
import {CliError} from "@observablehq/framework/dist/error.js";
import type {PageFragments} from "./page-fragments.ts";
import {postbuild} from "./postbuild.ts";

try {
  const config = await readConfig();
  const fragment = (name: "head" | "footer") => {
    const value = config[name] ?? "";
    if (typeof value !== "string") throw new CliError(`observablehq.config.ts: the ${name} must be a string for the post-build to add it to every page`);
    return value;
  };
  const fragments: PageFragments = {head: fragment("head"), footer: fragment("footer")};
  await build({config: {...config, head: null, footer: null}});
  const {pages, charts} = postbuild(resolve(config.output), fragments);
  console.error(`postbuild: ${pages} pages served as <html lang="nl">, ${charts} first charts inlined`);
} catch (error) {
  if (!(error instanceof Error)) throw error;
  console.error(error instanceof CliError ? error.message : `Unexpected error: ${error.message}`);
  process.exit(1);
}
