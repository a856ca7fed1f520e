/**
 * What a handler of the fake returns, and how it becomes a Response. Error bodies have the
 * API's shape: `{ message, errors: [{ title, details, source }], StatusCode }`.
 */
import type { BaseIssue } from 'valibot';

/** A handler's answer: a status and a JSON body (none for 204). */
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

/** One entry of an error body. */
export interface ErrorItem {
  readonly title: string;
  readonly details?: string;
  readonly pointer?: string;
  readonly parameter?: string;
}

/**
 * A successful answer. `T` is the SDK's answer type of the operation (its `…Value`), so the
 * compiler checks the body against what the SDK's response schema accepts.
 */
export function ok<T>(status: number, body: T): Answer {
  return { status, body };
}

/** An error answer with the API's error body. */
export function fail(status: number, message: string, items?: readonly ErrorItem[]): Answer {
  const errors = (items?.length ? items : [{ title: message }]).map((item) => ({
    title: item.title,
    ...(item.details === undefined ? {} : { details: item.details }),
    source: {
      ...(item.pointer === undefined ? {} : { pointer: item.pointer }),
      ...(item.parameter === undefined ? {} : { parameter: item.parameter }),
    },
  }));
  return { status, body: { message, errors, StatusCode: status } };
}

/** A 400 for one bad value of the request body, with the JSON pointer to it. */
export function invalidAt(pointer: string, message: string, title = 'Invalid catalog action'): Answer {
  return fail(400, message, [{ title, details: `${pointer}: ${message}`, pointer }]);
}

/** A 404 for an entity that does not exist. */
export function notFound(what: string): Answer {
  return fail(404, `${what} not found`);
}

/** A 400 listing valibot issues, each with a JSON pointer into the request body. */
export function invalidBody(issues: readonly BaseIssue<unknown>[]): Answer {
  const items = issues.slice(0, 20).map((issue) => {
    const pointer = `/${(issue.path ?? []).map((item) => String(item.key)).join('/')}`;
    return { title: 'Invalid request body', details: `${pointer}: ${issue.message}`, pointer };
  });
  const first = items[0]?.details ?? 'invalid';
  return fail(400, `Request body is invalid: ${first}`, items);
}

/** Turns an answer into a Response (JSON, or no body for 204). */
export function toResponse(answer: Answer): Response {
  if (answer.body === undefined) return new Response(null, { status: answer.status });
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
