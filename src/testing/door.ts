/**
 * The door of the fake: hostile input gets a Talon.One-shaped 4xx before any handler sees it,
 * never a 500 or a record that breaks every later read. It refuses methods a Request cannot carry
 * (TRACE, CONNECT, TRACK), URLs and bodies over the limits, JSON nested deeper than the limit, and
 * numbers JSON can write but a double cannot hold (`1e400` would be stored as Infinity and
 * answered as `null`).
 */
import { type Answer, fail } from './answers.js';

/** The limits the fake's door enforces (Talon.One limits sizes too; these are the fake's own). */
export const FAKE_LIMITS = Object.freeze({
  /** Longest URL, in characters (a longer one: 414). The loopback server also refuses a request line or headers over node's 16 KiB (414 / 431). */
  maxUrlLength: 8192,
  /** Largest request body, in bytes (a larger one: 413). */
  maxBodyBytes: 1_048_576,
  /** Deepest nesting of objects and arrays in a JSON body (deeper: 400). */
  maxDepth: 64,
});

/** Methods the fake routes (others than GET, PUT, POST, DELETE answer 405 or 404 from the router). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/** A 405 for a method a fetch `Request` cannot carry (TRACE, CONNECT, TRACK, or not a token). */
export function refuseMethod(method: string): Answer | undefined {
  if (METHODS.has(method.toUpperCase())) return undefined;
  return fail(
    405,
    `Method ${method.slice(0, 32)} is not allowed: the Integration API takes GET, PUT, POST and DELETE`,
  );
}

/** The first problem of a JSON text: too deep, or a number out of a double's range. */
function scanJson(text: string): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > FAKE_LIMITS.maxDepth)
        return `JSON nested deeper than ${FAKE_LIMITS.maxDepth} levels is not accepted`;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && /[0-9eE+\-.]/.test(text[end]!)) end++;
      const token = text.slice(i, end);
      if (!Number.isFinite(Number(token)))
        return `The number ${token.slice(0, 32)} is out of range: numbers must be finite doubles`;
      i = end - 1;
    }
  }
  return undefined;
}

/**
 * Checks a request at the door: its URL length, its body size, and a JSON body's depth and
 * numbers. Reads a clone, so the request stays readable.
 *
 * @returns The 4xx to answer (414, 413, 400), or `undefined` to let the request in.
 */
export async function inspect(request: Request): Promise<Answer | undefined> {
  if (request.url.length > FAKE_LIMITS.maxUrlLength)
    return fail(414, `The URL is longer than ${FAKE_LIMITS.maxUrlLength} characters`);
  if (request.body === null) return undefined;
  const tooLarge = () => fail(413, `The request body is larger than ${FAKE_LIMITS.maxBodyBytes} bytes`);
  const declared = Number(request.headers.get('content-length'));
  if (declared > FAKE_LIMITS.maxBodyBytes) return tooLarge();
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  if (bytes.byteLength > FAKE_LIMITS.maxBodyBytes) return tooLarge();
  const problem = scanJson(new TextDecoder().decode(bytes));
  return problem ? fail(400, `Request body is invalid: ${problem}`) : undefined;
}
