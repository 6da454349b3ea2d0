import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** Major version from a JDK `release` file (`JAVA_VERSION="25.0.3"`, `"17"`, legacy `"1.8.0_402"`). */
export function javaMajorFromRelease(releaseText: string): number | undefined {
  const match = /^JAVA_VERSION="?([0-9][^"\s]*)"?\s*$/m.exec(releaseText);
  if (!match) return undefined;
  const parts = match[1].split(/[._+-]/).map(Number);
  const major = parts[0] === 1 ? parts[1] : parts[0];
  return Number.isInteger(major) ? major : undefined;
}

/** Major version of the JDK at `home`, or undefined when it is not a JDK with a `release` file and `bin/java`. */
export function javaHomeMajor(home: string): number | undefined {
  const release = join(home, 'release');
  if (!existsSync(release) || !existsSync(join(home, 'bin', 'java'))) return undefined;
  return javaMajorFromRelease(readFileSync(release, 'utf8'));
}

export interface FindJavaOptions {
  /** JAVA_HOME of the caller; used when it is new enough. */
  javaHome?: string;
  /** Where JDKs are installed (Debian/Ubuntu layout). */
  jvmDir?: string;
  minMajor?: number;
}

/**
 * Finds a JDK ≥ 25 (Keycloak 26.7 deprecates 17): `JAVA_HOME` if it is new enough, else the newest JDK
 * under `/usr/lib/jvm`. Throws with what was found otherwise.
 */
export function findJava25(options: FindJavaOptions = {}): string {
  const minMajor = options.minMajor ?? 25;
  const jvmDir = options.jvmDir ?? '/usr/lib/jvm';
  const seen: string[] = [];
  if (options.javaHome) {
    const major = javaHomeMajor(options.javaHome);
    if (major !== undefined && major >= minMajor) return options.javaHome;
    seen.push(`JAVA_HOME=${options.javaHome} (${major ?? 'not a JDK'})`);
  }
  const candidates = new Map<string, number>();
  if (existsSync(jvmDir)) {
    for (const entry of readdirSync(jvmDir)) {
      const home = join(jvmDir, entry);
      let real: string;
      try {
        real = realpathSync(home);
      } catch {
        continue; // dangling symlink
      }
      const major = javaHomeMajor(real);
      if (major === undefined) continue;
      if (!candidates.has(real)) seen.push(`${home} (${major})`);
      candidates.set(real, major);
    }
  }
  const best = [...candidates].filter(([, major]) => major >= minMajor).sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  throw new Error(
    `Keycloak needs Java ${minMajor} or newer; found ${seen.length ? seen.join(', ') : 'no JDK'}. ` +
      `Install one (e.g. Temurin ${minMajor} under ${jvmDir}) or point JAVA_HOME at it.`,
  );
}
