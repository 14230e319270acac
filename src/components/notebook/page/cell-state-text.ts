// What a cell's status line says for each state of the runner, in Dutch with Dutch numbers.
import {displayValue, rowCountText} from "../../sql/format.js";
import type {CellState} from "../runner.js";
import type {CellResult} from "./table-executor.js";

export function stateText(state: CellState<CellResult>, kind: string): {text: string; error: boolean} {
  switch (state.status) {
    case "waiting":
      return {text: "Wacht op de cellen waarvan deze afhangt…", error: false};
    case "running":
      return {text: "Bezig…", error: false};
    case "error":
      return {text: `Fout: ${state.message}`, error: true};
    case "blocked":
      return {text: state.message, error: true};
    case "done":
      if (kind === "sql" && state.result) {
        const {table, rowCount} = state.result;
        return {text: `Klaar: ${rowCountText(rowCount)}${rowCount > table.numRows ? `; de eerste ${displayValue(table.numRows)} staan in de pagina, een export geeft alle rijen` : ""}.`, error: false};
      }
      return {text: kind === "chart" && !state.result ? "Nog geen resultaat om te tekenen." : "Klaar.", error: false};
  }
}
