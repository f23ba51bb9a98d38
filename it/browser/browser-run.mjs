// What the page tests (run-notebook.mjs: classic Notebook, run-lab.mjs: JupyterLab) share: a headless Debian
// Chromium in a throw-away profile (never a downloaded browser), the closing report and the exit status.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Reads the spec file named on the command line (creating its outDir), or returns null after printing usage. */
export function readSpec(script) {
    if (process.argv.length !== 3) {
        console.error(`usage: node ${script} <spec.json>`);
        return null;
    }
    const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
    mkdirSync(spec.outDir, { recursive: true });
    return spec;
}

/**
 * Starts /usr/bin/chromium headless in a fresh profile (a persistent context is how Playwright takes a
 * throw-away --user-data-dir); returns { browser, page, close } where close() ends the browser and removes the
 * profile.
 */
export async function openBrowser(profilePrefix, viewport, log) {
    const profile = mkdtempSync(join(tmpdir(), profilePrefix));
    let browser;
    const close = async () => {
        if (browser) {
            await browser.close().catch(() => {});
        }
        rmSync(profile, { recursive: true, force: true });
    };
    try {
        browser = await chromium.launchPersistentContext(profile, {
            executablePath: '/usr/bin/chromium',
            headless: true,
            viewport,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
        });
        const page = browser.pages()[0] || await browser.newPage();
        page.on('pageerror', e => log('page error:', e.message));
        return { browser, page, close };
    } catch (e) {
        await close();
        throw e;
    }
}

/** Logs each failure and the verdict; returns the exit status (0 when there is no failure). */
export function report(failures, log) {
    for (const f of failures) {
        log('FAIL', f);
    }
    log(failures.length === 0 ? 'PASS' : `${failures.length} failure(s)`);
    return failures.length === 0 ? 0 : 1;
}

/** Runs main() and exits with its status (2 if it threw). */
export function runMain(main) {
    main().then(code => process.exit(code), e => {
        console.error(e);
        process.exit(2);
    });
}
