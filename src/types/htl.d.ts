// Types for htl (tagged-template HTML and SVG; the package ships none): a template gives a DOM node, or a
// DocumentFragment when it has several top-level nodes. Callers cast to the element they wrote.
declare module "htl" {
  type Template = (strings: TemplateStringsArray, ...values: unknown[]) => any;
  export const html: Template & {fragment: Template};
  export const svg: Template & {fragment: Template};
}
