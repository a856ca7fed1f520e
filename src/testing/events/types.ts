/**
 * Events as the state keeps them.
 */

/** An event the fake recorded (session and profile updates record one too, as the API does). */
export interface FakeEvent {
  id: number;
  created: string;
  type: string;
  profileId: string | undefined;
  sessionId: string | undefined;
  attributes: Record<string, unknown>;
  effects: Record<string, unknown>[];
  /** The event's own ID (advanced events, `trackEventV3`): unique. */
  integrationId?: string | undefined;
  /** The closed session an advanced event refers to. */
  connectedSessionId?: string | undefined;
  storeIntegrationId?: string | undefined;
}
