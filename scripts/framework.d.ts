// Types for the parts of Framework's command-line internals that scripts/build-site.ts calls (Framework ships none):
// what `observable build` itself does, `build({config: await readConfig()})`.
declare module "@observablehq/framework/dist/config.js" {
  export interface Config {
    output: string;
    head: string | ((...args: unknown[]) => string) | null;
    footer: string | ((...args: unknown[]) => string) | null;
    [key: string]: unknown;
  }
  export function readConfig(configPath?: string, root?: string): Promise<Config>;
}
declare module "@observablehq/framework/dist/build.js" {
  export function build(context: {config: import("@observablehq/framework/dist/config.js").Config}): Promise<void>;
}
declare module "@observablehq/framework/dist/error.js" {
  export class CliError extends Error {
    constructor(message: string, options?: {exitCode?: number; print?: boolean});
  }
}
