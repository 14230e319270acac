// What a cell's status line says for each state of the runner, in Dutch with Dutch numbers.
import type {Table} from "apache-arrow";
import {rowCountText} from "../../sql/format.js";
import type {CellState} from "../runner.js";

export function stateText(state: CellState<Table>, kind: string): {text: string; error: boolean} {
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
      if (kind === "sql" && state.result) return {text: `Klaar: ${rowCountText(state.result.numRows)}.`, error: false};
      return {text: kind === "chart" && !state.result ? "Nog geen resultaat om te tekenen." : "Klaar.", error: false};
  }
}
