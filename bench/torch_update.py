"""PyTorch timing of one DDPG update of the shape `deno task bench` times (optional).

The project never needs Python: `bench/updates.ts` runs this script only where `python3` (or
$STACKRL_PYTHON) imports torch, to print our update's ratio to PyTorch's in the same run. The
update is DDPG's as lib/agent.ts specifies it (critic MSE step with Adam, actor step on
-mean Q(s, pi(s)) with Adam, polyak), for a population of P independent agents held as batched
weights [P, in, out] and run with batched matrix products, on one CPU thread by default
(`--device cuda` runs it on the GPU, synchronising before each timestamp).

With --serve it reads counts from stdin and answers each with one timing (bench/torch.ts
`torchServer`). Otherwise it prints one JSON object: {"population", "hidden", "threads", "device", "median_ms",
"per_agent_ms", "median_cpu_ms", "per_agent_cpu_ms"}: wall time, and process CPU time (what
`deno task bench` reports for our own updates, so that a busy machine slows neither side's figure).
"""

import argparse
import json
import sys
import time

import torch


def mlp_params(sizes, population, generator):
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        bound = (6.0 / (fan_in + fan_out)) ** 0.5
        kernel = (torch.rand(population, fan_in, fan_out, generator=generator) * 2 - 1) * bound
        params += [kernel.requires_grad_(), torch.zeros(population, 1, fan_out, requires_grad=True)]
    return params


def mlp(params, x):
    layers = len(params) // 2
    for layer in range(layers):
        x = torch.baddbmm(params[2 * layer + 1], x, params[2 * layer])
        if layer + 1 < layers:
            x = torch.relu(x)
    return x


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--population", type=int, default=1)
    parser.add_argument("--hidden", type=int, default=16)
    parser.add_argument("--obs", type=int, default=17)
    parser.add_argument("--act", type=int, default=6)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--serve", action="store_true", help="time n updates per line of stdin")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    P, B, O, A, H = args.population, args.batch, args.obs, args.act, args.hidden
    g = torch.Generator().manual_seed(0)
    actor = [p.detach().to(device).requires_grad_() for p in mlp_params([O, H, H, A], P, g)]
    critic = [p.detach().to(device).requires_grad_() for p in mlp_params([O + A, H, H, 1], P, g)]
    actor_target = [p.detach().clone() for p in actor]
    critic_target = [p.detach().clone() for p in critic]
    actor_opt = torch.optim.Adam(actor, lr=1e-3)
    critic_opt = torch.optim.Adam(critic, lr=1e-3)
    gamma, tau = 0.99, 0.005
    s = torch.randn(P, B, O, generator=g).to(device)
    a = (torch.rand(P, B, A, generator=g) * 2 - 1).to(device)
    r = torch.randn(P, B, 1, generator=g).to(device)
    s2 = torch.randn(P, B, O, generator=g).to(device)
    d = torch.zeros(P, B, 1, device=device)

    def update():
        with torch.no_grad():
            a2 = torch.tanh(mlp(actor_target, s2))
            y = r + gamma * (1 - d) * mlp(critic_target, torch.cat([s2, a2], -1))
        q = mlp(critic, torch.cat([s, a], -1))
        critic_loss = ((q - y) ** 2).mean(dim=(1, 2)).sum()
        critic_opt.zero_grad(set_to_none=True)
        critic_loss.backward()
        critic_opt.step()
        actor_loss = -mlp(critic, torch.cat([s, torch.tanh(mlp(actor, s))], -1)).mean(dim=(1, 2)).sum()
        actor_opt.zero_grad(set_to_none=True)
        actor_loss.backward()
        actor_opt.step()
        with torch.no_grad():
            for target, source in zip(actor_target + critic_target, actor + critic):
                target.mul_(1 - tau).add_(source, alpha=tau)

    for _ in range(20):
        update()
    sync()
    if args.serve:
        # one line per request: a count n in, then the wall and process CPU ms per update of n
        # updates out, so that a caller can alternate its own timings with these
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            n = int(line)
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in range(n):
                update()
            sync()
            print(json.dumps({
                "ms": (time.perf_counter() - t0) * 1000 / n,
                "cpu_ms": (time.process_time() - c0) * 1000 / n,
            }), flush=True)
        return
    samples, cpu = [], []
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds or len(samples) < 5:
        t0, c0 = time.perf_counter(), time.process_time()
        update()
        sync()
        samples.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    samples.sort()
    cpu.sort()
    median = samples[len(samples) // 2]
    median_cpu = cpu[len(cpu) // 2]
    print(json.dumps({
        "population": P,
        "hidden": H,
        "threads": args.threads,
        "device": args.device,
        "median_ms": median,
        "per_agent_ms": median / P,
        "median_cpu_ms": median_cpu,
        "per_agent_cpu_ms": median_cpu / P,
    }))


if __name__ == "__main__":
    main()
