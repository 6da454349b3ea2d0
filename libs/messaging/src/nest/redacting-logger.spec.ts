import { Logger } from '@nestjs/common';
import { RedactingLogger } from './redacting-logger';

describe(RedactingLogger.name, () => {
  let written: string[];
  let spy: jest.SpyInstance;

  beforeEach(() => {
    written = [];
    const collect = (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    };
    spy = jest.spyOn(process.stderr, 'write').mockImplementation(collect);
    jest.spyOn(process.stdout, 'write').mockImplementation(collect);
  });
  afterEach(() => jest.restoreAllMocks());

  it('should redact every line and stack, and log an error that has no stack (it must never throw)', () => {
    const logger = new RedactingLogger(['error', 'log']);
    Logger.overrideLogger(logger);
    expect(() => new Logger('Rpc').error(`insert into "contact" ("email") values ('zebo@mail.tj')`)).not.toThrow();
    logger.error('failed', `Error: Key (phone)=(+992 93 555 12 34) already exists.\n    at x`, 'Ctx');
    logger.log({ text: 'call +992 93 555 12 34' });
    const out = written.join('');
    expect(spy).toHaveBeenCalled();
    expect(out).toContain(`values ('[redacted]')`);
    expect(out).toContain('Key (phone)=([redacted])');
    expect(out).not.toMatch(/zebo|555/);
  });
});
