import * as v from 'valibot';
import type { Operation } from '../../src/core/operation.js';

const ApiErrorBody = v.looseObject({ message: v.string() });

/** A GET with a path parameter and query parameters, returning an object. */
export const getThing: Operation<{ id: number; name: string }, { 404: { message: string } }> = {
  id: 'getThing',
  method: 'GET',
  path: '/v1/things/{thingId}',
  params: v.object({
    thingId: v.pipe(v.string(), v.minLength(1)),
    dry: v.optional(v.boolean()),
    tags: v.optional(v.array(v.string())),
    note: v.optional(v.string()),
  }),
  query: ['dry', 'tags', 'note'],
  response: v.looseObject({ id: v.number(), name: v.string() }),
  errors: { 404: ApiErrorBody },
};

/** A POST with a JSON body, returning an object. */
export const postThing: Operation<{ id: number }, { 400: { message: string } }> = {
  id: 'postThing',
  method: 'POST',
  path: '/v1/things',
  params: v.object({
    body: v.object({ name: v.pipe(v.string(), v.minLength(1)), price: v.optional(v.number()) }),
  }),
  body: true,
  response: v.looseObject({ id: v.number() }),
  errors: { 400: ApiErrorBody },
};

/** A PUT that only accepts apiKey auth. */
export const putThing: Operation<{ id: number }> = {
  id: 'putThing',
  method: 'PUT',
  path: '/v2/things/{thingId}',
  params: v.object({ thingId: v.pipe(v.string(), v.minLength(1)), body: v.record(v.string(), v.unknown()) }),
  body: true,
  response: v.looseObject({ id: v.number() }),
  apiKeyOnly: true,
};

/** A DELETE answering 204. */
export const deleteThing: Operation<undefined> = {
  id: 'deleteThing',
  method: 'DELETE',
  path: '/v1/things/{thingId}',
  params: v.object({ thingId: v.pipe(v.string(), v.minLength(1)) }),
};
