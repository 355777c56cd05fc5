import type { Logger } from '../logger.js';

export interface RefusalLog {
  /** Counts one refusal; writes a line now, or at the end of the current quiet period. */
  note(reason: string): void;
}

/**
 * Logs refusals under overload as one warn line at most every `intervalMs`, saying how many
 * there were (by reason) since the previous line. A refusal is the app protecting itself, not a
 * fault: a line (and a stack) for each of thousands would cost the CPU the refusal saves.
 */
export function createRefusalLog(logger: Pick<Logger, 'warn'>, message: string, intervalMs = 10_000): RefusalLog {
  let counts = new Map<string, number>();
  let quietUntil: NodeJS.Timeout | undefined;

  function flush(): void {
    if (counts.size === 0) {
      quietUntil = undefined;
      return;
    }
    const byReason = Object.fromEntries(counts);
    const refused = [...counts.values()].reduce((sum, n) => sum + n, 0);
    counts = new Map();
    logger.warn({ refused, byReason, intervalMs }, message);
    quietUntil = setTimeout(flush, intervalMs);
    quietUntil.unref();
  }

  return {
    note(reason) {
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
      if (!quietUntil) flush();
    },
  };
}
