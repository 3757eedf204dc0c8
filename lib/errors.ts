/**
 * Validation helpers: every bad input names the field, the value and what is allowed.
 * @module
 */

/** An error raised for a bad option or input; `field` names what was wrong. */
export class ValidationError extends Error {
  /** The option or input that was rejected. */
  readonly field: string;
  /** The rejected value, as given. */
  readonly value: unknown;
  /** What is allowed. */
  readonly allowed: string;
  /** `field: got <value>; allowed: <allowed>`. */
  constructor(field: string, value: unknown, allowed: string) {
    super(`${field}: got ${describe(value)}; allowed: ${allowed}`);
    this.name = "ValidationError";
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }

  /** The same error naming the field as the user typed it (a config field by its flag). */
  renamed(field: string, value: unknown = this.value): ValidationError {
    return new ValidationError(field, value, this.allowed);
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  if (value instanceof Float32Array || value instanceof Float64Array) {
    return `${value.constructor.name}(${value.length})`;
  }
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? text.slice(0, 77) + "..." : text;
  } catch {
    return String(value);
  }
}

/** A finite number within [min, max] (inclusive unless `exclusiveMin`). */
export function checkNumber(
  field: string,
  value: unknown,
  opts: { min?: number; max?: number; exclusiveMin?: boolean; integer?: boolean } = {},
): number {
  const { min = -Infinity, max = Infinity, exclusiveMin = false, integer = false } = opts;
  const kind = integer ? "an integer" : "a finite number";
  const range = `${kind} ${exclusiveMin ? ">" : ">="} ${min}${
    max === Infinity ? "" : ` and <= ${max}`
  }`;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ValidationError(field, value, range);
  }
  if (integer && !Number.isInteger(value)) throw new ValidationError(field, value, range);
  if ((exclusiveMin ? value <= min : value < min) || value > max) {
    throw new ValidationError(field, value, range);
  }
  return value;
}

/** One of a fixed set of strings. */
export function checkChoice<T extends string>(
  field: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new ValidationError(field, value, `one of ${choices.map((c) => `"${c}"`).join(", ")}`);
  }
  return value as T;
}

/** A Float32Array of exactly `length` finite values. */
export function checkVector(field: string, value: unknown, length: number): Float32Array {
  if (!(value instanceof Float32Array) || value.length !== length) {
    throw new ValidationError(field, value, `a Float32Array of length ${length}`);
  }
  for (let i = 0; i < value.length; i++) {
    if (!Number.isFinite(value[i])) {
      throw new ValidationError(`${field}[${i}]`, value[i], "a finite number");
    }
  }
  return value;
}

/** Rejects keys of `options` that are not in `known`, naming the nearest valid one. */
export function checkKnownKeys(
  what: string,
  options: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const hint = nearest(key, known);
      throw new ValidationError(
        `${what}.${key}`,
        options[key],
        `no such option${hint ? ` (did you mean "${hint}"?)` : ""}; known: ${known.join(", ")}`,
      );
    }
  }
}

/** The candidate with the smallest edit distance to `word`, if it is close enough. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
