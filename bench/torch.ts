/**
 * PyTorch's time for the same DDPG update, where this machine has it: runs
 * `bench/torch_update.py` with `$STACKRL_PYTHON` (default `python3`) if that interpreter imports
 * torch, else reports why not. Optional by design: the project never needs Python.
 * @module
 */

/** One PyTorch timing: median wall ms per update of all P agents, and per agent. */
export interface TorchTiming {
  medianMs: number;
  perAgentMs: number;
  /** Median process CPU ms per update, per agent (what our CPU figures are compared with). */
  perAgentCpuMs: number;
}

const SCRIPT = new URL("./torch_update.py", import.meta.url);
let available: Promise<string | null> | undefined;

/** The interpreter's name if it imports torch, else null (checked once per process). */
export function torchPython(): Promise<string | null> {
  available ??= (async () => {
    const python = Deno.env.get("STACKRL_PYTHON") ?? "python3";
    try {
      const { success } = await new Deno.Command(python, {
        args: ["-c", "import torch"],
        stdout: "null",
        stderr: "null",
      }).output();
      return success ? python : null;
    } catch {
      return null; // no such interpreter
    }
  })();
  return available;
}

/** bench/torch_update.py and its shape arguments. */
function scriptArgs(P: number, hidden: number, threads: number): string[] {
  return [SCRIPT.pathname, `--population=${P}`, `--hidden=${hidden}`, `--threads=${threads}`];
}

/** Whether the interpreter's torch sees a CUDA device. */
export async function torchCuda(): Promise<boolean> {
  const python = await torchPython();
  if (!python) return false;
  const { success } = await new Deno.Command(python, {
    args: ["-c", "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)"],
    stdout: "null",
    stderr: "null",
  }).output();
  return success;
}

/**
 * PyTorch's DDPG update at population P and hidden width H on `threads` CPU threads, or on the
 * GPU with `device: "cuda"`.
 */
export async function torchTiming(
  P: number,
  hidden: number,
  { threads = 1, seconds = 2, device = "cpu" as "cpu" | "cuda" } = {},
): Promise<TorchTiming | null> {
  const python = await torchPython();
  if (!python) return null;
  const { success, stdout, stderr } = await new Deno.Command(python, {
    args: [...scriptArgs(P, hidden, threads), `--seconds=${seconds}`, `--device=${device}`],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!success) {
    throw new Error(`bench/torch_update.py failed: ${new TextDecoder().decode(stderr)}`);
  }
  const out = JSON.parse(new TextDecoder().decode(stdout));
  return {
    medianMs: out.median_ms,
    perAgentMs: out.per_agent_ms,
    perAgentCpuMs: out.per_agent_cpu_ms,
  };
}

/** A PyTorch process holding one population's DDPG state, timing updates on request. */
export interface TorchServer {
  /** Wall and process CPU ms per update, over `n` updates run now. */
  time(n: number): Promise<{ ms: number; cpuMs: number }>;
  close(): Promise<void>;
}

/**
 * Starts `bench/torch_update.py --serve` (population P, hidden width `hidden`, one CPU thread
 * unless `threads`): the caller alternates its own timed rounds with this process's, so that load
 * from other work on the machine falls on both alike. Null where no python3 imports torch.
 */
export async function torchServer(
  P: number,
  hidden: number,
  { threads = 1 } = {},
): Promise<TorchServer | null> {
  const python = await torchPython();
  if (!python) return null;
  const child = new Deno.Command(python, {
    args: [...scriptArgs(P, hidden, threads), "--serve"],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(splitLines())
    .getReader();
  const next = async () => {
    const { value, done } = await lines.read();
    if (done) throw new Error("bench/torch_update.py --serve ended early");
    return JSON.parse(value);
  };
  await next(); // {"ready": true} after its warm-up
  return {
    async time(n) {
      await writer.write(new TextEncoder().encode(`${n}\n`));
      const out = await next();
      return { ms: out.ms, cpuMs: out.cpu_ms };
    },
    async close() {
      await writer.close();
      await lines.cancel();
      await child.status;
    },
  };
}

function splitLines(): TransformStream<string, string> {
  let rest = "";
  return new TransformStream({
    transform(chunk, controller) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      for (const line of parts) if (line.trim()) controller.enqueue(line);
    },
    flush(controller) {
      if (rest.trim()) controller.enqueue(rest);
    },
  });
}
