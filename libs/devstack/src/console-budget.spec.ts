import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { budgetReportMarkdown, KB, measureConsoleBudgets, staticClosure, type ConsoleBudget, type ViteManifest } from './console-budget';

// A build as Vite writes it: the entry imports a shared chunk; two lazy pages share another; two languages.
const MANIFEST: ViteManifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'], dynamicImports: ['src/App.tsx'] },
  '_react.js': { file: 'assets/react.js' },
  'src/App.tsx': { file: 'assets/App.js', isDynamicEntry: true, imports: ['_react.js', '_ui.js'], dynamicImports: ['src/Show.tsx', 'src/Edit.tsx'] },
  '_ui.js': { file: 'assets/ui.js', imports: ['_react.js'] },
  'src/Show.tsx': { file: 'assets/Show.js', isDynamicEntry: true, imports: ['_ui.js', '_form.js'] },
  'src/Edit.tsx': { file: 'assets/Edit.js', isDynamicEntry: true, imports: ['_form.js'] },
  '_form.js': { file: 'assets/form.js', imports: ['_ui.js'] },
  'src/en.ts': { file: 'assets/en.js', isDynamicEntry: true },
  'src/ru.ts': { file: 'assets/ru.js', isDynamicEntry: true },
};

/** Incompressible bytes, so a file's gzipped size is about its length. */
const SIZES: Record<string, number> = { index: 1000, react: 40_000, App: 5000, ui: 20_000, Show: 3000, Edit: 2000, form: 4000, en: 1000, ru: 6000 };

describe('console script budget', () => {
  let dist: string;
  const files = new Map<string, Buffer>();
  const gz = (name: string) => gzipSync(files.get(name) as Buffer, { level: 9 }).length;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'rd-console-budget-'));
    mkdirSync(join(dist, '.vite'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    for (const [name, size] of Object.entries(SIZES)) {
      files.set(name, randomBytes(size));
      writeFileSync(join(dist, 'assets', `${name}.js`), files.get(name) as Buffer);
    }
  });

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('should follow static imports only, each chunk once', () => {
    expect(staticClosure(MANIFEST, 'src/Show.tsx').sort()).toEqual(['_form.js', '_react.js', '_ui.js', 'src/Show.tsx']);
  });

  it('should count the entry alone for the sign-in and add each lazy page and the heaviest language for a screen', () => {
    const budgets: ConsoleBudget[] = [
      { name: 'sign-in', modules: [], maxGzipBytes: 50 * KB },
      { name: 'meeting', modules: ['src/App.tsx', 'src/Show.tsx', 'src/Edit.tsx'], oneOf: ['src/en.ts', 'src/ru.ts'], maxGzipBytes: 60 * KB, goalGzipBytes: 50 * KB },
    ];
    const [signIn, meeting] = measureConsoleBudgets(dist, budgets);
    expect(signIn.chunks.map((chunk) => chunk.file).sort()).toEqual(['assets/index.js', 'assets/react.js']);
    expect(signIn.gzipBytes).toBe(gz('index') + gz('react'));
    expect(signIn.withinBudget).toBe(true);
    expect(meeting.chunks.map((chunk) => chunk.file).sort()).toEqual(
      ['Edit', 'App', 'Show', 'form', 'index', 'react', 'ru', 'ui'].map((name) => `assets/${name}.js`).sort(),
    );
    expect(meeting.gzipBytes).toBe(['index', 'react', 'App', 'ui', 'Show', 'Edit', 'form', 'ru'].reduce((sum, name) => sum + gz(name), 0));
    expect(meeting.withinBudget).toBe(false);
    expect(budgetReportMarkdown([signIn, meeting], [])).toMatch(/\| meeting \| 8\d\.\d KB \| 60\.0 KB \| 50\.0 KB \| 8 \| OVER \(over the goal\) \|/);
  });

  it('should name a route module that is no chunk of its own: it is not loaded lazily', () => {
    const [result] = measureConsoleBudgets(dist, [{ name: 'eager', modules: ['src/App.tsx', 'src/Missing.tsx'], maxGzipBytes: 1000 * KB }]);
    expect(result.notLazy).toEqual(['src/Missing.tsx']);
  });
});
