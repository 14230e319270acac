// Lab B1: alpha and both omegas per scale as dots on one axis (0,70 marked), with the numbers as a table.
import {categoricalColors} from "../charts/palette.js";
import * as Plot from "@observablehq/plot";
import {resize} from "observablehq:stdlib";
import {wrapLabel} from "./wrap-label.js";
import {dataTable} from "../story/figure.js";
import {formatNumber} from "../format.js";
import type {ScaleReliability} from "./reliability.js";
import type {MakeFigure} from "./lab-item.js";

type Scale = {title: string; items: string[]};

const KINDS = ["alfa", "omega (model)", "omega (psych)"];

export function reliabilityFigure(summary: ScaleReliability<Scale>[], {figure}: {figure: MakeFigure}): HTMLElement {
  const dots = summary.flatMap((d) => [
    {scale: d.scale.title, kind: "alfa", value: d.alpha.alpha},
    ...(d.omega ? [{scale: d.scale.title, kind: "omega (model)", value: d.omega.omegaModel}, {scale: d.scale.title, kind: "omega (psych)", value: d.omega.omegaObserved}] : [])
  ]);
  return figure({
    number: "Lab B1",
    title: "Alfa en omega per schaal",
    aid: "Per schaal Cronbachs alfa en McDonalds omega met twee noemers; boven 0,70 geldt gangbaar als voldoende voor groepsvergelijkingen.",
    chart: resize((width: number) => Plot.plot({
      width, height: 300, marginLeft: width < 600 ? 130 : 220, ariaLabel: "Alfa en omega per schaal; de cijfers staan in de tabel.",
      x: {domain: [0, 1], label: "Betrouwbaarheid", tickFormat: (v: number) => formatNumber(v, 1), grid: true, ticks: width < 600 ? 5 : 10},
      y: {label: null, tickFormat: (t: string) => wrapLabel(t, width < 600 ? 18 : 40)},
      color: {legend: true, domain: KINDS, range: categoricalColors.slice(0, 3)},
      symbol: {domain: KINDS, range: ["circle", "diamond2", "triangle2"]},
      marks: [
        Plot.ruleX([0.7], {strokeDasharray: "3,3"}),
        Plot.dot(dots, {y: "scale", x: "value", stroke: "kind", symbol: "kind", r: 5, strokeWidth: 2, tip: true, title: (d: {scale: string; kind: string; value: number}) => `${d.scale}, ${d.kind}: ${formatNumber(d.value)}`})
      ]
    })),
    table: dataTable("Betrouwbaarheid per schaal", ["Schaal", "Vragen", "n (alles beantwoord)", "Alfa", "Omega (modelvariantie)", "Omega (psych: waargenomen variantie)"],
      summary.map((d) => [d.scale.title, String(d.scale.items.length), String(d.alpha.n), formatNumber(d.alpha.alpha), d.omega ? formatNumber(d.omega.omegaModel, 4) : "–", d.omega ? formatNumber(d.omega.omegaObserved, 4) : "–"])),
    n: "per schaal de gemeenten die alle vragen beantwoordden; omega uit een één-factormodel (minres)"
  });
}
