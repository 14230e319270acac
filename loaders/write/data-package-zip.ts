/**
 * The whole data package as one zip (one of the site's data files, loaders/write/site-files.ts).
 * On the built site every download gets a hashed name (respondents.910fa288.csv), so datapackage.json cannot be
 * used on files downloaded one by one; in this zip every file has the name datapackage.json gives it.
 *
 * Contents, all at the top level of the zip: datapackage.json, respondents.csv, kennisverkenner.sav, the four
 * Parquet tables, codebook.json (data/codebook.json as is) and a README.md in Dutch and English.
 * The bytes come from the same writers as the separate downloads (site-export.ts, published-parquet.ts).
 *
 * Zip library: fflate (MIT, no dependencies, synchronous zip and unzip in Node and the browser). The entries get a
 * fixed date so the same data give the same zip bytes on every build.
 */
import {readFileSync} from "node:fs";
import {zipSync, type Zippable} from "fflate";
import {defaultCodebookPath} from "../codebook/load-codebook.ts";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import {publishedParquet} from "../pipeline/published-parquet.ts";
import {dataPackage, kennisverkennerSav, respondentsCsv, siteData, type SiteData} from "./site-export.ts";

const text = (s: string) => new TextEncoder().encode(s);

/** The four published Parquet tables, in the order datapackage.json lists them. */
export const parquetTables = ["respondents", "answers", "items", "response_options"] as const;

/** The date every entry carries (DOS time has no time zone; the build date would change the bytes). */
const ENTRY_DATE = new Date(2022, 0, 1, 0, 0, 0);

/** README.md of the zip: where the responses come from (the site's provenance record), what each file is, the source. Dutch first, then English. */
export function readmeText(pkg: {resources: {path: string}[]}, counts: {respondents: number; items: number}, record?: Pick<DataProvenance, "source" | "fileName" | "readOn" | "checksum"> & Partial<Pick<DataProvenance, "publication" | "note_nl" | "note_en">>): string {
  const reconstructed = !record || record.source === "reconstructed";
  // Protected publication: the files hold synthetic responses, and the record's note says so.
  const synthetic = record?.publication === "protected";
  const originNl = synthetic ? `**${record.note_nl}**` : reconstructed
    ? `**Dit zijn gereconstrueerde antwoorden, niet de echte.** De ${counts.respondents} antwoorden van gemeenten op de enquête van het Rathenau Instituut (2021) zijn niet openbaar. De gereconstrueerde antwoorden zijn zo gemaakt dat elk getal dat het rapport afdrukt eruit volgt; andere uitkomsten (verbanden tussen vragen, kruistabellen) zeggen iets over het reconstructiemodel, niet over gemeenten.`
    : `**Dit zijn de antwoorden uit de export \`${record.fileName}\`** (${record.readOn}; SHA-256 \`${record.checksum}\`), gelezen en gecontroleerd tegen het codeboek.`;
  const originEn = synthetic ? `**${record.note_en}**` : reconstructed
    ? `**These are reconstructed responses, not the real ones.** The ${counts.respondents} responses of municipalities to the Rathenau Instituut survey (2021) are not public. The reconstructed responses are made so that every number printed in the report follows from them; other results (relations between questions, cross-tabulations) describe the reconstruction model, not municipalities.`
    : `**These are the responses from the export \`${record.fileName}\`** (${record.readOn}; SHA-256 \`${record.checksum}\`), read and checked against the codebook.`;
  const citeNl = reconstructed ? "Vermeld bij gebruik die bron en dat het om gereconstrueerde antwoorden gaat." : "Vermeld bij gebruik die bron en de export.";
  const citeEn = reconstructed ? "When you use these files, cite that source and say the responses are reconstructed." : "When you use these files, cite that source and the export.";
  const provenanceNl = reconstructed ? "gereconstrueerd" : "export, bestandsnaam en SHA-256";
  const provenanceEn = reconstructed ? "reconstructed" : "export, file name and SHA-256";
  const paths = new Set(pkg.resources.map((r) => r.path));
  const filesNl: [string, string][] = [
    ["datapackage.json", "Frictionless Data Package: beschrijft de bestanden hieronder, met kolomtypen, toegestane codes, labels en de vraagtekst."],
    ["respondents.csv", "Eén rij per respondent: gemeentegrootte, functie, poststratificatiegewicht, de antwoordcode per vraag (leeg = niet beantwoord) en de zes schaalscores. UTF-8, komma als scheidingsteken, punt als decimaalteken."],
    ["kennisverkenner.sav", "Dezelfde gegevens als SPSS-bestand, met variabelelabels (de vraagtekst) en waardelabels (de antwoordcategorieën). Te openen in SPSS, PSPP, R (haven::read_sav) en Python (pandas.read_spss)."],
    ["respondents.parquet", `Als respondents.csv, in Parquet, met de herkomst (${provenanceNl}) in de metadata.`],
    ["answers.parquet", "Lange vorm: één rij per gegeven antwoord (respondent, vraag, code, label)."],
    ["items.parquet", "De vragen uit het codeboek: sectie, schaal, tekst, Engelse omschrijving, antwoordschaal."],
    ["response_options.parquet", "Antwoordcategorieën per antwoordschaal (code en label)."],
    ["codebook.json", "Het codeboek: vragen, antwoordschalen, schalen en achtergrondvariabelen."]
  ];
  const filesEn: [string, string][] = [
    ["datapackage.json", "Frictionless Data Package describing the files below: column types, allowed codes, labels and question wording."],
    ["respondents.csv", "One row per respondent: municipality size, role, post-stratification weight, the answer code per question (empty = not answered) and the six scale scores. UTF-8, comma-separated, decimal point."],
    ["kennisverkenner.sav", "The same data as an SPSS file, with variable labels (question text) and value labels (answer categories)."],
    ["respondents.parquet", `As respondents.csv, in Parquet, with its provenance (${provenanceEn}) in the metadata.`],
    ["answers.parquet", "Long form: one row per given answer (respondent, question, code, label)."],
    ["items.parquet", "The questions from the codebook: section, scale, wording (Dutch), English label, response scale."],
    ["response_options.parquet", "Answer categories per response scale (code and label)."],
    ["codebook.json", "The codebook: questions, response scales, scales and background variables."]
  ];
  for (const [name] of filesNl) if (name !== "datapackage.json" && name !== "codebook.json" && !paths.has(name)) throw new Error(`README describes ${name}, which datapackage.json does not list`);
  const list = (files: [string, string][]) => files.map(([name, what]) => `- \`${name}\`: ${what}`).join("\n");
  return `# Kennisverkenner: gegevens / data

## Nederlands

${originNl}

${counts.respondents} respondenten (één per gemeente), ${counts.items} vragen. Gemeentenaam, precieze functie en het respondentnummer uit het enquêteprogramma zijn niet opgenomen; elke combinatie van gemeentegrootte en functie telt minstens 5 respondenten.

Pak alle bestanden uit in één map: \`datapackage.json\` verwijst naar de andere bestanden met deze namen.

${list(filesNl)}

Bron: Rathenau Instituut (2022), *Kennis voor lokaal beleid*. Den Haag: Rathenau Instituut. ${citeNl} Voor deze bestanden is geen aparte licentie vastgelegd.

## English

${originEn}

${counts.respondents} respondents (one per municipality), ${counts.items} questions. Municipality name, exact role and the survey tool's respondent number are left out; every combination of municipality size and role has at least 5 respondents.

Unzip all files into one folder: \`datapackage.json\` refers to the other files by these names.

${list(filesEn)}

Source: Rathenau Instituut (2022), *Kennis voor lokaal beleid* (Knowledge for local policy). The Hague: Rathenau Instituut. ${citeEn} No separate licence has been set for these files.
`;
}

/**
 * The files datapackage.json describes, by the names it gives them (the site offers each as a download too): the
 * package itself, respondents.csv, kennisverkenner.sav and the four Parquet tables. `file` as in dataPackageZip.
 */
export async function dataPackageFiles(data: SiteData, file?: string): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {
    "datapackage.json": text(JSON.stringify(dataPackage(data), null, 2) + "\n"),
    "respondents.csv": text(respondentsCsv(data)),
    "kennisverkenner.sav": kennisverkennerSav(data)
  };
  for (const t of parquetTables) files[`${t}.parquet`] = await publishedParquet(t, file);
  return files;
}

/** The zip of the package's files (dataPackageFiles) with codebook.json and a README.md on the package they hold. */
export function zipDataPackage(data: SiteData, packageFiles: Record<string, Uint8Array>): Uint8Array {
  // The README describes the package as it is in the zip, byte for byte.
  const pkg = JSON.parse(new TextDecoder().decode(packageFiles["datapackage.json"])) as {resources: {path: string}[]};
  const files: Record<string, Uint8Array> = {
    ...packageFiles,
    "codebook.json": new Uint8Array(readFileSync(defaultCodebookPath)),
    "README.md": text(readmeText(pkg, {respondents: data.respondents.rows.length, items: data.codebook.items.length}, data.record))
  };
  for (const r of pkg.resources) if (!files[r.path]) throw new Error(`datapackage.json lists ${r.path}, which the zip would not contain`);
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) zippable[name] = [bytes, {level: 9, mtime: ENTRY_DATE}];
  return zipSync(zippable);
}

/** The zip bytes of the whole data package of the site's data (KV_EXPORT, see site-data.ts), or of the export `file`. */
export async function dataPackageZip(file?: string): Promise<Uint8Array> {
  const data = await siteData(file);
  return zipDataPackage(data, await dataPackageFiles(data, file));
}
