/**
 * Where agenda items stand after an edit. Positions are dense (1..n) and follow the list order, so an item's
 * position is its place on the printed agenda; each edit renumbers the items it shifts.
 */
export interface Positioned {
  id: string;
  position: number;
}

const inOrder = <T extends Positioned>(items: readonly T[]): T[] => [...items].sort((a, b) => a.position - b.position);

/** The new positions, by id, of `items` with `id` taken out and put at `position` (1-based, within the list). */
export function positionsAfterMove(items: readonly Positioned[], id: string, position: number): Map<string, number> {
  const rest = inOrder(items).filter((item) => item.id !== id);
  rest.splice(position - 1, 0, { id, position });
  return new Map(rest.map((item, index) => [item.id, index + 1]));
}

/** The new positions, by id, once `id` is removed (the items after it close up). */
export function positionsAfterRemove(items: readonly Positioned[], id: string): Map<string, number> {
  return new Map(
    inOrder(items)
      .filter((item) => item.id !== id)
      .map((item, index) => [item.id, index + 1]),
  );
}

/** The positions, by id, of the existing items once a new one is inserted at `position` (1..n+1). */
export function positionsAfterInsert(items: readonly Positioned[], position: number): Map<string, number> {
  return new Map(inOrder(items).map((item, index) => [item.id, index + 1 >= position ? index + 2 : index + 1]));
}
