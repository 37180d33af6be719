#!/usr/bin/env python3
"""Cleans JSON Lines archives with newsclean as the map step of a Dask cluster.

    python3 scripts/recipes/dask_clean.py fix ARCHIVE.jsonl... [--workers 2]
        [--scheduler tcp://host:8786] [--blocksize 4MiB] [--out DIR]
        [-- newsclean options, e.g. --field body --set newsclean.rules.boilerplate=off]

The files are read in partitions of whole lines (--blocksize), each
partition (an element of a dask.bag) is piped through `newsclean check|fix --jsonl` (one Node process
per partition, on whichever worker is free), and the results come back in
input order: to standard output, or with --out one file per partition
(DIR/00000.jsonl, ...). Without --scheduler a distributed LocalCluster of
--workers processes (one thread each) runs on this machine.

The exit code is newsclean's over the whole archive: 2 when a record was
bad (its output line says why), else 1 when check found something or fix
left findings, else 0.

Needs dask and distributed (Debian: apt-get install python3-dask
python3-distributed) and Node; the CLI is this repository's dist/cli.js
(node scripts/build.mjs) unless --cli names another.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import dask.bag as db
from dask import delayed
from dask.bytes import read_bytes
from dask.distributed import Client, LocalCluster

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def clean_partition(block, file, command, cli, node, options):
    """Pipes one partition (whole lines, as bytes) through the CLI: [(exit code, output, its file, lines read)]."""
    r = subprocess.run(
        [node, cli, command, "--jsonl", "--jobs", "1", *options],
        input=block,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    if r.returncode not in (0, 1, 2) or (r.returncode == 2 and r.stderr):
        # A usage or I/O error (a bad record alone says nothing on stderr).
        raise RuntimeError(f"newsclean exited {r.returncode}: {r.stderr.decode('utf-8', 'replace').strip()}")
    lines = block.count(b"\n") + (1 if block and not block.endswith(b"\n") else 0)
    return [(r.returncode, r.stdout.decode("utf-8"), file, lines)]


# An error line's "line" member: its quote is not escaped, so it is not inside a string.
ERROR_LINE = re.compile(r'^(\{"error":.*?)(,"line":)(\d+)')


def renumber(text, first, path):
    """The error lines of a partition numbered as in its whole file (the CLI counts from the partition's start)."""
    if '{"error":' not in text:
        return text
    file_part = f',"file":{json.dumps(path, ensure_ascii=False)}' if path is not None else ""

    def fix(m):
        return f"{m.group(1)}{file_part}{m.group(2)}{int(m.group(3)) + first}"

    return "".join(ERROR_LINE.sub(fix, line, count=1) for line in text.splitlines(keepends=True))


def worst(a, b):
    """The exit code of two runs together: 2 over 1 over 0."""
    return max(a, b)


def run(command, paths, client, blocksize="4MiB", cli=None, node="node", options=(), out=None, write=None):
    """Cleans `paths` on `client`'s cluster; writes the output in order; returns the exit code."""
    cli = cli or os.path.join(ROOT, "dist", "cli.js")
    paths = list(paths)
    # Partitions of whole lines, as bytes (read_bytes splits at line breaks); a bag of one result each.
    _, blocks, files = read_bytes(paths, delimiter=b"\n", blocksize=blocksize, include_path=True)
    clean = delayed(clean_partition, pure=False)  # it runs a process: every run runs it again
    bag = db.from_delayed([clean(b, k, command, cli, node, list(options)) for k, bs in enumerate(blocks) for b in bs])
    futures = client.compute(bag.to_delayed())
    write = write or sys.stdout.write
    if out:
        os.makedirs(out, exist_ok=True)
    code = 0
    seen = [0] * len(files)  # lines read so far in each file
    for i, future in enumerate(futures):  # in input order, each as soon as it and those before it are done
        [(part_code, text, k, n)] = future.result()
        code = worst(code, part_code)
        first = seen[k]
        seen[k] += n
        text = renumber(text, first, files[k] if len(files) > 1 else None)
        if out:
            with open(os.path.join(out, f"{i:05d}.jsonl"), "w", encoding="utf-8", newline="") as f:
                f.write(text)
        else:
            write(text)
    return code


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    options = []
    if "--" in argv:
        at = argv.index("--")
        argv, options = argv[:at], argv[at + 1 :]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("command", choices=["check", "fix"])
    p.add_argument("paths", nargs="+", help="JSON Lines files (globs are expanded by dask)")
    p.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    p.add_argument("--scheduler", help="address of a running Dask scheduler instead of a local cluster")
    p.add_argument("--blocksize", default="4MiB", help="bytes of input per partition (default 4MiB)")
    p.add_argument("--out", help="a folder for one output file per partition (default: standard output)")
    p.add_argument("--cli", help="newsclean's cli.js (default: this repository's dist/cli.js)")
    p.add_argument("--node", default="node", help="the Node binary (default: node)")
    a = p.parse_args(argv)
    if a.scheduler:
        with Client(a.scheduler) as client:
            return run(a.command, a.paths, client, a.blocksize, a.cli, a.node, options, a.out)
    with tempfile.TemporaryDirectory(prefix="newsclean-dask-") as space, LocalCluster(
        n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=None, local_directory=space
    ) as cluster, Client(cluster) as client:
        return run(a.command, a.paths, client, a.blocksize, a.cli, a.node, options, a.out)


if __name__ == "__main__":
    sys.exit(main())
