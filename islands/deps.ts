/**
 * npm packages of the browser islands, with the same pinned specifiers as the server (one preact
 * in the graph, docs/design.md §13). Heavy browser-only libraries are loaded with dynamic
 * `import()`, which the bundler turns into separate chunks fetched only by the pages that need
 * them.
 * @module
 */
export { h, hydrate, render } from "npm:preact@10.29.8";
export type { ComponentChildren, VNode } from "npm:preact@10.29.8";
export { useCallback, useEffect, useMemo, useRef, useState } from "npm:preact@10.29.8/hooks";
export type { MutableRef as Ref } from "npm:preact@10.29.8/hooks";
import type uPlotType from "npm:uplot@1.6.32";

/** The uPlot constructor (loaded on first use). */
export async function loadUPlot(): Promise<typeof uPlotType> {
  return (await import("npm:uplot@1.6.32")).default;
}
export type { uPlotType as UPlot };
