// Lab F1: the correlations of the chosen questions as a heatmap (rows numbered and labelled, columns numbered so the
// top axis stays readable), with the matrix as a table.
import {resize} from "observablehq:stdlib";
import {heatmap} from "../charts/heatmap.js";
import {wrapLabel} from "./wrap-label.js";
import {dataTable} from "../story/figure.js";
import {formatNumber} from "../format.js";
import type {Correlation} from "../stats/index.js";
import type {LabQuestion, MakeFigure} from "./lab-item.js";

export function correlationFigure(corr: Correlation, questions: LabQuestion[], {figure}: {figure: MakeFigure}): HTMLElement {
  const labels = questions.map((q) => q.label);
  const numbered = labels.map((l, i) => `${i + 1}. ${l}`);
  const numbers = labels.map((_, i) => String(i + 1));
  const cells = questions.flatMap((_, i) => questions.map((__, j) => ({row: numbered[i], column: numbers[j], value: corr.r[i][j]})));
  return figure({
    number: "Lab F1",
    title: "Correlaties tussen de gekozen vragen (Pearson, lijstgewijs)",
    aid: "Blauw: samen hoog; rood: tegengesteld. Blokken van blauw wijzen op een gemeenschappelijke factor. De kolommen volgen de nummers van de rijen.",
    chart: resize((width: number) => heatmap(cells, {
      width, rows: numbered, columns: numbers, label: "correlatie", marginLeft: width < 600 ? 140 : 200,
      rowLabel: (l) => wrapLabel(l, width < 600 ? 18 : 26),
      cellTitle: (d) => `${d.row} × ${numbered[Number(d.column) - 1]}: ${formatNumber(d.value)}`,
      ariaLabel: "Correlatiematrix van de gekozen vragen; de waarden staan in de tabel."
    })),
    table: dataTable("Correlaties", ["Vraag", ...labels], labels.map((l, i) => [l, ...corr.r[i].map((v) => formatNumber(v))])),
    n: `n = ${corr.completeCases} gemeenten die alle gekozen vragen beantwoordden (lijstgewijze verwijdering, zoals SPSS FACTOR standaard doet)`
  });
}
