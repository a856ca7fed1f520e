/**
 * Compile-time behaviour of the endpoints (vitest typecheck: nothing here runs). Params must carry
 * their required fields and no unknown keys, the 26.13 operations refuse a contentSignature client
 * (only the three 2021 ones take it), results and errors narrow to the documented shapes, and
 * answer types have no index signature (a misspelled field is a compile error).
 */
import { describe, expectTypeOf, test } from 'vitest';
import {
  apiKey,
  type CartItem,
  type Client,
  type ConfigError,
  type Coupon,
  type CreateReferralsForMultipleAdvocatesResponse,
  type CustomerInventory,
  contentSignature,
  createClient,
  createCouponReservation,
  createReferral,
  createReferralsForMultipleAdvocates,
  deleteCouponReservation,
  deleteCustomerData,
  type Effect,
  type ErrorResponse,
  type ErrorResponseWithStatus,
  type GetReservedCustomersResponse,
  getCustomerInventory,
  getReservedCustomers,
  type IntegrationRequestInput,
  type IntegrationState,
  type IntegrationStateV2,
  type MultipleCustomerProfileIntegrationResponseV2,
  type Referral,
  type RejectCouponEffectProps,
  type ResponseError,
  type SetDiscountEffect,
  type SetDiscountEffectProps,
  type TalonError,
  trackEvent,
  type UpdateCustomerSessionV2Errors,
  type UpdateCustomerSessionV2Value,
  type UpdateCustomerSessionV2409Response,
  updateCustomerProfile,
  updateCustomerProfileAudiences,
  updateCustomerProfilesV2,
  updateCustomerProfileV2,
  updateCustomerSession,
  updateCustomerSessionV2,
  type ValidationError,
} from '../../src/index.js';

const keyed = createClient({ baseUrl: 'https://acme.europe-west1.talon.one', auth: apiKey('k') });
const signed = createClient({
  baseUrl: 'https://acme.europe-west1.talon.one',
  auth: contentSignature({ applicationId: 1, applicationKey: 'abcd' }),
});
declare const anyClient: Client;
const session = { customerSessionId: 'cart-1', body: { customerSession: { profileId: 'u1' } } };

describe('params', () => {
  test('a missing required path parameter or body field is a compile error', () => {
    updateCustomerSessionV2(keyed, session);
    // @ts-expect-error customerSessionId is required
    updateCustomerSessionV2(keyed, { body: { customerSession: {} } });
    // @ts-expect-error the body and its customerSession are required
    updateCustomerSessionV2(keyed, { customerSessionId: 'cart-1' });
    // @ts-expect-error customerSession is a required body field
    updateCustomerSessionV2(keyed, { customerSessionId: 'cart-1', body: {} });

    createReferral(keyed, { body: { campaignId: 7, advocateProfileIntegrationId: 'u1' } });
    // @ts-expect-error campaignId is a required body field
    createReferral(keyed, { body: { advocateProfileIntegrationId: 'u1' } });
    // @ts-expect-error advocateProfileIntegrationId is a required body field
    createReferral(keyed, { body: { campaignId: 7 } });
    // usageLimit is optional in 26.13 (25.17 required it).
    createReferralsForMultipleAdvocates(keyed, {
      body: { campaignId: 7, advocateProfileIntegrationIds: ['a'] },
    });
    // @ts-expect-error integrationIDs is required
    createCouponReservation(keyed, { couponValue: 'X', body: {} });
    // @ts-expect-error couponValue is required
    deleteCouponReservation(keyed, { body: { integrationIDs: [] } });
    // @ts-expect-error sessionId is a required body field of the 2021 event
    trackEvent(keyed, { body: { type: 'x', attributes: {} } });
    // @ts-expect-error integrationId is required
    deleteCustomerData(keyed, {});
  });

  test('wrong types and out-of-range enum values are compile errors', () => {
    // @ts-expect-error campaignId is a number
    createReferral(keyed, { body: { campaignId: '7', advocateProfileIntegrationId: 'u1' } });
    const paused = { customerSessionId: 's', body: { customerSession: { state: 'paused' as const } } };
    // @ts-expect-error the session state is one of open, closed, partially_returned, cancelled
    updateCustomerSessionV2(keyed, paused);
    // @ts-expect-error silent is 'yes' or 'no'
    updateCustomerProfilesV2(keyed, { silent: true, body: {} });
    const remove = {
      body: { data: [{ action: 'remove' as const, profileIntegrationId: 'u', audienceId: 1 }] },
    };
    // @ts-expect-error action is add or delete
    updateCustomerProfileAudiences(keyed, remove);
    // @ts-expect-error query flags are booleans
    getCustomerInventory(keyed, { integrationId: 'u1', coupons: 'true' });
    // @ts-expect-error attributes is an object, not the spec example's string "{}"
    updateCustomerProfile(keyed, { integrationId: 'u1', body: { attributes: '{}' } });
    // @ts-expect-error partially_returned is a V2 state, not a 2021 one
    updateCustomerSession(keyed, { customerSessionId: 's', body: { state: 'partially_returned' } });
  });
});

describe('unknown keys', () => {
  test('a misspelled key in an object literal body or params is a compile error', () => {
    updateCustomerSessionV2(keyed, {
      customerSessionId: 'cart-1',
      // @ts-expect-error cartitems is not a field of NewCustomerSessionV2Input (cartItems is)
      body: { customerSession: { profileId: 'u1', cartitems: [] } },
    });
    updateCustomerSessionV2(keyed, {
      customerSessionId: 'cart-1',
      // @ts-expect-error responseContnet is not a field of IntegrationRequestInput
      body: { customerSession: {}, responseContnet: ['customerSession'] },
    });
    updateCustomerSessionV2(keyed, {
      // @ts-expect-error customerSesionId is not a parameter (customerSessionId is)
      customerSesionId: 'cart-1',
      customerSessionId: 'cart-1',
      body: session.body,
    });
    const body: IntegrationRequestInput = {
      customerSession: {
        cartItems: [
          // @ts-expect-error skus is not a field of CartItemInput
          { sku: 'a', skus: 'b', quantity: 1 },
        ],
      },
    };
    updateCustomerSessionV2(keyed, { customerSessionId: 'c', body });
    // Free-form maps take any key.
    updateCustomerSessionV2(keyed, {
      customerSessionId: 'c',
      body: { customerSession: { attributes: { cartitems: 1, anything: { nested: true } } } },
    });
  });

  test('date-time fields and query parameters take a Date or a string', () => {
    updateCustomerSessionV2(keyed, { ...session, now: new Date() });
    updateCustomerSessionV2(keyed, { ...session, now: '2026-06-01T00:00:00Z' });
    // @ts-expect-error a number is neither
    updateCustomerSessionV2(keyed, { ...session, now: 1767225600000 });
  });
});

describe('auth schemes', () => {
  test('a contentSignature client is a compile error on every 26.13 operation', () => {
    // @ts-expect-error apiKey only
    deleteCustomerData(signed, { integrationId: 'u1' });
    // @ts-expect-error apiKey only
    getCustomerInventory(signed, { integrationId: 'u1', loyalty: true });
    // @ts-expect-error apiKey only
    createCouponReservation(signed, { couponValue: 'X', body: { integrationIDs: ['u1'] } });
    // @ts-expect-error apiKey only
    deleteCouponReservation(signed, { couponValue: 'X', body: { integrationIDs: ['u1'] } });
    // @ts-expect-error apiKey only
    getReservedCustomers(signed, { couponValue: 'X' });
    // @ts-expect-error apiKey only
    createReferral(signed, { body: { campaignId: 7, advocateProfileIntegrationId: 'u1' } });
    // @ts-expect-error apiKey only
    createReferralsForMultipleAdvocates(signed, {
      body: { campaignId: 7, advocateProfileIntegrationIds: ['a'] },
    });
    // @ts-expect-error a client whose scheme is not known to be apiKey is refused too
    deleteCustomerData(anyClient, { integrationId: 'u1' });
    // @ts-expect-error apiKey only
    updateCustomerSessionV2(signed, session);
    // @ts-expect-error apiKey only
    updateCustomerProfileV2(signed, { integrationId: 'u1', body: {} });
    // @ts-expect-error apiKey only
    updateCustomerProfilesV2(signed, { body: {} });
    // @ts-expect-error apiKey only
    updateCustomerProfileAudiences(signed, { body: {} });
    // @ts-expect-error a client whose scheme is not known to be apiKey is refused too
    updateCustomerSessionV2(anyClient, session);
  });

  test('a contentSignature client is fine on the three 2021 operations', () => {
    trackEvent(signed, { body: { type: 'x', attributes: {}, sessionId: 's' } });
    updateCustomerProfile(signed, { integrationId: 'u1', body: {} });
    updateCustomerSession(signed, { customerSessionId: 's', body: {} });
    trackEvent(anyClient, { body: { type: 'x', attributes: {}, sessionId: 's' } });
    deleteCustomerData(keyed, { integrationId: 'u1' });
  });
});

describe('results', () => {
  test('success values', async () => {
    const deleted = await deleteCustomerData(keyed, { integrationId: 'u1' });
    if (deleted.ok) expectTypeOf(deleted.value).toEqualTypeOf<undefined>();
    const released = await deleteCouponReservation(keyed, { couponValue: 'X', body: { integrationIDs: [] } });
    if (released.ok) expectTypeOf(released.value).toEqualTypeOf<undefined>();
    const audiences = await updateCustomerProfileAudiences(keyed, { body: {} });
    if (audiences.ok) expectTypeOf(audiences.value).toEqualTypeOf<undefined>();

    const many = await createReferralsForMultipleAdvocates(keyed, {
      silent: 'no',
      body: { campaignId: 7, usageLimit: 1, advocateProfileIntegrationIds: ['a'] },
    });
    if (many.ok)
      expectTypeOf(many.value).toEqualTypeOf<CreateReferralsForMultipleAdvocatesResponse | undefined>();
    const profiles = await updateCustomerProfilesV2(keyed, { body: {} });
    if (profiles.ok)
      expectTypeOf(profiles.value).toEqualTypeOf<MultipleCustomerProfileIntegrationResponseV2 | undefined>();

    const state = await updateCustomerSessionV2(keyed, session);
    expectTypeOf<UpdateCustomerSessionV2Value>().toEqualTypeOf<IntegrationStateV2>();
    if (state.ok) expectTypeOf(state.value).toEqualTypeOf<IntegrationStateV2>();
    const coupon = await createCouponReservation(keyed, { couponValue: 'X', body: { integrationIDs: [] } });
    if (coupon.ok) expectTypeOf(coupon.value).toEqualTypeOf<Coupon>();
    const referral = await createReferral(keyed, {
      body: { campaignId: 7, advocateProfileIntegrationId: 'u1' },
    });
    if (referral.ok) expectTypeOf(referral.value).toEqualTypeOf<Referral>();
    const reserved = await getReservedCustomers(keyed, { couponValue: 'X' });
    if (reserved.ok) expectTypeOf(reserved.value).toEqualTypeOf<GetReservedCustomersResponse>();
    const inventory = await getCustomerInventory(keyed, { integrationId: 'u1' });
    if (inventory.ok) expectTypeOf(inventory.value).toEqualTypeOf<CustomerInventory>();
    const event = await trackEvent(keyed, { body: { type: 'x', attributes: {}, sessionId: 's' } });
    if (event.ok) expectTypeOf(event.value).toEqualTypeOf<IntegrationState>();
    if (!event.ok) {
      // @ts-expect-error value exists only on success
      event.value;
    }
  });

  test('a switch on effectType narrows props', async () => {
    const result = await updateCustomerSessionV2(keyed, session);
    if (!result.ok) return;
    for (const effect of result.value.effects) {
      switch (effect.effectType) {
        case 'setDiscount':
          expectTypeOf(effect.props).toEqualTypeOf<SetDiscountEffectProps>();
          expectTypeOf(effect.props.value).toEqualTypeOf<number>();
          expectTypeOf(effect.props.name).toEqualTypeOf<string>();
          break;
        case 'rejectCoupon':
          expectTypeOf(effect.props).toEqualTypeOf<RejectCouponEffectProps>();
          expectTypeOf(effect.props.rejectionReason).toEqualTypeOf<string>();
          // @ts-expect-error a rejectCoupon effect has no discount value
          effect.props.value.toFixed();
          break;
        case 'addLoyaltyPoints':
          expectTypeOf(effect.props.programId).toEqualTypeOf<number>();
          break;
        default:
          // Known props are named interfaces without an index signature; all are objects.
          expectTypeOf(effect.props).toExtend<object>();
      }
    }
    const profile = await updateCustomerProfileV2(keyed, { integrationId: 'u1', body: {} });
    if (profile.ok)
      for (const effect of profile.value.effects)
        if (effect.effectType === 'setDiscount') expectTypeOf(effect.props.value).toEqualTypeOf<number>();
  });

  test('error narrowing: kind, documented and status select the body type', async () => {
    const result = await updateCustomerSessionV2(keyed, session);
    if (result.ok) return;
    const error = result.error;
    expectTypeOf(error).toEqualTypeOf<TalonError<UpdateCustomerSessionV2Errors>>();
    if (error.kind === 'http' && error.documented && error.status === 400) {
      expectTypeOf(error.body).toEqualTypeOf<ErrorResponse>();
      expectTypeOf(error.body.message).toEqualTypeOf<string>();
    }
    if (error.kind === 'http' && error.documented && error.status === 401)
      expectTypeOf(error.body).toEqualTypeOf<ErrorResponseWithStatus>();
    if (error.kind === 'http' && error.documented && error.status === 409)
      expectTypeOf(error.body).toEqualTypeOf<UpdateCustomerSessionV2409Response>();
    if (error.kind === 'response') expectTypeOf(error.body).toEqualTypeOf<unknown>();
    if (error.kind === 'http' && error.documented)
      expectTypeOf(error.status).toEqualTypeOf<400 | 401 | 409>();
    if (error.kind === 'http' && !error.documented) {
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.body).toEqualTypeOf<unknown>();
    }
    if (error.kind === 'validation') expectTypeOf(error).toEqualTypeOf<ValidationError>();
    if (error.kind === 'config') expectTypeOf(error).toEqualTypeOf<ConfigError>();
    if (error.kind === 'response') expectTypeOf(error).toEqualTypeOf<ResponseError>();

    const referral = await createReferral(keyed, {
      body: { campaignId: 7, advocateProfileIntegrationId: 'u1' },
    });
    if (
      !referral.ok &&
      referral.error.kind === 'http' &&
      referral.error.documented &&
      referral.error.status === 400
    )
      expectTypeOf(referral.error.body).toEqualTypeOf<ErrorResponse>();
    if (!referral.ok && referral.error.kind === 'http' && referral.error.documented) {
      // @ts-expect-error createReferral documents 400 and 401 only
      referral.error.status === 404;
    }

    const coupon = await createCouponReservation(keyed, { couponValue: 'X', body: { integrationIDs: [] } });
    if (!coupon.ok && coupon.error.kind === 'http' && coupon.error.documented && coupon.error.status === 400)
      expectTypeOf(coupon.error.body).toEqualTypeOf<ErrorResponseWithStatus>();

    // The 2021 operations document no error status: every HTTP error is undocumented.
    const event = await trackEvent(keyed, { body: { type: 'x', attributes: {}, sessionId: 's' } });
    if (!event.ok && event.error.kind === 'http') expectTypeOf(event.error.documented).toEqualTypeOf<false>();
  });
});

describe('answer types have no index signature', () => {
  test('a misspelled field of an answer is a compile error', async () => {
    const r = await updateCustomerSessionV2(keyed, session);
    if (!r.ok) return;
    expectTypeOf(r.value).toEqualTypeOf<IntegrationStateV2>();
    r.value.customerSession;
    // @ts-expect-error customerSesion is not a field of IntegrationStateV2 (customerSession is)
    r.value.customerSesion;
    for (const effect of r.value.effects) {
      if (effect.effectType !== 'setDiscount') continue;
      expectTypeOf(effect).toEqualTypeOf<SetDiscountEffect>();
      expectTypeOf(effect.props.value).toEqualTypeOf<number>();
      // @ts-expect-error valeu is not a field of SetDiscountEffectProps (value is)
      effect.props.valeu;
    }
    // Relaxed in 26.13: optional, possibly null; lists are arrays when present.
    expectTypeOf(r.value.customerSession).toEqualTypeOf<IntegrationStateV2['customerSession']>();
    if (r.value.customerSession) {
      expectTypeOf(r.value.customerSession.cartItems).toEqualTypeOf<CartItem[] | undefined>();
      expectTypeOf(r.value.customerSession.profileId).toEqualTypeOf<string | null | undefined>();
    }
    expectTypeOf(r.value.effects).toEqualTypeOf<Effect[]>();
  });

  test('the value type has no string index signature', () => {
    expectTypeOf<string>().not.toExtend<keyof IntegrationStateV2>();
    expectTypeOf<string>().not.toExtend<keyof SetDiscountEffectProps>();
    expectTypeOf<string>().not.toExtend<keyof Coupon>();
  });
});
