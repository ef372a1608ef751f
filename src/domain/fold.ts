/** Case- and accent-insensitive comparison helpers. */

/** Lower case without diacritics: `Générales` → `generales`. Keeps the string length for Latin text. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
