// The programs the tests read the product's output with, found in one place: Chromium (the
// browser journeys and screenshots), poppler's pdftotext / pdftoppm / pdffonts / pdfimages / pdfsig (a PDF
// as a person's viewer shows it), NSS's certutil (the trust store pdfsig reads) and zbar's zbarimg (a QR
// code as a phone reads it).
//
// A tool on the PATH (or CHROMIUM_PATH) is used as it is. `npm test` installs missing ones with
// the system's package manager when it runs as root on Debian or Ubuntu (`installMissingTools`),
// and the browser falls back to the Chromium shipped in the npm package `@sparticuz/chromium`.
// Anything still missing stops the run at once with one line naming what to install: no test is
// ever skipped for want of a tool.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @type {Record<string, { debian: string, purpose: string }>} */
export const toolPackages = {
  chromium: { debian: 'chromium', purpose: 'browser journeys' },
  pdftotext: { debian: 'poppler-utils', purpose: 'PDF text' },
  pdftoppm: { debian: 'poppler-utils', purpose: 'PDF pages as images' },
  pdffonts: { debian: 'poppler-utils', purpose: 'PDF fonts' },
  pdfsig: { debian: 'poppler-utils', purpose: 'PDF signatures' },
  pdfimages: { debian: 'poppler-utils', purpose: 'PDF pictures' },
  zbarimg: { debian: 'zbar-tools', purpose: 'QR codes' },
  certutil: { debian: 'libnss3-tools', purpose: 'the NSS trust store pdfsig checks signatures against' },
};

/** What each test tier reads its output with. */
export const tierTools = {
  unit: ['pdftotext', 'pdftoppm', 'pdffonts', 'pdfimages', 'pdfsig', 'certutil', 'zbarimg'],
  integration: ['pdftotext', 'pdftoppm', 'pdfsig', 'certutil', 'zbarimg'],
  e2e: ['chromium', 'pdftotext', 'pdftoppm', 'zbarimg'],
};

function onPath(name) {
  for (const dir of (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

function versionOf(file, args) {
  const r = spawnSync(file, args, { encoding: 'utf8', timeout: 20_000 });
  if (r.error || r.status !== 0) return undefined;
  const text = `${r.stdout}\n${r.stderr}`;
  const line = text.split('\n').map((l) => l.trim()).find((l) => /\d+\.\d+/.test(l));
  // "pdftotext version 22.12.0", "Chromium 156.0.8078.129 built on Debian…", "0.23.92": the number.
  return line?.match(/\d+(\.\d+)+/)?.[0];
}

/** The system's Chromium: CHROMIUM_PATH, else `chromium` on the PATH (Debian's package). */
function systemChromium() {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`CHROMIUM_PATH=${given}: no such file`);
    return given;
  }
  return onPath('chromium') ?? onPath('chromium-browser');
}

/**
 * A tool on this machine, or undefined. Chromium from npm is not looked for here (it must be
 * unpacked first): see `locateChromium`.
 * @param {string} name
 */
export function findTool(name) {
  if (!(name in toolPackages)) throw new Error(`unknown tool ${name}`);
  const file = name === 'chromium' ? systemChromium() : onPath(name);
  return file ? { name, path: file, source: name === 'chromium' && process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'system' } : undefined;
}

/** Whether the npm package `@sparticuz/chromium` is installed (it unpacks its browser on first use). */
export function npmChromiumAvailable() {
  try {
    // (createRequire rather than import.meta.resolve, which Vitest's module runner lacks.)
    createRequire(import.meta.url).resolve('@sparticuz/chromium');
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to launch: the system's Chromium, else the one shipped in `@sparticuz/chromium`
 * (unpacked into the temporary directory on first use), with the arguments it needs.
 * @returns {Promise<{ name: 'chromium', path: string, source: string, args: string[] }>}
 */
export async function locateChromium() {
  const system = findTool('chromium');
  if (system) return { ...system, name: 'chromium', args: [] };
  if (npmChromiumAvailable()) {
    const { default: chromium } = await import('@sparticuz/chromium');
    const file = await chromium.executablePath();
    // Its own flags minus the ones that make a browser for serverless functions (one process).
    const args = chromium.args.filter((a) => !/^--(single-process|no-zygote|headless)/.test(a));
    return { name: 'chromium', path: file, source: 'npm @sparticuz/chromium', args };
  }
  throw new Error(missingLine(['chromium']));
}

/**
 * The path of a command-line tool, or an error whose message is the one line naming what to
 * install.
 * @param {string} name
 */
export function toolPath(name) {
  const found = findTool(name);
  if (!found) throw new Error(missingLine([name]));
  return found.path;
}

/** One line naming the missing tools and the packages that bring them. */
export function missingLine(names) {
  const debs = [...new Set(names.map((n) => toolPackages[n].debian))];
  const chromium = names.includes('chromium') ? ' (or set CHROMIUM_PATH, or `npm install @sparticuz/chromium`)' : '';
  return `missing ${names.join(', ')}: install ${debs.join(' ')} (Debian/Ubuntu: apt-get install ${debs.join(' ')}; run \`npm test\` as root there to have them installed)${chromium}`;
}

/** A tool's path and version, for the line each tier prints. */
export function describeTool(located) {
  const args = located.name === 'chromium' ? ['--version'] : located.name === 'zbarimg' ? ['--version'] : ['-v'];
  const version = versionOf(located.path, args);
  return `${located.name} ${located.path}${version ? ` (${version})` : ''}${located.source === 'system' ? '' : ` [${located.source}]`}`;
}

function osRelease() {
  try {
    return Object.fromEntries(fs.readFileSync('/etc/os-release', 'utf8').split('\n').filter((l) => l.includes('='))
      .map((l) => { const i = l.indexOf('='); return [l.slice(0, i), l.slice(i + 1).replace(/^"|"$/g, '')]; }));
  } catch {
    return {};
  }
}

/**
 * Installs the missing tools with apt when this process is root on Debian or Ubuntu. Ubuntu's
 * `chromium` is a snap, unusable in a container: there the browser comes from npm instead.
 * Returns what is still missing (and the log of what was done).
 * @param {string[]} names
 * @param {(line: string) => void} log
 */
export function installMissingTools(names, log = console.log) {
  let missing = [...new Set(names)].filter((n) => !findTool(n));
  if (missing.length === 0) return [];
  const release = osRelease();
  const debianLike = release.ID === 'debian' || release.ID === 'ubuntu' || /\b(debian|ubuntu)\b/.test(release.ID_LIKE ?? '');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const ubuntu = release.ID === 'ubuntu' || /\bubuntu\b/.test(release.ID_LIKE ?? '');
  const viaApt = missing.filter((n) => n !== 'chromium' || !ubuntu);
  if (viaApt.length && debianLike && root && onPath('apt-get')) {
    const debs = [...new Set(viaApt.map((n) => toolPackages[n].debian))];
    // Chromium draws the pages' text: give it a font when the machine has none.
    if (viaApt.includes('chromium') && !fs.existsSync('/usr/share/fonts/truetype/dejavu')) debs.push('fonts-dejavu-core');
    log(`installing ${debs.join(' ')} with apt-get (missing: ${viaApt.join(', ')})`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...debs], { stdio: 'inherit', env })
      : update;
    if (install.status !== 0) log(`apt-get failed (exit ${install.status})`);
    missing = missing.filter((n) => !findTool(n));
  }
  if (missing.includes('chromium') && npmChromiumAvailable()) {
    log('Chromium: none on this machine; the browser journeys use the one in the npm package @sparticuz/chromium');
    missing = missing.filter((n) => n !== 'chromium');
  }
  return missing;
}
