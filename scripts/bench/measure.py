"""Runs commands in turn, round after round, and prints for each the median wall, user and
system time and the highest peak memory of its runs (round 0 warms the caches and is not
counted). The commands take turns because this machine's speed drifts over minutes: a ratio
of two tools measured minutes apart would carry that drift.

    measure.py SCALE RUNS NAME=COMMAND [NAME=COMMAND ...]
"""
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def run(command: str, peak_file: str) -> tuple[float, float, float, int]:
    """Wall, user and system seconds, and peak memory in MB, of one run. The peak comes from
    /usr/bin/time, a small process: a child forked from Python would count Python's memory."""
    timed = ["/usr/bin/time", "-f", "%M", "-o", peak_file, *shlex.split(command)]
    started = time.perf_counter()
    child = subprocess.Popen(timed, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {command}")
    with open(peak_file) as f:
        peak = int(f.read().split()[-1]) // 1024
    return wall, usage.ru_utime, usage.ru_stime, peak


def main() -> None:
    scale, runs = sys.argv[1], int(sys.argv[2])
    commands = [arg.split("=", 1) for arg in sys.argv[3:]]
    peak_file = os.path.join(tempfile.mkdtemp(), "peak")
    results: dict[str, list[tuple[float, float, float, int]]] = {name: [] for name, _ in commands}
    for round_ in range(runs + 1):
        for name, command in commands:
            measured = run(command, peak_file)
            if round_ > 0:
                results[name].append(measured)
    for name, runs_ in results.items():
        wall, user, system = (statistics.median(r[i] for r in runs_) for i in range(3))
        peak = max(r[3] for r in runs_)
        print(f"x{scale:<5} {name:<28} {wall:10.3f} {user:10.3f} {system:10.3f} {peak:>10}", flush=True)


if __name__ == "__main__":
    main()
