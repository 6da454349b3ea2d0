import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** WCAG 2.2 levels A and AA as axe-core tags them (2.0, 2.1 and the rules new in 2.2). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** One broken rule: its id, how serious axe rates it, what it asks for and the elements that break it. */
export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  /** Each element that breaks it: its selector, its markup (shortened) and, where axe says, why (e.g. the contrast ratio). */
  targets: string[];
}

export interface AxeCheck {
  /**
   * CSS selectors of elements left out, each with its reason in the caller: only an element the console cannot fix
   * (a third-party widget's own markup), never a rule.
   */
  exclude?: readonly string[];
}

let source: string | undefined;

/** axe-core's browser bundle, read once from the npm package. */
function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/**
 * Runs axe-core in the page against the WCAG 2.2 A/AA rules and answers what it finds. The bundle is evaluated
 * through the DevTools protocol, so the console's content-security policy (no inline scripts) does not block it.
 */
export async function axeViolations(page: Page, check: AxeCheck = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource());
  const context: ElementContext = { include: [['html']], exclude: (check.exclude ?? []).map((selector) => [selector]) };
  const options: RunOptions = { runOnly: { type: 'tag', values: [...WCAG_TAGS] }, resultTypes: ['violations'] };
  const results = await page.evaluate(
    ([context, options]) => (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run(context, options),
    [context, options] as const,
  );
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => {
      const why = node.failureSummary?.split('\n').slice(1).join(' ').trim();
      return `${node.target.map(String).join(' ')}  ${node.html.replace(/\s+/g, ' ').slice(0, 160)}${why ? `  — ${why.slice(0, 200)}` : ''}`;
    }),
  }));
}

/** The violations as lines a reader can act on: rule (impact): what it asks — the elements. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.rule} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}${v.targets.length > 8 ? `\n    … ${v.targets.length - 8} more` : ''}`).join('\n');
}

/** Fails with a readable list of the WCAG 2.2 A/AA violations on the page (`where` names the screen and size). */
export async function expectAccessible(page: Page, where: string, check: AxeCheck = {}): Promise<void> {
  const violations = await axeViolations(page, check);
  if (violations.length > 0) throw new Error(`${where}: ${violations.length} axe-core WCAG 2.2 A/AA violation(s)\n  ${describeViolations(violations).replace(/\n/g, '\n  ')}`);
}
