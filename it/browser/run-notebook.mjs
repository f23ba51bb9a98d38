// Opens one notebook in a running classic Jupyter Notebook (6.x) server with Debian's Chromium, runs all
// cells through the Cell menu as a person would, and checks what the page shows under each cell.
//
// Usage: node it/browser/run-notebook.mjs <spec.json>
// spec.json:
//   {
//     "url": "http://127.0.0.1:PORT",        server base URL
//     "token": "...",                        server token
//     "notebook": "03-....ipynb",            path relative to the server's notebook dir
//     "notebookFile": "/abs/path/03-....ipynb" the same file on disk, to map cell ids to positions
//     "outDir": "/abs/dir",                  screenshots and result.json go here
//     "timeoutMs": 240000,                   how long all cells may take
//     "expect": { "<cell id>": ["text that must appear under that cell", ...] },
//     "settle": { "<cell id>": "text to wait for after the run ended (late output)" },
//     "screenshotCell": "<cell id>",         the cell scrolled to the top of the viewport for shot.png
//     "cellShots": ["<cell id>", ...]        outputs of these cells photographed one by one (cell-<id>.png)
//   }
// Exit status 0 when every expectation held and no cell shows an error or stderr output, 1 otherwise,
// 2 on a usage or set-up error. result.json holds what each code cell showed and every failure.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, readSpec, report, runMain } from './browser-run.mjs';

const log = (...a) => console.log('[browser]', ...a);

async function main() {
    const spec = readSpec('run-notebook.mjs');
    if (!spec) {
        return 2;
    }
    const ipynb = JSON.parse(readFileSync(spec.notebookFile, 'utf8'));
    const codeIds = ipynb.cells.filter(c => c.cell_type === 'code').map(c => c.id);
    const failures = [];
    let browser;
    try {
        browser = await openBrowser('jproc-chromium-', { width: 1280, height: 1000 }, log);
        const page = browser.page;
        const url = `${spec.url}/notebooks/${encodeURI(spec.notebook)}?token=${spec.token}`;
        log('opening', url.replace(spec.token, '<token>'));
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
        await page.waitForFunction(
            () => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
                && Jupyter.notebook.kernel.is_connected()
                && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'),
            null, { timeout: 90000, polling: 250 });
        log('kernel connected and idle');
        await page.screenshot({ path: join(spec.outDir, 'opened.png') });

        // Cell > Run All, with the mouse, as a person would.
        const started = Date.now();
        await page.click('#celllink');
        await page.click('#run_all_cells > a');
        // Wait until every code cell has run: none queued or running, each has an execution count.
        await page.waitForFunction(
            () => {
                const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
                return cells.every(c => !c.element.hasClass('running') && Number.isInteger(c.input_prompt_number))
                    && document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
            },
            null, { timeout: spec.timeoutMs || 240000, polling: 500 });
        log(`all cells ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);

        // Late output: text a child prints after its cell ended must still arrive under that cell.
        for (const [id, text] of Object.entries(spec.settle || {})) {
            try {
                await page.waitForFunction(
                    ([cid, t]) => {
                        const c = Jupyter.notebook.get_cells().find(x => x.id === cid);
                        return c && c.output_area.element[0].innerText.includes(t);
                    },
                    [id, text], { timeout: 15000, polling: 250 });
                log(`late output arrived under ${id}`);
            } catch (e) {
                failures.push(`cell ${id}: late output '${text}' did not appear within 15 s`);
            }
        }

        // What a person sees under each code cell.
        const seen = await page.evaluate(() => Jupyter.notebook.get_cells()
            .filter(c => c.cell_type === 'code')
            .map(c => ({
                id: c.id,
                prompt: c.input_prompt_number,
                text: c.output_area.element[0].innerText,
                errors: [...c.output_area.element[0].querySelectorAll('.output_error')].map(e => e.innerText),
                stderr: [...c.output_area.element[0].querySelectorAll('.output_stderr')].map(e => e.innerText),
                svg: c.output_area.element[0].querySelectorAll('svg').length,
            })));
        if (JSON.stringify(seen.map(s => s.id)) !== JSON.stringify(codeIds)) {
            failures.push(`the page shows code cells ${seen.map(s => s.id)} but the file has ${codeIds}`);
        }
        for (const cell of seen) {
            for (const e of cell.errors) {
                failures.push(`cell ${cell.id} shows an error: ${e.slice(0, 300)}`);
            }
            for (const e of cell.stderr) {
                failures.push(`cell ${cell.id} shows stderr output: ${e.slice(0, 300)}`);
            }
        }
        for (const [id, texts] of Object.entries(spec.expect || {})) {
            const cell = seen.find(s => s.id === id);
            if (!cell) {
                failures.push(`no code cell with id ${id}`);
                continue;
            }
            for (const t of texts) {
                if (!cell.text.includes(t)) {
                    failures.push(`cell ${id}: expected '${t}' under the cell; it shows: ${cell.text.slice(0, 400)}`);
                }
            }
        }

        await page.screenshot({ path: join(spec.outDir, 'after-run-all.png') });
        const shotId = spec.screenshotCell || codeIds[0];
        await page.evaluate(cid => {
            const c = Jupyter.notebook.get_cells().find(x => x.id === cid);
            if (c) {
                c.element[0].scrollIntoView({ block: 'start' });
            }
        }, shotId);
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(spec.outDir, 'shot.png') });
        // One picture of each listed cell's output (the notebook scrolls inside #site, so whole tall cells
        // do not photograph well; outputs are short).
        for (const id of spec.cellShots || []) {
            const handle = await page.evaluateHandle(cid => {
                const c = Jupyter.notebook.get_cells().find(x => x.id === cid);
                if (!c) {
                    return null;
                }
                c.output_area.element[0].scrollIntoView({ block: 'center' });
                return c.output_area.element[0];
            }, id);
            const el = handle.asElement();
            if (el) {
                await el.screenshot({ path: join(spec.outDir, `cell-${id}.png`) });
            } else {
                failures.push(`no cell ${id} to photograph`);
            }
        }
        writeFileSync(join(spec.outDir, 'result.json'), JSON.stringify({ failures, cells: seen }, null, 1));
        // Leave the kernel and the server as we found them: shut the kernel down from the page.
        await page.evaluate(() => Jupyter.notebook.kernel.kill());
    } catch (e) {
        failures.push(`browser run failed: ${e.message.split('\n')[0]}`);
        writeFileSync(join(spec.outDir, 'result.json'), JSON.stringify({ failures }, null, 1));
    } finally {
        if (browser) {
            await browser.close();
        }
    }
    return report(failures, log);
}

runMain(main);
