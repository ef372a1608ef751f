/** Bad inputs generated for the reading tests: zips, random bytes, Windows-1252 text. */
import { crc32 } from 'node:zlib';

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A real zip archive (entries stored, not compressed), as `zip -0` writes it. */
export function zipOf(entries: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const local: number[] = [];
  const central: number[] = [];
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = [...encoder.encode(name)];
    const data = [...encoder.encode(content)];
    const crc = crc32(new Uint8Array(data));
    const offset = local.length;
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0x21)];
    const sizes = [...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length)];
    local.push(...u32(0x04034b50), ...common, ...sizes, ...u16(0), ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...sizes, ...u16(0), ...u16(0));
    central.push(...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
  }
  const count = Object.keys(entries).length;
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count)];
  end.push(...u32(central.length), ...u32(local.length), ...u16(0));
  return new Uint8Array([...local, ...central, ...end]);
}

/** The parts of a minimal Word document: what makes a zip a .docx. */
export function docxLikeZip(): Uint8Array {
  return zipOf({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'word/document.xml': '<?xml version="1.0"?><w:document><w:body>Devis</w:body></w:document>',
  });
}

/** Deterministic pseudo-random bytes (xorshift32). */
export function randomBytes(length: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Encodes text in Windows-1252 (Latin-1 plus €, œ, dashes and curly quotes). */
export function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96, œ: 0x9c };
  return new Uint8Array(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const mapped = extra[ch];
      if (mapped === undefined) throw new Error(`not in the test encoder: ${ch}`);
      return mapped;
    }),
  );
}
