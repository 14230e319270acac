// What a query may reach outside the database, decided by DuckDB itself rather than by reading the query text.
// A text check can always be outwitted ('htt' || 'p://…', E'\x68ttp…', a macro, a variable); DuckDB's own
// settings cannot be, once the configuration is locked. Two modes:
// - "offline" (every page, always at first): enable_external_access = false refuses every file and URL,
//   except the in-memory folder where files the reader drops on the page are put; extensions cannot be loaded.
// - "remote" (only after the reader's explicit consent, for one page visit): files from other websites may be read;
//   extensions still cannot be loaded, and the configuration is locked as well.
// DuckDB-WASM 1.32 (DuckDB 1.4) honours these; disabled_filesystems = 'HTTPFileSystem' does not stop its web reads.
import type {SqlError} from "./errors.js";

export type NetworkAccess = "offline" | "remote";

/** The in-memory folder for files the reader drops on the page: the one place an offline query may read. */
export const ownFilesDirectory = "/eigen_bestand/";

/**
 * Where DuckDB would look for extensions: a folder of the site that does not exist, so that `LOAD x` fails at
 * once instead of downloading code. Only reachable at all in the "remote" mode.
 */
const noExtensionRepository = "/geen-extensies";

/**
 * The settings that put a database in `access` mode; run them once, after the survey tables are loaded
 * (loading needs no file access, but must happen before the lock), on any connection: they are global.
 * The last one locks the configuration, so no query can undo them (SET, RESET, PRAGMA all fail).
 */
export function accessSettings(access: NetworkAccess): string[] {
  const common = ["SET GLOBAL autoinstall_known_extensions = false", "SET GLOBAL autoload_known_extensions = false", `SET GLOBAL custom_extension_repository = '${noExtensionRepository}'`];
  switch (access) {
    case "offline":
      return [...common, `SET GLOBAL allowed_directories = ['${ownFilesDirectory}']`, "SET GLOBAL enable_external_access = false", "SET GLOBAL lock_configuration = true"];
    case "remote":
      return [...common, "SET GLOBAL lock_configuration = true"];
    default:
      throw new Error(`invalid network access: ${access as string}`);
  }
}

/** What the reader sees about the mode, in Dutch. */
export const accessDescription: Record<NetworkAccess, string> = {
  offline:
    "Deze pagina maakt geen verbinding buiten de site. DuckDB zelf weigert elke poging van een query om een bestand van internet of van je computer te lezen of te schrijven, hoe de query ook geschreven is; alleen bestanden die je zelf kiest of op de pagina sleept (bij ‘Eigen bestand’), kunnen worden gelezen.",
  remote:
    "Bestanden van internet staan aan, alleen voor dit bezoek aan de pagina: query’s kunnen nu bestanden van andere websites lezen (als die website dat toestaat). Wat je in zo’n query zet, zoals een adres met gegevens erin, gaat dan naar die website. Extensies laden en instellingen wijzigen kan nog steeds niet. Herlaad de pagina of kies ‘Weer afsluiten’ om dit uit te zetten."
};

const fileRefusal = /Cannot access (?:file|directory) "([^"]*)" - file system operations are disabled by configuration/;

/**
 * The Dutch explanation of a refusal by the settings above, or null when `error` is something else.
 * DuckDB's own message is shown as well; this says what happened and what the reader can do.
 */
export function accessRefusal(error: Pick<SqlError, "kind" | "message">): string | null {
  const file = fileRefusal.exec(error.message);
  if (file) {
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(file[1]);
    return remote
      ? `Deze query wil “${file[1]}” van internet lezen of daarheen schrijven. Dat weigert de database zolang bestanden van internet niet aan staan; er is geen verbinding gemaakt. Wil je dat toch, kies dan ‘Bestanden van internet toestaan’.`
      : `Deze query wil het bestand “${file[1]}” lezen of schrijven. Query’s op deze pagina kunnen niet bij bestanden op je computer; er is niets gelezen of geschreven. Een eigen bestand kun je kiezen of op de pagina slepen, bij ‘Eigen bestand’.`;
  }
  if (/Loading external extensions is disabled/i.test(error.message) || /Extension .* is not available/i.test(error.message)) {
    return "DuckDB-extensies laden kan op deze pagina niet: ze zouden van internet komen. Alles wat de voorbeelden nodig hebben, zit er al in.";
  }
  if (/the configuration has been locked/i.test(error.message)) {
    return "De instellingen van de database liggen vast: een query kan ze niet veranderen. Zo blijft ook de toegang tot internet dicht; die zet je alleen aan met ‘Bestanden van internet toestaan’.";
  }
  return null;
}
