/**
 * The directory holding package.json, found from this module, never from the current
 * directory: `var/`, `templates/`, `dist/jobs` and the PDF worker are resolved from it.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json introuvable au-dessus de ${from}`);
    dir = parent;
  }
  return dir;
}
