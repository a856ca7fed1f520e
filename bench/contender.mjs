// One contender of bench/run.mjs, in a process of its own (forked with --expose-gc), so that no
// contender's JIT state, heap or garbage is another's. It loads only its own client, checks that
// its first call returns the bench's answer, warms up, and then measures segments when the
// parent asks (IPC), one at a time:
//
//   { cmd: 'run', calls, concurrency, heap }  → { cpuUsPerCall, callsPerSec, heapBytesPerCall? }
//   { cmd: 'micro', iterations }              → validation alone (the `micro` contender only)
//
// Client CPU = process.cpuUsage() (user + system, all threads of this process: GC helpers
// included) / calls. Heap bytes = bytes allocated on the V8 heap per call, from a separate
// segment: the growth of the used heap between garbage collections (v8.GCProfiler), summed.
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { makeCall, runCalls } from './contenders.mjs';
import { CARD_ID, effectTypes, REQUEST_PATH, requestParams } from './fixture.mjs';

const [id, baseUrl, heyApiBundle] = process.argv.slice(2);
const url = `${baseUrl}${REQUEST_PATH}`;
const params = requestParams();
const authorization = 'ApiKey-v1 bench-key';

/** Bytes allocated on the V8 heap while `fn` runs (it must settle before the result is read). */
async function allocated(fn) {
  globalThis.gc?.();
  const profiler = new v8.GCProfiler();
  const start = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  await fn();
  const end = v8.getHeapStatistics().used_heap_size;
  let total = 0;
  let last = start;
  for (const gc of profiler.stop().statistics) {
    total += gc.beforeGC.heapStatistics.usedHeapSize - last;
    last = gc.afterGC.heapStatistics.usedHeapSize;
  }
  return total + end - last;
}

async function measure(call, { calls, concurrency, heap }) {
  if (heap) return { heapBytesPerCall: (await allocated(() => runCalls(call, calls, concurrency))) / calls };
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await runCalls(call, calls, concurrency);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { cpuUsPerCall: (cpu.user + cpu.system) / calls, callsPerSec: calls / (wallMs / 1000) };
}

// ---------------------------------------------------------------------------------------------
// Validation alone: each iteration validates a tree of its own, freshly parsed beforehand (not one
// object over and over, which would stay hot in the CPU cache).
async function microSetup() {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(params.body),
  });
  const text = await response.text();
  const v = await import('valibot');
  const { IntegrationStateV2Schema } = await import('talon-fetch/schemas');
  const schemas = { sdk: IntegrationStateV2Schema };
  if (process.env.BENCH_BASELINE)
    schemas.baseline = (
      await import(pathToFileURL(`${process.env.BENCH_BASELINE}/schemas.js`).href)
    ).IntegrationStateV2Schema;
  if (heyApiBundle) schemas.heyApi = (await import(heyApiBundle)).vUpdateCustomerSessionV2Response;
  for (const [name, schema] of Object.entries(schemas)) {
    const result = v.safeParse(schema, JSON.parse(text));
    if (!result.success)
      throw new Error(`${name}: the answer does not pass its schema: ${result.issues[0].message}`);
  }
  return { text, v, schemas };
}

function cpuPerOp(fn, iterations) {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  fn(iterations);
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / iterations;
}

async function micro({ text, v, schemas }, iterations) {
  const out = {};
  const parseAll = (n) => {
    const trees = new Array(n);
    for (let i = 0; i < n; i++) trees[i] = JSON.parse(text);
    return trees;
  };
  out.jsonParse = {
    cpuUsPerOp: cpuPerOp((n) => parseAll(n), iterations),
    heapBytesPerOp: (await allocated(() => parseAll(iterations))) / iterations,
  };
  for (const [name, schema] of Object.entries(schemas)) {
    let trees = parseAll(iterations);
    const validateAll = (n) => {
      for (let i = 0; i < n; i++) if (!v.safeParse(schema, trees[i]).success) throw new Error('invalid');
    };
    const cpuUsPerOp = cpuPerOp(validateAll, iterations);
    trees = parseAll(iterations);
    const heapBytesPerOp = (await allocated(() => validateAll(iterations))) / iterations;
    out[name] = { cpuUsPerOp, heapBytesPerOp };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
try {
  if (id === 'micro') {
    const setup = await microSetup();
    await micro(setup, 200);
    process.on('message', async (message) => {
      process.send({ ok: true, result: await micro(setup, message.iterations) });
    });
    process.send({ ready: true, textBytes: setup.text.length });
  } else {
    const call = await makeCall(id, baseUrl, heyApiBundle);
    const value = await call();
    const management = id === 'mgmt' || id === 'kyMgmt' || id === 'baselineMgmt';
    if (
      management
        ? value?.identifier !== CARD_ID
        : value?.effects?.length === undefined || value.customerSession?.cartItems?.length !== 10
    )
      throw new Error('the first call did not return the bench answer');
    const effects = management ? 0 : value.effects.length;
    const { warmup } = JSON.parse(process.env.BENCH_CHILD ?? '{}');
    await runCalls(call, warmup ?? 300, 1);
    await runCalls(call, warmup ?? 300, 50);
    process.on('message', async (message) => {
      try {
        process.send({ ok: true, result: await measure(call, message) });
      } catch (error) {
        process.send({ ok: false, error: String(error?.stack ?? error) });
      }
    });
    process.send({ ready: true, effects, types: management ? [] : effectTypes(value) });
  }
} catch (error) {
  process.send({ ready: false, error: String(error?.stack ?? error) });
}
process.on('disconnect', () => process.exit(0));
