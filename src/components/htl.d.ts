// Types for htl (Observable's tagged-template HTML), which ships none. Interpolated values are inserted as text
// or as attribute values, never parsed as markup; a function in an on* attribute becomes the event handler.
declare module "htl" {
  type Template = (strings: TemplateStringsArray, ...values: unknown[]) => any;
  /** One element (typed as HTMLElement for convenience), a fragment or a text node, by what the template holds. */
  export const html: Template & {fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment};
  export const svg: Template & {fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment};
}
