// Keeping queries off the network unless the reader has switched remote files on for this session.
// DuckDB-WASM would otherwise fetch any URL in a query (read_csv('https://...')), and INSTALL/LOAD or
// extension autoloading would download code from an extension repository.

/** Schemes DuckDB can read from; a string literal starting with one of them means a network request. */
const remotePattern = /'\s*(https?|s3|s3a|s3n|gcs|gs|r2|az|azure|abfss?|hf):\/\//i;
/** INSTALL, FORCE INSTALL or LOAD at the start of a statement. */
const extensionPattern = /(^|;)\s*(force\s+)?(install|load)\b/i;

/** Settings that would let DuckDB fetch extensions by itself later on. */
const extensionSettingPattern = /\b(autoinstall_known_extensions|autoload_known_extensions|custom_extension_repository|autoinstall_extension_repository|allow_unsigned_extensions|allow_community_extensions)\b/i;

export interface RemoteCheck {
  remote: boolean;
  /** Why the query was held back, in Dutch; empty when it may run. */
  reason: string;
}

/** Strips comments so that a URL or the word "load" in a comment does not count. */
function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ");
}

/** Whether `sql` would reach the network: a remote file URL, or installing/loading an extension. */
export function remoteAccess(sql: string): RemoteCheck {
  const code = withoutComments(sql);
  if (remotePattern.test(code)) return {remote: true, reason: "Deze query leest een bestand van internet."};
  if (extensionPattern.test(code.replace(/'[^']*'/g, "''"))) {
    return {remote: true, reason: "Deze query installeert of laadt een DuckDB-extensie van internet."};
  }
  if (extensionSettingPattern.test(code)) {
    return {remote: true, reason: "Deze query verandert de instellingen waarmee DuckDB extensies van internet haalt."};
  }
  return {remote: false, reason: ""};
}

/**
 * Settings for the workbench's own connection that keep DuckDB from downloading extensions by itself.
 * Run once after connecting.
 */
export const offlineSettings = ["SET autoinstall_known_extensions = false", "SET autoload_known_extensions = false"];
