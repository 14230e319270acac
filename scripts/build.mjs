// `npm run build`: the site build (./build-site.ts). Plain JavaScript on purpose: it loads Framework's build before
// tsx's module hooks exist, as `observable build` does (under the hooks Framework's few hundred modules take 2,2 s to
// load instead of 1,3 s), and only then registers tsx for the TypeScript that follows.
import "@observablehq/framework/dist/build.js";

await import("tsx/esm");
await import("./build-site.ts");
