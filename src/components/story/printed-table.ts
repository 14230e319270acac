// Tables 1-5: the report's printed value beside the value recomputed under the current filter, with the report's
// known slips marked. Printed values come from data/published.json (via story-meta.json).
import {formatNumber} from "../format.js";
import {SUPPRESSED_TEXT, TOTAL, type MeanRow} from "./model.js";

export interface PublishedRow {
  size_class?: string;
  mean: number;
  n: number;
  n_consistent?: number;
  slip?: string;
}

export interface PublishedTable {
  id: string;
  column?: string;
  title_nl: string;
  scale: string;
  range: [number, number];
  rows: PublishedRow[];
  total: PublishedRow;
}

export interface Slip {
  id: string;
  table: string;
  printed: string;
  consistent: string;
  note_nl: string;
}

/** Do the printed mean and n agree with a recomputed row (to the report's two decimals)? */
export function agrees(printed: PublishedRow, row: MeanRow | undefined): boolean {
  if (!row || row.mean == null) return false;
  return Math.abs(Math.round(row.mean * 100) / 100 - printed.mean) < 0.005 && row.n === (printed.n_consistent ?? printed.n);
}

export interface PrintedColumn {
  table: PublishedTable;
  /** Recomputed under the current filter. */
  rows: MeanRow[];
}

/**
 * One HTML table with, per column (Tabel 5 has two), the printed "2,21 (28)" and the recomputed value.
 * Rows are the four size classes and the total; a slip gets a footnote marker and a note below the table.
 */
export function printedVersusRecomputed(columns: PrintedColumn[], slips: Slip[], {caption}: {caption: string}): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "story-printed";
  const table = document.createElement("table");
  table.className = "story-table story-printed-table";
  table.createCaption().textContent = caption;
  const th = (text: string, scope = "col") => {
    const cell = document.createElement("th");
    cell.scope = scope;
    cell.textContent = text;
    return cell;
  };
  // Two header rows: the table's column(s) from the report, then "rapport" and "herberekend" under each.
  const thead = table.createTHead();
  const top = thead.insertRow();
  const corner = th("Gemeentegrootte");
  corner.rowSpan = 2;
  top.append(corner);
  for (const {table: t} of columns) {
    const cell = th(columns.length > 1 ? t.title_nl : "Gemiddelde (n)", "colgroup");
    cell.colSpan = 2;
    top.append(cell);
  }
  const sub = thead.insertRow();
  for (const _ of columns) sub.append(th("rapport"), th("herberekend"));
  const body = table.createTBody();
  const usedSlips = new Map<string, number>();
  const marker = (slip: string) => {
    if (!usedSlips.has(slip)) usedSlips.set(slip, usedSlips.size + 1);
    return usedSlips.get(slip)!;
  };
  const groups = [...columns[0].table.rows.map((r) => r.size_class!), TOTAL];
  for (const group of groups) {
    const tr = body.insertRow();
    tr.dataset.group = group;
    tr.append(th(group, "row"));
    for (const {table: t, rows} of columns) {
      const printed = group === TOTAL ? t.total : t.rows.find((r) => r.size_class === group)!;
      const row = rows.find((r) => r.group === group);
      const p = tr.insertCell();
      p.className = "printed";
      p.textContent = `${formatNumber(printed.mean)} (${printed.n})`;
      if (printed.slip) {
        const sup = document.createElement("sup");
        const a = document.createElement("a");
        a.href = `#slip-${printed.slip}`;
        a.textContent = String(marker(printed.slip));
        a.setAttribute("aria-label", `voetnoot ${marker(printed.slip)}: fout in het rapport`);
        sup.append(a);
        p.append(" ", sup);
        p.classList.add("slip");
      }
      const r = tr.insertCell();
      r.className = "recomputed";
      if (!row || row.suppressed || row.mean == null) r.textContent = row && row.n === 0 ? "niet geselecteerd" : SUPPRESSED_TEXT;
      else {
        r.textContent = `${formatNumber(row.mean)} (${row.n})`;
        if (agrees(printed, row)) r.classList.add("same");
      }
    }
  }
  wrapper.append(table);
  const notes = slips.filter((s) => usedSlips.has(s.id) || columns.some((c) => c.table.id === s.table));
  if (notes.length) {
    const list = document.createElement("ol");
    list.className = "story-slips";
    for (const slip of notes) {
      const li = document.createElement("li");
      li.id = `slip-${slip.id}`;
      li.value = marker(slip.id);
      li.innerHTML = "";
      const strong = document.createElement("strong");
      strong.textContent = "Slordigheid in het rapport. ";
      li.append(strong, `Gedrukt: “${slip.printed}”; consistent: “${slip.consistent}”. ${slip.note_nl}`);
      list.append(li);
    }
    wrapper.append(list);
  }
  return wrapper;
}
