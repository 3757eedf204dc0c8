/**
 * Adam's constants, shared by the tfjs optimizer (lib/adam.ts), the fused host path and the
 * WebGPU kernel. A module of its own, free of tfjs, so that workers can import it.
 * @module
 */

/** β₁, β₂ and ε of Adam (Kingma and Ba's defaults, as PyTorch's). */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
