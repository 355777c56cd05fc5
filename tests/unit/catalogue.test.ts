import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, hasMessage } from '../../src/i18n/catalogue.js';

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every literal key passed to t('…') in templates and code. */
function literalKeys(): { key: string; file: string }[] {
  const files = [...filesUnder('views', '.ejs'), ...filesUnder('src', '.ts')];
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'[,)]/g)].map((match) => ({ key: match[1] ?? '', file })),
  );
}

describe('the message catalogue', () => {
  it('has every literal key that a template or module asks for', () => {
    const missing = literalKeys().filter(({ key }) => !hasMessage(key));
    expect(missing).toEqual([]);
  });

  it.each([
    ['ui.section.', ['conflict', 'expired']],
    ['ui.status.', ['cannot_start', 'not_started', 'in_progress', 'completed', 'not_needed']],
    ['ui.error.', ['400.title', '400.body', '403.title', '403.body', '404.title', '404.body', '413.title', '413.body', '500.title', '500.body', '503.title', '503.body', 'restarting.title', 'restarting.body']],
    ['band.', ['low', 'medium', 'high', 'critical']],
    ['priority.', ['1', '2', '3', '4']],
    ['timeframe.', ['within_7_days', 'within_30_days', 'within_90_days', 'within_12_months']],
    ['likelihood.', ['1', '2', '3', '4', '5']],
    ['impact.', ['1', '2', '3', '4', '5']],
  ])('has every key built from the prefix %s', (prefix, suffixes) => {
    expect(suffixes.filter((suffix) => !hasMessage(prefix + suffix))).toEqual([]);
  });

  it('fills placeholders and shows a missing key visibly instead of failing', () => {
    const t = createTranslator('en');
    expect(t('error.tooLong', { max: 200 })).toBe('Must be 200 characters or fewer');
    expect(t('no.such.key')).toBe('[no.such.key]');
  });
});
