// The reader's own notebooks, kept in the browser (localStorage, injected so tests use a plain object). Each saved
// notebook has its own key; opening a shared link or a file never writes here, so it cannot overwrite one: only an
// explicit "Bewaar" does, and it makes a new entry unless the reader saves over the notebook they opened from this list.
import {parseNotebook, serializeNotebook, type Notebook} from "./notebook.js";

/** The part of the Storage interface this module needs. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SavedNotebook {
  id: string;
  title: string;
  /** ISO time of the last save. */
  savedAt: string;
}

const INDEX_KEY = "kennisverkenner:notebooks";
const entryKey = (id: string) => `kennisverkenner:notebook:${id}`;
const ID_PATTERN = /^[a-z0-9]{1,32}$/;

export class SavedNotebooks {
  constructor(private readonly storage: KeyValueStorage, private readonly now: () => Date = () => new Date(), private readonly newId: () => string = randomId) {}

  /** The saved notebooks, last saved first. An unreadable index (edited by hand, another site version) reads as empty. */
  list(): SavedNotebook[] {
    try {
      const raw = JSON.parse(this.storage.getItem(INDEX_KEY) ?? "[]");
      if (!Array.isArray(raw)) return [];
      return raw
        .filter((e): e is SavedNotebook => e && typeof e.id === "string" && ID_PATTERN.test(e.id) && typeof e.title === "string" && typeof e.savedAt === "string")
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    } catch {
      return [];
    }
  }

  /** A saved notebook, validated as any untrusted input (storage can be edited); null when it is gone. */
  open(id: string): Notebook | null {
    const text = this.storage.getItem(entryKey(id));
    return text === null ? null : parseNotebook(text);
  }

  /**
   * Saves `notebook`: as a new entry, or over `id` when the reader is editing that saved notebook. Returns its id.
   * Throws the storage's own error (e.g. QuotaExceededError) unchanged, so the page can say the browser is full.
   */
  save(notebook: Notebook, id?: string): string {
    const text = serializeNotebook(notebook);
    const key = id !== undefined && ID_PATTERN.test(id) ? id : this.uniqueId();
    this.storage.setItem(entryKey(key), text);
    const entry: SavedNotebook = {id: key, title: notebook.title, savedAt: this.now().toISOString()};
    this.storage.setItem(INDEX_KEY, JSON.stringify([entry, ...this.list().filter((e) => e.id !== key)]));
    return key;
  }

  remove(id: string): void {
    this.storage.removeItem(entryKey(id));
    this.storage.setItem(INDEX_KEY, JSON.stringify(this.list().filter((e) => e.id !== id)));
  }

  private uniqueId(): string {
    const taken = new Set(this.list().map((e) => e.id));
    for (let attempt = 0; attempt < 100; attempt++) {
      const id = this.newId();
      if (ID_PATTERN.test(id) && !taken.has(id) && this.storage.getItem(entryKey(id)) === null) return id;
    }
    throw new Error("no free id for a saved notebook");
  }
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
