// The SQL workbench on /sql: puts the editor, examples, schema browser, results, chart, exports, history,
// sharing and dropped files together. Every value reaches the page through textContent, never innerHTML.
import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import type {Table} from "apache-arrow";
import {createSqlEditor, type SqlEditor} from "./editor.js";
import {examplesBySection, defaultExample, examples} from "./examples.js";
import {resultColumns, tableObjects, tableRows, type ResultColumn} from "./columns.js";
import {displayValue, elapsedText, rowCountText} from "./format.js";
import {toCsv, toMarkdown, toParquet} from "./exporters.js";
import {chartMarkLabels, chartResult, inferChart, validateChart, type ChartMark, type ChartSpec} from "./chart.js";
import {queryHistory, type HistoryStorage} from "./history.js";
import {sharedQuery, withSharedQuery} from "./link.js";
import {parseSqlError, sqlErrorText} from "./errors.js";
import {remoteAccess} from "./remote.js";
import {QueryCancelled, runQuery, type QueryResult, type RunningQuery} from "./run.js";
import {catalogSql, completionSchema, itemInfoSql, schemaTree, type CatalogColumn, type ItemInfo, type SchemaTable} from "./schema.js";
import {droppedKind, loadDroppedFile, tableNameForFile} from "./drop.js";

export interface WorkbenchOptions {
  /** The page's database (surveyDatabase() of ../db.ts). */
  database: Promise<{db: AsyncDuckDB}>;
  loadParquetTable(db: AsyncDuckDB, table: string, bytes: Uint8Array): Promise<void>;
  /** Default: window.localStorage when available. */
  storage?: HistoryStorage | null;
  /** Rows kept in memory for the table, chart and Markdown (default 10 000); the rest is counted. */
  keepRows?: number;
  /** Rows per page of the result table (default 50). */
  pageSize?: number;
}

/** What the last run produced; set as the element's `value` (as Framework inputs do) for tests and other cells. */
export interface WorkbenchValue {
  sql: string;
  columns: ResultColumn[];
  /** The kept rows as plain values. */
  rows: unknown[][];
  rowCount: number;
  elapsedMs: number;
  error: string | null;
}

type Child = Node | string | null | undefined | false;

/** A small element helper: text children become text nodes, so values can never become markup. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean | number> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

function download(bytes: BlobPart, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([bytes], {type}));
  const link = h("a", {href: url, download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function localStorageOrNull(): HistoryStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function sqlWorkbench({database, loadParquetTable, storage = localStorageOrNull(), keepRows = 10_000, pageSize = 50}: WorkbenchOptions): HTMLElement & {value: WorkbenchValue | null} {
  const history = queryHistory(storage);
  const initialSql = sharedQuery(location.search) ?? `-- ${defaultExample.source}: ${defaultExample.title}\n${defaultExample.sql}`;

  // --- the parts of the page ---
  const status = h("p", {class: "sql-status", role: "status", "aria-live": "polite"}, "Database laden…");
  const errorBox = h("div", {class: "sql-error", role: "alert", hidden: true});
  const exampleSelect = h("select", {id: "sql-example"}, h("option", {value: ""}, "Kies een voorbeeld…"));
  for (const [section, list] of examplesBySection()) {
    const group = h("optgroup", {label: section});
    for (const example of list) group.append(h("option", {value: example.id}, `${example.source}: ${example.title}`));
    exampleSelect.append(group);
  }
  const editorHost = h("div", {class: "sql-editor"});
  const runButton = h("button", {type: "button", class: "sql-run"}, "Uitvoeren");
  const runSelectionButton = h("button", {type: "button"}, "Selectie uitvoeren");
  const cancelButton = h("button", {type: "button", disabled: true}, "Afbreken");
  const shareButton = h("button", {type: "button"}, "Link kopiëren");
  const remoteToggle = h("input", {type: "checkbox", id: "sql-remote"});
  const keys = h("p", {class: "sql-hint"}, "Ctrl+Enter (Mac: Cmd+Enter) voert de query uit, of alleen de selectie als er tekst geselecteerd is. Tab gaat naar de volgende knop; inspringen met Ctrl+] en Ctrl+[. Ctrl+Spatie toont de namen van tabellen en kolommen.");
  const resultInfo = h("p", {class: "sql-result-info"});
  const tableHost = h("div", {class: "sql-table", role: "region", "aria-label": "Resultaat van de query", tabindex: 0});
  const pager = h("div", {class: "sql-pager", hidden: true});
  const exportBar = h("div", {class: "sql-exports", hidden: true});
  const chartButton = h("button", {type: "button"}, "Maak een grafiek");
  const chartPanel = h("div", {class: "sql-chart", hidden: true});
  const schemaHost = h("div", {class: "sql-schema"}, h("p", {}, "Tabellen laden…"));
  const fileInput = h("input", {type: "file", id: "sql-file", accept: ".csv,.tsv,.txt,.parquet"});
  const dropZone = h(
    "div",
    {class: "sql-drop"},
    h("p", {}, "Sleep een CSV- of Parquetbestand hierheen om het naast de enquêtetabellen te bevragen. Het bestand blijft in je browser."),
    h("label", {for: "sql-file"}, "Of kies een bestand: "),
    fileInput
  );
  const dropStatus = h("p", {class: "sql-drop-status", role: "status", "aria-live": "polite"});
  const historyList = h("ol", {class: "sql-history"});

  const root = h(
    "div",
    {class: "sql-workbench"},
    h(
      "div",
      {class: "sql-main"},
      h("div", {class: "sql-examples"}, h("label", {for: "sql-example"}, "Voorbeeldquery’s per tabel en figuur uit het rapport: "), exampleSelect),
      editorHost,
      keys,
      h(
        "div",
        {class: "sql-actions"},
        runButton,
        runSelectionButton,
        cancelButton,
        shareButton,
        h("span", {class: "sql-remote"}, remoteToggle, h("label", {for: "sql-remote"}, " Bestanden van internet toestaan (deze sessie)"))
      ),
      status,
      errorBox,
      h("section", {class: "sql-results", "aria-label": "Resultaat"}, resultInfo, tableHost, pager, exportBar, chartPanel)
    ),
    h(
      "aside",
      {class: "sql-side"},
      h("h2", {}, "Tabellen"),
      schemaHost,
      h("h2", {}, "Eigen bestand"),
      dropZone,
      dropStatus,
      h("details", {class: "sql-history-box"}, h("summary", {}, "Laatste queries (in deze browser)"), historyList)
    )
  ) as unknown as HTMLElement & {value: WorkbenchValue | null};
  root.value = null;

  // --- state ---
  let connection: AsyncDuckDBConnection | null = null;
  let db: AsyncDuckDB | null = null;
  let running: RunningQuery | null = null;
  let lastSql = "";
  let lastResult: QueryResult | null = null;
  let page = 0;
  let chartSpec: ChartSpec | null = null;
  let tables: SchemaTable[] = [];

  const editor: SqlEditor = createSqlEditor({parent: editorHost, doc: initialSql, onRun: (text, offset) => void execute(text, offset)});

  // --- running ---
  function setRunning(on: boolean) {
    runButton.disabled = on;
    runSelectionButton.disabled = on;
    cancelButton.disabled = !on;
    root.setAttribute("aria-busy", String(on));
  }

  function showError(message: string) {
    errorBox.replaceChildren(h("strong", {}, "De query gaf een fout. "), message);
    errorBox.hidden = false;
  }

  async function execute(text: string, offset = 0, {share = true} = {}) {
    if (running) return;
    errorBox.hidden = true;
    editor.markError(null);
    const sqlText = text.trim();
    if (!sqlText) return;
    const remote = remoteAccess(sqlText);
    if (remote.remote && !remoteToggle.checked) {
      showError(`${remote.reason} Dat gebeurt alleen als je ‘Bestanden van internet toestaan’ aanzet; deze pagina maakt anders geen verbinding buiten de site.`);
      root.value = {sql: sqlText, columns: [], rows: [], rowCount: 0, elapsedMs: 0, error: remote.reason};
      finished();
      return;
    }
    if (!connection) {
      status.textContent = "Even wachten: de database wordt nog geladen…";
      await ready;
      if (!connection) return;
    }
    lastSql = sqlText;
    history.add(sqlText);
    renderHistory();
    if (share && offset === 0 && text === editor.text()) window.history.replaceState(null, "", withSharedQuery(location.href, sqlText));
    setRunning(true);
    status.textContent = "Bezig…";
    running = runQuery(connection, text, {keepRows});
    try {
      const result = await running.result;
      lastResult = result;
      page = 0;
      chartSpec = null;
      chartPanel.hidden = true;
      status.textContent = `${rowCountText(result.rowCount)} in ${elapsedText(result.elapsedMs)}`;
      renderResult();
      root.value = {sql: sqlText, columns: resultColumns(result.table.schema), rows: tableRows(result.table), rowCount: result.rowCount, elapsedMs: result.elapsedMs, error: null};
      if (tables.length && /\b(create|drop|alter|insert|attach|detach)\b/i.test(sqlText)) void refreshSchema();
    } catch (error) {
      if (error instanceof QueryCancelled) {
        status.textContent = "De query is afgebroken.";
        root.value = {sql: sqlText, columns: [], rows: [], rowCount: 0, elapsedMs: 0, error: "afgebroken"};
      } else {
        const parsed = parseSqlError(error instanceof Error ? error.message : String(error), text);
        const message = sqlErrorText(parsed);
        showError(message);
        clearResult();
        status.textContent = "Fout in de query.";
        if (parsed.offset !== undefined) editor.markError({from: offset + parsed.offset, message});
        root.value = {sql: sqlText, columns: [], rows: [], rowCount: 0, elapsedMs: 0, error: message};
      }
    } finally {
      running = null;
      setRunning(false);
      finished();
    }
  }

  /** Counts finished runs in data-runs (tests wait for it) and tells listeners, as a Framework input does. */
  let runs = 0;
  function finished() {
    root.dataset.runs = String(++runs);
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  // --- results ---
  /** After an error the previous result would look like the answer to the failed query; remove it. */
  function clearResult() {
    lastResult = null;
    resultInfo.textContent = "";
    tableHost.replaceChildren();
    pager.hidden = exportBar.hidden = chartPanel.hidden = true;
  }

  function renderResult() {
    if (!lastResult) return;
    const {table, rowCount, complete} = lastResult;
    const columns = resultColumns(table.schema);
    const pages = Math.max(1, Math.ceil(table.numRows / pageSize));
    page = Math.min(page, pages - 1);
    const rows = tableRows(table, {offset: page * pageSize, limit: pageSize});
    // The status line already gives the count of a complete result; say more only when rows were left out.
    resultInfo.textContent = complete
      ? ""
      : `${rowCountText(rowCount)}; de eerste ${displayValue(table.numRows)} staan hieronder, de rest is alleen geteld. Exporteren geeft alle rijen.`;
    if (!columns.length) {
      tableHost.replaceChildren(h("p", {}, "De query is uitgevoerd en gaf geen tabel terug."));
      pager.hidden = exportBar.hidden = true;
      return;
    }
    const numeric = columns.map((c) => c.kind === "number");
    const thead = h("thead", {}, h("tr", {}, ...columns.map((c, i) => h("th", {scope: "col", title: c.type, class: numeric[i] ? "num" : ""}, c.name))));
    const tbody = h("tbody");
    for (const row of rows) {
      const tr = h("tr");
      row.forEach((value, i) => tr.append(h("td", {class: `${numeric[i] ? "num" : ""}${value === null ? " null" : ""}`.trim()}, value === null ? "NULL" : displayValue(value))));
      tbody.append(tr);
    }
    const first = page * pageSize + 1;
    const last = page * pageSize + rows.length;
    tableHost.replaceChildren(h("table", {}, h("caption", {class: "sr-only"}, `Resultaat, rijen ${first} tot en met ${last} van ${displayValue(rowCount)}`), thead, tbody));
    renderPager(pages, first, last);
    renderExports(columns, numeric);
  }

  function renderPager(pages: number, first: number, last: number) {
    pager.hidden = pages <= 1;
    if (pages <= 1) return;
    const previous = h("button", {type: "button", disabled: page === 0}, "Vorige");
    const next = h("button", {type: "button", disabled: page >= pages - 1}, "Volgende");
    previous.addEventListener("click", () => turn(-1));
    next.addEventListener("click", () => turn(1));
    pager.replaceChildren(previous, h("span", {}, ` rijen ${displayValue(first)}–${displayValue(last)} · pagina ${displayValue(page + 1)} van ${displayValue(pages)} `), next);
  }

  function turn(step: number) {
    page += step;
    renderResult();
    (pager.querySelector(step < 0 ? "button" : "button:last-of-type") as HTMLButtonElement | null)?.focus();
  }

  /** The full result for exports: the kept rows when they are all, otherwise the query once more, kept whole. */
  async function fullTable(): Promise<Table> {
    if (!lastResult) throw new Error("geen resultaat");
    if (lastResult.complete) return lastResult.table;
    status.textContent = "Alle rijen ophalen voor de export…";
    const result = await runQuery(connection!, lastSql, {keepRows: Infinity}).result;
    status.textContent = `${rowCountText(result.rowCount)} opgehaald voor de export.`;
    return result.table;
  }

  function renderExports(columns: ResultColumn[], numeric: boolean[]) {
    const csv = h("button", {type: "button"}, "Download CSV");
    const parquet = h("button", {type: "button"}, "Download Parquet");
    const markdown = h("button", {type: "button"}, "Kopieer als Markdown");
    const names = columns.map((c) => c.name);
    csv.addEventListener("click", async () => download(toCsv(names, tableRows(await fullTable())), "resultaat.csv", "text/csv;charset=utf-8"));
    parquet.addEventListener("click", async () => download(toParquet(await fullTable()), "resultaat.parquet", "application/vnd.apache.parquet"));
    markdown.addEventListener("click", async () => {
      const text = toMarkdown(names, tableRows(lastResult!.table, {limit: 1000}), {numeric, totalRows: lastResult!.rowCount});
      await copy(text, "De tabel staat als Markdown op het klembord (hoogstens 1.000 rijen).");
    });
    exportBar.replaceChildren(csv, parquet, markdown, chartButton);
    exportBar.hidden = false;
  }

  async function copy(text: string, done: string) {
    root.dataset.copied = text;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = done;
    } catch {
      status.textContent = "Kopiëren naar het klembord lukte niet in deze browser.";
    }
  }

  // --- chart ---
  chartButton.addEventListener("click", () => {
    if (!lastResult) return;
    chartSpec = inferChart(resultColumns(lastResult.table.schema));
    chartPanel.hidden = false;
    renderChart();
    chartPanel.querySelector("select")?.focus();
  });

  function renderChart() {
    if (!lastResult) return;
    const columns = resultColumns(lastResult.table.schema);
    if (!chartSpec) {
      chartPanel.replaceChildren(h("p", {}, "Voor dit resultaat is geen grafiek te maken: er zijn geen kolommen met getallen of categorieën."));
      return;
    }
    const spec = chartSpec;
    const choose = (id: string, label: string, value: string | null, options: [string, string][], allowNone: boolean, set: (v: string | null) => void) => {
      const select = h("select", {id}, ...(allowNone ? [h("option", {value: ""}, "(geen)")] : []), ...options.map(([v, text]) => h("option", {value: v}, text)));
      select.value = value ?? "";
      select.addEventListener("change", () => {
        set(select.value || null);
        renderChart();
        (chartPanel.querySelector(`#${id}`) as HTMLSelectElement | null)?.focus();
      });
      return h("span", {class: "sql-chart-control"}, h("label", {for: id}, label), select);
    };
    const columnOptions = columns.map((c) => [c.name, c.name] as [string, string]);
    const controls = h(
      "div",
      {class: "sql-chart-controls"},
      choose("sql-chart-mark", "Soort ", spec.mark, Object.entries(chartMarkLabels) as [string, string][], false, (v) => (spec.mark = v as ChartMark)),
      choose("sql-chart-x", "x ", spec.x, columnOptions, false, (v) => (spec.x = v!)),
      choose("sql-chart-y", "y ", spec.y, columnOptions, true, (v) => (spec.y = v)),
      choose("sql-chart-color", "kleur ", spec.color, columnOptions, true, (v) => (spec.color = v))
    );
    const rows = tableObjects(lastResult.table);
    let figure: Node;
    try {
      validateChart(spec, columns);
      const width = Math.max(320, Math.min(900, chartPanel.clientWidth || 640));
      const plot = chartResult(rows, spec, {width});
      plot.setAttribute("role", "img");
      plot.setAttribute("aria-label", `Grafiek (${chartMarkLabels[spec.mark]}) van ${spec.y ?? "het aantal rijen"} naar ${spec.x}${spec.color ? ` en ${spec.color}` : ""}. De tabel hierboven bevat dezelfde gegevens.`);
      figure = h(
        "figure",
        {},
        plot,
        h(
          "figcaption",
          {},
          `${lastResult.complete ? "" : `Alleen de eerste ${displayValue(lastResult.table.numRows)} rijen. `}Bron: gereconstrueerde antwoorden op de enquête Kennis voor lokaal beleid (Rathenau Instituut, 2022), niet de echte antwoorden; n = ${displayValue(lastResult.table.numRows)} rijen van het resultaat. De tabel hierboven is de tekstversie.`
        )
      );
    } catch (error) {
      figure = h("p", {class: "sql-error-inline"}, `Deze grafiek lukt niet: ${error instanceof Error ? error.message : String(error)}`);
    }
    chartPanel.replaceChildren(h("h2", {}, "Grafiek"), controls, figure);
  }

  // --- schema ---
  async function refreshSchema() {
    if (!connection) return;
    const catalog = tableRows(await connection.query(catalogSql)).map(([table_name, column_name, data_type]) => ({table_name, column_name, data_type}) as CatalogColumn);
    let items: ItemInfo[] = [];
    if (catalog.some((c) => c.table_name === "items") && catalog.some((c) => c.table_name === "response_options")) {
      items = tableRows(await connection.query(itemInfoSql)).map(([item_id, text_nl, scale, labels]) => ({item_id, text_nl, scale, labels}) as ItemInfo);
    }
    tables = schemaTree(catalog, items);
    editor.setSchema(completionSchema(tables));
    schemaHost.replaceChildren(
      ...tables.map((table) =>
        h(
          "details",
          {open: table.own || table.name === "respondents"},
          h("summary", {}, h("code", {}, table.name), table.own ? " (eigen bestand)" : "", ` · ${table.columns.length} kolommen`),
          h(
            "ul",
            {tabindex: 0, "aria-label": `Kolommen van ${table.name}`},
            ...table.columns.map((column) =>
              h(
                "li",
                {},
                h("code", {}, column.name),
                h("span", {class: "sql-type"}, ` ${column.type}`),
                column.question ? h("div", {class: "sql-question", lang: "nl"}, column.question) : null,
                column.labels ? h("div", {class: "sql-labels"}, column.labels) : null
              )
            )
          )
        )
      )
    );
  }

  // --- history ---
  function renderHistory() {
    const entries = history.list();
    historyList.replaceChildren(
      ...(entries.length
        ? entries.map((entry) => {
            const button = h("button", {type: "button", class: "sql-history-item", title: entry.sql}, entry.sql.length > 90 ? `${entry.sql.slice(0, 90)}…` : entry.sql);
            button.addEventListener("click", () => {
              editor.setText(entry.sql);
              editor.focus();
            });
            return h("li", {}, button);
          })
        : [h("li", {}, "Nog geen queries uitgevoerd.")])
    );
  }

  // --- dropped files ---
  async function acceptFiles(files: FileList | File[]) {
    if (!db) await ready;
    for (const file of Array.from(files)) {
      if (!droppedKind(file.name)) {
        dropStatus.textContent = `${file.name}: alleen CSV- of Parquetbestanden.`;
        continue;
      }
      const table = tableNameForFile(file.name, tables.map((t) => t.name));
      dropStatus.textContent = `${file.name} inlezen…`;
      try {
        await loadDroppedFile({db: db!, loadParquetTable}, file, table);
        await refreshSchema();
        dropStatus.textContent = `${file.name} staat nu in tabel ${table}.`;
        editor.setText(`SELECT * FROM "${table}" LIMIT 100`);
      } catch (error) {
        dropStatus.textContent = `${file.name} kon niet worden ingelezen: ${parseSqlError(error instanceof Error ? error.message : String(error)).message}`;
      }
    }
  }
  dropZone.addEventListener("dragover", (event) => {
    event.preventDefault();
    dropZone.classList.add("over");
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("over"));
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("over");
    if (event.dataTransfer?.files.length) void acceptFiles(event.dataTransfer.files);
  });
  fileInput.addEventListener("change", () => {
    if (fileInput.files?.length) void acceptFiles(fileInput.files);
  });

  // --- buttons ---
  runButton.addEventListener("click", () => void execute(editor.text()));
  runSelectionButton.addEventListener("click", () => {
    const {sql, offset} = editor.runnable();
    void execute(sql, offset);
  });
  cancelButton.addEventListener("click", () => {
    status.textContent = "Afbreken…";
    void running?.cancel();
  });
  shareButton.addEventListener("click", () => {
    const href = withSharedQuery(location.href, editor.text());
    window.history.replaceState(null, "", href);
    void copy(href, "De link naar deze query staat op het klembord.");
  });
  exampleSelect.addEventListener("change", () => {
    const example = examples.find((e) => e.id === exampleSelect.value);
    if (!example) return;
    editor.setText(`-- ${example.source}: ${example.title}\n${example.sql}`);
    void execute(editor.text());
  });

  // --- start: connect, read the schema, run the shared query or the default example ---
  const ready = (async () => {
    try {
      ({db} = await database);
      connection = await db.connect();
      await refreshSchema();
      status.textContent = "Database geladen.";
      renderHistory();
      await execute(editor.text(), 0, {share: false});
    } catch (error) {
      status.textContent = "";
      showError(`De database kon niet worden geladen: ${error instanceof Error ? error.message : String(error)}`);
    }
  })();
  renderHistory();
  return root;
}
