#!/usr/bin/env python3
"""Instruction counts of every job, creditline against the std baseline.

Builds the `icount` bench (bench profile, as `cargo bench` builds it, with
symbols kept so that callgrind can find the counted function), runs each
job once per implementation on the 4096-entry bench table under
`valgrind --tool=callgrind`, counting only the call itself, and checks
the ratio baseline / creditline against the floors in
`benches/icount-floors.txt`. Exits 1 if a ratio is below its floor.

Instruction counts, unlike times, are the same from run to run of the
same build, so a floor can sit close to the measurement. (The size of the
environment moves the stack's alignment, and with it a `memset` in the
top sheet by a few instructions.) They can differ between machines:
the baseline's counts include the C library's `malloc`, `free`, `memcpy`
and `memcmp`, whose code depends on its version and on the processor
(it picks its string functions by CPU features). And they are not times:
a job can run more instructions and take less time (see docs/benchmarks.md), so
the floors guard against a regression in the work done, and the `jobs`
bench remains the measure of speed.

    python3 benches/icount.py            # every job
    python3 benches/icount.py split      # only the jobs named
    python3 benches/icount.py --suggest  # also print floors from this run

Needs valgrind. Extra arguments for cargo can go in CARGO_* environment
variables as usual (e.g. CARGO_TARGET_DIR).
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "benches" / "icount-floors.txt"
# Demangled name of the function the bench counts in (one instance per
# job closure; a run calls one of them).
COUNTED = "icount::measured*"
# A suggested floor keeps this share of the measured ratio: room for a
# toolchain or dependency update to shift the counts, not for a job to
# lose a fifth of its advantage.
MARGIN = 0.8
# The targets (stated for time) no floor may fall below.
TARGETS = {
    "parse": 1.0,
    "order_main_titles": 10.0,
    "order_end_credits": 10.0,
    "order_billing_block": 10.0,
    "classify": 5.0,
    "topsheet": 5.0,
}


def build():
    env = dict(os.environ)
    # The release profile strips symbols; keep them for --toggle-collect.
    # Stripping is done at link time, so the code counted is the code the
    # `jobs` bench times.
    env["CARGO_PROFILE_BENCH_STRIP"] = "none"
    result = subprocess.run(
        ["cargo", "bench", "--bench", "icount", "--no-run", "--message-format=json-render-diagnostics"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    if result.returncode != 0:
        sys.exit("icount.py: cargo could not build the icount bench")
    for line in result.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "icount":
            if message.get("executable"):
                return message["executable"]
    sys.exit("icount.py: cargo built no icount executable")


def count(binary, job, implementation, workdir):
    out = Path(workdir) / f"callgrind.{job}.{implementation}"
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            f"--toggle-collect={COUNTED}",
            f"--callgrind-out-file={out}",
            binary,
            job,
            implementation,
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"icount.py: {job} {implementation} failed:\n{result.stdout}{result.stderr}")
    totals = None
    for line in out.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            totals = int(line.split()[1])
    if not totals:
        sys.exit(f"icount.py: nothing counted for {job} {implementation}: is {COUNTED} in the binary's symbols?")
    return totals


def read_floors():
    floors = {}
    for number, line in enumerate(FLOORS.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            job, floor = line.split()
            floors[job] = float(floor)
        except ValueError:
            sys.exit(f"{FLOORS.name}:{number}: expected `job floor`, got {line!r}")
    return floors


def suggest(job, ratio):
    floor = math.floor(ratio * MARGIN * 10) / 10
    return max(floor, TARGETS.get(job, 0.0))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("jobs", nargs="*", help="jobs to count (default: all)")
    parser.add_argument("--suggest", action="store_true", help="print floors from this run's ratios")
    args = parser.parse_args()

    if not shutil.which("valgrind"):
        sys.exit("icount.py: needs valgrind")
    binary = build()
    all_jobs = subprocess.run([binary, "--list"], capture_output=True, text=True, check=True).stdout.split()
    floors = read_floors()
    unknown = sorted(set(args.jobs) - set(all_jobs))
    if unknown:
        sys.exit(f"icount.py: no such job: {', '.join(unknown)} (jobs: {', '.join(all_jobs)})")
    # Every job has a floor and every floor a job, so that neither a new
    # job nor a renamed one goes unchecked.
    mismatch = set(all_jobs) ^ set(floors)
    if mismatch:
        sys.exit(f"icount.py: {FLOORS.name} and the bench's jobs differ: {', '.join(sorted(mismatch))}")

    failed, rows = [], []
    print(f"{'job':<20} {'creditline':>12} {'baseline':>12} {'ratio':>7} {'floor':>6}")
    with tempfile.TemporaryDirectory() as workdir:
        for job in args.jobs or all_jobs:
            ours = count(binary, job, "creditline", workdir)
            theirs = count(binary, job, "baseline", workdir)
            ratio = theirs / ours
            below = ratio < floors[job]
            if below:
                failed.append(job)
            rows.append((job, ratio))
            mark = "  BELOW FLOOR" if below else ""
            print(f"{job:<20} {ours:>12,} {theirs:>12,} {ratio:>6.2f}x {floors[job]:>5.2f}x{mark}", flush=True)
    if args.suggest:
        print(f"\nfloors from this run (ratio x {MARGIN} rounded down, at least the target):")
        for job, ratio in rows:
            print(f"{job} {suggest(job, ratio):.1f}")
    if failed:
        print(f"\nbelow the floor: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
