/**
 * CSV answers: the Management API's exports answer `application/csv`. A 2xx body is handed to the
 * caller as its text (decoded as UTF-8, a byte-order mark dropped), read with the transport's
 * bounded reader, so `maxResponseBytes`, the timeout and the caller's signal bound it like every
 * JSON answer. Why text and not a stream: docs/management.md ("Exports").
 */

/** What the transport's bounded body reader answers (`readText` in src/core/request.ts). */
export type BodyRead =
  | { readonly text: string }
  | { readonly problem: 'too-large' | 'timeout' | 'aborted' | 'unreadable' };

/** A bounded body reader: reads `response`'s body as text within the call's limits; never rejects. */
export type BodyReader = (response: Response) => Promise<BodyRead>;

/** A CSV answer: its text, or why it cannot be handed over (`not-csv`: the answer says it is JSON or HTML). */
export type CsvRead =
  | { readonly text: string }
  | {
      readonly problem: 'not-csv' | 'too-large' | 'timeout' | 'aborted' | 'unreadable';
      readonly detail?: string;
    };

/** Content types that cannot be a CSV export: JSON (`application/json`, `…+json`) and HTML pages. */
const NOT_CSV = /^\s*(application\/([\w.+-]+\+)?json|text\/html|application\/xhtml\+xml)\b/i;

/**
 * Reads the 2xx answer of a CSV export. The body is read by `read` (the transport's bounded
 * reader), so its limits apply unchanged. Any content type is accepted (`application/csv`,
 * `text/csv`, `text/plain`, `application/octet-stream`, none) except JSON and HTML, which mean
 * the answer is not the export (a proxy's page, an API that changed): then the body is not read
 * and the problem is `not-csv`. An empty body is an empty export (`''`).
 *
 * @returns `{ text }`, or `{ problem }`: `not-csv` (with the content type in `detail`), or the
 * reader's own `too-large`, `timeout`, `aborted`, `unreadable`. Never rejects.
 */
export async function readCsv(response: Response, read: BodyReader): Promise<CsvRead> {
  const type = response.headers.get('content-type');
  if (type !== null && NOT_CSV.test(type)) {
    response.body?.cancel().catch(() => {});
    return { problem: 'not-csv', detail: `expected CSV, got content-type ${type.slice(0, 60)}` };
  }
  try {
    return await read(response);
  } catch {
    return { problem: 'unreadable' };
  }
}
