/** Anonymisation before publication: see anonymise.ts (steps), policy.ts (the documented list), k-anonymity.ts. */
export {dropDirectIdentifiers, prepareForPublication, quasiIdentifiers, codebookColumns} from "./anonymise.ts";
export type {DroppedColumn, PublicationOptions, PublicationReport} from "./anonymise.ts";
export {checkKAnonymity, groupSizes} from "./k-anonymity.ts";
export type {Coarsening, Group} from "./k-anonymity.ts";
export {DIRECT_IDENTIFIER_RULES, REGION_NAMES, identifierByContent, identifierByName} from "./policy.ts";
