/**
 * The Management API's campaign listing: every configured campaign of the fake's Application
 * (running or not), filtered by name, state and tag, page by page with the total count.
 */
import type { GetCampaignsValue } from '../../management/endpoints/index.js';
import { ok } from '../answers.js';
import { otherApplication, page, QueryReader } from '../query.js';
import type { Call, Route } from '../route.js';
import { campaignView } from './views.js';

export const getCampaigns: Route = {
  id: 'getCampaigns',
  method: 'GET',
  path: '/v1/applications/{applicationId}/campaigns',
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const refused = otherApplication(call.path, call.config.applicationId);
    if (refused) return refused;
    const q = new QueryReader(call.query);
    const pageSize = q.int('pageSize', 1, 1000) ?? 1000;
    const skip = q.int('skip', 0) ?? 0;
    if (q.problem) return q.problem;
    const name = call.query.get('name')?.toLowerCase();
    const state = call.query.get('campaignState');
    const tags = call.query.get('tags');
    const campaigns = call.config.campaigns
      .map((c) => campaignView(c, call.config))
      .filter(
        (c) =>
          (name === undefined || c.name.toLowerCase().includes(name)) &&
          (state === null || c.state === state) &&
          (tags === null || c.tags.includes(tags)),
      )
      .sort((a, b) => a.id - b.id);
    return ok<GetCampaignsValue>(200, {
      totalResultSize: campaigns.length,
      data: page(campaigns, skip, pageSize),
    });
  },
};
