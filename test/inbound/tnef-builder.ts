/** Builds small TNEF (winmail.dat) files the way Outlook lays them out, for tests. */

function attribute(level: number, id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUInt8(level, 0);
  head.writeUInt32LE(id >>> 0, 1);
  head.writeUInt32LE(data.length, 5);
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(
    data.reduce((sum, b) => (sum + b) & 0xffff, 0),
    0,
  );
  return Buffer.concat([head, data, checksum]);
}

function pad(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value, 0);
  return b;
}

function propTag(type: number, id: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt16LE(type, 0);
  b.writeUInt16LE(id, 2);
  return b;
}

function variableProp(type: number, id: number, value: Buffer): Buffer {
  return Buffer.concat([propTag(type, id), u32(1), u32(value.length), pad(value)]);
}

export interface TnefFile {
  name: string;
  bytes: Buffer;
  /** Describe the file with MAPI properties (long file name, data) instead of legacy attributes. */
  mapi?: boolean;
}

export function buildTnef(files: TnefFile[]): Buffer {
  const parts: Buffer[] = [u32(0x223e9f78), Buffer.from([0x01, 0x00])];
  parts.push(attribute(1, 0x00078008, Buffer.from('IPM.Microsoft Mail.Note\0', 'latin1')));
  for (const file of files) {
    parts.push(attribute(2, 0x00069002, Buffer.alloc(14)));
    if (file.mapi) {
      const props = Buffer.concat([
        u32(3),
        Buffer.concat([propTag(0x0003, 0x0e20), u32(file.bytes.length)]),
        variableProp(0x001f, 0x3707, Buffer.from(`${file.name}\0`, 'utf16le')),
        variableProp(0x0102, 0x3701, file.bytes),
      ]);
      parts.push(attribute(2, 0x00069005, props));
    } else {
      parts.push(attribute(2, 0x00018010, Buffer.from(`${file.name}\0`, 'latin1')));
      parts.push(attribute(2, 0x0006800f, file.bytes));
    }
  }
  return Buffer.concat(parts);
}
