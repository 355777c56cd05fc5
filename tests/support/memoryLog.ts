import { createLogger } from '../../src/logger.js';

/** The production logger (same level, same redaction), writing its JSON lines into memory. */
export function memoryLog() {
  const chunks: string[] = [];
  const logger = createLogger('info', { write: (chunk: string) => void chunks.push(chunk) });
  return { logger, text: () => chunks.join(''), lines: () => chunks.join('').split('\n').filter((line) => line !== '') };
}
