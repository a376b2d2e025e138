/** The browser's local storage, or null where it is missing or blocked (some locked-down PCs throw on access). */
export function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
