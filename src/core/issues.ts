/**
 * valibot's issues as the SDK reports them: a dotted path, the message, and a code read from the
 * issue's structure (so that no decision depends on a message's wording).
 */
import type { BaseIssue } from 'valibot';
import type { CodedIssue, IssueCode } from './errors.js';

/** The most issues one error lists. */
const MAX_ISSUES = 20;

/**
 * @internal The {@link IssueCode} of a valibot issue. A key issue of an object schema (its last
 * path item has `origin: 'key'`) is an unknown key when valibot expected `never` there, and a
 * missing key when there is no input; any other schema issue is a wrong type, and an action's
 * (a check, a regex, a length) a refused value.
 */
export function issueCode(issue: BaseIssue<unknown>): IssueCode {
  if (issue.kind !== 'schema') return 'invalid_value';
  const last = issue.path?.[issue.path.length - 1];
  if (last?.origin === 'key' && issue.expected === 'never') return 'unknown_key';
  if (last?.origin === 'key' && issue.input === undefined) return 'missing_key';
  return 'invalid_type';
}

function issuePath(issue: BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key);
  }
  return out || '(params)';
}

/** @internal Turns valibot issues into the SDK's (at most 20), in valibot's order. */
export function toIssues(issues: readonly BaseIssue<unknown>[]): CodedIssue[] {
  return issues
    .slice(0, MAX_ISSUES)
    .map((issue) => ({ path: issuePath(issue), message: issue.message, code: issueCode(issue) }));
}
