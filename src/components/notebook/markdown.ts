// Text cells as Markdown, rendered safely: a notebook comes from a link or a file, so its text is untrusted.
// markdown-it with `html: false` escapes every tag instead of passing it on; links are kept only when they point to
// http(s) or stay on this site (relative), otherwise the link text is shown as plain text; images only from this
// site, never from another host (an image from elsewhere tells that host who read the notebook).
import MarkdownIt from "markdown-it";

/** A URL scheme at the start ("javascript:", "data:", "https:"). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Whether a link target may become a link: http(s), or relative to this site. */
export function isSafeLink(url: string): boolean {
  const scheme = SCHEME.exec(url.trim());
  return scheme ? /^https?$/i.test(scheme[1]) : true;
}

/** Whether an image may be loaded: only relative to this site (no scheme, no `//host`). */
export function isLocalImage(url: string): boolean {
  const u = url.trim();
  return !SCHEME.test(u) && !u.startsWith("//") && !u.startsWith("\\\\") && !u.startsWith("/\\");
}

const md = new MarkdownIt({html: false, linkify: false, typographer: false});
md.validateLink = isSafeLink;

const renderImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const src = String(tokens[idx].attrGet("src") ?? "");
  // an image from another host is shown as its description
  if (!isLocalImage(src)) return md.utils.escapeHtml(tokens[idx].content);
  return renderImage(tokens, idx, options, env, self);
};

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const href = String(tokens[idx].attrGet("href") ?? "");
  if (SCHEME.test(href) || href.startsWith("//")) tokens[idx].attrSet("rel", "noopener noreferrer nofollow");
  return self.renderToken(tokens, idx, options);
};

/** HTML for a text cell's Markdown: no raw HTML, no scripts, links only http(s) and relative, images only local. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}
