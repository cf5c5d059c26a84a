// Property tests run on fast-check: generated cases, shrunk to the smallest failing one when a property
// breaks. The seed is fixed, so CI runs the same cases every time; look harder locally with
//   PROPERTY_SEED=$RANDOM PROPERTY_SCALE=20 npx vitest run test/core
// (a failure prints the seed and path that replay it).
import fc from 'fast-check';

export const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20_261_202);
const SCALE = Number(process.env.PROPERTY_SCALE ?? 1);

/** Asserts a property over `numRuns` cases (times PROPERTY_SCALE), from the fixed seed. */
export function check<T extends unknown[]>(property: fc.IProperty<T>, numRuns: number): void {
  fc.assert(property, { seed: PROPERTY_SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)) });
}

export { fc };
