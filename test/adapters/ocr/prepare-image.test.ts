/** Preparation of photos before local OCR: each step on synthetic pixels, then whole files. */
import { describe, expect, it } from '@jest/globals';
import {
  decodeGray,
  estimateSkew,
  flattenBackground,
  invertDarkBands,
  prepareImage,
  rotateAndScale,
  scaleFor,
  type GrayImage,
} from '../../../src/adapters/ocr/prepare-image.js';
import { encodeGrayPng } from '../../../src/adapters/pdf/png.js';
import { fixture } from '../pdf/build-pdf.js';

function blank(width: number, height: number, value = 255): GrayImage {
  return { gray: new Uint8Array(width * height).fill(value), width, height };
}

function at(image: GrayImage, x: number, y: number): number {
  return image.gray[y * image.width + x]!;
}

/** Dashed "text lines": 4 px high, every 24 px, from x = 40 to width - 40. */
function lines(width: number, height: number): GrayImage {
  const image = blank(width, height);
  for (let top = 40; top + 4 < height - 40; top += 24) {
    for (let y = top; y < top + 4; y += 1) {
      for (let x = 40; x < width - 40; x += 1) if (x % 9 < 6) image.gray[y * width + x] = 20;
    }
  }
  return image;
}

describe('prepareImage steps', () => {
  it('finds the tilt of text lines, and none on level lines', () => {
    const level = lines(800, 600);
    expect(estimateSkew(level)).toBe(0);
    // Turned by -2°: the lines now go down to the right by 2°.
    const tilted = rotateAndScale(level, -2, 1);
    expect(estimateSkew(tilted)).toBeCloseTo(2, 0);
    const straightened = rotateAndScale(tilted, estimateSkew(tilted), 1);
    expect(Math.abs(estimateSkew(straightened))).toBeLessThanOrEqual(0.1);
  });

  it('enlarges narrow images towards 300 dpi only', () => {
    expect(scaleFor(1240)).toBeCloseTo(2.5, 1);
    expect(scaleFor(600)).toBe(3);
    expect(scaleFor(2480)).toBe(1);
    const big = rotateAndScale(lines(100, 80), 0, 2);
    expect([big.width, big.height]).toEqual([200, 160]);
  });

  it('flattens uneven lighting and grey boxes, and keeps the type dark', () => {
    const image = lines(800, 600);
    for (let y = 0; y < 600; y += 1) {
      for (let x = 0; x < 800; x += 1) {
        const i = y * 800 + x;
        const shade = 150 + Math.round((x / 800) * 100); // darker on the left
        const box = x > 500 && y > 300 ? 0.85 : 1; // a light grey box
        image.gray[i] = Math.round((image.gray[i]! / 255) * shade * box);
      }
    }
    const flat = flattenBackground(image);
    expect(at(flat, 20, 20)).toBeGreaterThan(240); // paper on the dark side
    expect(at(flat, 700, 500)).toBeGreaterThan(240); // inside the grey box, between lines
    expect(at(flat, 41, 41)).toBeLessThan(60); // type
  });

  it('inverts a dark band with light type, not bold type', () => {
    const image = blank(600, 200);
    // A band of grey 100 from y = 40 to 70, with "letters" of 250.
    for (let y = 40; y < 70; y += 1) {
      for (let x = 20; x < 580; x += 1) {
        const letter = y > 48 && y < 62 && x > 100 && x < 200 && x % 6 < 2;
        image.gray[y * 600 + x] = letter ? 250 : 100;
      }
    }
    // A line of bold type below: strokes 3 px wide every 6 px.
    for (let y = 120; y < 135; y += 1) {
      for (let x = 100; x < 400; x += 1) if (x % 6 < 3) image.gray[y * 600 + x] = 30;
    }
    const out = invertDarkBands(image);
    expect(at(out, 300, 55)).toBe(255); // band background: white
    expect(at(out, 102, 55)).toBeLessThan(20); // its letter: dark
    expect(at(out, 102, 125)).toBe(30); // bold type untouched
    expect(at(out, 10, 10)).toBe(255);
    expect(invertDarkBands(lines(300, 200))).toEqual(lines(300, 200));
  });
});

describe('prepareImage', () => {
  it('makes the phone photo a straight, enlarged grayscale PNG', async () => {
    // its speed is measured by `npm run bench -- ocr`, not asserted here
    const prepared = await prepareImage(fixture('dev-02-photo.png'));
    if (!prepared) throw new Error('expected an image');
    expect(prepared.angle).toBeGreaterThan(1);
    expect(prepared.angle).toBeLessThan(1.7);
    expect(prepared.scale).toBeCloseTo(2.5, 1);
    const decoded = await decodeGray(prepared.png);
    expect(decoded && [decoded.width, decoded.height]).toEqual([prepared.width, prepared.height]);
  });

  it('reads transparent pixels as white paper', async () => {
    const decoded = await decodeGray(fixture('Devis_test.png'));
    if (!decoded) throw new Error('expected an image');
    expect(at(decoded, 2, 2)).toBeGreaterThan(240);
    const prepared = await prepareImage(encodeGrayPng(lines(400, 300).gray, 400, 300));
    expect(prepared?.angle).toBe(0);
  });

  it('gives null for bytes that are no image', async () => {
    expect(await prepareImage(new Uint8Array([1, 2, 3, 4]))).toBeNull();
  });
});
