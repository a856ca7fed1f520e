/**
 * Reading the query and path parameters of the fake's list and entity operations: whole numbers,
 * comma-separated lists, RFC 3339 dates. A bad value becomes a 400 naming the parameter, as the
 * API answers; `page` slices a list like the API's `pageSize`/`skip`.
 */
import { safeParse } from 'valibot';
import { dateTime } from '../models/helpers.js';
import { type Answer, fail, notFound } from './answers.js';

const WHOLE = /^-?\d+$/;

/** A 400 for one query or path parameter. */
export function badParameter(name: string, message: string, where: 'query' | 'path' = 'query'): Answer {
  return fail(400, `${where === 'query' ? 'Query' : 'Path'} parameter ${name} ${message}`, [
    { title: `Invalid ${where} parameter`, parameter: name },
  ]);
}

/** Reads query parameters; the first bad one is kept in `problem`. */
export class QueryReader {
  /** The 400 for the first bad parameter read, if any. */
  problem: Answer | undefined;

  constructor(private readonly query: URLSearchParams) {}

  private refuse(name: string, message: string): undefined {
    this.problem ??= badParameter(name, message);
    return undefined;
  }

  /** A whole number in [min, max], or `undefined` when absent (or bad). */
  int(name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const text = this.query.get(name);
    if (text === null) return undefined;
    const value = WHOLE.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max)
      return this.refuse(
        name,
        `must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
      );
    return value;
  }

  /** A comma-separated list of whole numbers (IDs), or `undefined` when absent. */
  ids(name: string): number[] | undefined {
    const items = this.list(name);
    if (!items) return undefined;
    if (items.some((item) => !WHOLE.test(item))) return this.refuse(name, 'must list whole numbers');
    return items.map(Number);
  }

  /** A comma-separated list of allowed words, or `undefined` when absent. */
  picks<T extends string>(name: string, allowed: readonly T[]): T[] | undefined {
    const items = this.list(name);
    if (!items) return undefined;
    const wrong = items.find((item) => !(allowed as readonly string[]).includes(item));
    if (wrong !== undefined) return this.refuse(name, `must list values of ${allowed.join(', ')}`);
    return items as T[];
  }

  /** An RFC 3339 date-time as epoch milliseconds, or `undefined` when absent. */
  date(name: string): number | undefined {
    const text = this.query.get(name);
    if (text === null) return undefined;
    if (!safeParse(dateTime(), text).success)
      return this.refuse(name, 'must be an RFC 3339 date-time such as 2026-06-24T10:00:00Z');
    return Date.parse(text);
  }

  private list(name: string): string[] | undefined {
    const all = this.query.getAll(name);
    if (all.length === 0) return undefined;
    return all.flatMap((text) => text.split(',')).map((item) => item.trim());
  }
}

/** A path parameter that must be a whole number (an entity ID): the number, or a 400. */
export function pathId(path: Readonly<Record<string, string>>, name: string): number | Answer {
  const text = path[name] ?? '';
  const value = WHOLE.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(value) ? value : badParameter(name, 'must be a whole number', 'path');
}

/** The page of `items` that `skip` and `pageSize` select. */
/**
 * The 400 or 404 for a Management path whose `applicationId` is not a number or not the fake's
 * Application; `undefined` when it is the fake's.
 */
export function otherApplication(
  path: Readonly<Record<string, string>>,
  applicationId: number,
): Answer | undefined {
  const application = pathId(path, 'applicationId');
  if (typeof application !== 'number') return application;
  return application === applicationId ? undefined : notFound(`Application ${application}`);
}

export function page<T>(items: readonly T[], skip: number, pageSize: number): T[] {
  return items.slice(skip, skip + pageSize);
}

/** Epoch milliseconds of an RFC 3339 date-time, or `fallback` when absent. */
export function millis(date: string | undefined, fallback: number): number {
  return date === undefined ? fallback : Date.parse(date);
}
