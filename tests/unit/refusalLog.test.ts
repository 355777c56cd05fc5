import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefusalLog } from '../../src/web/refusalLog.js';

interface Line {
  level: number;
  msg: string;
  refused: number;
  byReason: Record<string, number>;
}

function capture() {
  const lines: Line[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Line) });
  return { lines, log: createRefusalLog(logger, 'refused', 10_000) };
}

describe('the refusal log', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('writes the first refusal at once, then at most one warn line per interval with the count since the last line', () => {
    const { lines, log } = capture();
    log.note('busy');
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'refused', refused: 1, byReason: { busy: 1 } })]);

    for (let i = 0; i < 500; i++) log.note('busy');
    log.note('no worker');
    vi.advanceTimersByTime(9_999);
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ level: 40, refused: 501, byReason: { busy: 500, 'no worker': 1 } });
  });

  it('stays quiet while nothing is refused, and writes at once again after a quiet interval', () => {
    const { lines, log } = capture();
    log.note('busy');
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(1);
    log.note('busy');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ refused: 1 });
    expect(JSON.stringify(lines)).not.toContain('stack');
  });
});
