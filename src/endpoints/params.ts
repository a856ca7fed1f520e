/**
 * @internal Building blocks of the endpoints' parameter schemas, shared so each is built once.
 */
import * as v from 'valibot';

/** A path parameter: a non-empty string, sent percent-encoded as one path segment. */
export const pathParam = /*#__PURE__*/ v.pipe(
  /*#__PURE__*/ v.string(),
  /*#__PURE__*/ v.minLength(1, 'must be a non-empty string'),
);

/** An optional boolean query flag, sent as `true` or `false`. */
export const flag = /*#__PURE__*/ v.optional(/*#__PURE__*/ v.boolean());

/** The `silent` query parameter: `yes` (answer 204, the API's default) or `no` (answer with data). */
export const silent = /*#__PURE__*/ v.optional(/*#__PURE__*/ v.picklist(['yes', 'no']));

/** A body the API documents only as "an object" (the 409 conflict answers). */
export const AnyObjectSchema = /*#__PURE__*/ v.record(/*#__PURE__*/ v.string(), /*#__PURE__*/ v.unknown());
