/**
 * The downloads the site offers, built from the same published respondents table as respondents.parquet
 * (the pipeline's exportTables): an SPSS .sav with variable and value labels from the codebook, a CSV, and a
 * Frictionless data package (datapackage.json) describing every published file. Before anything is written,
 * the k-anonymity check runs on the published quasi-identifiers (size class x role), k = 5.
 * loaders/write/site-files.ts makes the site's files from these.
 */
import {createHash} from "node:crypto";
import type {Codebook} from "../codebook/codebook.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";
import {checkKAnonymity} from "../anonymise/k-anonymity.ts";
import {quasiIdentifiers} from "../anonymise/anonymise.ts";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import type {Provenance} from "../pipeline/provenance.ts";
import {readSiteData, siteData as siteSourceData} from "../pipeline/site-data.ts";
import {dataStatement} from "../pipeline/site-provenance.ts";
import type {OutputTable} from "../tables/output-table.ts";
import {writeSav, type SavColumn} from "./sav/write.ts";
import {csvText} from "../../src/components/csv.ts";

export interface SiteData {
  codebook: Codebook;
  respondents: OutputTable;
  tables: OutputTable[];
  provenance: Provenance;
  /** The site's provenance record: every word the downloads say about the data follows from it. */
  record?: DataProvenance;
}

/** The published tables of the site's export (KV_EXPORT, or `file`), after the k-anonymity check. */
export async function siteData(file?: string, k = 5): Promise<SiteData> {
  const codebook = loadCodebook();
  const data = file ? await readSiteData({exportFile: file}) : await siteSourceData();
  const {tables, sidecar: provenance, provenance: record} = data;
  file ??= record.fileName;
  const respondents = tables.find((t) => t.name === "respondents")!;
  const columns = respondents.columns.map((c) => c.name);
  const rows = respondents.rows.map((r, i) => ({line: i + 1, cells: r.map((c) => (c === null ? "" : String(c)))}));
  checkKAnonymity({file, columns, rows, unit: "record"}, quasiIdentifiers(columns, codebook), k);
  return {codebook, respondents, tables, provenance, record};
}

/** The record of `data`, or for tables without one (a test's own export) what their sidecar and rows say. */
function recordOf(data: Pick<SiteData, "provenance" | "respondents" | "record">): DataProvenance {
  return data.record ?? {
    source: data.provenance.reconstructed ? "reconstructed" : "export", fileName: "", checksum: "", readOn: "",
    respondents: data.respondents.rows.length, sizeClassCounts: {}, roleCounts: {}, publication: "open",
    showPrinted: data.provenance.reconstructed, kAnonymityOverride: null, note_nl: data.provenance.note_nl, note_en: data.provenance.note_en
  };
}

/** Variable and value labels for every column of respondents, from the codebook. */
export function respondentsSavColumns({codebook, respondents}: Pick<SiteData, "codebook" | "respondents">): SavColumn[] {
  const items = new Map(codebook.items.map((i) => [i.id, i]));
  const background = new Map(codebook.background.map((b) => [b.id, b]));
  const scales = new Map(codebook.scales.map((s) => [s.id, s]));
  return respondents.columns.map((col, k) => {
    const values = respondents.rows.map((r) => r[k]);
    const item = items.get(col.name);
    if (item) {
      const scale = codebook.response_scales[item.response_scale];
      return {
        name: col.name,
        type: "numeric",
        label: `${item.section} ${item.text_nl}`,
        values,
        valueLabels: scale.options.map((o) => ({value: o.code, label: o.label})),
        measure: scale.options.length === 2 ? "nominal" : "ordinal"
      } satisfies SavColumn;
    }
    const b = background.get(col.name);
    if (b) return {name: col.name, type: "string", label: b.text_nl, values, width: Math.max(...b.values.map((v) => Buffer.byteLength(v))), measure: col.name === "size_class" ? "ordinal" : "nominal"} satisfies SavColumn;
    const s = scales.get(col.name);
    if (s) return {name: col.name, type: "numeric", label: `Schaalscore ${s.title_nl} (${s.table}): gemiddelde van de items als alle beantwoord zijn`, values, decimals: 4, measure: "scale"} satisfies SavColumn;
    if (col.name === "weight") return {name: col.name, type: "numeric", label: "Poststratificatiegewicht naar gemeentegrootte (352 gemeenten, 2021)", values, decimals: 6, measure: "scale"} satisfies SavColumn;
    if (col.name === codebook.identifier.id) return {name: col.name, type: "string", label: "Respondent (pseudoniem, volgnummer)", values, measure: "nominal"} satisfies SavColumn;
    return {name: col.name, type: col.type === "VARCHAR" ? "string" : "numeric", values} satisfies SavColumn;
  });
}

export function kennisverkennerSav(data: SiteData): Uint8Array {
  const record = recordOf(data);
  return writeSav({
    columns: respondentsSavColumns(data),
    fileLabel: record.source === "reconstructed" ? "Kennisverkenner: gereconstrueerde antwoorden" : `Kennisverkenner: ${record.respondents} antwoorden uit ${record.fileName}`,
    documents: wrap(dataStatement(record).nl, 80).concat(["Bron: Rathenau Instituut (2022), Kennis voor lokaal beleid. Codeboek: codebook.json."]),
    compression: "bytecode"
  });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (Buffer.byteLength(`${line} ${word}`.trim()) > width) (lines.push(line), (line = word));
    else line = `${line} ${word}`.trim();
  }
  if (line) lines.push(line);
  return lines;
}

/** RFC 4180 CSV (the project's one CSV writer), UTF-8 without BOM, comma, decimal point, empty = not answered. */
export function tableCsv(table: OutputTable): string {
  return csvText(table.columns.map((c) => c.name), table.rows);
}

export function respondentsCsv(data: SiteData): string {
  return tableCsv(data.respondents);
}

const md5 = (bytes: Uint8Array | string) => createHash("md5").update(bytes).digest("hex");

/**
 * Frictionless Data Package (v1 with v2 `categories`) for the published files under data/.
 * Tabular schemas follow the Parquet/CSV columns; items carry their wording and response options.
 */
export function dataPackage(data: SiteData) {
  const {codebook, respondents} = data;
  const record = recordOf(data);
  const reconstructed = record.source === "reconstructed";
  const csv = respondentsCsv(data);
  const sav = kennisverkennerSav(data);
  const items = new Map(codebook.items.map((i) => [i.id, i]));
  const background = new Map(codebook.background.map((b) => [b.id, b]));
  const scales = new Map(codebook.scales.map((s) => [s.id, s]));
  const typeOf = {VARCHAR: "string", INTEGER: "integer", DOUBLE: "number"} as const;
  const respondentFields = respondents.columns.map((col) => {
    const field: Record<string, unknown> = {name: col.name, type: typeOf[col.type]};
    const item = items.get(col.name);
    const b = background.get(col.name);
    const s = scales.get(col.name);
    if (item) {
      const scale = codebook.response_scales[item.response_scale];
      Object.assign(field, {
        title: item.label_en,
        description: `${item.section} ${item.text_nl}${item.text_reconstructed ? " (formulering gereconstrueerd)" : ""}`,
        constraints: {enum: scale.options.map((o) => o.code)},
        categories: scale.options.map((o) => ({value: o.code, label: o.label})),
        response_scale: item.response_scale,
        scale: item.scale
      });
    } else if (b) Object.assign(field, {title: b.label_en, description: b.text_nl, constraints: {required: true, enum: b.values}});
    else if (s) Object.assign(field, {title: s.label_en, description: `Schaalscore ${s.title_nl} (${s.table}): gemiddelde van de items als alle beantwoord zijn, anders leeg`});
    else if (col.name === "weight") Object.assign(field, {description: `Poststratificatiegewicht naar gemeentegrootte (${codebook.population.total} gemeenten in 2021: ${Object.values(codebook.population.size_class_counts).join(" / ")})`});
    else if (col.name === codebook.identifier.id) Object.assign(field, {description: "Pseudoniem (volgnummer); het nummer uit het enquêteprogramma wordt niet gepubliceerd", constraints: {required: true, unique: true}});
    return field;
  });
  const schemaOf = (name: string) => {
    const t = data.tables.find((x) => x.name === name)!;
    return {fields: t.columns.map((c) => ({name: c.name, type: typeOf[c.type]}))};
  };
  const parquet = (name: string, description: string, extra: Record<string, unknown> = {}) => ({
    name: name.replace(/_/g, "-"),
    path: `${name}.parquet`,
    format: "parquet",
    mediatype: "application/vnd.apache.parquet",
    description,
    schema: name === "respondents" ? {fields: respondentFields, primaryKey: ["respondent_id"], missingValues: [""]} : schemaOf(name),
    ...extra
  });
  return {
    name: "kennisverkenner",
    title: reconstructed
      ? "Kennisverkenner: gereconstrueerde antwoorden op de enquête 'Kennis voor lokaal beleid'"
      : `Kennisverkenner: antwoorden op de enquête 'Kennis voor lokaal beleid' uit ${record.fileName}`,
    description: `${dataStatement(record).nl} Eén rij per gemeente (${respondents.rows.length}), ${codebook.items.length} vragen, schaalscores en poststratificatiegewichten. Gemeentenaam, functie en het respondentnummer zijn niet opgenomen; elke combinatie van gemeentegrootte en functie telt minstens 5 respondenten.`,
    version: "1.0.0",
    keywords: ["gemeenten", "kennis", "beleid", "enquête", "Rathenau Instituut", ...(reconstructed ? ["gereconstrueerd"] : [])],
    sources: reconstructed
      ? [{title: "Rathenau Instituut (2022), Kennis voor lokaal beleid. Den Haag: Rathenau Instituut."}]
      : [{title: `Export ${record.fileName}`, ...(record.checksum && {hash: `sha256:${record.checksum}`})}, {title: "Vragenlijst: Rathenau Instituut (2022), Kennis voor lokaal beleid. Den Haag: Rathenau Instituut."}],
    reconstructed,
    resources: [
      {
        name: "respondents-csv",
        path: "respondents.csv",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        bytes: Buffer.byteLength(csv),
        hash: md5(csv),
        description: "Eén rij per respondent: gemeentegrootte, functie, gewicht, de antwoordcodes per vraag (leeg = niet beantwoord) en de schaalscores.",
        dialect: {delimiter: ",", header: true, doubleQuote: true},
        schema: {fields: respondentFields, primaryKey: ["respondent_id"], missingValues: [""]}
      },
      {
        name: "kennisverkenner-sav",
        path: "kennisverkenner.sav",
        format: "sav",
        mediatype: "application/x-spss-sav",
        bytes: sav.length,
        hash: md5(sav),
        description: "Dezelfde gegevens als respondents.csv als SPSS-bestand, met variabelelabels (de vraagtekst) en waardelabels (de antwoordcategorieën); niet beantwoord = systeem-missing."
      },
      parquet("respondents", "Als respondents.csv, in Parquet."),
      parquet("answers", "Lange vorm: één rij per gegeven antwoord (respondent, vraag, code, label)."),
      parquet("items", "De vragen uit het codeboek: sectie, schaal, tekst, Engelse omschrijving, antwoordschaal."),
      parquet("response_options", "Antwoordcategorieën per antwoordschaal (code en label).")
    ]
  };
}
