// A notebook with every cell kind, for the notebook tests.
import type {Notebook} from "../../../src/components/notebook/notebook.ts";

export const sample: Notebook = {
  version: 1,
  title: "Beschikbaarheid naar grootte",
  cells: [
    {kind: "text", id: "intro", markdown: "# Beschikbaarheid\nHoe **beschikbaar** is kennis?"},
    {kind: "input", id: "i1", name: "grootte", label: "Gemeentegrootte", control: "checkboxes", options: ["<25.000", ">100.000"], value: ["<25.000"]},
    {kind: "input", id: "i2", name: "drempel", control: "range", min: 1, max: 4, step: 0.5, value: 2},
    {kind: "input", id: "i3", name: "functie", control: "select", options: ["alle", "gemeentesecretaris"], value: "alle"},
    {kind: "sql", id: "q1", name: "tabel1", sql: "SELECT * FROM respondents WHERE list_contains($grootte, size_class)"},
    {kind: "chart", id: "g1", from: "tabel1", mark: "bar", x: "size_class", y: "n", sort: "-y"}
  ]
};
