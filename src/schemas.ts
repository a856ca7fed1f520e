/**
 * talon-fetch/schemas: the valibot schema of every model, for callers who validate data of their
 * own against the API's shapes (a webhook payload, a cached answer). Answer schemas are tolerant
 * and request schemas strict, exactly as the endpoints use them; each is typed against the named
 * type the main entry exports (`IntegrationStateV2Schema` checks an `IntegrationStateV2`).
 * `v.safeParse` and the Standard Schema interface (`schema['~standard'].validate`) run the same
 * checks and give the same issues.
 * A separate entry so that the main entry's declarations stay small.
 */
export * from './models/schemas.js';
