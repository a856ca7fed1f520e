/**
 * The catalog operations: syncing a cart item catalog, and the best prior price of SKUs.
 */
import type { BestPriorPriceValue, SyncCatalogValue } from '../../endpoints/index.js';
import { BestPriorPriceRequestInputSchema, CatalogSyncRequestInputSchema } from '../../models/schemas.js';
import { notFound, ok } from '../answers.js';
import { pathId } from '../query.js';
import type { Body, Call, Route } from '../route.js';
import { catalogView, syncCatalog } from './catalogs.js';
import { bestPriorPrices } from './prices.js';

export const syncCatalogRoute: Route = {
  id: 'syncCatalog',
  method: 'PUT',
  path: '/v1/catalogs/{catalogId}/sync',
  body: CatalogSyncRequestInputSchema,
  apiKeyOnly: true,
  handle(call: Call<Body<typeof CatalogSyncRequestInputSchema>>) {
    const id = pathId(call.path, 'catalogId');
    if (typeof id !== 'number') return id;
    const catalog = call.state.catalogs.get(id);
    if (!catalog) return notFound(`Catalog ${id}`);
    const problem = syncCatalog(call, catalog, call.body.actions, call.body.version);
    if (problem) return problem;
    return ok<SyncCatalogValue>(200, catalogView(catalog, call.config));
  },
};

export const bestPriorPrice: Route = {
  id: 'bestPriorPrice',
  method: 'POST',
  path: '/v1/best_prior_price',
  body: BestPriorPriceRequestInputSchema,
  apiKeyOnly: true,
  handle(call: Call<Body<typeof BestPriorPriceRequestInputSchema>>) {
    const { body } = call;
    // The SDK's request schema turns a Date into its RFC 3339 string.
    const end =
      body.timeframeEndDate instanceof Date ? body.timeframeEndDate.toISOString() : body.timeframeEndDate;
    const prices = bestPriorPrices(call.state, { ...body, timeframeEndDate: end });
    if (!Array.isArray(prices)) return prices;
    return ok<BestPriorPriceValue>(200, prices);
  },
};
