/**
 * Preparation of a photo or a low-resolution image before local OCR: tesseract reads 300 dpi
 * scans of black type on white well, and phone photos badly (small type, uneven lighting, grey
 * boxes, a coloured table header, a slight tilt). Bytes in, grayscale PNG bytes out:
 *
 * 1. decode (`@napi-rs/canvas`, pdfjs's optional dependency; without it, or for a file it
 *    cannot decode, null: the caller sends the original), grayscale, transparency on white;
 * 2. background flattening: each pixel divided by the local paper brightness, estimated on a
 *    reduced copy (a max filter removes the type, a box blur smooths), so shadows, the desk
 *    around the sheet and light grey boxes become white and the type stays dark;
 * 3. dark bands with light type (a red table header) inverted to dark type on white;
 * 4. deskew: the angle (±5°) that maximises the variance of the row profile of the dark pixels;
 * 5. enlargement to about 300 dpi when the image is narrow, bilinear, with the rotation;
 * 6. a light unsharp mask (a photo is a little blurred).
 *
 * Measured on the corpus photo (dev-02-photo.png), both tesseract engines: deskew, enlargement
 * and flattening each matter; binarisation (Otsu) and a contrast stretch were tried and made
 * it worse, tesseract binarises better itself. Pure computation apart from the decoding;
 * never logs. Runs on the calling thread: about 1 s for a 1240×1663 photo.
 */
import { encodeGrayPng, rgbaToGray } from '../pdf/png.js';

// Local names: cheaper than looking `Math` up on the global object in hot pixel loops.
const { PI, abs, ceil, cos, floor, hypot, max, min, round, sin, tan } = Math;

export interface PrepareImageOptions {
  /** Images narrower than this are enlarged (default 2000 px). */
  minWidth?: number;
  /** Width aimed at when enlarging (default 3100 px: a photo's page at about 330 dpi). */
  targetWidth?: number;
  /** At most this enlargement factor (default 3). */
  maxScale?: number;
  /** Divide by the estimated paper brightness (default true). */
  flatten?: boolean;
  /** Invert dark bands with light type (default true). */
  invert?: boolean;
  /** Estimate the tilt and straighten the image (default true). */
  deskew?: boolean;
  /** Unsharp mask after enlarging, radius in output pixels (default 2 and 1; null: off). */
  sharpen?: { radius: number; amount: number } | null;
}

export interface PreparedImage {
  png: Uint8Array;
  width: number;
  height: number;
  /** The tilt corrected, in degrees (positive: the lines went down to the right). */
  angle: number;
  scale: number;
}

export interface GrayImage {
  gray: Uint8Array;
  width: number;
  height: number;
}

/** Images with more pixels than this are left as they are (decoding cost, memory). */
const MAX_INPUT_PIXELS = 40_000_000;
/**
 * Larger images are scaled down to this many pixels as they are decoded, and images are
 * enlarged no further: the preparation keeps a few float copies of the image, and tesseract
 * needs about 15 bytes a pixel (240 MB here).
 */
export const MAX_PREPARED_PIXELS = 16_000_000;
/** The largest tilt looked for, in degrees, and the steps of the coarse and fine searches. */
const MAX_ANGLE = 5;
const COARSE_STEP = 0.25;
const FINE_STEP = 0.05;
const DEFAULT_SHARPEN = { radius: 2, amount: 1 };
/** Darker than this (after flattening) is ink or a dark band. */
const DARK = 150;
/** A stretch of a row with more dark pixels than this share is a dark band with light type. */
const BAND_DENSITY = 0.75;
/** The share of a band's pixels that are its background, not its type. */
const BAND_PAPER_SHARE = 0.5;
/** Tilts smaller than this are not corrected (a rotation blurs a little). */
const MIN_ANGLE = 0.1;

interface CanvasModule {
  loadImage(source: Buffer): Promise<{ width: number; height: number }>;
  createCanvas(
    width: number,
    height: number,
  ): {
    getContext(kind: '2d'): {
      fillStyle: string;
      fillRect(x: number, y: number, w: number, h: number): void;
      drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
}

let canvasModule: Promise<CanvasModule | null> | undefined;

function loadCanvas(): Promise<CanvasModule | null> {
  canvasModule ??= import('@napi-rs/canvas').then(
    (m) => m as unknown as CanvasModule,
    () => null,
  );
  return canvasModule;
}

/**
 * Decodes PNG, JPEG, WebP… to grayscale pixels, scaled down to `MAX_PREPARED_PIXELS` at most;
 * null when it cannot. A damaged file can crash the decoder (native code): the service runs
 * this in a child process (prepare-image-process.ts).
 */
export async function decodeGray(bytes: Uint8Array): Promise<GrayImage | null> {
  const canvas = await loadCanvas();
  if (!canvas) return null;
  try {
    const image = await canvas.loadImage(Buffer.from(bytes));
    if (!image.width || !image.height || image.width * image.height > MAX_INPUT_PIXELS) {
      return null;
    }
    const shrink = Math.min(1, Math.sqrt(MAX_PREPARED_PIXELS / (image.width * image.height)));
    const width = Math.max(1, Math.round(image.width * shrink));
    const height = Math.max(1, Math.round(image.height * shrink));
    const context = canvas.createCanvas(width, height).getContext('2d');
    // Transparent pixels (screenshots) are read on white paper, not black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    return { gray: rgbaToGray(context.getImageData(0, 0, width, height).data), width, height };
  } catch {
    return null;
  }
}

/**
 * Mean of each pixel's (2r+1)² neighbourhood, edges clamped (two passes of running sums),
 * stored as float32; or handed to `use(index, mean)` instead, sparing a float copy of the image.
 */
function boxBlur(
  src: ArrayLike<number>,
  width: number,
  height: number,
  r: number,
  use?: (index: number, mean: number) => void,
): Float32Array {
  const tmp = new Float32Array(src.length);
  const out = use ? new Float32Array(0) : new Float32Array(src.length);
  const n = 2 * r + 1;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let sum = 0;
    for (let k = -r; k <= r; k += 1) sum += src[row + min(width - 1, max(0, k))]!;
    for (let x = 0; x < width; x += 1) {
      tmp[row + x] = sum / n;
      sum += src[row + min(width - 1, x + r + 1)]! - src[row + max(0, x - r)]!;
    }
  }
  for (let x = 0; x < width; x += 1) {
    let sum = 0;
    for (let k = -r; k <= r; k += 1) sum += tmp[min(height - 1, max(0, k)) * width + x]!;
    for (let y = 0; y < height; y += 1) {
      if (use) use(y * width + x, Math.fround(sum / n));
      else out[y * width + x] = sum / n;
      sum += tmp[min(height - 1, y + r + 1) * width + x]! - tmp[max(0, y - r) * width + x]!;
    }
  }
  return out;
}

/** Largest value of each pixel's (2r+1)² neighbourhood (separable, brute force: r is small). */
function maxFilter(src: Float32Array, width: number, height: number, r: number): Float32Array {
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      let best = 0;
      const end = min(width - 1, x + r);
      for (let k = max(0, x - r); k <= end; k += 1) best = max(best, src[row + k]!);
      tmp[row + x] = best;
    }
  }
  for (let x = 0; x < width; x += 1) {
    for (let y = 0; y < height; y += 1) {
      let best = 0;
      const end = min(height - 1, y + r);
      for (let k = max(0, y - r); k <= end; k += 1) best = max(best, tmp[k * width + x]!);
      out[y * width + x] = best;
    }
  }
  return out;
}

/**
 * Light type on a dark band (a coloured table header) inverted to dark type on light. A band
 * is a long stretch of a row that is almost all dark, short light gaps (its type) included,
 * over several rows: a line of type, even bold, is far less dense, a table rule too thin.
 * Run on a flattened image.
 */
export function invertDarkBands(image: GrayImage): GrayImage {
  const { gray, width, height } = image;
  const maxGap = max(2, round(width / 100));
  const minLength = round(width / 8);
  const minRows = max(3, round(width / 200));
  const mask = new Uint8Array(gray.length);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let start = -1;
    let last = -1;
    let dark = 0;
    const close = (): void => {
      const length = last - start + 1;
      if (start >= 0 && length >= minLength && dark >= BAND_DENSITY * length) {
        mask.fill(1, row + start, row + last + 1);
      }
    };
    for (let x = 0; x < width; x += 1) {
      if (gray[row + x]! >= DARK) continue;
      if (start < 0 || x - last > maxGap) {
        close();
        start = x;
        dark = 0;
      }
      last = x;
      dark += 1;
    }
    close();
  }
  // Rows through the band's type are less dense: fill short gaps between band rows.
  const maxRowGap = max(3, round(width / 150));
  for (let x = 0; x < width; x += 1) {
    let last = -1;
    for (let y = 0; y < height; y += 1) {
      if (!mask[y * width + x]) continue;
      if (last >= 0 && y - last > 1 && y - last <= maxRowGap) {
        for (let k = last + 1; k < y; k += 1) mask[k * width + x] = 1;
      }
      last = y;
    }
  }
  // Keep only the columns of the mask at least `minRows` high: bands, not rules.
  const histogram = new Float64Array(256);
  let count = 0;
  for (let x = 0; x < width; x += 1) {
    let y = 0;
    while (y < height) {
      if (!mask[y * width + x]) {
        y += 1;
        continue;
      }
      let end = y;
      while (end < height && mask[end * width + x]) end += 1;
      const keep = end - y >= minRows ? 2 : 0;
      for (let k = y; k < end; k += 1) mask[k * width + x] = keep;
      if (keep) {
        for (let k = y; k < end; k += 1) histogram[255 - gray[k * width + x]!]! += 1;
        count += end - y;
      }
      y = end;
    }
  }
  if (count === 0) return image;
  // The inverted band is mid-grey: stretch it so its own background becomes white.
  let paper = 255;
  for (let seen = 0; paper > 1; paper -= 1) {
    seen += histogram[paper]!;
    if (seen >= count * BAND_PAPER_SHARE) break;
  }
  const out = new Uint8Array(gray);
  for (let i = 0; i < out.length; i += 1) {
    if (mask[i] === 2) out[i] = min(255, round(((255 - gray[i]!) * 255) / paper));
  }
  return { gray: out, width, height };
}

/**
 * Divides each pixel by the local paper brightness: the image reduced `factor` times, a max
 * filter wider than a letter stroke (the type disappears), a blur, then read back bilinearly.
 */
export function flattenBackground(image: GrayImage): GrayImage {
  const { gray, width, height } = image;
  const factor = max(1, round(max(width, height) / 400));
  const w = ceil(width / factor);
  const h = ceil(height / factor);
  const small = new Float32Array(w * h);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      // The brightest pixel of the cell: the paper around thin type.
      let best = 0;
      const y1 = min(height, (y + 1) * factor);
      const x1 = min(width, (x + 1) * factor);
      for (let yy = y * factor; yy < y1; yy += 1) {
        for (let xx = x * factor; xx < x1; xx += 1) best = max(best, gray[yy * width + xx]!);
      }
      small[y * w + x] = best;
    }
  }
  const radius = max(2, round(w / 100));
  const background = boxBlur(maxFilter(small, w, h, radius), w, h, radius);
  const out = new Uint8Array(gray.length);
  for (let y = 0; y < height; y += 1) {
    const fy = min(h - 1, max(0, (y + 0.5) / factor - 0.5));
    const y0 = floor(fy);
    const y1 = min(h - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x += 1) {
      const fx = min(w - 1, max(0, (x + 0.5) / factor - 0.5));
      const x0 = floor(fx);
      const x1 = min(w - 1, x0 + 1);
      const tx = fx - x0;
      const top = background[y0 * w + x0]! * (1 - tx) + background[y0 * w + x1]! * tx;
      const bottom = background[y1 * w + x0]! * (1 - tx) + background[y1 * w + x1]! * tx;
      const paper = max(1, top * (1 - ty) + bottom * ty);
      out[y * width + x] = min(255, round((gray[y * width + x]! * 255) / paper));
    }
  }
  return { gray: out, width, height };
}

/** Otsu's threshold of a grayscale image. */
export function otsuThreshold(gray: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (const value of gray) histogram[value]! += 1;
  const total = gray.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i += 1) sumAll += i * histogram[i]!;
  let weightBack = 0;
  let sumBack = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t += 1) {
    weightBack += histogram[t]!;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * histogram[t]!;
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * The tilt of the text lines, in degrees (positive: lines go down to the right), by projection
 * profile: the dark pixels are projected on rows along each candidate angle; the angle whose
 * profile varies most has the lines aligned with the rows.
 */
export function estimateSkew(image: GrayImage): number {
  const { gray, width, height } = image;
  const threshold = min(160, otsuThreshold(gray));
  const step = max(1, round(max(width, height) / 1200));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if (gray[y * width + x]! < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 100) return 0;
  const diagonal = ceil(hypot(width, height));
  const bins = new Float64Array(2 * diagonal + 1);
  const score = (degrees: number): number => {
    const t = tan((degrees * PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i += 1) {
      bins[round(ys[i]! - xs[i]! * t) + diagonal]! += 1;
    }
    let sum = 0;
    for (const count of bins) sum += count * count;
    return sum;
  };
  let best = 0;
  let bestScore = score(0);
  for (let a = -MAX_ANGLE; a <= MAX_ANGLE + 1e-9; a += COARSE_STEP) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  const centre = best;
  for (let a = centre - COARSE_STEP; a <= centre + COARSE_STEP + 1e-9; a += FINE_STEP) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  return round(best * 100) / 100;
}

/**
 * The image turned by `-degrees` (so lines tilted by `degrees` become level) and enlarged
 * `scale` times, bilinear; the corners uncovered by the rotation are white.
 */
export function rotateAndScale(image: GrayImage, degrees: number, scale: number): GrayImage {
  const { gray, width, height } = image;
  const outWidth = round(width * scale);
  const outHeight = round(height * scale);
  const out = new Uint8Array(outWidth * outHeight);
  const radians = (degrees * PI) / 180;
  const cosine = cos(radians) / scale;
  const sine = sin(radians) / scale;
  const cx = width / 2;
  const cy = height / 2;
  const ocx = outWidth / 2;
  const ocy = outHeight / 2;
  for (let y = 0; y < outHeight; y += 1) {
    const dy = y + 0.5 - ocy;
    for (let x = 0; x < outWidth; x += 1) {
      const dx = x + 0.5 - ocx;
      // Source point: the output point turned back by +degrees, then scaled down.
      const sx = cx + dx * cosine - dy * sine - 0.5;
      const sy = cy + dx * sine + dy * cosine - 0.5;
      const x0 = floor(sx);
      const y0 = floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
        out[y * outWidth + x] = 255;
        continue;
      }
      const tx = sx - x0;
      const ty = sy - y0;
      const i = y0 * width + x0;
      const top = gray[i]! * (1 - tx) + gray[i + 1]! * tx;
      const bottom = gray[i + width]! * (1 - tx) + gray[i + width + 1]! * tx;
      out[y * outWidth + x] = round(top * (1 - ty) + bottom * ty);
    }
  }
  return { gray: out, width: outWidth, height: outHeight };
}

/** Unsharp mask: `amount` times the difference to a (2r+1)² box blur is added back. */
export function sharpen(image: GrayImage, radius: number, amount: number): GrayImage {
  const { gray, width, height } = image;
  const out = new Uint8Array(gray.length);
  boxBlur(gray, width, height, radius, (i, blurred) => {
    const v = gray[i]! + amount * (gray[i]! - blurred);
    out[i] = v < 0 ? 0 : v > 255 ? 255 : round(v);
  });
  return { gray: out, width, height };
}

/** The enlargement for an image `width` pixels wide. */
export function scaleFor(width: number, options: PrepareImageOptions = {}): number {
  const { minWidth = 2000, targetWidth = 3100, maxScale = 3 } = options;
  if (width >= minWidth) return 1;
  return min(maxScale, targetWidth / width);
}

/** Prepares already decoded pixels (see the module comment). */
export function prepareGray(
  input: GrayImage,
  options: PrepareImageOptions = {},
): GrayImage & { angle: number; scale: number } {
  let image = options.flatten === false ? input : flattenBackground(input);
  if (options.invert !== false) image = invertDarkBands(image);
  const skew = options.deskew === false ? 0 : estimateSkew(image);
  const angle = abs(skew) >= MIN_ANGLE ? skew : 0;
  // a tall narrow image is enlarged no further than the pixels tesseract reads comfortably
  const fit = Math.sqrt(MAX_PREPARED_PIXELS / (image.width * image.height));
  const scale = Math.max(1, Math.min(scaleFor(image.width, options), fit));
  if (angle !== 0 || scale !== 1) image = rotateAndScale(image, angle, scale);
  const unsharp = options.sharpen === undefined ? DEFAULT_SHARPEN : options.sharpen;
  if (unsharp) image = sharpen(image, unsharp.radius, unsharp.amount);
  return { ...image, angle, scale };
}

/**
 * The decoder's image and canvas (native memory, several bytes a pixel) are garbage once the
 * pixels are read: collected, and their native memory released (by finalisers that run after a
 * turn of the event loop), before the preparation allocates its own copies. Only where gc is
 * exposed: the preparation's child process (prepare-image-process.ts).
 */
async function releaseDecoderMemory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

/**
 * A photo or an image file made ready for OCR: a grayscale PNG, or null when the image cannot
 * be decoded here (the caller then sends the original bytes).
 */
export async function prepareImage(
  bytes: Uint8Array,
  options: PrepareImageOptions = {},
): Promise<PreparedImage | null> {
  const decoded = await decodeGray(bytes);
  if (!decoded) return null;
  await releaseDecoderMemory();
  const { gray, width, height, angle, scale } = prepareGray(decoded, options);
  const dpi = scale === 1 ? undefined : 300;
  return { png: encodeGrayPng(gray, width, height, dpi), width, height, angle, scale };
}
