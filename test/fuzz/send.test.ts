/**
 * Hostile input against the transport, `send`, through test operations: arbitrary params
 * (hostile strings in every path and query slot, extra keys, anything at all), arbitrary call
 * options, arbitrary first arguments, arbitrary canned answers. Every call must resolve to a
 * Result of a known kind, and whatever leaves must be exactly the operation's request
 * (see `checkCall`). No network: the client's `fetch` captures and answers.
 */

import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, describe, it } from 'vitest';
import type { Client } from '../../src/client.js';
import type { Operation } from '../../src/core/operation.js';
import type { CallOptions } from '../../src/core/options.js';
import { send } from '../../src/core/request.js';
import { apiKey, contentSignature, createClient } from '../../src/index.js';
import { deleteThing, getThing, postThing, putThing } from '../support/ops.js';
import { report } from '../support/report.js';
import {
  ANSWERS,
  type Answer,
  type Captured,
  capturingFetch,
  checkCall,
  fuzzTotal,
  hostileOptions,
  hostileString,
  hostileValue,
  mustResolve,
  share,
  tally,
  timeoutFor,
} from './support.js';

const KEY = 'fuzz-key-0123456789abcdef';
const APP = { applicationId: 7, applicationKey: '00112233445566778899aabbccddeeff' };

/** Two path parameters, a scalar, a list and a flag in the query. */
const twoSegments: Operation<unknown> = {
  id: 'twoSegments',
  method: 'GET',
  path: '/v1/a/{first}/b/{second}',
  params: v.object({
    first: v.pipe(v.string(), v.minLength(1)),
    second: v.string(),
    q: v.optional(v.string()),
    list: v.optional(v.array(v.string())),
    flag: v.optional(v.boolean()),
  }),
  query: ['q', 'list', 'flag'],
  response: v.unknown(),
};

/** A PUT with a path parameter, a query value and any JSON body. */
const anyBody: Operation<unknown> = {
  id: 'anyBody',
  method: 'PUT',
  path: '/v2/things/{id}',
  params: v.object({
    id: v.pipe(v.string(), v.minLength(1)),
    note: v.optional(v.string()),
    body: v.unknown(),
  }),
  query: ['note'],
  body: true,
  response: v.unknown(),
};

const OPS = { twoSegments, anyBody, getThing, postThing, putThing, deleteThing } as const;

type Rig = { client: Client; captured: Captured[]; prefix: string; origin: string; signed: boolean };

/** A fresh client per run: plain or behind a path prefix, apiKey or contentSignature. */
function rig(answer: Answer, signed: boolean, prefixed: boolean): Rig {
  const captured: Captured[] = [];
  const origin = 'https://fuzz.europe-west1.talon.one';
  const prefix = prefixed ? '/proxy/talon' : '';
  const client = createClient({
    baseUrl: `${origin}${prefix}`,
    auth: signed ? contentSignature(APP) : apiKey(KEY),
    retry: { backoffLimit: 0 },
    fetch: capturingFetch(
      captured,
      () => answer,
      () => ({ id: 1, name: 'thing', extra: [1, 2] }),
    ),
  });
  return { client, captured, prefix, origin, signed };
}

const answer = fc.constantFrom(...ANSWERS);
const rigArb = fc.record({ answer, signed: fc.boolean(), prefixed: fc.boolean() });

async function call(
  r: Rig,
  op: Operation<unknown, Record<number, unknown>>,
  params: unknown,
  options: unknown,
) {
  const result = await mustResolve(() => send(r.client, op, params, options as CallOptions));
  checkCall({
    op,
    prefix: r.prefix,
    origin: r.origin,
    params,
    result,
    captured: r.captured,
    auth: r.signed ? { appId: String(APP.applicationId), appKey: APP.applicationKey } : { apiKey: KEY },
  });
}

/** Params for `twoSegments`: hostile values in every slot, plus hostile extra keys. */
const twoSegmentParams = fc
  .record(
    {
      first: hostileValue,
      second: hostileValue,
      q: fc.oneof(hostileString, fc.constant(undefined)),
      list: fc.oneof(fc.array(hostileString, { maxLength: 4 }), fc.constant(undefined), hostileValue),
      flag: fc.oneof(fc.boolean(), fc.constant(undefined), hostileValue),
      extra: fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }),
    },
    { requiredKeys: ['first', 'second'] },
  )
  .map(({ extra, ...rest }) => ({ ...extra, ...rest }));

let started = 0;
afterAll(() => {
  report(
    'fuzz-send',
    `fuzz send: ${tally.runs} calls (${tally.sent} sent a request) in ${Math.round(performance.now() - started)} ms; FUZZ_RUNS total ${fuzzTotal()}`,
  );
});

describe('send with hostile input', () => {
  started = performance.now();

  const pathRuns = share(0.1);
  it(
    `path and query slots (${pathRuns} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(rigArb, twoSegmentParams, async (r, params) => {
          await call(rig(r.answer, r.signed, r.prefixed), twoSegments, params, undefined);
        }),
        { numRuns: pathRuns },
      );
    },
    timeoutFor(pathRuns),
  );

  const bodyRuns = share(0.06);
  it(
    `any JSON-ish body, hostile path and query (${bodyRuns} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          rigArb,
          fc.record({
            id: hostileValue,
            note: fc.oneof(hostileString, fc.constant(undefined)),
            body: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.anything({ maxDepth: 3 }), hostileString),
          }),
          async (r, params) => {
            // putThing-like: an apiKey-only op would refuse the signed client, so this one is not.
            await call(rig(r.answer, r.signed, r.prefixed), anyBody, params, undefined);
          },
        ),
        { numRuns: bodyRuns },
      );
    },
    timeoutFor(bodyRuns),
  );

  const anythingRuns = share(0.04);
  it(
    `params that are anything at all, on every test operation (${anythingRuns} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          rigArb,
          fc.constantFrom(...(Object.keys(OPS) as Array<keyof typeof OPS>)),
          fc.oneof(
            fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true }),
            hostileValue,
          ),
          async (r, name, params) => {
            await call(
              rig(r.answer, r.signed, r.prefixed),
              OPS[name] as Operation<unknown>,
              params,
              undefined,
            );
          },
        ),
        { numRuns: anythingRuns },
      );
    },
    timeoutFor(anythingRuns),
  );

  const optionRuns = share(0.05);
  it(
    `hostile call options (${optionRuns} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          rigArb,
          fc.constantFrom(...(Object.keys(OPS) as Array<keyof typeof OPS>)),
          hostileOptions,
          fc.record({
            thingId: hostileString,
            first: hostileString,
            second: hostileString,
            id: hostileString,
          }),
          async (r, name, options, path) => {
            const op = OPS[name] as Operation<unknown>;
            const params = { ...path, body: { name: 'n', price: 1 } };
            await call(rig(r.answer, r.signed, r.prefixed), op, params, options);
          },
        ),
        { numRuns: optionRuns },
      );
    },
    timeoutFor(optionRuns),
  );

  const clientRuns = share(0.03);
  it(
    `first arguments that are not clients (${clientRuns} runs)`,
    async () => {
      const real = rig('ok', false, false);
      const lookAlike = { ...real.client };
      const forged = Object.freeze({ ...real.client, [Symbol('talon-fetch.client')]: true });
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.anything({ maxDepth: 2 }),
            fc.constantFrom(undefined, null, lookAlike, forged, real.client.auth, 'client', createClient),
          ),
          fc.constantFrom(...(Object.keys(OPS) as Array<keyof typeof OPS>)),
          async (notClient, name) => {
            real.captured.length = 0;
            const op = OPS[name] as Operation<unknown>;
            const params = { thingId: 'x', first: 'a', second: 'b', id: 'i', body: { name: 'n' } };
            const result = await mustResolve(() => send(notClient as Client, op, params));
            checkCall({
              op,
              prefix: '',
              origin: real.origin,
              params,
              result,
              captured: real.captured,
              auth: { apiKey: KEY },
              mustNotSend: true,
            });
            if ((result as { error?: { kind?: string } }).error?.kind !== 'config')
              throw new Error(`a non-client gave ${JSON.stringify(result).slice(0, 200)}`);
          },
        ),
        { numRuns: clientRuns },
      );
    },
    timeoutFor(clientRuns),
  );

  const exampleRuns = share(0.02);
  it(
    `the test operations with well-formed params and hostile strings (${exampleRuns} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          rigArb,
          fc.record({
            thingId: hostileString,
            dry: fc.boolean(),
            tags: fc.array(hostileString, { maxLength: 3 }),
            note: hostileString,
          }),
          fc.constantFrom(getThing, deleteThing, putThing),
          async (r, params, op) => {
            const withBody = op === putThing ? { thingId: params.thingId, body: { a: params.note } } : params;
            const p = op === deleteThing ? { thingId: params.thingId } : withBody;
            await call(rig(r.answer, r.signed, r.prefixed), op as Operation<unknown>, p, undefined);
          },
        ),
        { numRuns: exampleRuns },
      );
    },
    timeoutFor(exampleRuns),
  );
});
