// jsdom ships no types; the prerender loader only needs a window with a document.
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    window: {document: Document};
  }
}
