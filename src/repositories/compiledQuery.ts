import type { CompiledQuery } from 'kysely';

/**
 * Queries built and compiled by kysely once, then run many times with new values: building and
 * compiling a query costs more than running it on SQLite, and the pages of the walk run the same
 * few queries on every request. A placeholder stands for a value while the query is compiled;
 * `bindPlaceholders` swaps the real values into a copy of the parameters at each execution.
 */
export function placeholder(name: string): string {
  return `\u0000placeholder:${name}`;
}

export function bindPlaceholders<Row>(compiled: CompiledQuery<Row>, values: Readonly<Record<string, unknown>>): CompiledQuery<Row> {
  const byPlaceholder = new Map(Object.entries(values).map(([name, value]) => [placeholder(name), value]));
  const parameters = compiled.parameters.map((parameter) => (typeof parameter === 'string' && byPlaceholder.has(parameter) ? byPlaceholder.get(parameter) : parameter));
  return { ...compiled, parameters };
}
