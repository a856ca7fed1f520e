/** scripts/gen/naming.mjs: export names. */
import { describe, expect, it } from 'vitest';
import { script, tinyLegacy, tinySpec } from './support.js';

const naming = await script('gen/naming.mjs');

describe('export names', () => {
  it('names list answers by their operation and other spec names without underscores', () => {
    expect(naming.exportName('listThings_200_response')).toBe('ListThingsResponse');
    expect(naming.exportName('listThings_404_response')).toBe('ListThings404Response');
    expect(naming.exportName('Thing_allOf_parts')).toBe('ThingParts');
    expect(naming.exportName('Thing')).toBe('Thing');
  });

  it('gives request shapes an Input suffix and legacy shapes the current release also has a Legacy prefix', () => {
    const releases = { current: tinySpec(), legacy: tinyLegacy() };
    expect(naming.typeName('Thing', releases.current, 'out', releases)).toBe('Thing');
    expect(naming.typeName('Thing', releases.current, 'in', releases)).toBe('ThingInput');
    expect(naming.typeName('Thing', releases.legacy, 'out', releases)).toBe('LegacyThing');
    expect(naming.typeName('Thing', releases.legacy, 'in', releases)).toBe('LegacyThingInput');
    expect(naming.typeName('OnlyOld', releases.legacy, 'out', releases)).toBe('OnlyOld');
    expect(naming.typeName('Thing', releases.current, 'out', { current: releases.current })).toBe('Thing');
  });
});
