// One small driver over two engines, so that one test body runs in both:
//  - chromium: Debian's Chromium through playwright-core (as lib/browser.mjs);
//  - firefox:  Debian's Firefox ESR through puppeteer-core over WebDriver BiDi
//    (../shared/TOOLCHAIN.md §9; Playwright's Firefox would need its own patched build).
// A page offers only what a user does and what the tests read: goto, evaluate,
// waitFor (a predicate in the page), click, press (keys, "Shift+F8"), upload (a file
// input), initScript, errors (page errors and console errors, page and workers).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export const ENGINES = ['chromium', 'firefox'];
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function wrap(raw, engine) {
  const errors = [];
  raw.on('pageerror', (e) => errors.push(`pageerror: ${e.message || e}`));
  raw.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  const keyboard = raw.keyboard;
  return {
    engine,
    raw,
    errors,
    goto: (url) => raw.goto(url),
    evaluate: (fn, arg) => raw.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 20000) => (engine === 'chromium'
      ? raw.waitForFunction(fn, arg, { timeout })
      : raw.waitForFunction(fn, { timeout, polling: 50 }, arg)),
    click: (selector) => raw.click(selector),
    async press(combo) {
      const keys = combo.split('+');
      const key = keys.pop();
      for (const m of keys) await keyboard.down(m);
      await keyboard.press(key);
      for (const m of keys.reverse()) await keyboard.up(m);
    },
    async upload(selector, file) {
      if (engine === 'chromium') return raw.setInputFiles(selector, file);
      const input = await raw.$(selector);
      await input.uploadFile(file);
      // puppeteer sets the files; the page listens for change (as after a real pick).
      await input.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
    },
    initScript: (fn) => (engine === 'chromium' ? raw.addInitScript(fn) : raw.evaluateOnNewDocument(fn)),
    close: () => raw.close(),
  };
}

// Runs fn(browser) with browser.newPage() -> a wrapped page; cleans up.
export async function withEngine(engine, fn) {
  if (engine === 'chromium') {
    const profile = mkdtempSync(path.join(tmpdir(), 'nianbao-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    try {
      return await fn({ engine, newPage: async () => wrap(await context.newPage(), engine) });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  assert.equal(engine, 'firefox');
  assert.ok(existsSync(FIREFOX), `${FIREFOX} missing: scripts/setup.sh installs firefox-esr`);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, args: ['--no-remote'] });
  try {
    return await fn({ engine, version: await browser.version(), newPage: async () => wrap(await browser.newPage(), engine) });
  } finally {
    await browser.close();
  }
}
