/**
 * Seeded random numbers for everything (initialisation, exploration noise, replay sampling).
 * Generated in JavaScript, never by a backend, so a seed gives bit-identical streams on every
 * backend. xoshiro128** with splitmix32 seeding; the state is four uint32 words and round-trips
 * through checkpoints.
 * @module
 */

/** A seeded generator of uniform and normal numbers; `state` can be saved and restored. */
export class Rng {
  #s = new Uint32Array(4);
  #spareNormal: number | null = null;

  /** A generator seeded with `seed` (any uint32). */
  constructor(seed: number) {
    let x = (seed >>> 0) ^ 0x9e3779b9;
    for (let i = 0; i < 4; i++) {
      // splitmix32
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.#s[i] = (z ^ (z >>> 16)) >>> 0;
    }
    if ((this.#s[0] | this.#s[1] | this.#s[2] | this.#s[3]) === 0) this.#s[0] = 1;
  }

  /** A uniform uint32. */
  nextUint32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform number in [0, 1) with 32 bits of randomness. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [0, n). */
  integer(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** A standard normal sample (Box–Muller; the second value is kept for the next call). */
  normal(): number {
    if (this.#spareNormal !== null) {
      const value = this.#spareNormal;
      this.#spareNormal = null;
      return value;
    }
    const u1 = 1 - this.uniform(); // in (0, 1]
    const u2 = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    this.#spareNormal = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  }

  /** The generator's full state, for checkpoints. */
  get state(): { words: number[]; spare: number | null } {
    return { words: Array.from(this.#s), spare: this.#spareNormal };
  }

  set state(value: { words: number[]; spare: number | null }) {
    this.#s.set(value.words);
    this.#spareNormal = value.spare;
  }

  /**
   * Sets the four state words to `words[at…at + 3]` and keeps the normal spare: for a stream
   * stepped elsewhere by integer draws only (the GPU's minibatch draw, lib/fused/wgsl_draw.ts).
   */
  setWords(words: ArrayLike<number>, at = 0): void {
    for (let i = 0; i < 4; i++) this.#s[i] = words[at + i];
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Independent random streams of one population member. */
export const STREAMS = {
  init: 0,
  exploration: 1,
  smoothing: 2,
  replay: 3,
  environment: 4,
} as const;

/** The generator of `stream` for member `member` of a population seeded with `seed`. */
export function memberRng(seed: number, member: number, stream: number): Rng {
  return new Rng((Math.imul(seed + member, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca77)) >>> 0);
}

/** The generators of `stream` for members 0…P−1 of a population seeded with `seed`. */
export function memberRngs(seed: number, P: number, stream: number): Rng[] {
  return Array.from({ length: P }, (_, p) => memberRng(seed, p, stream));
}
