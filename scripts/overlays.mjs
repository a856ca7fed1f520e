// Hand-written documentation overlays for the generated endpoint modules: where the spec's own
// summary and description say too little, the text here is used instead (description), and every
// operation can get a better example than the mechanical one. Data only; read by scripts/gen.mjs.

/** @type {Record<string, { description?: string, example?: string, notes?: string, deprecated?: string }>} */
export const OVERLAYS = {
  "createCouponReservation": {
    "description": "Reserves a coupon for the customer profiles listed in the body (`integrationIDs`, up to 1,000), so that only they can redeem it. Answers the reserved coupon (HTTP 201).",
    "example": "const result = await createCouponReservation(talon, { couponValue: 'SUMMER-10', body: { integrationIDs: ['user-1'] } });"
  },
  "createReferral": {
    "description": "Creates a referral code for an advocate in a referral campaign. Answers the referral with its generated `code` (HTTP 201).",
    "example": "const result = await createReferral(talon, { body: { campaignId: 7, advocateProfileIntegrationId: 'user-1' } });"
  },
  "createReferralsForMultipleAdvocates": {
    "description": "Creates referral codes for several advocates at once. With `silent: 'no'` the API answers the created referrals (HTTP 201); with `silent: 'yes'` (the API's default when omitted) it answers 204 with no body, and the value is `undefined`.",
    "example": "const result = await createReferralsForMultipleAdvocates(talon, { silent: 'no', body: { campaignId: 7, usageLimit: 1, advocateProfileIntegrationIds: ['a', 'b'] } });"
  },
  "deleteCouponReservation": {
    "description": "Removes the reservations of a coupon for the customer profiles listed in the body. Answers 204 with no body (value `undefined`).",
    "example": "const result = await deleteCouponReservation(talon, { couponValue: 'SUMMER-10', body: { integrationIDs: ['user-1'] } });"
  },
  "deleteCustomerData": {
    "description": "Deletes all data of a customer profile (sessions, events, loyalty data; for data-protection requests). Answers 204 with no body (value `undefined`); 404 when the profile does not exist.",
    "example": "const result = await deleteCustomerData(talon, { integrationId: 'user-1' });"
  },
  "getCustomerInventory": {
    "description": "Reads what a customer holds: set the flags (`profile`, `referrals`, `coupons`, `loyalty`, `giveaways`, `achievements`) for the parts you want included.",
    "example": "const result = await getCustomerInventory(talon, { integrationId: 'user-1', coupons: true, loyalty: true });"
  },
  "getReservedCustomers": {
    "description": "Lists the customer profiles that hold a reservation of a coupon (`{ data: CustomerProfile[] }`).",
    "example": "const result = await getReservedCustomers(talon, { couponValue: 'SUMMER-10' });"
  },
  "trackEvent": {
    "description": "Tracks a custom event for a customer profile with the 2021 (V1) Integration API and answers the resulting integration state with its effects (HTTP 201). `dry: true` evaluates without persisting.",
    "example": "const result = await trackEvent(talon, { body: { profileId: 'user-1', sessionId: 'cart-1', type: 'pageView', attributes: {} } });",
    "deprecated": "A 2021 (V1) operation that the current API no longer lists; use {@link trackEventV2} (POST /v2/events)."
  },
  "updateCustomerProfile": {
    "description": "Creates or updates a customer profile with the 2021 (V1) Integration API and answers the integration state with its effects. `dry: true` evaluates without persisting.",
    "example": "const result = await updateCustomerProfile(talon, { integrationId: 'user-1', body: { attributes: { Name: 'Ada' } } });",
    "deprecated": "A 2021 (V1) operation that the current API no longer lists; use {@link updateCustomerProfileV2}."
  },
  "updateCustomerProfileAudiences": {
    "description": "Adds customer profiles to audiences and removes them from others, in one request. Answers 204 with no body (value `undefined`).",
    "example": "const result = await updateCustomerProfileAudiences(talon, { body: { data: [{ action: 'add', profileIntegrationId: 'user-1', audienceId: 3 }] } });"
  },
  "updateCustomerProfileV2": {
    "description": "Creates or updates a customer profile (attributes, audiences, loyalty cards). With `runRuleEngine: true` the rules run and the answer carries effects; `dry: true` evaluates without persisting. The live API answers CustomerProfileIntegrationResponseV2 (the 2021 documents said IntegrationStateV2). 409 when the same profile is updated concurrently.",
    "example": "const result = await updateCustomerProfileV2(talon, { integrationId: 'user-1', runRuleEngine: true, body: { attributes: { Name: 'Ada' } } });"
  },
  "updateCustomerProfilesV2": {
    "description": "Creates or updates up to 1,000 customer profiles in one request. With `silent: 'no'` the API answers the updated profiles; with `silent: 'yes'` (the API's default when omitted) it answers an empty 2xx and the value is `undefined`.",
    "example": "const result = await updateCustomerProfilesV2(talon, { silent: 'no', body: { customerProfiles: [{ integrationId: 'user-1', attributes: {} }] } });"
  },
  "updateCustomerSession": {
    "description": "Creates or updates a customer session with the 2021 (V1) Integration API and answers the integration state with its effects. `dry: true` evaluates without persisting.",
    "example": "const result = await updateCustomerSession(talon, { customerSessionId: 'cart-1', body: { profileId: 'user-1', state: 'open' } });",
    "deprecated": "A 2021 (V1) operation that the current API no longer lists; use {@link updateCustomerSessionV2}."
  },
  "updateCustomerSessionV2": {
    "description": "Creates or updates a customer session (cart items, coupon codes, referral code, state) and runs the rules: the answer carries the session, the profile and the effects to apply. Set `body.customerSession.state` to `closed` to close it. `dry: true` evaluates without persisting; `now` evaluates as at a future date-time. 409 when the same session is updated concurrently.",
    "example": "const result = await updateCustomerSessionV2(talon, { customerSessionId: 'cart-1', body: { customerSession: { profileId: 'user-1', couponCodes: ['SUMMER-10'] } } });"
  }
};
