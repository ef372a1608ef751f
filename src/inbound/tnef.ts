/**
 * A minimal reader of TNEF (`winmail.dat`, `application/ms-tnef`), the container Outlook sends
 * instead of plain attachments (mailparser leaves it undecoded, stack-and-pitfalls.md §C.3).
 * It only extracts attached files: name (attAttachTitle, or the MAPI PR_ATTACH_LONG_FILENAME /
 * PR_ATTACH_FILENAME) and bytes (attAttachData, or PR_ATTACH_DATA_BIN). Anything it cannot read
 * ends the walk; what was found so far is returned.
 * Format: MS-OXTNEF §2.1.3 (attributes) and §2.1.3.4 (MAPI property lists).
 */

const TNEF_SIGNATURE = 0x223e9f78;
const LEVEL_ATTACHMENT = 0x02;
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACHMENT = 0x9005;

const PR_ATTACH_DATA_BIN = 0x3701;
const PR_ATTACH_FILENAME = 0x3704;
const PR_ATTACH_LONG_FILENAME = 0x3707;

const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;
const MV_FLAG = 0x1000;
/** Byte size of fixed-length MAPI property types. */
const FIXED_SIZES: Readonly<Record<number, number>> = {
  0x0001: 4, // PT_NULL
  0x0002: 4, // PT_SHORT, padded
  0x0003: 4, // PT_LONG
  0x0004: 4, // PT_FLOAT
  0x0005: 8, // PT_DOUBLE
  0x0006: 8, // PT_CURRENCY
  0x0007: 8, // PT_APPTIME
  0x000a: 4, // PT_ERROR
  0x000b: 4, // PT_BOOLEAN, padded
  0x0014: 8, // PT_I8
  0x0040: 8, // PT_SYSTIME
  0x0048: 16, // PT_CLSID
};

export interface TnefAttachment {
  filename?: string;
  bytes: Buffer;
}

export interface TnefContent {
  attachments: TnefAttachment[];
  /** False when the data is not TNEF or its structure broke before the end. */
  complete: boolean;
}

export function isTnef(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 6 &&
    Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === TNEF_SIGNATURE
  );
}

function padded(length: number): number {
  return (length + 3) & ~3;
}

function decodeString(type: number, data: Buffer): string {
  const text = type === PT_UNICODE ? data.toString('utf16le') : data.toString('latin1');
  return text.replace(/\0+$/u, '');
}

interface DraftAttachment {
  filename?: string;
  longFilename?: string;
  bytes?: Buffer;
}

/** Reads a MAPI property list (attAttachment) into the current attachment. */
function readMapiProperties(data: Buffer, into: DraftAttachment): void {
  let pos = 4;
  const count = data.readUInt32LE(0);
  for (let i = 0; i < count; i += 1) {
    const type = data.readUInt16LE(pos);
    const id = data.readUInt16LE(pos + 2);
    pos += 4;
    if (id >= 0x8000) {
      const kind = data.readUInt32LE(pos + 16);
      pos += 20;
      pos += kind === 0 ? 4 : 4 + padded(data.readUInt32LE(pos));
    }
    const baseType = type & ~MV_FLAG;
    const variable = [PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT].includes(baseType);
    const values = variable || type & MV_FLAG ? data.readUInt32LE(pos) : 1;
    if (variable || type & MV_FLAG) pos += 4;
    for (let v = 0; v < values; v += 1) {
      if (!variable) {
        const size = FIXED_SIZES[baseType];
        if (size === undefined) throw new Error('unknown MAPI type');
        pos += size;
        continue;
      }
      const length = data.readUInt32LE(pos);
      const value = data.subarray(pos + 4, pos + 4 + length);
      if (value.length !== length) throw new Error('truncated MAPI value');
      pos += 4 + padded(length);
      if (id === PR_ATTACH_LONG_FILENAME) into.longFilename = decodeString(baseType, value);
      else if (id === PR_ATTACH_FILENAME) into.filename = decodeString(baseType, value);
      else if (id === PR_ATTACH_DATA_BIN && baseType === PT_BINARY) into.bytes = Buffer.from(value);
    }
  }
}

function finish(draft: DraftAttachment | undefined, out: TnefAttachment[]): void {
  if (!draft?.bytes) return;
  const filename = draft.longFilename || draft.filename;
  out.push(filename ? { filename, bytes: draft.bytes } : { bytes: draft.bytes });
}

export function readTnef(bytes: Buffer): TnefContent {
  const attachments: TnefAttachment[] = [];
  if (!isTnef(bytes)) return { attachments, complete: false };
  let pos = 6; // signature, legacy key
  let current: DraftAttachment | undefined;
  try {
    while (pos < bytes.length) {
      const level = bytes.readUInt8(pos);
      const id = bytes.readUInt32LE(pos + 1) & 0xffff;
      const length = bytes.readUInt32LE(pos + 5);
      const data = bytes.subarray(pos + 9, pos + 9 + length);
      if (data.length !== length) throw new Error('truncated attribute');
      pos += 9 + length + 2; // data, then a 16-bit checksum
      if (level !== LEVEL_ATTACHMENT) continue;
      if (id === ATT_ATTACH_REND_DATA) {
        finish(current, attachments);
        current = {};
      } else if (current && id === ATT_ATTACH_TITLE) {
        current.filename = data.toString('latin1').replace(/\0+$/u, '');
      } else if (current && id === ATT_ATTACH_DATA) {
        current.bytes = Buffer.from(data);
      } else if (current && id === ATT_ATTACHMENT) {
        readMapiProperties(data, current);
      }
    }
  } catch {
    finish(current, attachments);
    return { attachments, complete: false };
  }
  finish(current, attachments);
  return { attachments, complete: true };
}
