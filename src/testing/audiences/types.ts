/**
 * An audience, as options give it and as the state keeps it.
 */

/** An audience profiles can join (`createAudienceV2` sets the optional fields it is given). */
export interface FakeAudience {
  readonly id: number;
  readonly name: string;
  readonly created?: string | undefined;
  readonly description?: string | undefined;
  readonly sandbox?: boolean | undefined;
  readonly subscribedApplicationsIds?: readonly number[] | undefined;
  /** The third-party platform it comes from (`createAudienceV2`). */
  readonly integration?: string | undefined;
  /** Its ID in that platform: unique per `integration`. */
  readonly integrationId?: string | undefined;
  readonly createdIn3rdParty?: boolean | undefined;
  readonly lastUpdate?: string | undefined;
}
