import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en/index.js';

/*
 * Plain language for questionnaire 2.0 and everything after it (docs/GLOSSARY.md): sentences of
 * at most 25 words (this test fails on any over 30), one word for one thing ("measure", never
 * "control"), regional facts attributed to the article with its date, and no statistics.
 *
 * It reads every message of the English catalogue whose key starts with "2.0.", so wording
 * that other modules add under 2.0 (plans, for example) is held to the same rules.
 */

const hardLimit = 30;
const targetLimit = 25;

/** Abbreviations whose full stop does not end a sentence. */
const abbreviations = /\b(?:e\.g|i\.e|etc|vs|approx|cf)\.|\bNo\.(?=\s*\d)/gi;
const placeholder = '\u0000';

/**
 * Splits a message into sentences: at ".", "!" or "?" (after any closing quote or bracket)
 * followed by white space, and at line breaks. A full stop inside a number ("1.0", "2.5") is not
 * followed by a space and so never splits; abbreviations such as "e.g." are protected first.
 */
function sentences(text: string): string[] {
  const guarded = text.replace(abbreviations, (match) => match.replaceAll('.', placeholder));
  return guarded
    .split(/(?<=[.!?]["'”’)\]]*)\s+|\n+/)
    .map((s) => s.replaceAll(placeholder, '.').trim())
    .filter((s) => s !== '');
}

/** Words are runs of non-space characters that hold a letter or a digit (a dash is not a word). */
function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

interface LongSentence {
  key: string;
  words: number;
  sentence: string;
}

function isAddress(key: string): boolean {
  return key.endsWith('.url');
}

function longSentences(messages: Readonly<Record<string, string>>, limit: number): LongSentence[] {
  const found: LongSentence[] = [];
  for (const [key, text] of Object.entries(messages)) {
    if (isAddress(key)) continue;
    for (const sentence of sentences(text)) {
      const words = wordCount(sentence);
      if (words > limit) found.push({ key, words, sentence });
    }
  }
  return found.sort((a, b) => b.words - a.words);
}

/** "control" in any form: the glossary word for what a business has in place is "measure". */
const controlWord = /\bcontrol(?:s|led|ling)?\b/i;

function controlWords(messages: Readonly<Record<string, string>>): string[] {
  return Object.entries(messages)
    .filter(([, text]) => controlWord.test(text))
    .map(([key, text]) => `${key}: ${text}`);
}

/** Messages where the 25-word target applies: what the user reads while answering or acting. */
const readerFacing = /\.(?:text|hint|opt\.[a-z0-9_]+|intro|description)$|^2\.0\.rec\./;

function v2Messages(): Record<string, string> {
  return Object.fromEntries(Object.entries(en).filter(([key]) => key.startsWith('2.0.')));
}

const messages = v2Messages();

describe('plain language: the sentence splitter', () => {
  it('splits at sentence ends and line breaks, not at abbreviations or numbers', () => {
    expect(sentences('Select all that apply. For example, e.g. a "call tree". Version 1.0 is kept! Is it? Yes')).toEqual([
      'Select all that apply.',
      'For example, e.g. a "call tree".',
      'Version 1.0 is kept!',
      'Is it?',
      'Yes',
    ]);
    expect(sentences('First line\nSecond line. Ends with “a quote.” Next one (in brackets.) Last')).toEqual([
      'First line',
      'Second line.',
      'Ends with “a quote.”',
      'Next one (in brackets.)',
      'Last',
    ]);
    expect(sentences('Policy No. 12 applies, i.e. this one. Then 2.5 days.')).toEqual([
      'Policy No. 12 applies, i.e. this one.',
      'Then 2.5 days.',
    ]);
  });

  it('counts words, not dashes or punctuation', () => {
    expect(wordCount('The Georgia–Azerbaijan border — 112 (police, fire) e.g. here.')).toBe(8);
  });
});

describe('plain language: questionnaire 2.0 and its plans', () => {
  it('has 2.0 messages to check', () => {
    expect(Object.keys(messages).length).toBeGreaterThan(300);
  });

  it(`has no sentence over ${hardLimit} words`, () => {
    const found = longSentences(messages, hardLimit).map((s) => `${s.key} (${s.words} words): ${s.sentence}`);
    expect(found).toEqual([]);
  });

  it(`keeps questions, hints, options, actions, scenario descriptions and intros to ${targetLimit} words a sentence`, () => {
    const readerMessages = Object.fromEntries(Object.entries(messages).filter(([key]) => readerFacing.test(key)));
    const found = longSentences(readerMessages, targetLimit).map((s) => `${s.key} (${s.words} words): ${s.sentence}`);
    expect(found).toEqual([]);
  });

  it('says "measure", never "control", for what a business has in place', () => {
    expect(controlWords(messages)).toEqual([]);
  });

  it('states no statistic from the article', () => {
    const withPercent = Object.entries(messages).filter(([, text]) => /\d\s?%|per ?cent/i.test(text)).map(([key]) => key);
    expect(withPercent).toEqual([]);
  });

  it('attributes regional facts to "the article (October 2025)"', () => {
    const undated = Object.entries(messages)
      .filter(([key]) => !key.includes('.source.'))
      .filter(([, text]) => [...text.matchAll(/\barticle\b(?! \(October 2025\))/gi)].length > 0)
      .map(([key, text]) => `${key}: ${text}`);
    expect(undated).toEqual([]);
  });
});

describe('plain language checks', () => {
  it('catch a long sentence and name its key and length', () => {
    const long =
      'This made-up sentence keeps going on and on with many extra words so that it is clearly longer than the thirty words that the plain language rule allows for any one sentence.';
    const found = longSentences({ '2.0.q.fake.hint': `Short one. ${long} Short again.` }, hardLimit);
    expect(found).toEqual([{ key: '2.0.q.fake.hint', words: wordCount(long), sentence: long }]);
    expect(wordCount(long)).toBeGreaterThan(hardLimit);
  });

  it('catch "control" and "controls" but not other words that contain it', () => {
    expect(
      controlWords({
        '2.0.a': 'Which controls do you have?',
        '2.0.b': 'Access control at the door.',
        '2.0.c': 'A measure that lowers the risk.',
        '2.0.d': 'Remote-controlled doors.',
        '2.0.e': 'Uncontrollable events.',
      }),
    ).toEqual(['2.0.a: Which controls do you have?', '2.0.b: Access control at the door.', '2.0.d: Remote-controlled doors.']);
  });
});
