import { OWNERS } from '@rd/contracts';
import { isStreamFull, PRODUCTION_STREAM_LIMITS, publishFailureScope, usageLevel } from './stream-capacity';

describe('stream capacity', () => {
  describe(usageLevel.name, () => {
    it.each([
      [0, 'ok'],
      [0.799, 'ok'],
      [0.8, 'warn'],
      [0.949, 'warn'],
      [0.95, 'critical'],
      [1, 'full'],
    ])('should rate %p as %p', (fraction, level) => {
      expect(usageLevel(fraction)).toBe(level);
    });
  });

  describe(publishFailureScope.name, () => {
    it('should hold back only the aggregate of a message refused as such', () => {
      expect(publishFailureScope({ code: 'MAX_PAYLOAD_EXCEEDED', message: 'MAX_PAYLOAD_EXCEEDED' })).toBe('message');
      expect(publishFailureScope({ code: '400', api_error: { err_code: 10054, description: 'message size exceeds maximum allowed' } })).toBe('message');
    });

    it('should hold back the stream when it is full, missing or silent', () => {
      const full = { code: '503', message: '503', api_error: { code: 503, err_code: 10077, description: 'maximum bytes exceeded' } };
      expect(publishFailureScope(full)).toBe('stream');
      expect(isStreamFull(full)).toBe(true);
      expect(publishFailureScope({ code: '503', message: '503' })).toBe('stream'); // no stream bound: no responders
      expect(publishFailureScope({ code: 'TIMEOUT', message: 'TIMEOUT' })).toBe('stream');
      expect(isStreamFull({ code: 'TIMEOUT', message: 'TIMEOUT' })).toBe(false);
    });
  });

  describe('PRODUCTION_STREAM_LIMITS', () => {
    it('should size every owner and the dead letters, with room over the ten-year estimate of ADR 27', () => {
      const GiB = 1024 ** 3;
      expect(Object.keys(PRODUCTION_STREAM_LIMITS).sort()).toEqual([...OWNERS, 'dlq'].sort());
      // ADR 27: meetings ~38 GiB and audit ~42 GiB in ten years at the upper-bound rate.
      expect(PRODUCTION_STREAM_LIMITS.meetings.maxBytes).toBeGreaterThanOrEqual(1.5 * 38 * GiB);
      expect(PRODUCTION_STREAM_LIMITS.audit.maxBytes).toBeGreaterThanOrEqual(1.5 * 42 * GiB);
      expect(Object.values(PRODUCTION_STREAM_LIMITS).reduce((sum, l) => sum + l.maxBytes, 0)).toBe(136 * GiB);
    });
  });
});
