import { en } from './en/index.js';

export type Locale = 'en';
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: MessageParams) => string;

const catalogues: Record<Locale, Readonly<Record<string, string>>> = { en };

export function hasMessage(key: string, locale: Locale = 'en'): boolean {
  return Object.hasOwn(catalogues[locale], key);
}

export function messageKeysOf(locale: Locale = 'en'): string[] {
  return Object.keys(catalogues[locale]);
}

/**
 * Looks a message up and fills `{name}` placeholders. A missing key shows as the key itself in
 * brackets rather than failing the page: the catalogue integrity test is what keeps keys whole.
 */
export function createTranslator(locale: Locale = 'en'): Translate {
  const messages = catalogues[locale];
  return (key, params) => {
    const template = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (template === undefined) return `[${key}]`;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}
