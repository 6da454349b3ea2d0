import { allConsoleChunks, budgetReportMarkdown, CONSOLE_DIST, KB, measureConsoleBudgets, readViteManifest } from '@rd/devstack';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = join(__dirname, '..', '..', '..', 'test-output');

/**
 * Light on the wire (#16, ADR 45): the console the e2e setup has just built must let a phone sign in, and open the
 * home page and the meeting of the day, with at most 250 KB (1000 bytes each) of gzipped script; the rest of the
 * console comes in chunks fetched when a page is first shown, all of them precached by the service worker.
 * The measured table goes to test-output/console-budget.md.
 */
describe('console script budget', () => {
  const results = measureConsoleBudgets(CONSOLE_DIST);

  beforeAll(() => {
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, 'console-budget.md'), budgetReportMarkdown(results, allConsoleChunks(CONSOLE_DIST)));
  });

  it.each(results.map((result) => [result.name, result] as const))('%s loads its pages lazily and stays within budget', (_name, result) => {
    expect(result.notLazy).toEqual([]);
    // In KB so a failure reads like the table.
    expect(result.gzipBytes / KB).toBeLessThanOrEqual(result.maxGzipBytes / KB);
  });

  it('precaches every script chunk, so a page first opened offline still loads', () => {
    const worker = readFileSync(join(CONSOLE_DIST, 'sw.js'), 'utf8');
    const scripts = [...new Set(Object.values(readViteManifest(CONSOLE_DIST)).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    expect(scripts.filter((file) => !worker.includes(`"${file}"`))).toEqual([]);
  });
});
