// lab-meta.json: what the methodology lab needs besides the responses: population counts, scales, topics and short
// Dutch item labels (codebook), the printed tables (published.json) and the reconstruction's invented parameters
// (loaders/reconstruct/design.ts), so the synthetic-data page can show them.
import {readFileSync} from "node:fs";
import {itemDesign, factorCorrelations, baseFactorCorrelation, nonresponsePlan, seed} from "../../../loaders/reconstruct/design.ts";

const codebook = JSON.parse(readFileSync("data/codebook.json", "utf8"));
const published = JSON.parse(readFileSync("data/published.json", "utf8"));

/** Short Dutch labels for charts (the full question text is in items.parquet). */
const shortLabels: Record<string, string> = {
  uit_traditioneel: "Uitdaging: traditionele taken", uit_nieuw: "Uitdaging: nieuwe taken",
  bes_behoeften: "Behoeften bewoners", bes_samenhang: "Samenhang beleidsopgaven", bes_effectiviteit: "Lokale effectiviteit",
  bes_doorstroom: "Doorstroom praktijkkennis", bes_agenda: "Agenda uit praktijk", bes_toegesneden: "Toegesneden beleid",
  bes_integraal: "Integrale aanpak", bes_communiceren: "Communiceren met bewoners",
  inf_functionaris: "Functionaris kennismanagement", inf_loket: "Kennisloket", inf_budget: "Onderzoeksbudget", inf_afdeling: "Onderzoeksafdeling",
  km_vinden: "Kennis vinden en gebruiken", km_bijhouden: "Vakkennis bijhouden", km_werven: "Vakkennis werven", km_inzetten: "Expertise inzetten",
  net_intern: "Interne netwerken", net_extern: "Externe netwerken",
  ext_vakliteratuur: "Vakliteratuur", ext_producten: "Producten VNG e.d.", ext_rapporten: "Rapporten kennisinstellingen",
  ext_onderzoek: "Onderzoeksrapporten gebruiken", ext_contacten_ki: "Contacten kennisinstellingen", ext_beroep_ki: "Beroep op kennisinstellingen",
  con_regio: "Contacten in de regio", con_vergelijkbaar: "Vergelijkbare gemeenten", con_groot: "Grote gemeenten",
  beh_schakelpunt: "Regionaal schakelpunt", beh_regionaal: "Regionale uitwisseling", beh_elders: "Gemeenten elders", beh_intermediair: "Intermediair kennisinstellingen",
  inw_meningen: "Meningen peilen", inw_plannen: "Plannen peilen", inw_bijeenkomsten: "Informatiebijeenkomsten",
  inw_praktijkkennis: "Praktijkkennis inwoners", inw_vakkennis: "Vakkennis inwoners", inw_onderzoek: "Inwoners in onderzoek",
  eva_lerend: "Lerende evaluatie", eva_lessen: "Lessen werken door", eva_verantwoorden: "Verantwoorden voorop", eva_raad: "Naar de raad",
  eva_extern: "Externe evaluatie", eva_intern: "Interne evaluatie", eva_protocollen: "Evaluatieprotocollen", eva_periodiek: "Periodiek evalueren"
};

const items = codebook.items.map((item: any) => ({
  id: item.id, section: item.section, topic: item.topic, scale: item.scale ?? null, responseScale: item.response_scale,
  label: shortLabels[item.id] ?? item.id, text: item.text_nl, labelEn: item.label_en
}));
for (const item of items) if (!(item.id in shortLabels)) throw new Error(`no short label for ${item.id}`);

process.stdout.write(JSON.stringify({
  population: codebook.population.size_class_counts,
  populationTotal: codebook.population.total,
  sizeClasses: codebook.background.find((b: any) => b.id === "size_class").values,
  sections: codebook.sections.map((s: any) => ({id: s.id, title: s.title_nl})),
  topics: codebook.topics,
  scales: codebook.scales.map((s: any) => ({id: s.id, title: s.title_nl, labelEn: s.label_en, table: s.table, items: items.filter((i: any) => i.scale === s.id).map((i: any) => i.id)})),
  responseScales: Object.fromEntries(Object.entries<any>(codebook.response_scales).map(([id, s]) => [id, s.options])),
  items,
  published: {sample: published.sample, tables: published.tables, slips: published.slips, percentages: published.percentages},
  reconstruction: {seed, baseFactorCorrelation, factorCorrelations, itemDesign, nonresponsePlan}
}));
