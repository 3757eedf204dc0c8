/**
 * Names derived from content: FNV-1a for the run addresses of the plan (lib/report/plan.ts) and
 * for the ids inside a figure (lib/report/svg.ts), so that the same input gives the same bytes
 * whatever was computed before it in the process.
 * @module
 */

/** FNV-1a, 32 bits, as 8 hex digits. */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Stands for an id in a text until {@linkcode nameByContent} replaces it. */
export const CONTENT_ID = "@content-id@";

/**
 * `text` with every {@linkcode CONTENT_ID} replaced by the hash of `text`: two figures inlined
 * in one page (report.html) get apart ids unless they are the same figure.
 */
export function nameByContent(text: string): string {
  return text.replaceAll(CONTENT_ID, hash8(text));
}
