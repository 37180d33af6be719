#!/usr/bin/env python3
"""The Dask recipe against the CLI alone: same bytes out, and how fast.

    python3 scripts/recipes/test_dask_clean.py [--records 3000] [--bench RUNS]

Generates --records JSON Lines records from the seed articles' paragraphs
(some with stray line breaks, half-width punctuation, mojibake or CRLF, a few
bad records), runs `newsclean check|fix --jsonl` on them in one process, then
dask_clean.py on a distributed LocalCluster of two workers with small
partitions, and fails unless the outputs and exit codes are the same. With
--bench, also times `fix` RUNS times each for the CLI alone and for Dask on
one and on two workers, and prints the median records per second.
Run by `npm run eval:dask` (after the build).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from dask.distributed import Client, LocalCluster

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dask_clean  # noqa: E402

ROOT = dask_clean.ROOT
CLI = os.path.join(ROOT, "dist", "cli.js")


def records(n):
    seeds = os.path.join(ROOT, "test", "fixtures", "seeds")
    paragraphs = []
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt") and not name.endswith(".fixed.txt"):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                paragraphs += [p for p in f.read().split("\n") if p.strip()]
    out = []
    for i in range(n):
        p = paragraphs[i % len(paragraphs)]
        kind = i % 5
        if kind == 0:
            p = p.replace("，", "\n，")
        elif kind == 1:
            p = p.replace("，", ",").replace("。", ".")
        elif kind == 2:
            p = p.encode("utf-8").decode("gbk", errors="ignore")
        elif kind == 3:
            p = p.replace("，", "，\r\n", 1)
        if i % 499 == 7:
            out.append('{"id": %d, "text": ' % i)  # cut short: an error line
        elif i % 499 == 11:
            out.append(json.dumps({"id": i, "body": p}, ensure_ascii=False))  # no text field
        else:
            out.append(json.dumps({"id": i, "text": p, "source": "seed"}, ensure_ascii=False))
    return "\n".join(out) + "\n"


def cli_alone(command, path):
    with open(path, "rb") as f:
        r = subprocess.run(["node", CLI, command, "--jsonl", "--jobs", "1"], stdin=f, stdout=subprocess.PIPE, check=False)
    return r.returncode, r.stdout.decode("utf-8")


def with_dask(client, command, path, blocksize):
    parts = []
    code = dask_clean.run(command, [path], client, blocksize=blocksize, write=parts.append)
    return code, "".join(parts)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--records", type=int, default=3000)
    p.add_argument("--bench", type=int, default=0, help="time fix this many runs each (median)")
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsclean-dask-test-") as tmp:
        path = os.path.join(tmp, "archive.jsonl")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(records(a.records))
        size = os.path.getsize(path)
        blocksize = max(size // 12, 1)  # a dozen partitions
        failures = 0
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, local_directory=tmp) as cluster, Client(cluster) as client:
            for command in ("check", "fix"):
                t0 = time.perf_counter()
                want = cli_alone(command, path)
                t1 = time.perf_counter()
                got = with_dask(client, command, path, blocksize)
                t2 = time.perf_counter()
                same = got == want
                failures += not same
                lines = want[1].count("\n")
                print(f"{command}: {lines} lines, exit {want[0]}; CLI alone {t1 - t0:.1f} s, Dask (2 workers) {t2 - t1:.1f} s: {'same output' if same else 'DIFFERENT OUTPUT'}")
                if not same:
                    a_lines, b_lines = want[1].splitlines(), got[1].splitlines()
                    diff = next((i for i, (x, y) in enumerate(zip(a_lines, b_lines)) if x != y), min(len(a_lines), len(b_lines)))
                    print(f"  exit codes {want[0]} / {got[0]}; first difference at output line {diff + 1}")
        if a.bench:
            bench(path, a.records, a.bench, blocksize, tmp)
        return 1 if failures else 0


def bench(path, n, runs, blocksize, tmp):
    def rate(fn):
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return n / statistics.median(times)

    print(f"fix, {n} records, median of {runs} runs (records per second):")
    print(f"  CLI alone (--jobs 1): {rate(lambda: cli_alone('fix', path)):.0f}")
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, local_directory=tmp) as cluster, Client(cluster) as client:
            with_dask(client, "fix", path, blocksize)  # warm: workers started, modules loaded
            print(f"  Dask, {workers} worker{'s' if workers > 1 else ''}: {rate(lambda: with_dask(client, 'fix', path, blocksize)):.0f}")


if __name__ == "__main__":
    sys.exit(main())
