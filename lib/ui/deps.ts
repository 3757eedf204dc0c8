/**
 * The one place that names npm packages for the web UI's server side. Specifiers are fully
 * qualified and pinned (docs/design.md §2) so that the UI works when imported by URL. Keep exactly
 * one preact version in the graph (docs/design.md §13): islands import {@link PREACT} through the
 * same specifier via `islands/deps.ts`.
 * @module
 */
export { Hono } from "npm:hono@4.13.19";
export type { Context } from "npm:hono@4.13.19";
export { streamSSE } from "npm:hono@4.13.19/streaming";
export { h } from "npm:preact@10.29.8";
export type { ComponentChildren, JSX, VNode } from "npm:preact@10.29.8";
export { renderToString } from "npm:preact-render-to-string@6.8.2";
export * as esbuild from "npm:esbuild@0.28.2";
