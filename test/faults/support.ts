/**
 * Helpers shared by the fault, secrets and soak tests: a guard that fails on unhandled
 * rejections, and a tracker of the timers and sockets created while it runs.
 */
import { createHook } from 'node:async_hooks';

/** The kinds every error value must have: the SDK's whole error union. */
export const ERROR_KINDS = [
  'validation',
  'config',
  'http',
  'network',
  'timeout',
  'aborted',
  'response',
] as const;

type Tracked = { readonly type: string; readonly resource: object };

/**
 * Tracks, by identity, every timer (`Timeout`) and TCP handle (`TCPWRAP`: client sockets and
 * the server's accepted sockets) created from now on. `leftover()` waits (up to `ms`) until all
 * of them are gone (fired, cleared, closed) and returns the types of those that are not, then
 * stops tracking. Unref'd timers do not count: they cannot keep a process alive.
 *
 * Counting `process.getActiveResourcesInfo()` is not precise enough under a test runner, whose
 * own timers come and go; identities are.
 */
export function trackHandles() {
  const live = new Map<number, Tracked>();
  const hook = createHook({
    init(id, type, _trigger, resource) {
      if (type === 'Timeout' || type === 'TCPWRAP') live.set(id, { type, resource });
    },
    destroy(id) {
      live.delete(id);
    },
  }).enable();
  const alive = (): string[] => {
    const out: string[] = [];
    for (const { type, resource } of live.values()) {
      if (type === 'Timeout') {
        const timer = resource as { _destroyed?: boolean; hasRef(): boolean };
        if (!timer._destroyed && timer.hasRef()) out.push(type);
      } else out.push(type);
    }
    return out;
  };
  return {
    async leftover(ms = 2000): Promise<string[]> {
      const until = Date.now() + ms;
      for (;;) {
        const now = alive();
        if (now.length === 0 || Date.now() > until) {
          hook.disable();
          return now;
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
        await new Promise<void>((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}

/**
 * Records every unhandled rejection while installed. `install()` in `beforeAll`,
 * `check()` in `afterEach` (throws when one happened), `uninstall()` in `afterAll`.
 */
export function rejectionGuard() {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => {
    seen.push(reason);
  };
  return {
    install: () => process.on('unhandledRejection', listener),
    uninstall: () => process.off('unhandledRejection', listener),
    check() {
      if (seen.length > 0) {
        const first = seen.splice(0);
        throw new Error(`unhandled rejection(s): ${first.map((r) => String(r)).join('; ')}`);
      }
    },
  };
}
