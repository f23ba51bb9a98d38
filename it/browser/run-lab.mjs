// Opens one notebook in a running JupyterLab 4 server with Debian's Chromium, runs all cells from the Run menu as a
// person would, watches one cell's output while a child it started keeps printing after the cell returned, and
// checks what the page shows under each cell.
//
// The server must run with --LabApp.expose_app_in_browser=True (the script reads cells through window.jupyterapp).
//
// Usage: node it/browser/run-lab.mjs <spec.json>
// spec.json:
//   {
//     "url": "http://127.0.0.1:PORT", "token": "...",
//     "notebook": "late.ipynb",              path relative to the server's root dir
//     "outDir": "/abs/dir",                  screenshots and result.json go here
//     "timeoutMs": 60000,                    how long all cells may take
//     "expect": { "<cell id>": ["text that must appear under that cell", ...] },
//     "absent": { "<cell id>": ["text that must not appear under that cell", ...] },
//     "stderr": { "<cell id>": { "err": "stderr text", "out": "stdout text" } }
//                                            the two must be drawn in different colours or on different backgrounds
//     "order": { "<cell id>": ["text", "text", ...] }   these must appear under the cell in this order
//     "live": { "cell": "<cell id>", "first": "text", "last": "text", "minGapMs": 1000 }
//                                            'first' must be on the page at least minGapMs before 'last' (the
//                                            lines arrive while the child runs, not all at its end)
//   }
// Exit status 0 when every expectation held and no cell shows an error, 1 otherwise, 2 on a usage or set-up error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, readSpec, report, runMain } from './browser-run.mjs';

const log = (...a) => console.log('[lab]', ...a);

// In the page: the open notebook's code cells with what their output areas show.
function codeCells() {
    const panel = window.jupyterapp.shell.currentWidget;
    if (!panel || !panel.content || !panel.content.widgets) {
        return null;
    }
    return panel.content.widgets.filter(c => c.model.type === 'code').map(c => ({
        id: c.model.id,
        count: c.model.executionCount,
        text: c.outputArea.node.innerText,
        errors: c.model.outputs.toJSON().filter(o => o.output_type === 'error')
            .map(o => `${o.ename}: ${o.evalue}`),
    }));
}

async function main() {
    const spec = readSpec('run-lab.mjs');
    if (!spec) {
        return 2;
    }
    const failures = [];
    const result = { failures };
    let browser;
    try {
        browser = await openBrowser('jproc-chromium-lab-', { width: 1280, height: 900 }, log);
        const page = browser.page;
        const url = `${spec.url}/lab/tree/${encodeURI(spec.notebook)}?token=${spec.token}`;
        log('opening', url.replace(spec.token, '<token>'));
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
        await page.waitForFunction(() => {
            const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
            const kernel = panel && panel.sessionContext && panel.sessionContext.session
                && panel.sessionContext.session.kernel;
            return kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle'
                && panel.content.widgets.length > 0;
        }, null, { timeout: 90000, polling: 250 });
        log('notebook open, kernel connected and idle');
        await page.screenshot({ path: join(spec.outDir, 'opened.png') });

        // Run > Run All Cells, with the mouse.
        const started = Date.now();
        await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
        await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();

        // Watch the live cell: when each watched text first shows, in ms since Run All.
        const seenAt = {};
        const live = spec.live;
        const deadline = started + (spec.timeoutMs || 60000);
        let allRan = false;
        while (Date.now() < deadline) {
            const cells = await page.evaluate(codeCells);
            allRan = cells.every(c => Number.isInteger(c.count));
            if (live) {
                const cell = cells.find(c => c.id === live.cell);
                for (const t of [live.first, live.last]) {
                    if (cell && seenAt[t] === undefined && cell.text.includes(t)) {
                        seenAt[t] = Date.now() - started;
                        log(`'${t}' under ${live.cell} after ${seenAt[t]} ms`);
                    }
                }
            }
            if (allRan && (!live || seenAt[live.last] !== undefined)) {
                break;
            }
            await page.waitForTimeout(100);
        }
        if (!allRan) {
            failures.push(`not every code cell ran within ${spec.timeoutMs || 60000} ms`);
        }
        log(`cells ran and watched output settled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        result.seenAt = seenAt;
        if (live) {
            const a = seenAt[live.first];
            const b = seenAt[live.last];
            if (a === undefined || b === undefined) {
                failures.push(`cell ${live.cell}: '${live.first}' or '${live.last}' never appeared (seen: `
                    + `${JSON.stringify(seenAt)})`);
            } else if (b - a < live.minGapMs) {
                failures.push(`cell ${live.cell}: '${live.first}' showed at ${a} ms and '${live.last}' at ${b} ms;`
                    + ` the lines did not arrive live (expected at least ${live.minGapMs} ms apart)`);
            }
        }
        await page.waitForTimeout(300);

        const seen = await page.evaluate(codeCells);
        result.cells = seen;
        for (const cell of seen) {
            for (const e of cell.errors) {
                failures.push(`cell ${cell.id} shows an error: ${e.slice(0, 300)}`);
            }
        }
        const cellById = id => {
            const c = seen.find(s => s.id === id);
            if (!c) {
                failures.push(`no code cell with id ${id} (the page has ${seen.map(s => s.id)})`);
            }
            return c;
        };
        for (const [id, texts] of Object.entries(spec.expect || {})) {
            const cell = cellById(id);
            for (const t of cell ? texts : []) {
                if (!cell.text.includes(t)) {
                    failures.push(`cell ${id}: expected '${t}' under the cell; it shows: ${cell.text.slice(0, 600)}`);
                }
            }
        }
        for (const [id, texts] of Object.entries(spec.absent || {})) {
            const cell = cellById(id);
            for (const t of cell ? texts : []) {
                if (cell.text.includes(t)) {
                    failures.push(`cell ${id}: '${t}' must not appear under the cell; it shows: `
                        + cell.text.slice(0, 600));
                }
            }
        }
        for (const [id, texts] of Object.entries(spec.order || {})) {
            const cell = cellById(id);
            const at = cell ? texts.map(t => cell.text.indexOf(t)) : [];
            if (cell && at.some((x, i) => x < 0 || (i > 0 && x < at[i - 1]))) {
                failures.push(`cell ${id}: expected ${JSON.stringify(texts)} in this order; it shows: `
                    + cell.text.slice(0, 600));
            }
        }
        // Visibly distinct: the element holding the stderr line is drawn in another colour or on another background
        // than the element holding a stdout line of the same cell.
        result.stderrLooks = {};
        for (const [id, pair] of Object.entries(spec.stderr || {})) {
            const look = await page.evaluate(([cid, texts]) => {
                const cell = window.jupyterapp.shell.currentWidget.content.widgets.find(c => c.model.id === cid);
                const paint = el => {
                    let bg = 'none';
                    for (let e = el; e && e !== cell.outputArea.node; e = e.parentElement) {
                        const b = getComputedStyle(e).backgroundColor;
                        if (b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') {
                            bg = b;
                            break;
                        }
                    }
                    return `${getComputedStyle(el).color} on ${bg}`;
                };
                const find = text => {
                    const walker = document.createTreeWalker(cell.outputArea.node, NodeFilter.SHOW_TEXT);
                    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                        if (n.textContent.includes(text)) {
                            return paint(n.parentElement);
                        }
                    }
                    return null;
                };
                return { err: find(texts.err), out: find(texts.out) };
            }, [id, pair]);
            result.stderrLooks[id] = look;
            if (!look.err || !look.out) {
                failures.push(`cell ${id}: '${pair.err}' or '${pair.out}' is not on the page`
                    + ` (${JSON.stringify(look)})`);
            } else if (look.err === look.out) {
                failures.push(`cell ${id}: the stderr line '${pair.err}' looks like the stdout line '${pair.out}'`
                    + ` (${look.err})`);
            }
        }

        await page.screenshot({ path: join(spec.outDir, 'after-run-all.png') });
        const first = await page.evaluateHandle(() => window.jupyterapp.shell.currentWidget.content.node);
        await first.asElement().screenshot({ path: join(spec.outDir, 'notebook.png') });
        // Leave the server as we found it: shut the kernel down from the page.
        await page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown());
    } catch (e) {
        failures.push(`browser run failed: ${e.message.split('\n')[0]}`);
    } finally {
        writeFileSync(join(spec.outDir, 'result.json'), JSON.stringify(result, null, 1));
        if (browser) {
            await browser.close();
        }
    }
    return report(failures, log);
}

runMain(main);
