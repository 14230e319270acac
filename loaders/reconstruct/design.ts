/**
 * The design of the reconstruction: what comes from the report (sample composition, dropout that yields
 * the printed n's, the printed means and percentages, the qualitative statements) and what is invented
 * (loadings, factor correlations, item distributions where the report prints none). Every invented
 * number is here, in one place, so the methodology lab can show it.
 */
export const seed = 20220615;

export const sizeClassOrder = ["<25.000", "25.001-50.000", "50.001-100.000", ">100.000"] as const;
export type SizeClass = (typeof sizeClassOrder)[number];

/** From the report: 29 / 42 / 15 / 21 respondents. */
export const respondentsPerClass: Record<SizeClass, number> = {"<25.000": 29, "25.001-50.000": 42, "50.001-100.000": 15, ">100.000": 21};

/** From the report: 37 municipal secretaries, 70 others. The split by size class is invented, with every cell >= 5 (k-anonymity). */
export const secretariesPerClass: Record<SizeClass, number> = {"<25.000": 12, "25.001-50.000": 14, "50.001-100.000": 5, ">100.000": 6};

/** Invented: the kinds of function the report lists for the 70 others, with rough shares. */
export const otherFunctions: [string, number][] = [
  ["strategisch adviseur", 0.24], ["concernadviseur", 0.2], ["bestuursadviseur", 0.16], ["coördinator onderzoek en statistiek", 0.12],
  ["teammanager", 0.12], ["business intelligence consultant", 0.06], ["chief science officer", 0.04], ["anders", 0.06]
];

/** Latent topics (the report's factor-analysis topics plus the single-question blocks). */
export const topics = [
  "uitdaging", "beschikbaarheid", "infrastructuur", "kennismanagement", "faciliteren_netwerken", "externe_kennis",
  "externe_contacten", "behoefte_netwerken", "inwoners_peilen", "inwoners_betrekken", "evaluatie"
] as const;
export type Topic = (typeof topics)[number];

/** Invented factor correlations (others 0.15): managing knowledge is a second dimension of availability (report, p. 9). */
export const factorCorrelations: [Topic, Topic, number][] = [
  ["beschikbaarheid", "kennismanagement", 0.55],
  ["externe_kennis", "externe_contacten", 0.35],
  ["faciliteren_netwerken", "behoefte_netwerken", 0.2],
  ["faciliteren_netwerken", "externe_contacten", 0.3],
  ["inwoners_peilen", "inwoners_betrekken", 0.45],
  ["beschikbaarheid", "evaluatie", 0.3],
  ["infrastructuur", "externe_kennis", 0.3],
  ["uitdaging", "beschikbaarheid", -0.1],
  ["uitdaging", "behoefte_netwerken", 0.2]
];
export const baseFactorCorrelation = 0.15;

export interface ItemDesign {
  /** Loading on the item's topic factor (invented). */
  loading: number;
  /** Target answer distribution over the codes in order (invented unless `counts` is given). */
  shares?: number[];
  /**
   * Exact counts over the codes among those who answer (from the report's percentages); such an item's answers are
   * never moved by the calibration of its scale (engine.ts: a "counts" target is met as printed).
   */
  counts?: number[];
  /** Share answering Ja per size class (infrastructure; invented to follow the report's statements). */
  yesShareByClass?: Record<SizeClass, number>;
  /** Fixed latent shift per size class (invented; scale items get theirs from the printed means instead). */
  classShift?: Partial<Record<SizeClass, number>>;
}

export const itemDesign: Record<string, ItemDesign> = {
  uit_traditioneel: {loading: 0.7, shares: [0.06, 0.22, 0.52, 0.2]},
  uit_nieuw: {loading: 0.7, shares: [0.03, 0.12, 0.5, 0.35]},

  bes_behoeften: {loading: 0.62, shares: [0.1, 0.47, 0.33, 0.1]},
  bes_samenhang: {loading: 0.7, shares: [0.14, 0.5, 0.29, 0.07]},
  // Report: 34% onvoldoende (of the 104 who answered: 35).
  bes_effectiviteit: {loading: 0.66, counts: [35, 42, 22, 5]},
  // Report: 19% / 50% / 26% / 5% (of the 104 who answered: 20 / 52 / 27 / 5).
  bes_doorstroom: {loading: 0.72, counts: [20, 52, 27, 5]},
  bes_agenda: {loading: 0.7, shares: [0.17, 0.52, 0.26, 0.05]},
  bes_toegesneden: {loading: 0.68, shares: [0.1, 0.48, 0.34, 0.08]},
  bes_integraal: {loading: 0.64, shares: [0.2, 0.48, 0.26, 0.06]},
  bes_communiceren: {loading: 0.55, shares: [0.11, 0.46, 0.34, 0.09]},

  inf_functionaris: {loading: 0.6, yesShareByClass: {"<25.000": 0.1, "25.001-50.000": 0.17, "50.001-100.000": 0.4, ">100.000": 0.62}},
  inf_loket: {loading: 0.5, yesShareByClass: {"<25.000": 0.07, "25.001-50.000": 0.12, "50.001-100.000": 0.33, ">100.000": 0.52}},
  inf_budget: {loading: 0.4, yesShareByClass: {"<25.000": 0.55, "25.001-50.000": 0.6, "50.001-100.000": 0.6, ">100.000": 0.62}},
  inf_afdeling: {loading: 0.7, yesShareByClass: {"<25.000": 0.03, "25.001-50.000": 0.1, "50.001-100.000": 0.47, ">100.000": 0.86}},

  km_vinden: {loading: 0.7, shares: [0.08, 0.52, 0.32, 0.08]},
  km_bijhouden: {loading: 0.66, shares: [0.17, 0.52, 0.26, 0.05]},
  km_werven: {loading: 0.6, shares: [0.2, 0.52, 0.24, 0.04]},
  km_inzetten: {loading: 0.74, shares: [0.05, 0.45, 0.38, 0.12]},

  net_intern: {loading: 0.75, shares: [0.05, 0.42, 0.41, 0.12]},
  net_extern: {loading: 0.75, shares: [0.03, 0.38, 0.45, 0.14]},

  ext_vakliteratuur: {loading: 0.62, shares: [0.03, 0.33, 0.5, 0.14]},
  ext_producten: {loading: 0.58, shares: [0.02, 0.3, 0.52, 0.16]},
  ext_rapporten: {loading: 0.74, shares: [0.04, 0.35, 0.48, 0.13]},
  ext_onderzoek: {loading: 0.72, shares: [0.05, 0.37, 0.47, 0.11]},
  ext_contacten_ki: {loading: 0.66, shares: [0.15, 0.5, 0.28, 0.07]},
  ext_beroep_ki: {loading: 0.62, shares: [0.18, 0.52, 0.25, 0.05]},

  con_regio: {loading: 0.62, shares: [0.03, 0.28, 0.5, 0.19]},
  con_vergelijkbaar: {loading: 0.74, shares: [0.06, 0.4, 0.44, 0.1]},
  con_groot: {loading: 0.66, shares: [0.1, 0.46, 0.36, 0.08]},

  beh_schakelpunt: {loading: 0.72, shares: [0.2, 0.52, 0.28], classShift: {"<25.000": -0.55, "25.001-50.000": 0.1, "50.001-100.000": 0.25, ">100.000": 0.25}},
  beh_regionaal: {loading: 0.72, shares: [0.1, 0.5, 0.4]},
  beh_elders: {loading: 0.6, shares: [0.22, 0.56, 0.22]},
  beh_intermediair: {loading: 0.55, shares: [0.3, 0.52, 0.18]},

  inw_meningen: {loading: 0.5, shares: [0.06, 0.18, 0.32, 0.3, 0.14]},
  inw_plannen: {loading: 0.55, shares: [0.08, 0.22, 0.34, 0.26, 0.1]},
  inw_bijeenkomsten: {loading: 0.42, shares: [0.03, 0.13, 0.32, 0.36, 0.16]},
  inw_praktijkkennis: {loading: 0.82, shares: [0.16, 0.34, 0.3, 0.15, 0.05]},
  inw_vakkennis: {loading: 0.85, shares: [0.22, 0.38, 0.26, 0.1, 0.04]},
  inw_onderzoek: {loading: 0.74, shares: [0.36, 0.38, 0.18, 0.06, 0.02]},

  eva_lerend: {loading: 0.62, shares: [0.14, 0.48, 0.3, 0.08]},
  eva_lessen: {loading: 0.72, shares: [0.03, 0.3, 0.5, 0.17]},
  eva_verantwoorden: {loading: 0.4, shares: [0.1, 0.45, 0.35, 0.1]},
  eva_raad: {loading: 0.55, shares: [0.04, 0.26, 0.45, 0.25]},
  eva_extern: {loading: 0.45, shares: [0.12, 0.52, 0.3, 0.06]},
  eva_intern: {loading: 0.6, shares: [0.05, 0.38, 0.45, 0.12]},
  eva_protocollen: {loading: 0.66, shares: [0.2, 0.48, 0.26, 0.06]},
  eva_periodiek: {loading: 0.68, shares: [0.04, 0.28, 0.48, 0.2]}
};

/**
 * Questionnaire order and where respondents stopped or skipped, chosen so that the scale rule
 * (all items answered) gives exactly the n's the report prints per size class.
 * Counts are per size class in the order <25.000, 25.001-50.000, 50.001-100.000, >100.000.
 */
export const nonresponsePlan = {
  /** Skipped the whole availability block (Box 1): 1.2 n = 28 / 40 / 13 / 20 together with the next line. */
  skipAvailabilityBlock: [1, 1, 1, 0],
  /** Skipped one availability item (never the two whose percentages the report prints). */
  skipOneAvailabilityItem: [0, 1, 1, 1],
  skippableAvailabilityItems: ["bes_agenda", "bes_integraal", "bes_communiceren", "bes_samenhang"],
  /** Stopped after 1.4 knowledge management (which all 107 completed). */
  stopAfterKnowledgeManagement: [4, 3, 2, 2],
  /** Stopped after 1.5 facilitating networks: with the line above, 1.6 n = 22 / 35 / 11 / 17. */
  stopAfterNetworks: [3, 4, 2, 2],
  /** Stopped after 1.6 external knowledge: 1.7 n = 22 / 34 / 11 / 17 ... */
  stopAfterExternalKnowledge: [0, 1, 0, 0],
  /** ... and skipped one contact item: 1.7 n = 22 / 34 / 11 / 16. */
  skipContactItem: [0, 0, 0, 1],
  /** Stopped after 1.8 needs: 1.9 n = 22 / 33 / 11 / 17. */
  stopAfterNeeds: [0, 1, 0, 0],
  /** Skipped one involving item: betrekken n = 22 / 33 / 10 / 17 (the report prints 11; see published.json). */
  skipInvolvingItem: [0, 0, 1, 0],
  /** Stopped after 1.9 residents, before the last block on evaluation. */
  stopAfterResidents: [1, 1, 0, 1],
  /** Single items left open elsewhere (item nonresponse outside the published scales). */
  skipSingleItems: {uit_traditioneel: 2, uit_nieuw: 1, inf_budget: 4, inf_functionaris: 1, net_intern: 1, beh_intermediair: 2, eva_protocollen: 2, eva_extern: 1} as Record<string, number>
};

/** The questionnaire's dropout and skips: counts per size class in `sizeClassOrder`. */
export type NonresponsePlan = typeof nonresponsePlan;
