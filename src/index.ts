/**
 * talon-fetch: a small, tree-shakeable, fetch-only SDK for the Talon.One Integration API.
 * Every endpoint is a standalone function `(client, params, options?) => Promise<Result>`.
 */
export { apiKey } from './auth/apiKey.js';
export { type ContentSignatureOptions, contentSignature } from './auth/contentSignature.js';
export type { Auth, AuthScheme } from './auth/types.js';
export { type Client, type ClientConfig, createClient, TalonConfigError } from './client.js';
export type {
  AbortedError,
  ConfigError,
  DocumentedHttpError,
  HttpError,
  NetworkError,
  ResponseError,
  ResponseProblem,
  TalonError,
  TimeoutError,
  TimeoutLimit,
  TransportError,
  UndocumentedHttpError,
  ValidationError,
  ValidationIssue,
} from './core/errors.js';
export type {
  CallOptions,
  FetchLike,
  Hooks,
  HttpMethod,
  OptionProblem,
  RequestEvent,
  ResolvedRetry,
  ResponseEvent,
  RetryOptions,
  SharedOptions,
} from './core/options.js';
export type { Err, Ok, ResponseMeta, Result } from './core/result.js';
export * from './endpoints/index.js';
export * from './models/index.js';
export {
  type CollectOk,
  collectItems,
  DEFAULT_COLLECT_MAX_ITEMS,
  type IsPaginated,
  type NotPaginated,
  type NotPaginatedReason,
  type PageError,
  type PageItem,
  type PageOperation,
  type PageParams,
  type Paginated,
  type PaginateOptions,
  type PartialErr,
  paginate,
  paginateItems,
  type StoppedAt,
} from './pagination.js';
