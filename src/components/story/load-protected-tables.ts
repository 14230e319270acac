// The protected tables of the site (data/site/protected-tables.json), fetched once per page. In open publication mode
// the file holds only {"publication": "open"} and is never fetched: the story then computes from the microdata.
import {FileAttachment} from "observablehq:stdlib";
import type {ProtectedTables} from "./engine-tables.js";

let loading: Promise<ProtectedTables> | undefined;

export function loadProtectedTables(): Promise<ProtectedTables> {
  return (loading ??= FileAttachment("../../data/site/protected-tables.json").json() as Promise<ProtectedTables>);
}
