// htl ships no types: tagged templates that return a DOM node (an element, or a fragment for several).
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): any;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): any;
}
