/**
 * The files of the fuzz suite, from the seed: mutated PDFs, images and text quotes built from
 * a few seeds (fixtures and generated files), plus every hostile file (bombs, deep nesting,
 * absurd sizes). Each has a name saying how it was made, to replay it alone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  IMAGE_MUTATORS,
  mutate,
  PDF_MUTATORS,
  TEXT_MUTATORS,
  type Mutator,
} from './file-mutations.js';
import { fuzzRng } from './fuzz-seed.js';
import { HOSTILE_IMAGES } from './hostile-images.js';
import { HOSTILE_PDFS } from './hostile-pdfs.js';
import { onePagePdf } from './pdf-assembler.js';

export interface FuzzFile {
  /** How the file was made: `<seed file>+<mutations>#<index>` or `hostile:<name>`. */
  name: string;
  filename: string;
  bytes: Buffer;
}

const fixture = (path: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)));

export const TEXT_QUOTE = [
  'DEVIS N° T-2026-001 du 02/11/2026',
  'ISOLATIONS DU TEST SARL au capital de 10 000 €',
  'SIRET 811 766 179 00014 - RCS Lyon 811 766 179',
  'Client : Mme Jeanne Exemple, 3 rue des Essais, 69001 Lyon',
  '1  Isolation des combles perdus laine soufflée R = 7 m².K/W  80 m²  2 400,00 €',
  'Total HT 2 400,00 €  TVA 5,5 %  Total TTC 2 532,00 €',
].join('\n');

interface SeedFile {
  name: string;
  extension: string;
  bytes: Buffer;
  mutators: Readonly<Record<string, Mutator>>;
}

export function seedFiles(): SeedFile[] {
  const pdf = (name: string, bytes: Buffer): SeedFile => ({
    name,
    extension: 'pdf',
    bytes,
    mutators: PDF_MUTATORS,
  });
  return [
    pdf('Devis_test.pdf', fixture('files/Devis_test.pdf')),
    pdf('dev-02.pdf', fixture('files/dev-02.pdf')),
    pdf('dev-10-attestation.pdf', fixture('files/dev-10-attestation.pdf')),
    pdf('one-page.pdf', onePagePdf({})),
    {
      name: 'Devis_test.png',
      extension: 'png',
      bytes: fixture('files/Devis_test.png'),
      mutators: IMAGE_MUTATORS,
    },
    {
      name: 'devis.jpg',
      extension: 'jpg',
      bytes: fixture('fuzz/devis.jpg'),
      mutators: IMAGE_MUTATORS,
    },
    {
      name: 'devis.txt',
      extension: 'txt',
      bytes: Buffer.from(TEXT_QUOTE, 'utf8'),
      mutators: TEXT_MUTATORS,
    },
  ];
}

/** How many mutated files of each seed kind one run makes. */
export const FILE_COUNTS = { pdf: 180, image: 24, text: 36 };

/** Names that hide the type, carry paths, or control characters: the bytes decide. */
const NAMES = [
  'devis.pdf',
  'DEVIS FINAL (2).PDF',
  'scan',
  'devis.docx',
  '../../x.pdf',
  'a\u0000b.pdf',
];

export async function buildFuzzFiles(): Promise<FuzzFile[]> {
  const rng = fuzzRng('files');
  const seeds = seedFiles();
  const files: FuzzFile[] = [];
  const kinds: [keyof typeof FILE_COUNTS, SeedFile[]][] = [
    ['pdf', seeds.filter((s) => s.extension === 'pdf')],
    ['image', seeds.filter((s) => s.extension === 'png' || s.extension === 'jpg')],
    ['text', seeds.filter((s) => s.extension === 'txt')],
  ];
  for (const [kind, pool] of kinds) {
    for (let i = 0; i < FILE_COUNTS[kind]; i += 1) {
      const seed = rng.pick(pool);
      const { bytes, mutations } = mutate(rng, seed.mutators, seed.bytes);
      const filename = rng.chance(0.15) ? rng.pick(NAMES) : `fuzz-${i}.${seed.extension}`;
      files.push({ name: `${seed.name}+${mutations.join('+')}#${i}`, filename, bytes });
    }
  }
  for (const hostile of [...HOSTILE_PDFS, ...HOSTILE_IMAGES]) {
    const extension = hostile.name.startsWith('png')
      ? 'png'
      : hostile.name.startsWith('jpeg')
        ? 'jpg'
        : 'pdf';
    files.push({
      name: `hostile:${hostile.name}`,
      filename: `${hostile.name}.${extension}`,
      bytes: await hostile.build(),
    });
  }
  return files;
}
