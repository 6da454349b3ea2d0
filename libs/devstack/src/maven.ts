import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run, which } from './process';

/** Pinned on purpose: `copy` without a version resolves whatever the local Maven defaults to. */
export const MAVEN_DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.11.0';

/**
 * Copies one artifact (`group:artifact:version:type`) from Maven Central (via `~/.m2`) into `outputDirectory`.
 * It lands in a scratch folder first and is renamed, so an interrupted download never looks complete.
 * Returns the path of the copied file.
 */
export async function mavenCopyArtifact(artifact: string, outputDirectory: string, env: NodeJS.ProcessEnv): Promise<string> {
  const mvn = which('mvn', env.PATH ?? '');
  if (!mvn) throw new Error(`Maven (mvn) is not on PATH; it is needed once to fetch ${artifact}.`);
  const scratch = join(outputDirectory, `.download-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const args = ['-B', '-q', `${MAVEN_DEPENDENCY_PLUGIN}:copy`, `-Dartifact=${artifact}`, `-DoutputDirectory=${scratch}`];
    const result = await run(mvn, args, { cwd: scratch, env });
    if (result.code !== 0) throw new Error(`mvn ${args.join(' ')} failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
    const files = readdirSync(scratch);
    if (files.length !== 1) throw new Error(`expected one file from mvn copy of ${artifact}, got [${files.join(', ')}]`);
    const target = join(outputDirectory, files[0]);
    renameSync(join(scratch, files[0]), target);
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
