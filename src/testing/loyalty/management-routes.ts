/**
 * The Management API's loyalty operations on profile-based programs: adding and deducting points
 * by hand, on the ledgers the Integration side keeps; listing and reading the programs.
 */
import type * as v from 'valibot';
import type { GetLoyaltyProgramsValue, GetLoyaltyProgramValue } from '../../management/endpoints/index.js';
import {
  AddLoyaltyPointsInputSchema,
  DeductLoyaltyPointsInputSchema,
} from '../../management/models/schemas.js';
import type {
  AddLoyaltyPointsInput,
  DeductLoyaltyPointsInput,
  LoyaltyProgram,
} from '../../management/models/types.js';
import { type Answer, notFound, ok } from '../answers.js';
import { ACCOUNT_ID, CONFIGURED } from '../constants.js';
import type { FakeProfile } from '../profiles/types.js';
import type { Call, Route } from '../route.js';
import { join } from './ledgers.js';
import { addManually, deductManually } from './manual.js';
import { allPrograms, type FakeProgram, programOf, tierId } from './programs.js';

/** A route that changes the points of the path's existing profile in the path's profile-based program. */
function profilePoints<B>(
  id: 'addLoyaltyPoints' | 'removeLoyaltyPoints',
  action: 'add_points' | 'deduct_points',
  body: v.GenericSchema,
  change: (call: Call<B>, holder: FakeProfile, program: FakeProgram) => Answer | undefined,
): Route {
  return {
    id,
    method: 'PUT',
    path: `/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/${action}`,
    auth: 'managementKey',
    body,
    handle(call: Call<B>): Answer {
      const program = programOf(call, 'profile');
      if ('status' in program) return program;
      const integrationId = call.path.integrationId!;
      const profile = call.state.profiles.get(integrationId);
      if (!profile) return notFound(`Customer profile ${JSON.stringify(integrationId)}`);
      const refused = change(call, profile, program);
      if (refused) return refused;
      join(profile, program.id, call.now);
      return { status: 204 };
    },
  };
}

export const addLoyaltyPoints = profilePoints<AddLoyaltyPointsInput>(
  'addLoyaltyPoints',
  'add_points',
  AddLoyaltyPointsInputSchema,
  (call, profile, program) => addManually(call, profile, program, call.body),
);

export const removeLoyaltyPoints = profilePoints<DeductLoyaltyPointsInput>(
  'removeLoyaltyPoints',
  'deduct_points',
  DeductLoyaltyPointsInputSchema,
  (call, profile, program) => deductManually(call, profile, program, call.body),
);

/** A program as the Management API shows it. */
function programView(program: FakeProgram, applicationId: number): LoyaltyProgram {
  return {
    id: program.id,
    created: CONFIGURED,
    accountID: ACCOUNT_ID,
    name: program.name,
    title: program.title,
    description: '',
    subscribedApplications: [applicationId],
    defaultValidity: 'unlimited',
    defaultPending: 'immediate',
    allowSubledger: program.subledgers.length > 0,
    usersPerCardLimit: program.usersPerCard,
    sandbox: false,
    timezone: 'UTC',
    cardBased: program.cardBased,
    tiers: program.tiers.map((tier, index) => ({
      id: tierId(program.id, index),
      created: CONFIGURED,
      programID: program.id,
      programName: program.name,
      programTitle: program.title,
      name: tier.name,
      minPoints: tier.minPoints,
    })),
  };
}

export const getLoyaltyPrograms: Route = {
  id: 'getLoyaltyPrograms',
  method: 'GET',
  path: '/v1/loyalty_programs',
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const data = allPrograms(call.config).map((p) => programView(p, call.config.applicationId));
    return ok<GetLoyaltyProgramsValue>(200, { totalResultSize: data.length, data });
  },
};

export const getLoyaltyProgram: Route = {
  id: 'getLoyaltyProgram',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}',
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const program = programOf(call, 'any');
    if ('status' in program) return program;
    return ok<GetLoyaltyProgramValue>(200, programView(program, call.config.applicationId));
  },
};
