// Types for the parts of @observablehq/inputs the lab's controls use (the package ships none).
declare module "@observablehq/inputs" {
  type Input<T> = HTMLElement & {value: T};
  interface Options<T> {label?: string; value?: T; format?: (d: any) => string; disabled?: boolean | readonly any[]}
  export function radio<T>(data: readonly T[] | Map<string, T>, options?: Options<T>): Input<T>;
  export function checkbox<T>(data: readonly T[] | Map<string, T>, options?: Options<T[]>): Input<T[]>;
  export function select<T>(data: readonly T[] | Map<string, T>, options?: Options<T>): Input<T>;
  export function range(extent: [number, number], options?: Options<number> & {step?: number}): Input<number>;
}
