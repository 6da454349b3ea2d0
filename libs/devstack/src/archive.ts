import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run, which } from './process';

/**
 * Unpacks `zipFile` (one top-level folder `topDir`) into `parentDir/topDir`, once. Extracts into a scratch
 * folder and renames, so a half-unpacked tree is never mistaken for a complete one. Uses `unzip` when on
 * PATH, else `jar xf` from `javaHome` (always present with a JDK); `jar` drops file modes, so shell
 * scripts under `bin/` are made executable afterwards.
 */
export async function unpackZipOnce(
  zipFile: string,
  parentDir: string,
  topDir: string,
  tools: { path: string; javaHome?: string },
): Promise<string> {
  const target = join(parentDir, topDir);
  if (existsSync(target)) return target;
  const scratch = join(parentDir, `.unpack-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const unzip = which('unzip', tools.path);
    const jdkJar = tools.javaHome ? join(tools.javaHome, 'bin', 'jar') : undefined;
    const jar = jdkJar && existsSync(jdkJar) ? jdkJar : which('jar', tools.path);
    let result;
    if (unzip) result = await run(unzip, ['-q', '-o', zipFile, '-d', scratch]);
    else if (jar) result = await run(jar, ['xf', zipFile], { cwd: scratch });
    else throw new Error(`cannot unpack ${zipFile}: neither unzip nor a JDK jar tool was found`);
    if (result.code !== 0) throw new Error(`unpacking ${zipFile} failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
    const unpacked = join(scratch, topDir);
    if (!existsSync(unpacked)) throw new Error(`${zipFile} has no top-level ${topDir}/ (found ${readdirSync(scratch).join(', ')})`);
    const bin = join(unpacked, 'bin');
    if (existsSync(bin)) {
      for (const file of readdirSync(bin)) {
        const path = join(bin, file);
        if (file.endsWith('.sh') && statSync(path).isFile()) chmodSync(path, 0o755);
      }
    }
    if (!existsSync(target)) renameSync(unpacked, target); // another process may have won the race
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
