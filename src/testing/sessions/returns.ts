/**
 * Returns of cart items (`returnCartItems`): which cart items and quantities a return names,
 * checked against what the session has not returned yet.
 */

import type { ReturnIntegrationRequestInputSchema } from '../../models/schemas.js';
import { type Answer, fail } from '../answers.js';
import type { Body } from '../route.js';
import type { FakeCartItem, FakeSession } from './types.js';

/** A cart item's quantity not returned yet. */
function remaining(item: FakeCartItem): number {
  return item.quantity - Number(item.returnedQuantity ?? 0);
}

export type ReturnedLine = { readonly item: FakeCartItem; readonly quantity: number };

/** The cart items a return names, with their quantities; or the 400 pointing at the bad one. */
export function resolveReturn(
  session: FakeSession,
  items: Body<typeof ReturnIntegrationRequestInputSchema>['return']['returnedCartItems'],
): ReturnedLine[] | Answer {
  if (items.length === 0)
    return fail(400, 'A return needs at least one returned cart item', [
      { title: 'Invalid returned cart item', pointer: '/return/returnedCartItems' },
    ]);
  const lines: ReturnedLine[] = [];
  const taken = new Map<FakeCartItem, number>();
  const left = (item: FakeCartItem) => remaining(item) - (taken.get(item) ?? 0);
  for (const [index, wanted] of items.entries()) {
    const pointer = `/return/returnedCartItems/${index}`;
    const refuse = (message: string, field: string) =>
      fail(400, `${message} (returned cart item ${index})`, [
        { title: 'Invalid returned cart item', pointer: `${pointer}${field}` },
      ]);
    let item: FakeCartItem | undefined;
    if (wanted.position !== undefined) {
      item = session.cartItems[wanted.position];
      if (!item) return refuse(`The session has no cart item at position ${wanted.position}`, '/position');
      if (wanted.sku !== undefined && item.sku !== wanted.sku)
        return refuse(`The cart item at position ${wanted.position} is not ${wanted.sku}`, '/sku');
    } else if (wanted.sku !== undefined) {
      const sku = wanted.sku;
      item =
        session.cartItems.find((c) => c.sku === sku && left(c) > 0) ??
        session.cartItems.find((c) => c.sku === sku);
      if (!item) return refuse(`The session has no cart item with the SKU ${sku}`, '/sku');
    } else return refuse('A returned cart item needs its position or its sku', '');
    const quantity = wanted.quantity ?? left(item);
    if (quantity < 1 || quantity > left(item))
      return refuse(`Between 1 and ${left(item)} unit(s) of this cart item can be returned`, '/quantity');
    taken.set(item, (taken.get(item) ?? 0) + quantity);
    lines.push({ item, quantity });
  }
  return lines;
}
