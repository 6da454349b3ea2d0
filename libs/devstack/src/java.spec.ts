import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findJava25, javaMajorFromRelease } from './java';

describe(findJava25.name, () => {
  let jvmDir: string;

  function fakeJdk(name: string, version: string): string {
    const home = join(jvmDir, name);
    mkdirSync(join(home, 'bin'), { recursive: true });
    writeFileSync(join(home, 'bin', 'java'), '');
    writeFileSync(join(home, 'release'), `IMPLEMENTOR="x"\nJAVA_VERSION="${version}"\n`);
    return home;
  }

  beforeEach(() => {
    jvmDir = mkdtempSync(join(tmpdir(), 'rd-jvm-'));
  });
  afterEach(() => rmSync(jvmDir, { recursive: true, force: true }));

  describe('javaMajorFromRelease', () => {
    it('should read modern, bare and legacy version strings', () => {
      expect(javaMajorFromRelease('JAVA_VERSION="25.0.3"')).toBe(25);
      expect(javaMajorFromRelease('A=1\nJAVA_VERSION="17"\n')).toBe(17);
      expect(javaMajorFromRelease('JAVA_VERSION="1.8.0_402"')).toBe(8);
      expect(javaMajorFromRelease('IMPLEMENTOR="x"')).toBeUndefined();
    });
  });

  it('should prefer JAVA_HOME when it is new enough', () => {
    const home = fakeJdk('custom-26', '26.0.1');
    fakeJdk('temurin-25', '25.0.3');
    expect(findJava25({ javaHome: home, jvmDir })).toBe(home);
  });

  it('should scan the JVM folder when JAVA_HOME is too old, picking the newest', () => {
    const old = fakeJdk('java-17', '17.0.15');
    fakeJdk('temurin-25', '25.0.3');
    const newest = fakeJdk('temurin-27', '27');
    symlinkSync(old, join(jvmDir, 'default-java'));
    expect(findJava25({ javaHome: old, jvmDir })).toBe(newest);
  });

  it('should say what it found when no JDK is new enough', () => {
    fakeJdk('java-17', '17.0.15');
    expect(() => findJava25({ jvmDir })).toThrow(/needs Java 25 or newer; found .*java-17 \(17\)/);
  });
});
