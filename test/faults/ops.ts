/**
 * Test operations for the fault tests: the shapes of the real ones (a GET with a path
 * parameter, a POST with a JSON body) with the Integration API's documented error bodies for
 * 401 and 404, so the tests do not depend on the endpoint modules.
 */
import * as v from 'valibot';
import type { Operation } from '../../src/core/operation.js';

/** `ErrorResponseWithStatus`, as the API documents it for 401 and 404. */
export const ApiErrorBody = v.looseObject({
  message: v.string(),
  errors: v.array(
    v.looseObject({
      title: v.string(),
      details: v.optional(v.string()),
      source: v.optional(
        v.looseObject({ pointer: v.optional(v.string()), parameter: v.optional(v.string()) }),
      ),
    }),
  ),
  StatusCode: v.number(),
});
export type ApiErrorBody = v.InferOutput<typeof ApiErrorBody>;

const Thing = v.looseObject({ id: v.number(), name: v.string() });

export const fetchThing: Operation<v.InferOutput<typeof Thing>, { 401: ApiErrorBody; 404: ApiErrorBody }> = {
  id: 'fetchThing',
  method: 'GET',
  path: '/v1/things/{thingId}',
  params: v.object({ thingId: v.pipe(v.string(), v.minLength(1)), dry: v.optional(v.boolean()) }),
  query: ['dry'],
  response: Thing,
  errors: { 401: ApiErrorBody, 404: ApiErrorBody },
};

export const createThing: Operation<v.InferOutput<typeof Thing>, { 401: ApiErrorBody }> = {
  id: 'createThing',
  method: 'POST',
  path: '/v1/things',
  params: v.object({ body: v.object({ name: v.pipe(v.string(), v.minLength(1)) }) }),
  body: true,
  response: Thing,
  errors: { 401: ApiErrorBody },
};
