import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { describeError, redactLogText } from '../log-redaction';

/**
 * The one logger of every deployable (gateway and services): Nest's console logger with every formatted line and
 * stack trace passed through `redactLogText`, so no database value, concern text, email or phone number reaches a
 * log whichever code wrote it. `new Logger(context)` anywhere in the process writes through it.
 */
export class RedactingLogger extends ConsoleLogger {
  constructor(logLevels?: LogLevel[]) {
    super(logLevels ? { logLevels } : {});
  }

  protected override formatMessage(logLevel: LogLevel, message: unknown, pidMessage: string, formattedLogLevel: string, contextMessage: string, timestampDiff: string): string {
    return redactLogText(super.formatMessage(logLevel, message, pidMessage, formattedLogLevel, contextMessage, timestampDiff));
  }

  protected override printStackTrace(stack: string): void {
    // Nest calls this for every error line, with no stack when none was given.
    super.printStackTrace(typeof stack === 'string' ? redactLogText(stack) : stack);
  }

  protected override stringifyJsonLogObject(logObject: Record<string, unknown>): string {
    return redactLogText(super.stringifyJsonLogObject(logObject));
  }
}

/** For a process's last words (boot or migration failure), through the same redaction. */
export function logFatal(context: string, error: unknown): void {
  new RedactingLogger().error(describeError(error), undefined, context);
}
