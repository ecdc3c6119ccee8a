#!/usr/bin/env node
// axe_check.mjs — check HTML files with axe-core in headless Debian Chromium.
//
//   node axe_check.mjs [--no-dark] [--show-incomplete] FILE.html...
//
// Each file is opened as a file:// URL in Chromium (driven by playwright-core; the browser is the
// system's /usr/bin/chromium, never a downloaded one), axe-core is injected from node_modules and
// run with the WCAG 2.0 A/AA, 2.1 AA and 2.2 AA rule tags. Every file is checked twice: with the
// light colour scheme and with `prefers-color-scheme: dark` emulated, so contrast must hold in both.
//
// The page may load nothing but itself: every other request (http, https, ws, even another file:
// URL next to it) is aborted and reported. A passing file is therefore self-contained.
//
// Output: one line per problem, `FILE [scheme]: rule-id (impact): help -- target, target`.
// Exit status: 0 no problems, 1 violations or outside requests, 2 usage error, unreadable file
// or a browser that would not start.
//
// Environment: CANDOR_CHROMIUM overrides the browser path (default /usr/bin/chromium).

import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
// URL schemes that never leave the page itself.
const INLINE_SCHEMES = ['data:', 'blob:', 'about:'];

function usage(message) {
  if (message) console.error(`axe_check: ${message}`);
  console.error('usage: axe_check.mjs [--no-dark] [--show-incomplete] FILE.html...');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dark: true, showIncomplete: false, files: [] };
  for (const arg of argv) {
    if (arg === '--no-dark') opts.dark = false;
    else if (arg === '--show-incomplete') opts.showIncomplete = true;
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else opts.files.push(arg);
  }
  if (opts.files.length === 0) usage('no files given');
  return opts;
}

async function loadDeps() {
  try {
    const { chromium } = require('playwright-core');
    const axe = require('axe-core');
    return { chromium, axeSource: axe.source, axeVersion: axe.version };
  } catch (err) {
    console.error(`axe_check: cannot load playwright-core/axe-core (${err.message}); run \`make deps\``);
    process.exit(2);
  }
}

async function checkOnce(browser, axeSource, file, scheme, opts) {
  const url = pathToFileURL(resolve(file)).href;
  const problems = [];
  const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
  try {
    const outside = new Set();
    const isInline = (u) => u === url || INLINE_SCHEMES.some((s) => u.startsWith(s));
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (isInline(u)) return route.continue();
      outside.add(u);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    // Requests that never reach the router (WebSockets, service workers) are caught here.
    page.on('request', (req) => {
      const u = req.url();
      if (!isInline(u)) outside.add(u);
    });
    page.on('websocket', (ws) => outside.add(ws.url()));

    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (response && !response.ok() && response.status() !== 0) {
      throw new Error(`loading failed with status ${response.status()}`);
    }
    await page.evaluate(() => document.fonts.ready.then(() => true));
    await page.evaluate(axeSource);
    const results = await page.evaluate(
      (tags) =>
        window.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations', 'incomplete'],
        }),
      TAGS,
    );

    for (const v of results.violations) {
      const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 5);
      const more = v.nodes.length > 5 ? `, +${v.nodes.length - 5} more` : '';
      problems.push(
        `${file} [${scheme}]: ${v.id} (${v.impact ?? 'n/a'}): ${v.help} -- ${targets.join(', ')}${more}`,
      );
    }
    for (const u of outside) {
      problems.push(`${file} [${scheme}]: network-request: the page requested ${u} (not self-contained)`);
    }
    if (opts.showIncomplete) {
      for (const v of results.incomplete) {
        const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 5);
        console.log(`${file} [${scheme}]: note: needs review: ${v.id}: ${v.help} -- ${targets.join(', ')}`);
      }
    }
    return { problems, incomplete: results.incomplete.length };
  } finally {
    await context.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const file of opts.files) {
    if (!existsSync(file) || !statSync(file).isFile()) {
      console.error(`axe_check: ${file}: no such file`);
      process.exit(2);
    }
  }
  const { chromium, axeSource, axeVersion } = await loadDeps();
  const executablePath = process.env.CANDOR_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`axe_check: no browser at ${executablePath}; run \`make deps\` (installs Debian's chromium)`);
    process.exit(2);
  }

  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    console.error(`axe_check: chromium did not start: ${err.message}`);
    process.exit(2);
  }

  const schemes = opts.dark ? ['light', 'dark'] : ['light'];
  let problemCount = 0;
  let errors = 0;
  try {
    for (const file of opts.files) {
      for (const scheme of schemes) {
        try {
          const { problems } = await checkOnce(browser, axeSource, file, scheme, opts);
          for (const p of problems) console.log(p);
          problemCount += problems.length;
        } catch (err) {
          console.error(`axe_check: ${file} [${scheme}]: could not check: ${err.message}`);
          errors += 1;
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(
    `axe_check: ${opts.files.length} file(s) x ${schemes.length} colour scheme(s), ` +
      `${problemCount} problem(s) (axe-core ${axeVersion}; tags ${TAGS.join(', ')})`,
  );
  if (errors > 0) process.exit(2);
  process.exit(problemCount > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`axe_check: ${err.stack || err}`);
  process.exit(2);
});
