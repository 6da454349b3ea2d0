// Preloaded with `node -r` into one service by the fault matrix: its clock runs CLOCK_SKEW_MS ahead (or behind,
// when negative) of the machine's, the way a server whose NTP failed drifts. Plain JS: it loads before the TS hook.
// eslint-disable-next-line no-process-env -- set by the fault matrix for this one process
const offset = Number(process.env.CLOCK_SKEW_MS || 0);
if (offset) {
  const RealDate = Date;
  class SkewedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = SkewedDate;
}
