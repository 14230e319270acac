// The workbench's state in one explicit object: parts read it, the workbench changes it with set(), and every
// listener hears which keys changed. No state lives in closures of the parts.

export interface Store<S extends object> {
  /** The current state; treat it as read-only and change it with set(). */
  readonly state: Readonly<S>;
  /** Merges `patch` into the state and tells the listeners which keys changed (by identity). */
  set(patch: Partial<S>): void;
  /** Calls `listener` after every change; returns a function that stops it. */
  subscribe(listener: (state: Readonly<S>, changed: ReadonlySet<keyof S>) => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state: S = {...initial};
  const listeners = new Set<(state: Readonly<S>, changed: ReadonlySet<keyof S>) => void>();
  return {
    get state() {
      return state;
    },
    set(patch) {
      const changed = new Set<keyof S>();
      for (const key of Object.keys(patch) as (keyof S)[]) if (!Object.is(state[key], patch[key])) changed.add(key);
      if (!changed.size) return;
      state = {...state, ...patch};
      for (const listener of listeners) listener(state, changed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}
