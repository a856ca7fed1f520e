// Cold-start child, bare-fetch side: the same call with global fetch + JSON.parse, bundled and
// run exactly like bench/cold/sdk.mjs.
import { REQUEST_PATH, requestParams } from '../fixture.mjs';

const entered = performance.now(); // nothing to evaluate before: for symmetry with sdk.mjs
const response = await fetch(`${process.env.BENCH_URL}${REQUEST_PATH}`, {
  method: 'PUT',
  headers: {
    accept: 'application/json',
    'content-type': 'application/json',
    authorization: 'ApiKey-v1 bench-key',
  },
  body: JSON.stringify(requestParams().body),
});
const value = JSON.parse(await response.text());
const done = performance.now();
if (!response.ok) {
  console.error(`cold fetch child: HTTP ${response.status}`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({ start: globalThis.__benchStart, entered, result: done, effects: value.effects.length })}\n`,
);
