"""PyTorch eager side of the step profile (see profile.sh): the same step as throughput_torch.py
(the default `mnist` network or the reference one, ResLT loss, Adam), timed phase by phase, and the
operators that take the most self CPU time over the timed steps (torch.profiler).

Usage: /usr/bin/python3 step_profile_torch.py [network] [batch] [warmup_steps] [timed_steps] [threads]
Prints one JSON object: seconds per step of each phase, images/s, top operators' shares.
"""
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from throughput_torch import Setup, reslt_loss  # noqa: E402


def main():
    network = sys.argv[1] if len(sys.argv) > 1 else "mnist"
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 128
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    timed = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    setup = Setup(network, threads)
    total, images, labels = setup.total, setup.images, setup.labels
    mt_table, t_table, model = setup.mt_table, setup.t_table, setup.model
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    spent = {"batch": 0.0, "forward": 0.0, "loss": 0.0, "backward": 0.0, "optimiser": 0.0}

    def step(timing):
        t0 = time.perf_counter()
        index = torch.randint(0, total, (batch,))
        x = images[index].float()
        y = labels[index]
        optimizer.zero_grad(set_to_none=True)
        t1 = time.perf_counter()
        outputs = model(x)
        t2 = time.perf_counter()
        loss = reslt_loss(outputs, y, mt_table, t_table)
        t3 = time.perf_counter()
        loss.backward()
        t4 = time.perf_counter()
        optimizer.step()
        t5 = time.perf_counter()
        if timing:
            for key, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                spent[key] += seconds

    for _ in range(warmup):
        step(False)
    start = time.perf_counter()
    for _ in range(timed):
        step(True)
    wall = time.perf_counter() - start
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
        for _ in range(max(5, timed // 4)):
            step(False)
    ops = prof.key_averages()
    self_total = sum(e.self_cpu_time_total for e in ops)
    top = sorted(ops, key=lambda e: e.self_cpu_time_total, reverse=True)[:12]
    print(json.dumps({
        "torch": torch.__version__, "network": network, "batch": batch, "steps": timed,
        "images_per_second": round(batch * timed / wall, 1),
        "ms_per_step": {k: round(1000 * v / timed, 3) for k, v in spent.items()},
        "wall_ms_per_step": round(1000 * wall / timed, 3),
        "top_ops_self_cpu_share": {e.key: round(e.self_cpu_time_total / self_total, 4) for e in top},
    }, indent=1))


if __name__ == "__main__":
    main()
