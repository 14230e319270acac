// One view per cell: the frame (heading, buttons, status) around the view of its kind. The notebook view keeps the
// views by cell id, so that moving a cell or running it never rebuilds its editor.
import type {Cell, ChartCell, InputCell, SqlCell, TextCell} from "../notebook.js";
import type {CellState} from "../runner.js";
import {cellFrame, type CellFrame, type FrameActions} from "./cell-frame.js";
import {chartCellView} from "./chart-cell-view.js";
import {inputCellView} from "./input-cell-view.js";
import {sqlCellView, type SqlCellView} from "./sql-cell-view.js";
import {stateText} from "./cell-state-text.js";
import {textCellView} from "./text-cell-view.js";
import type {CellResult} from "./table-executor.js";
import type {StreamingConnection} from "../../sql/run.js";

export interface CellChanges extends FrameActions {
  /** A changed cell to keep and run (its dependants with it); the Dutch reason when it is refused. */
  change(cell: Cell): string | null;
  /** The names and columns of the SQL results, for a chart's menus. */
  sources(): Map<string, string[]>;
  /** The notebook's connection, to read every row of a result again for an export. */
  connection(): Promise<StreamingConnection>;
}

export interface CellView {
  frame: CellFrame;
  show(state: CellState<CellResult>): void;
  /** The cell as edited but not yet run (a SQL editor's text), to share or save. */
  pending(cell: Cell): Cell;
  /** The SQL results changed: a chart's menus follow. */
  sourcesChanged(): void;
  sql?: SqlCellView;
}

export function cellView(cell: Cell, actions: CellChanges, width: () => number): CellView {
  const frame = cellFrame(cell, actions);
  let show: (state: CellState<CellResult>) => void = () => {};
  let sourcesChanged = () => {};
  let sql: SqlCellView | undefined;
  switch (cell.kind) {
    case "sql": {
      let current: SqlCell = cell;
      sql = sqlCellView(cell, {
        run: (text) => {
          current = {...current, sql: text};
          actions.change(current);
        },
        connection: actions.connection,
        rename: (name) => {
          const problem = actions.change({...current, name, sql: sql!.editor.text()});
          if (!problem) current = {...current, name};
          return problem;
        }
      });
      frame.body.append(sql.element);
      show = sql.show;
      break;
    }
    case "chart": {
      const view = chartCellView(cell, (next: ChartCell) => actions.change(next), {width});
      frame.body.append(view.element);
      show = view.show;
      sourcesChanged = () => view.setSources(actions.sources());
      sourcesChanged();
      break;
    }
    case "text":
      frame.body.append(textCellView(cell, (next: TextCell) => actions.change(next)).element);
      break;
    case "input":
      frame.body.append(inputCellView(cell, {change: (next: InputCell) => actions.change(next)}).element);
      break;
  }
  return {
    frame,
    sql,
    show(state) {
      const {text, error} = stateText(state, cell.kind);
      frame.status(text, error);
      if (state.status === "done" || state.status === "error" || state.status === "blocked") frame.element.dataset.runs = String(Number(frame.element.dataset.runs) + 1);
      show(state);
    },
    pending: (current) => (current.kind === "sql" && sql ? {...current, sql: sql.editor.text()} : current),
    sourcesChanged
  };
}
