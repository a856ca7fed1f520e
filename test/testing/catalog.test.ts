/**
 * The fake Talon.One's catalogs (syncCatalog) and price history (bestPriorPrice).
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { bestPriorPrice, type Client, syncCatalog } from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_CATALOG_ID,
  type FakeTalon,
  type FakeTalonOptions,
} from '../../src/testing/index.js';
import { clientFor, DAY, httpErrorBody, raw, value } from './support.js';

const START = Date.parse('2026-01-01T00:00:00Z');
let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

/** The date `n` days after 2026-01-01 (the fake's clock is set to such dates). */
function day(n: number): Date {
  return new Date(START + n * DAY);
}

function makeFake(options: FakeTalonOptions = {}): void {
  fake = createFakeTalon({ now: () => clock, ...options });
  talon = clientFor(fake);
}

beforeEach(() => {
  clock = day(151); // 2026-06-01
  makeFake();
});

describe('catalogs (syncCatalog)', () => {
  const sync = (
    actions: {
      type: 'ADD' | 'PATCH' | 'PATCH_MANY' | 'REMOVE' | 'REMOVE_MANY' | 'ADD_PRICE_ADJUSTMENT';
      payload: Record<string, unknown>;
    }[],
    version?: number,
  ) =>
    syncCatalog(talon, {
      catalogId: FAKE_CATALOG_ID,
      body: { actions, ...(version === undefined ? {} : { version }) },
    });
  const items = () => fake.state.catalogs.get(FAKE_CATALOG_ID)?.items;

  it('applies each action type; the version grows with every sync', async () => {
    const added = value(
      await sync([
        { type: 'ADD', payload: { sku: 'S-40', price: 100, attributes: { size: 40, color: 'blue' } } },
        {
          type: 'ADD',
          payload: {
            sku: 'S-46',
            price: 120,
            attributes: { size: 46, color: 'red' },
            product: { name: 'Shoe' },
          },
        },
        { type: 'ADD', payload: { sku: 'S-47', price: 130, attributes: { size: 47, color: 'blue' } } },
      ]),
    );
    expect(added).toMatchObject({ id: FAKE_CATALOG_ID, version: 2, name: 'Products' });
    expect([...(items()?.keys() ?? [])]).toEqual(['S-40', 'S-46', 'S-47']);
    expect(
      value(
        await sync(
          [{ type: 'PATCH', payload: { sku: 'S-40', price: 90, attributes: { color: 'navy' } } }],
          2,
        ),
      ).version,
    ).toBe(3);
    expect(items()?.get('S-40')).toMatchObject({ price: 90, attributes: { size: 40, color: 'navy' } });
    value(
      await sync([
        {
          type: 'PATCH_MANY',
          payload: { attributes: { sale: true }, filters: [{ attr: 'color', op: 'IN', value: 'red,navy' }] },
        },
      ]),
    );
    expect([...(items()?.values() ?? [])].filter((i) => i.attributes.sale).map((i) => i.sku)).toEqual([
      'S-40',
      'S-46',
    ]);
    value(
      await sync([
        {
          type: 'REMOVE_MANY',
          payload: {
            filters: [
              { attr: 'size', op: 'GT', value: '45' },
              { attr: 'color', op: 'EQ', value: 'blue' },
            ],
          },
        },
      ]),
    );
    expect([...(items()?.keys() ?? [])]).toEqual(['S-40', 'S-46']);
    value(await sync([{ type: 'REMOVE', payload: { sku: 'S-46' } }]));
    expect([...(items()?.keys() ?? [])]).toEqual(['S-40']);
    // ADD with replaceIfExists keeps the price when none is given and replaces the attributes.
    value(
      await sync([
        { type: 'ADD', payload: { sku: 'S-40', attributes: { size: 41 }, replaceIfExists: true } },
      ]),
    );
    expect(items()?.get('S-40')).toMatchObject({ price: 90, attributes: { size: 41 } });
    // PATCH with createIfNotExists adds the item.
    const last = value(
      await sync([{ type: 'PATCH', payload: { sku: 'S-50', price: 5, createIfNotExists: true } }]),
    );
    expect(last.version).toBe(8); // 1 at the start, then seven syncs
    expect(fake.state.catalogs.get(FAKE_CATALOG_ID)?.version).toBe(8);
  });

  it('refuses a bad sync with 400 and changes nothing; an unknown catalog is a 404', async () => {
    value(await sync([{ type: 'ADD', payload: { sku: 'A', price: 1 } }]));
    const refusals: [Parameters<typeof sync>[0], string, number?][] = [
      [
        [
          { type: 'ADD', payload: { sku: 'B' } },
          { type: 'REMOVE', payload: { sku: 'A' } },
        ],
        '/actions/1/type',
      ],
      [
        [
          { type: 'ADD', payload: { sku: 'B' } },
          { type: 'ADD', payload: { sku: 'B' } },
        ],
        '/actions/1/payload/sku',
      ],
      [
        [
          { type: 'ADD', payload: { sku: 'C' } },
          { type: 'ADD', payload: { sku: 'A' } },
        ],
        '/actions/1/payload/sku',
      ],
      [[{ type: 'PATCH', payload: { sku: 'Z', price: 2 } }], '/actions/0/payload/sku'],
      [[{ type: 'ADD', payload: { sku: 'B', price: 'cheap' } }], '/actions/0/payload/price'],
      [[{ type: 'ADD', payload: { sku: 'B', colour: 'red' } }], '/actions/0/payload/colour'],
      [
        [{ type: 'REMOVE_MANY', payload: { filters: [{ attr: 'size', op: 'GT', value: 'big' }] } }],
        '/actions/0/payload/filters/0/value',
      ],
      [[{ type: 'ADD', payload: { sku: 'B' } }], '/version', 7],
    ];
    for (const [actions, pointer, version] of refusals) {
      const body = httpErrorBody(await sync(actions, version), 400);
      expect(body.errors[0]?.source.pointer, pointer).toBe(pointer);
    }
    expect([...(items()?.keys() ?? [])]).toEqual(['A']);
    expect(fake.state.catalogs.get(FAKE_CATALOG_ID)?.version).toBe(2);
    httpErrorBody(
      await syncCatalog(talon, {
        catalogId: 404,
        body: { actions: [{ type: 'REMOVE', payload: { sku: 'A' } }] },
      }),
      404,
    );
    const empty = await raw(fake, 'PUT', `/v1/catalogs/${FAKE_CATALOG_ID}/sync`, { actions: [] });
    expect(empty.status).toBe(400);
  });

  it('takes its catalogs from the options', async () => {
    makeFake({ catalogs: [{ id: 9, name: 'Shop', items: [{ sku: 'X', price: 3, attributes: { a: 1 } }] }] });
    expect(fake.state.catalogs.get(9)?.items.get('X')).toMatchObject({ price: 3, attributes: { a: 1 } });
    httpErrorBody(
      await syncCatalog(talon, {
        catalogId: FAKE_CATALOG_ID,
        body: { actions: [{ type: 'REMOVE', payload: { sku: 'X' } }] },
      }),
      404,
    );
    expect(
      value(
        await syncCatalog(talon, {
          catalogId: 9,
          body: { actions: [{ type: 'REMOVE', payload: { sku: 'X' } }] },
        }),
      ).version,
    ).toBe(2);
    expect(() =>
      createFakeTalon({
        catalogs: [
          { id: 1, name: 'a' },
          { id: 1, name: 'b' },
        ],
      }),
    ).toThrow(/two catalogs/);
  });
});

describe('best prior price', () => {
  const ask = (skus: string[], at: Date, type: 'strict' | 'price' | 'sale', timeframe = '30') =>
    bestPriorPrice(talon, { body: { skus, timeframe, timeframeEndDate: at, timeframeEndDateType: type } });

  /** Prices of SHOE: 100 from day 0, 120 from day 40, 80 from day 50. */
  async function history() {
    const at = async (n: number, type: 'ADD' | 'PATCH', price: number) => {
      clock = day(n);
      value(
        await syncCatalog(talon, {
          catalogId: FAKE_CATALOG_ID,
          body: { actions: [{ type, payload: { sku: 'SHOE', price } }] },
        }),
      );
    };
    await at(0, 'ADD', 100);
    await at(40, 'PATCH', 120);
    await at(45, 'PATCH', 120); // the same price again is no new observation
    await at(50, 'PATCH', 80);
  }

  it('answers the lowest price of the look-back window from the price history syncCatalog keeps', async () => {
    await history();
    expect(fake.state.priceHistory.map((o) => o.price)).toEqual([100, 120, 80]);
    const strict = value(await ask(['SHOE', 'UNKNOWN'], day(55), 'strict'));
    expect(strict).toHaveLength(1);
    expect(strict[0]).toMatchObject({
      sku: 'SHOE',
      price: 80,
      observedAt: day(50).toISOString(),
      contextIds: [],
    });
    // `price`: the window ends where the current price (80) started, so the prices before count.
    expect(value(await ask(['SHOE'], day(55), 'price'))[0]).toMatchObject({
      price: 100,
      observedAt: day(0).toISOString(),
    });
    // The price in force when the window opens counts, even if set long before.
    expect(value(await ask(['SHOE'], day(70), 'price', '10'))[0]?.price).toBe(120);
    // Before any price, or before the item existed: nothing.
    expect(value(await ask(['SHOE'], new Date(START - DAY), 'strict'))).toEqual([]);
  });

  it('records price adjustments with their context; `sale` ends the window where the sale began', async () => {
    await history();
    clock = day(55);
    value(
      await syncCatalog(talon, {
        catalogId: FAKE_CATALOG_ID,
        body: {
          actions: [
            {
              type: 'ADD_PRICE_ADJUSTMENT',
              payload: {
                sku: 'SHOE',
                adjustments: [
                  {
                    priceType: 'member',
                    price: 70,
                    referenceId: 'adj-1',
                    contextId: 'summer-sale',
                    effectiveFrom: day(60).toISOString(),
                    effectiveUntil: day(70).toISOString(),
                  },
                ],
              },
            },
          ],
        },
      }),
    );
    const during = value(await ask(['SHOE'], day(65), 'strict'))[0];
    expect(during).toMatchObject({
      price: 70,
      contextIds: ['summer-sale'],
      contextId: 'summer-sale',
      metadata: { adjustmentDetails: { referenceId: 'adj-1', selectedPriceType: 'member', value: 70 } },
    });
    expect(value(await ask(['SHOE'], day(65), 'sale'))[0]?.price).toBe(80);
    // After the sale the item's own price is observed again.
    expect(fake.state.priceHistory.at(-1)).toMatchObject({ price: 80, observedAt: day(70).toISOString() });
  });

  it('refuses a timeframe that is not a number of days, and an AUDIENCE target without an audience', async () => {
    const body = httpErrorBody(await ask(['SHOE'], day(1), 'strict', 'month'), 400, false);
    expect(body.errors[0]?.source.pointer).toBe('/timeframe');
    const target = await bestPriorPrice(talon, {
      body: {
        skus: ['SHOE'],
        timeframe: '30',
        timeframeEndDate: day(1),
        timeframeEndDateType: 'strict',
        target: { targetType: 'AUDIENCE' },
      },
    });
    expect(httpErrorBody(target, 400, false).errors[0]?.source.pointer).toBe('/target/audienceID');
    const missing = await raw(fake, 'POST', '/v1/best_prior_price', {
      skus: [],
      timeframe: '30',
      timeframeEndDate: '2026-01-01T00:00:00Z',
      timeframeEndDateType: 'strict',
    });
    expect(missing.status).toBe(400);
  });
});
