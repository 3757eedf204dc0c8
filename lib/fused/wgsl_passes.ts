/**
 * WGSL generators of the per-sample passes of the fused WebGPU update (lib/fused/wgsl.ts): one
 * network's forward and backward pass for sample b, and the branches that find a parameter's
 * place. Sizes are baked into the source; `B`, `A`, `DQDA` are the kernel's constants.
 * @module
 */
import type { NetLayout } from "./layout.ts";

/** Per-sample forward of one net from H[0] (already filled) to its output. */
export function forward(name: string, l: NetLayout, H: number[], out: number): string {
  let body = "";
  for (let k = 0; k < l.layers; k++) {
    const nin = l.sizes[k], nout = l.sizes[k + 1];
    const dst = k + 1 < l.layers ? H[k + 1] : out;
    const act = k + 1 < l.layers ? "max(z, 0.0)" : "z";
    body += `
  for (var j = 0u; j < ${nout}u; j++) {
    var z = state[w + ${l.bOff[k]}u + j];
    for (var i = 0u; i < ${nin}u; i++) {
      z = fma(work[ws + ${H[k]}u + i * B + b], state[w + ${l.kOff[k]}u + i * ${nout}u + j], z);
    }
    work[ws + ${dst}u + j * B + b] = ${act};
  }`;
  }
  return `fn ${name}(ws: u32, b: u32, w: u32) {${body}\n}\n`;
}

/** Per-sample backward from E[last] (already set) down to E[0]; optionally ∂/∂(action input). */
export function backward(
  name: string,
  l: NetLayout,
  H: number[],
  E: number[],
  inputFrom = -1,
): string {
  let body = "";
  for (let k = l.layers - 1; k >= 1; k--) {
    const nin = l.sizes[k], nout = l.sizes[k + 1];
    body += `
  for (var i = 0u; i < ${nin}u; i++) {
    var g = 0.0;
    for (var j = 0u; j < ${nout}u; j++) {
      g = fma(state[w + ${l.kOff[k]}u + i * ${nout}u + j], work[ws + ${E[k]}u + j * B + b], g);
    }
    work[ws + ${E[k - 1]}u + i * B + b] = select(0.0, g, work[ws + ${H[k]}u + i * B + b] > 0.0);
  }`;
  }
  if (inputFrom >= 0) {
    const nout = l.sizes[1];
    body += `
  for (var a = 0u; a < A; a++) {
    var g = 0.0;
    for (var j = 0u; j < ${nout}u; j++) {
      g = fma(state[w + ${l.kOff[0]}u + (${inputFrom}u + a) * ${nout}u + j], work[ws + ${
      E[0]
    }u + j * B + b], g);
    }
    work[ws + DQDA + a * B + b] = g;
  }`;
  }
  return `fn ${name}(ws: u32, b: u32, w: u32) {${body}\n}\n`;
}

/**
 * The branches that find parameter q's layer and place (kernel entry (i, j) or bias j) and
 * then run `body(g)`, where g is the WGSL expression of sample b's gradient of q: h_i·e_j for a
 * kernel entry, e_j for a bias.
 */
export function byParameter(
  l: NetLayout,
  H: number[],
  E: number[],
  body: (g: string) => string,
): string {
  let out = "";
  for (let k = 0; k < l.layers; k++) {
    const nout = l.sizes[k + 1];
    out += `
  if (q < ${l.bOff[k]}u) {
    let i = (q - ${l.kOff[k]}u) / ${nout}u;
    let j = (q - ${l.kOff[k]}u) % ${nout}u;
    ${body(`work[ws + ${H[k]}u + i * B + b] * work[ws + ${E[k]}u + j * B + b]`)}
  }
  if (q < ${l.bOff[k] + nout}u) {
    let j = q - ${l.bOff[k]}u;
    ${body(`work[ws + ${E[k]}u + j * B + b]`)}
  }`;
  }
  return out;
}
