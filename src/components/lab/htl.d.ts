// Types for htl (tagged-template HTML with safe interpolation; the package ships none).
declare module "htl" {
  type Tag = (strings: TemplateStringsArray, ...values: unknown[]) => any;
  export const html: Tag & {fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment};
  export const svg: Tag & {fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment};
}
