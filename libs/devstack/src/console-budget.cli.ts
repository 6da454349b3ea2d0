/**
 * Prints what the built console makes each screen download, gzipped, against its budget (ADR 45):
 *   npm run console:budget            (builds the console first)
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/devstack/src/console-budget.cli.ts [distDir]
 * Exits 1 when a screen is over budget. `npm test` checks the same in apps/e2e/src/console-budget.e2e-spec.ts.
 */
import { CONSOLE_DIST } from './console-build';
import { allConsoleChunks, budgetReportMarkdown, measureConsoleBudgets } from './console-budget';

const distDir = process.argv[2] ?? CONSOLE_DIST;
const results = measureConsoleBudgets(distDir);
process.stdout.write(budgetReportMarkdown(results, allConsoleChunks(distDir)));
process.exitCode = results.every((result) => result.withinBudget && result.notLazy.length === 0) ? 0 : 1;
