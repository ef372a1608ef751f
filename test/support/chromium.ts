/**
 * A real headless Chromium for tests that look at mails and pages as a reader would
 * (STYLE.md §13): Debian's /usr/bin/chromium driven through its command line, no npm dependency.
 * `ensureChromium()` installs the package once when it is missing (root only) and fails with a
 * clear message otherwise: a browser test that silently skips would prove nothing.
 *
 * Layout is measured inside iframes of the exact widths: Chromium's `--dump-dom` lays the page
 * out in a window at least 500 px wide whatever `--window-size` says, while a frame's viewport
 * (and the media queries of the page inside it) is exactly its width. Screenshots honour
 * `--window-size` and are taken of the page itself.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const RUN_TIMEOUT_MS = 60_000;

let installation: Promise<void> | undefined;

async function aptGet(args: string[]): Promise<void> {
  await run('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: INSTALL_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function install(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${CHROMIUM} is missing and the tests do not run as root: install it with ` +
        '`sudo apt-get install -y chromium`, then run the tests again.',
    );
  }
  try {
    await aptGet(['install', '-y', 'chromium']);
  } catch {
    // package lists absent or stale (a fresh container): refresh them once and try again
    try {
      await aptGet(['update']);
      await aptGet(['install', '-y', 'chromium']);
    } catch (cause) {
      throw new Error(
        `${CHROMIUM} is missing and \`apt-get install -y chromium\` failed: the mail ` +
          `layout tests need a real browser (${String(cause).slice(0, 300)})`,
        { cause },
      );
    }
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`\`apt-get install -y chromium\` succeeded but ${CHROMIUM} is still missing`);
  }
}

/** Resolves once /usr/bin/chromium exists, installing it at most once per test file. */
export function ensureChromium(): Promise<void> {
  installation ??= install();
  return installation;
}

/** One headless run with its own throw-away profile, so runs can overlap. */
async function chromium(args: string[]): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'mdso-chromium-'));
  try {
    const { stdout } = await run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        '--no-first-run',
        '--mute-audio',
        `--user-data-dir=${profile}`,
        ...args,
      ],
      { timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** What a reader's viewport of one width shows: sizes, overflowing elements, visible text. */
export interface LayoutProbe {
  width: number;
  scrollWidth: number;
  scrollHeight: number;
  /** `tag text…` of each element whose right edge passes the viewport (first 10). */
  overflowing: string[];
  /** `document.body.innerText`: the text as rendered. */
  text: string;
}

// Runs in the wrapper page when each frame has loaded, before `--dump-dom` serialises it.
const PROBE_SCRIPT = `function mdsoProbe(frame) {
  var doc = frame.contentDocument, width = frame.contentWindow.innerWidth, overflowing = [];
  function describe(what, text) {
    overflowing.push(what + ' ' + (text || '').replace(/\\s+/g, ' ').trim().slice(0, 80));
  }
  // boxes wider than the viewport, and text running out of its box past the viewport's edge
  doc.querySelectorAll('body *').forEach(function (e) {
    if (e.getBoundingClientRect().right > width + 0.5) describe(e.tagName.toLowerCase(), e.textContent);
  });
  var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT), node, range = doc.createRange();
  while ((node = walker.nextNode())) {
    range.selectNodeContents(node);
    if (range.getBoundingClientRect().right > width + 0.5) describe('#text', node.data);
  }
  var out = document.createElement('pre');
  out.className = 'mdso-probe';
  out.setAttribute('data-frame', [].indexOf.call(document.querySelectorAll('iframe'), frame));
  out.textContent = encodeURIComponent(JSON.stringify({
    width: width,
    scrollWidth: doc.documentElement.scrollWidth,
    scrollHeight: doc.documentElement.scrollHeight,
    overflowing: overflowing.slice(0, 10),
    text: doc.body.innerText,
  }));
  document.body.appendChild(out);
}`;

function escapeAttribute(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');
}

/**
 * Lays each page out at its width, all in one Chromium run (a run costs about a second), and
 * reports what each viewport shows, in the order given.
 */
export async function probeLayout(
  pages: readonly { html: string; width: number }[],
): Promise<LayoutProbe[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mdso-probe-'));
  try {
    const frames = pages
      .map(
        (p) =>
          `<iframe style="display:block;border:0;width:${p.width}px;height:600px" ` +
          `onload="mdsoProbe(this)" srcdoc="${escapeAttribute(p.html)}"></iframe>`,
      )
      .join('\n');
    const file = join(dir, 'probe.html');
    await writeFile(
      file,
      `<!doctype html><html><head><meta charset="utf-8"><script>${PROBE_SCRIPT}</script>` +
        `</head><body style="margin:0">${frames}</body></html>`,
    );
    const width = Math.max(...pages.map((p) => p.width)) + 100;
    const dom = await chromium([
      `--window-size=${width},800`,
      '--dump-dom',
      pathToFileURL(file).href,
    ]);
    const probes = [...dom.matchAll(/<pre class="mdso-probe" data-frame="(\d+)">([^<]*)<\/pre>/gu)];
    const byFrame = new Map(
      probes.map((m) => [Number(m[1]), JSON.parse(decodeURIComponent(m[2] ?? '')) as LayoutProbe]),
    );
    return pages.map((_, i) => {
      const probe = byFrame.get(i);
      if (!probe) throw new Error(`Chromium did not lay out page ${i + 1} of ${pages.length}`);
      return probe;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PNG of the page file at `width` × `height` CSS pixels. */
export async function screenshot(
  htmlFile: string,
  options: { width: number; height: number; pngFile: string },
): Promise<void> {
  await chromium([
    `--window-size=${options.width},${options.height}`,
    `--screenshot=${options.pngFile}`,
    pathToFileURL(htmlFile).href,
  ]);
  if (!existsSync(options.pngFile)) throw new Error(`Chromium wrote no ${options.pngFile}`);
}
