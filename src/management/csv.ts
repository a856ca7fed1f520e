/**
 * CSV answers: the Management API's exports answer `application/csv`. A 2xx body is handed to the
 * caller as its text (decoded as UTF-8, a byte-order mark dropped), read with the transport's
 * bounded reader, so `maxResponseBytes`, the timeout and the caller's signal bound it like every
 * JSON answer. Why text and not a stream: docs/management.md ("Exports").
 */

import type { ReadProblem } from '../core/body.js';

/** What the transport's bounded body reader answers (`readText` in src/core/body.ts). */
export type BodyRead = { readonly text: string } | { readonly problem: ReadProblem };

/** A bounded body reader: reads `response`'s body as text within the call's limits; never rejects. */
export type BodyReader = (response: Response) => Promise<BodyRead>;

/**
 * A CSV answer: its text; the text of an answer that says it is not CSV (`notCsv`: its content
 * type), kept so nothing that arrived is lost; or the reader's problem.
 */
export type CsvRead = BodyRead | { readonly text: string; readonly notCsv: string };

/** Content types that cannot be a CSV export: JSON (`application/json`, `…+json`) and HTML pages. */
const NOT_CSV = /^\s*(application\/([\w.+-]+\+)?json|text\/html|application\/xhtml\+xml)\b/i;

/**
 * Reads the 2xx answer of a CSV export with `read` (the transport's bounded reader), so its limits
 * apply unchanged. Any content type is CSV (`application/csv`, `text/csv`, `text/plain`,
 * `application/octet-stream`, none) except JSON and HTML, which mean the answer is not the export
 * (a proxy's page, an API that changed): then its text comes back with `notCsv`, its content type.
 * An empty body is an empty export (`''`).
 *
 * @returns `{ text }`, `{ text, notCsv }`, or the reader's `{ problem }` (`too-large`, `timeout`,
 * `aborted`, `unreadable`). Never rejects.
 */
export async function readCsv(response: Response, read: BodyReader): Promise<CsvRead> {
  const type = response.headers.get('content-type');
  let body: BodyRead;
  try {
    body = await read(response);
  } catch {
    return { problem: 'unreadable' };
  }
  return 'text' in body && type !== null && NOT_CSV.test(type) ? { text: body.text, notCsv: type } : body;
}

/**
 * An error answer of an export as the SDK keeps it: the spec files the JSON error bodies of the
 * exports under `application/csv`, so ky hands them over as text; that text is parsed as JSON
 * whatever the content type, and kept as text when it is not JSON.
 */
function errorBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * @internal The `answer` of every operation that answers `application/csv` (the exports; the
 * generator emits `answer: csvAnswer`): the request sends `Accept: application/csv`, a 2xx is
 * read by {@link readCsv}, and an error body is JSON whatever its content type.
 */
export const csvAnswer = { accept: 'application/csv', read: readCsv, errorBody } as const;
