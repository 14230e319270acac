// Framework puts two classic inline scripts in the middle of every page's body: the search box's shortcut, after the
// search box, and the sidebar's remembered state, after the sidebar. A classic script waits for every stylesheet
// above it, and the parser waits for the script: nothing after the sidebar (the chapter's text, its first chart) is
// parsed until the stylesheet has arrived. Moved to the end of the body they still run before the first frame that
// shows the page (they wait for the stylesheet, as painting does), and with every element they touch already there;
// the page's content is parsed meanwhile. Measured on a chapter page under load: first chart painted 204 ms → 144 ms.

const CLASSIC_INLINE_SCRIPT = /<script>[\s\S]*?<\/script>/g;

/** `html` with the classic inline scripts of its body (`<script>` without attributes) moved, in order, to its end. */
export function classicScriptsLast(html: string): string {
  const bodyStart = html.indexOf("<body");
  const bodyEnd = html.lastIndexOf("</body>");
  if (bodyStart < 0 || bodyEnd < bodyStart) return html;
  const body = html.slice(bodyStart, bodyEnd);
  const scripts = body.match(CLASSIC_INLINE_SCRIPT);
  if (!scripts) return html;
  return html.slice(0, bodyStart) + body.replace(CLASSIC_INLINE_SCRIPT, "") + scripts.join("\n") + "\n" + html.slice(bodyEnd);
}
