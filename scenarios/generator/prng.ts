// A seeded pseudo-random generator built only from 32-bit integer operations, so a seed gives the same sequence on
// every platform and JavaScript engine (no Math.random, no floating point inside the state update).
// The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-clean); its state is
// expanded from the seed and a stream number with splitmix32, so streams of one seed are independent.

const TWO_POW_32 = 4294967296;
const TWO_POW_24 = 16777216;

/** Expands a 32-bit value into well-mixed 32-bit words (splitmix32); used only to seed sfc32. */
function splitmix32(state: number): { next: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return { next, value: z >>> 0 };
}

export class SeededRandom {
  // The state lives in an Int32Array: object fields holding 32-bit values would be boxed as heap numbers under
  // V8's 31-bit small integers, costing an allocation per draw.
  private readonly state = new Int32Array(4);

  /** `seed` and `stream` are unsigned 32-bit integers; the same pair always yields the same sequence. */
  constructor(seed: number, stream = 0) {
    if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
      throw new Error(`invariant: seed ${seed} is not an unsigned 32-bit integer`);
    }
    if (!Number.isInteger(stream) || stream < 0 || stream >= TWO_POW_32) {
      throw new Error(`invariant: stream ${stream} is not an unsigned 32-bit integer`);
    }
    let state = (seed ^ Math.imul(stream, 0x85ebca6b)) | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const step = splitmix32(state);
      state = step.next;
      words.push(step.value | 0);
    }
    this.state.set(words);
    // sfc32's author recommends discarding the first outputs so that similar seeds diverge.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** An unsigned 32-bit integer, uniform over [0, 2^32). */
  nextU32(): number {
    const state = this.state;
    const a = state[0];
    const b = state[1];
    const c = state[2];
    const d = state[3];
    const t = (((a + b) | 0) + d) | 0;
    state[3] = (d + 1) | 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) | 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A double in [0, 1): an integer divided by a power of two, so exact and identical everywhere. */
  nextUnit(): number {
    return this.nextU32() / TWO_POW_32;
  }

  /** A double in (0, 1]: safe to take the logarithm of. */
  nextUnitOpenBelow(): number {
    return (this.nextU32() + 1) / TWO_POW_32;
  }

  /**
   * A double in [0, 1) with 24 random bits: adding it to an integer below 2^28 never rounds up to the next
   * integer, which the systematic allocations rely on to hit their totals exactly.
   */
  nextUnitCoarse(): number {
    return (this.nextU32() >>> 8) / TWO_POW_24;
  }

  /** An integer in [0, bound); bound ≤ 2^32. The bias (under 2^-32 · bound) is irrelevant for synthetic data. */
  nextBelow(bound: number): number {
    return Math.floor(this.nextUnit() * bound);
  }

  /** True with the given probability. */
  nextChance(probability: number): boolean {
    return this.nextUnit() < probability;
  }
}
