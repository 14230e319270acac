// The SQL editor: CodeMirror 6 with DuckDB-flavoured SQL highlighting, completion of the loaded tables and
// columns, Ctrl/Cmd+Enter to run (only the selection when there is one), and marking an error's position.
import {EditorState, Compartment, type Extension} from "@codemirror/state";
import {EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, placeholder} from "@codemirror/view";
import {defaultKeymap, history, historyKeymap} from "@codemirror/commands";
import {syntaxHighlighting, HighlightStyle, bracketMatching, indentOnInput} from "@codemirror/language";
import {tags} from "@lezer/highlight";
import {autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap} from "@codemirror/autocomplete";
import {searchKeymap, highlightSelectionMatches} from "@codemirror/search";
import {setDiagnostics, lintGutter} from "@codemirror/lint";
import {sql, PostgreSQL, SQLDialect} from "@codemirror/lang-sql";

/** DuckDB is close to PostgreSQL; add the keywords DuckDB has on top. */
const duckdbDialect = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ""} pivot unpivot qualify summarize describe exclude replace columns struct list map union_by_name rollup cube grouping sets ilike glob asof positional anti semi pragma install load attach detach`
});

/** Table name -> column names, as @codemirror/lang-sql completes them. */
export type CompletionSchema = Record<string, string[]>;

export interface SqlEditorOptions {
  parent: HTMLElement;
  doc?: string;
  schema?: CompletionSchema;
  /** Called with the SQL to run (the selection, or everything) and its offset in the document. */
  onRun(sql: string, offset: number): void;
  /** Accessible name of the editing area. */
  label?: string;
}

export interface SqlEditor {
  view: EditorView;
  text(): string;
  setText(text: string): void;
  /** The selected text and its offset, or the whole document when nothing is selected. */
  runnable(): {sql: string; offset: number; selection: boolean};
  setSchema(schema: CompletionSchema): void;
  /** Gives the editing area another accessible name (a notebook cell that was renamed). */
  setLabel(label: string): void;
  /** Underlines `from..to` with `message`, moves the cursor there; null clears. */
  markError(error: {from: number; to?: number; message: string} | null): void;
  focus(): void;
}

/** The selection when there is one, else the whole document; pure for tests. */
export function runnableText(doc: string, selection: {from: number; to: number}): {sql: string; offset: number; selection: boolean} {
  if (selection.to > selection.from && doc.slice(selection.from, selection.to).trim()) {
    return {sql: doc.slice(selection.from, selection.to), offset: selection.from, selection: true};
  }
  return {sql: doc, offset: 0, selection: false};
}

/** Token colours as CSS classes (sql-tok-*), so that the page's stylesheet can give them AA contrast in light and dark mode. */
const highlightStyle = HighlightStyle.define([
  {tag: [tags.keyword, tags.operatorKeyword, tags.modifier], class: "sql-tok-keyword"},
  {tag: [tags.string, tags.special(tags.string)], class: "sql-tok-string"},
  {tag: [tags.number, tags.bool, tags.null], class: "sql-tok-number"},
  {tag: [tags.lineComment, tags.blockComment, tags.comment], class: "sql-tok-comment"},
  {tag: [tags.typeName, tags.standard(tags.name)], class: "sql-tok-type"},
  {tag: [tags.special(tags.name)], class: "sql-tok-name"}
]);

const theme = EditorView.theme({
  "&": {fontSize: "14px", border: "1px solid var(--theme-foreground-faint, #ccc)", borderRadius: "4px", background: "var(--theme-background, #fff)"},
  "&.cm-focused": {outline: "3px solid var(--theme-foreground-focus, #3b5fc0)", outlineOffset: "1px"},
  ".cm-content": {fontFamily: "var(--monospace, ui-monospace, monospace)", minHeight: "9em"},
  ".cm-scroller": {maxHeight: "24em", overflow: "auto"},
  ".cm-gutters": {background: "var(--theme-background-alt, #f6f6f6)", color: "var(--theme-foreground-alt, #333)", border: "none"},
  ".cm-activeLine": {background: "transparent"},
  ".cm-placeholder": {color: "var(--theme-foreground-alt, #333)"}
});

export function createSqlEditor({parent, doc = "", schema = {}, onRun, label = "SQL-query"}: SqlEditorOptions): SqlEditor {
  const language = new Compartment();
  const attributes = new Compartment();
  // tabindex: a long query makes the scroller scroll, and assistive checks count a contenteditable inside it as
  // reachable only with an explicit tabindex (it is the same single tab stop as before).
  const contentAttributes = (name: string) => EditorView.contentAttributes.of({"aria-label": name, "aria-multiline": "true", role: "textbox", lang: "en", spellcheck: "false", tabindex: "0"});
  const sqlLanguage = (tables: CompletionSchema): Extension => sql({dialect: duckdbDialect, schema: tables, defaultTable: "respondents" in tables ? "respondents" : undefined, upperCaseKeywords: true});
  const run = (view: EditorView) => {
    const {sql: text, offset} = runnableText(view.state.doc.toString(), view.state.selection.main);
    onRun(text, offset);
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        autocompletion(),
        lintGutter(),
        syntaxHighlighting(highlightStyle),
        placeholder("SELECT * FROM respondents LIMIT 10"),
        language.of(sqlLanguage(schema)),
        // Mod-Enter before the default keymap, which would insert a line break. Tab is left to the browser so that
        // keyboard users can leave the editor; Ctrl+] and Ctrl+[ indent (defaultKeymap).
        keymap.of([{key: "Mod-Enter", run, preventDefault: true}, ...closeBracketsKeymap, ...completionKeymap, ...searchKeymap, ...historyKeymap, ...defaultKeymap]),
        attributes.of(contentAttributes(label)),
        EditorView.lineWrapping,
        theme
      ]
    })
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}, selection: {anchor: 0}});
      view.dispatch(setDiagnostics(view.state, []));
    },
    runnable: () => runnableText(view.state.doc.toString(), view.state.selection.main),
    setSchema(tables) {
      view.dispatch({effects: language.reconfigure(sqlLanguage(tables))});
    },
    setLabel(name) {
      view.dispatch({effects: attributes.reconfigure(contentAttributes(name))});
    },
    markError(error) {
      if (!error) {
        view.dispatch(setDiagnostics(view.state, []));
        return;
      }
      const length = view.state.doc.length;
      const from = Math.max(0, Math.min(error.from, length));
      // Underline the word at the position (at least one character) so that the mark is visible.
      const word = view.state.wordAt(from);
      const to = Math.min(length, Math.max(error.to ?? (word && word.from === from ? word.to : from + 1), from + 1));
      view.dispatch(setDiagnostics(view.state, [{from, to: Math.max(from, to), severity: "error", message: error.message}]));
      view.dispatch({selection: {anchor: from}, scrollIntoView: true});
    },
    focus: () => view.focus()
  };
}
