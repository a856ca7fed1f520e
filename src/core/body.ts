/**
 * Reading response bodies within bounds: a byte limit, a time limit and the caller's signal.
 * Nothing here rejects; a body that cannot be read says why.
 */
import type { Redact } from './errors.js';

/** Error bodies are read up to this many bytes; the rest is dropped. */
export const ERROR_BODY_LIMIT = 64 * 1024;

/** Why a body could not be read. */
export type ReadProblem = 'too-large' | 'timeout' | 'aborted' | 'unreadable';

/**
 * @internal Reads a body as text, giving up past `maxBytes` (declared or counted), after
 * `timeoutMs`, or when `signal` aborts. Never rejects.
 */
export async function readText(
  response: Response,
  maxBytes: number,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ text: string } | { problem: ReadProblem }> {
  const declared = Number(response.headers.get('content-length'));
  const body = response.body;
  if (declared > maxBytes) {
    body?.cancel().catch(() => {});
    return { problem: 'too-large' };
  }
  if (!body) return { text: '' };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    return { problem: 'unreadable' };
  }
  let stop: 'timeout' | 'aborted' | undefined;
  const cancel = (why: 'timeout' | 'aborted') => {
    stop ??= why;
    reader.cancel().catch(() => {});
  };
  const timer = setTimeout(() => cancel('timeout'), timeoutMs);
  const onAbort = () => cancel('aborted');
  signal?.addEventListener('abort', onAbort);
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (stop) return { problem: stop };
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(() => {});
        return { problem: 'too-large' };
      }
      text += decoder.decode(value, { stream: true });
    }
    return { text: text + decoder.decode() };
  } catch {
    return { problem: stop ?? (signal?.aborted ? 'aborted' : 'unreadable') };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * @internal A non-2xx answer as ky may read it: at most {@link ERROR_BODY_LIMIT} bytes of its
 * body (none when it cannot be read within `timeoutMs`), its headers and body scrubbed of the
 * client's secrets, so a huge or hostile error body cannot exhaust memory or leak a key.
 */
export async function boundedErrorAnswer(
  response: Response,
  timeoutMs: number,
  signal: AbortSignal,
  redact: Redact,
): Promise<Response> {
  const read = await readText(response, ERROR_BODY_LIMIT, timeoutMs, signal);
  const text = 'text' in read ? redact(read.text) : '';
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-encoding') headers.append(name, redact(value));
  });
  return new Response(text || null, { status: response.status, statusText: response.statusText, headers });
}
