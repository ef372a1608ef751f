/** File names as sent: the last path segment, and the form shown to people. */

export function baseName(filename: string): string {
  return filename.split(/[/\\]/u).pop() ?? '';
}

/** The name as shown to the sender: no path, no control characters, at most 120 characters. */
export function displayName(filename: string): string {
  const clean = [...baseName(filename).normalize('NFC')]
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .trim();
  if (!clean) return 'sans nom';
  return clean.length > 120 ? `${clean.slice(0, 80)}…${clean.slice(-39)}` : clean;
}
