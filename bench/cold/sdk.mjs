// Cold-start child, talon-fetch side: bundled by bench/run.mjs with esbuild (minified ESM, one
// endpoint) and run in a fresh Node process. Prints when the module started and when the first
// result arrived (performance.now(), i.e. ms since the process started), and when its own code
// began (after the bundled dependencies were evaluated).
import { apiKey, createClient, updateCustomerSessionV2 } from 'talon-fetch';
import { requestParams } from '../fixture.mjs';

const entered = performance.now(); // the bundled dependencies have been evaluated
const client = createClient({ baseUrl: process.env.BENCH_URL, auth: apiKey('bench-key') });
const result = await updateCustomerSessionV2(client, requestParams());
const done = performance.now();
if (!result.ok) {
  console.error(`cold sdk child: ${result.error.kind}: ${result.error.message}`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({ start: globalThis.__benchStart, entered, result: done, effects: result.value.effects.length })}\n`,
);
