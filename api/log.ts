// The process logger (pino, JSON lines on stderr).
import { pino, type Logger } from 'pino';

/** Creates the logger at the given level; logs go to stderr so stdout stays clean for data. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'chokepoint' } }, pino.destination({ dest: 2, sync: true }));
}
