import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * How much script the console makes a phone download before a screen can show (issue 16, ADR 45). Reads the Vite
 * build manifest: a screen costs the boot entry's static import closure plus, for each lazily loaded module the
 * screen needs, that module's chunk and its static closure. Each chunk is counted once, gzipped at level 9.
 */

/** One kilobyte here is 1000 bytes, the strict reading of "250 KB". */
export const KB = 1000;

export interface ConsoleBudget {
  name: string;
  /** Lazily loaded modules the screen needs, relative to apps/console (`src/App.tsx`); the boot entry is always loaded. */
  modules: readonly string[];
  maxGzipBytes: number;
}

/** The screens a field officer opens with a weak signal: signing in, and the meeting of the day from the home page. */
export const CONSOLE_BUDGETS: readonly ConsoleBudget[] = [
  { name: 'sign-in', modules: [], maxGzipBytes: 250 * KB },
  {
    name: 'day of the meeting',
    modules: ['src/App.tsx', 'src/dashboard/Dashboard.tsx', 'src/meetings/MeetingShow.tsx', 'src/meetings/MeetingEdit.tsx'],
    maxGzipBytes: 250 * KB,
  },
];

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export type ViteManifest = Record<string, ManifestChunk>;

export interface MeasuredChunk {
  file: string;
  gzipBytes: number;
}

export interface BudgetResult {
  name: string;
  maxGzipBytes: number;
  gzipBytes: number;
  chunks: MeasuredChunk[];
  /** Route modules that are not a chunk of their own, so not loaded lazily: their code sits in a chunk counted elsewhere. */
  notLazy: string[];
  withinBudget: boolean;
}

export function readViteManifest(distDir: string): ViteManifest {
  return JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
}

/** The manifest keys of `start` and of every chunk it imports statically, transitively (what loading it fetches). */
export function staticClosure(manifest: ViteManifest, start: string): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the console build manifest has no chunk ${key}`);
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  visit(start);
  return [...seen];
}

export function bootEntry(manifest: ViteManifest): string {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the console build, found ${entries.map(([key]) => key).join(', ') || 'none'}`);
  return entries[0][0];
}

/** The chunks a screen loads: the entry's closure plus each route module's closure, each chunk once. */
export function screenChunks(manifest: ViteManifest, budget: ConsoleBudget): { files: string[]; notLazy: string[] } {
  const keys = new Set(staticClosure(manifest, bootEntry(manifest)));
  const notLazy: string[] = [];
  for (const module of budget.modules) {
    if (manifest[module]?.isDynamicEntry) staticClosure(manifest, module).forEach((key) => keys.add(key));
    else notLazy.push(module);
  }
  return { files: [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js')), notLazy };
}

export function measureConsoleBudgets(distDir: string, budgets: readonly ConsoleBudget[] = CONSOLE_BUDGETS): BudgetResult[] {
  const manifest = readViteManifest(distDir);
  const sizes = new Map<string, number>();
  const gzipped = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
  return budgets.map((budget) => {
    const { files, notLazy } = screenChunks(manifest, budget);
    const chunks = files.map((file) => ({ file, gzipBytes: gzipped(file) })).sort((a, b) => b.gzipBytes - a.gzipBytes);
    const gzipBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
    return { name: budget.name, maxGzipBytes: budget.maxGzipBytes, gzipBytes, chunks, notLazy, withinBudget: gzipBytes <= budget.maxGzipBytes };
  });
}

/** Every JS chunk of the build with its gzipped size, largest first: where the rest of the console went. */
export function allConsoleChunks(distDir: string): MeasuredChunk[] {
  const manifest = readViteManifest(distDir);
  const files = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
  return files
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

export function budgetReportMarkdown(results: readonly BudgetResult[], all: readonly MeasuredChunk[]): string {
  const lines = [
    '# Console script budget',
    '',
    'Gzipped (level 9) JavaScript each screen loads before it can show; 1 KB = 1000 bytes. See docs/adr/0045.',
    '',
    '| Screen | Gzipped script | Budget | Chunks | Verdict |',
    '| --- | ---: | ---: | ---: | --- |',
    ...results.map(
      (result) =>
        `| ${result.name} | ${kb(result.gzipBytes)} | ${kb(result.maxGzipBytes)} | ${result.chunks.length} | ${result.withinBudget ? 'within' : 'OVER'}${
          result.notLazy.length ? ` (not lazy: ${result.notLazy.join(', ')})` : ''
        } |`,
    ),
  ];
  for (const result of results) {
    lines.push('', `## ${result.name}`, '', '| Chunk | Gzipped |', '| --- | ---: |', ...result.chunks.map((chunk) => `| ${chunk.file} | ${kb(chunk.gzipBytes)} |`));
  }
  const total = all.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  lines.push('', `## Every chunk (${all.length}, ${kb(total)} in all)`, '', '| Chunk | Gzipped |', '| --- | ---: |', ...all.map((chunk) => `| ${chunk.file} | ${kb(chunk.gzipBytes)} |`));
  return `${lines.join('\n')}\n`;
}
