"""The Fashion-MNIST-LT benchmark's run ledger and results table (standard library only).

Usage: fashion_results.py record RUNS_DIR LEDGER
       fashion_results.py report RUNS_DIR LEDGER RESULTS_MD

record: every finished run in RUNS_DIR (a trainer run folder NETWORK-METHOD-sSEED/ with a report.json,
or a PyTorch result torch-METHOD-sSEED.json) gets one JSON line in LEDGER, replacing an older line of
the same run. A timing-note.txt in a run folder (a line: why its time does not compare with the
others, e.g. another machine) goes with it, and marks its row's time in the table. The ledger is committed: run folders are scratch (git ignores runs/) and are lost with
the machine, the ledger keeps what each run measured.

report: writes the section between <!-- fashion:begin --> and <!-- fashion:end --> of RESULTS_MD
(appended when absent) from the ledger. A row of the previous section that the ledger has no run of
is carried over as it was and marked, so a lost run folder never silently drops a measured row.
Every choice (the best method) is made on validation; test numbers are reported.
"""
import json
import os
import re
import statistics
import sys
import time

BEGIN, END = "<!-- fashion:begin -->", "<!-- fashion:end -->"
CARRIED = "†"
TIMING_NOTE = "‡"
GOAL_DEFAULT = 0.887
RESLT = ("reslt", "reslt-la", "reslt-branch-sampling")
ORDER = ["ce", "ce-balanced", "logit-adjusted", "reslt", "reslt-la", "reslt-branch-sampling"]
TORCH_NETWORK = "PyTorch 1.13, default network"
METRICS = ("val", "top1", "balanced", "head", "medium", "tail")


def read_float(path):
    return float(open(path).read()) if os.path.isfile(path) else None


def read_text(path):
    return open(path).read().strip() if os.path.isfile(path) else None


def finished_runs(runs):
    """Ledger entries of the finished runs in RUNS_DIR."""
    entries = []
    for name in sorted(os.listdir(runs)):
        d = os.path.join(runs, name)
        m = re.fullmatch(r"(mnist|resnet32|resnet18|reference)-(.+)-s(\d+)", name)
        report_file = os.path.join(d, "report.json")
        if m and os.path.isfile(report_file):
            r = json.load(open(report_file))
            sel = r.get("selection") or {}
            entries.append({"run": name, "network": m.group(1), "method": m.group(2),
                            "seed": int(m.group(3)), "val": (sel.get("validation") or {}).get("top1"),
                            "top1": r["top1"], "balanced": r["balanced"], "head": r.get("head"),
                            "medium": r.get("medium"), "tail": r.get("tail"), "epoch": sel.get("epoch"),
                            "classRecall": dict(zip(r.get("classLabels") or [], r.get("classRecall") or [])),
                            "wallSeconds": read_float(os.path.join(d, "wall-seconds.txt")),
                            "timingNote": read_text(os.path.join(d, "timing-note.txt")),
                            "finished": finished_at(report_file)})
            continue
        m = re.fullmatch(r"torch-(.+)-s(\d+)\.json", name)
        if m:
            t = json.load(open(d))
            entries.append({"run": name[:-5], "network": TORCH_NETWORK, "method": m.group(1),
                            "seed": int(m.group(2)), "val": t.get("validationTop1"), "top1": t.get("top1"),
                            "balanced": t.get("balanced"), "head": None, "medium": None,
                            "tail": t.get("tail"), "epoch": None,
                            "wallSeconds": read_float(os.path.join(runs, name[:-5] + ".wall-seconds.txt")),
                            "finished": finished_at(d)})
    return entries


def finished_at(path):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(os.path.getmtime(path)))


def read_ledger(path):
    if not os.path.isfile(path):
        return []
    entries = []
    for number, line in enumerate(open(path), 1):
        if line.strip():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"error: {path} line {number}: not a JSON object ({e.msg})")
    return entries


def write_atomically(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def record(runs, ledger):
    entries = {e["run"]: e for e in read_ledger(ledger)}
    new = finished_runs(runs) if os.path.isdir(runs) else []
    for e in new:
        entries[e["run"]] = e
    os.makedirs(os.path.dirname(ledger) or ".", exist_ok=True)
    write_atomically(ledger, "".join(json.dumps(e) + "\n" for e in entries.values()))
    print(f"{ledger}: {len(entries)} run(s), {len(new)} from {runs}", file=sys.stderr)


def pct(x):
    return "-" if x is None else f"{100 * x:.2f}"


def mean_sd(values):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    if len(values) == 1:
        return pct(values[0])
    return f"{100 * statistics.mean(values):.2f} ± {100 * statistics.stdev(values):.2f}"


def mean(values):
    values = [v for v in values if v is not None]
    return statistics.mean(values) if values else None


def measured_row(key, runs):
    """One table row from the ledger's runs of a (network, method)."""
    runs = sorted(runs, key=lambda x: x["seed"])
    walls = [x["wallSeconds"] for x in runs if x.get("wallSeconds") is not None]
    notes = sorted({x["timingNote"] for x in runs if x.get("timingNote")})
    time_cell = str(round(statistics.mean(walls))) if walls else "-"
    row = {"network": key[0], "method": key[1], "seeds": [x["seed"] for x in runs], "carried": False,
           "cells": [mean_sd([x.get(k) for x in runs]) for k in METRICS]
           + [f"{time_cell} {TIMING_NOTE}" if notes else time_cell],
           "per_seed": {x["seed"]: x for x in runs}, "timing_notes": notes}
    row.update({k: mean([x.get(k) for x in runs]) for k in METRICS})
    return row


def previous_rows(text):
    """The table rows of the previous section, so rows without a run in the ledger survive."""
    if BEGIN not in text or END not in text:
        return {}
    rows = {}
    section = text[text.index(BEGIN):text.index(END)]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 10 or not re.fullmatch(r"[\d,]+", cells[2]):
            continue
        network = cells[0].replace(CARRIED, "").strip()
        row = {"network": network, "method": cells[1], "carried": True,
               "seeds": [int(s) for s in cells[2].split(",")], "cells": cells[3:], "per_seed": None}
        for k, cell in zip(METRICS, cells[3:9]):
            row[k] = None if cell == "-" else float(cell.split("±")[0]) / 100
        rows[(network, cells[1])] = row
    for line in section.splitlines():
        for (network, method), row in rows.items():
            if line.startswith(f"{TIMING_NOTE} Time of {network} {method}: "):
                row["timing_notes"] = [line.split(": ", 1)[1]]
    return rows


def order(key):
    torch = key[0] == TORCH_NETWORK
    return (torch, key[0] != "mnist", key[0], ORDER.index(key[1]) if key[1] in ORDER else 99)


def goals(rows):
    lines = []
    default = rows.get(("mnist", "reslt-la"))
    if default:
        lines.append(f"- `train --dataset fashion-mnist` with every other default (reslt-la, default network):"
                     f" {pct(default['top1'])}% top-1, goal ≥ 88.70%:"
                     f" **{'met' if default['top1'] >= GOAL_DEFAULT else 'missed'}**"
                     f" ({len(default['seeds'])} seed(s)).")
    for network in sorted({k[0] for k in rows if k[0] != TORCH_NETWORK}, key=lambda n: (n != "mnist", n)):
        mine = {k[1]: r for k, r in rows.items() if k[0] == network}
        res = {k: r for k, r in mine.items() if k in RESLT}
        base = {k: r for k, r in mine.items() if k not in RESLT}
        if res and base:
            rm = max(res, key=lambda k: res[k]["val"] or 0)
            bm = max(base, key=lambda k: base[k]["val"] or 0)
            ok = res[rm]["balanced"] >= base[bm]["balanced"]
            lines.append(f"- {network}: best ResLT method on validation `{rm}` has balanced accuracy"
                         f" {pct(res[rm]['balanced'])}% vs the best baseline on validation `{bm}`"
                         f" {pct(base[bm]['balanced'])}%: **{'met' if ok else 'missed'}**.")
    torch = rows.get((TORCH_NETWORK, "reslt-la"))
    if torch and default:
        # the same seeds on both sides
        seeds = sorted(set(torch["seeds"]) & set(default["seeds"]))
        if default["per_seed"] and torch["per_seed"]:
            dm = mean([default["per_seed"][s]["top1"] for s in seeds])
            tm = mean([torch["per_seed"][s]["top1"] for s in seeds])
        elif seeds == torch["seeds"] == default["seeds"]:
            dm, tm = default["top1"], torch["top1"]
        else:
            seeds = []
        if seeds:
            lines.append(f"- reslt-la, trainer vs PyTorch (same network, split, batches; seeds"
                         f" {','.join(map(str, seeds))}): {pct(dm)}% vs {pct(tm)}% top-1:"
                         f" **{'met' if dm > tm else 'missed'}** (goal: ahead).")
    return lines


def previous_line(text, prefix):
    if BEGIN not in text:
        return None
    for line in text[text.index(BEGIN):].splitlines():
        if line.startswith(prefix):
            return line
    return None


def report(runs, ledger, results):
    text = open(results).read() if os.path.isfile(results) else ""
    groups = {}
    for e in read_ledger(ledger):
        groups.setdefault((e["network"], e["method"]), []).append(e)
    rows = {key: measured_row(key, g) for key, g in groups.items()}
    carried = {k: r for k, r in previous_rows(text).items() if k not in rows}
    rows.update(carried)

    split_file = os.path.join(runs, "split.json")
    if os.path.isfile(split_file):
        split = json.load(open(split_file))
        counts = split.get("classCounts", [])
        split_line = (f"Split: `exp:100` on Fashion-MNIST ({sum(counts):,} training images per class "
                      f"{counts}; {len(split.get('validationIndices') or [])} validation images from unused"
                      " training images, class 0 lending 50 of its own), tested once on the full balanced"
                      " test set (10,000). Means ± sample standard deviation over seeds; the validation"
                      " column chooses, the test columns report.")
    else:
        split_line = previous_line(text, "Split:") or f"Split: {split_file} is missing."
    inv_file = os.path.join(runs, "fashion-invocation.txt")
    if os.path.isfile(inv_file):
        inv = (open(inv_file).read().splitlines() + ["", "", ""])[:3]
        command_line = f"Command: `{inv[0]}`"
        load_line = f"Load at start: `{inv[1].strip()}`; at end: `{inv[2].strip()}`."
    else:
        command_line = previous_line(text, "Command:") or "Command: `trainer/bench/fashion-mnist-lt.sh`"
        load_line = previous_line(text, "Load at start:") or "Load at start and end: not recorded."

    lines = [BEGIN, "", "## Fashion-MNIST-LT", "", split_line, "", command_line, load_line, "",
             "| network | method | seeds | validation top-1 | top-1 | balanced | head | medium | tail | time per run (s) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for key in sorted(rows, key=order):
        r = rows[key]
        network = f"{key[0]} {CARRIED}" if r["carried"] else key[0]
        lines.append(f"| {network} | {key[1]} | {','.join(map(str, r['seeds']))} | {' | '.join(r['cells'])} |")
    for key in sorted(rows, key=order):
        for note in rows[key].get("timing_notes") or []:
            lines += ["", f"{TIMING_NOTE} Time of {key[0]} {key[1]}: {note}"]
    if carried:
        lines += ["", f"{CARRIED} Carried over from the previous version of this table: the ledger"
                  f" ({ledger}) holds no run of these rows, whose run folders were lost before it kept"
                  " them; the numbers are as they were measured (this file's history has them)."]
    lines += ["", "Goals (issue 11):"] + goals(rows) + ["", END]
    section = "\n".join(lines)
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    write_atomically(results, text)
    print(f"wrote the Fashion-MNIST-LT section of {results} ({len(rows) - len(carried)} row(s) from the"
          f" ledger, {len(carried)} carried over)", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "record":
        record(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "report":
        report(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
