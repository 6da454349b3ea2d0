import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locatePdfFonts, standardFontDirs } from './fonts';

describe('locatePdfFonts', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rd-fonts-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('should find a Cyrillic family in nested standard directories, preferring DejaVu and its bold face', async () => {
    await mkdir(join(root, 'truetype/noto'), { recursive: true });
    await mkdir(join(root, 'truetype/dejavu'), { recursive: true });
    for (const file of ['noto/NotoSans-Regular.ttf', 'dejavu/DejaVuSans.ttf', 'dejavu/DejaVuSans-Bold.ttf']) await writeFile(join(root, 'truetype', file), '');
    expect(locatePdfFonts({}, [root])).toEqual({ regular: join(root, 'truetype/dejavu/DejaVuSans.ttf'), bold: join(root, 'truetype/dejavu/DejaVuSans-Bold.ttf') });
  });

  it('should use the configured font, and fail clearly when it does not exist or nothing is installed', async () => {
    const font = join(root, 'Custom.ttf');
    await writeFile(font, '');
    expect(locatePdfFonts({ regular: font }, [])).toEqual({ regular: font, bold: font });
    expect(() => locatePdfFonts({ regular: join(root, 'missing.ttf') }, [])).toThrow(/does not exist/);
    expect(() => locatePdfFonts({}, [join(root, 'empty')])).toThrow(/install fonts-dejavu-core/);
  });

  it('should look where Linux distributions, macOS and users keep fonts', () => {
    expect(standardFontDirs('/home/u')).toEqual(expect.arrayContaining(['/usr/share/fonts', '/usr/local/share/fonts', '/home/u/.local/share/fonts', '/home/u/.fonts']));
  });

  it('should find a real Cyrillic font on this machine (the PDF tests need it)', () => {
    expect(locatePdfFonts().regular).toMatch(/\.ttf$/);
  });
});
