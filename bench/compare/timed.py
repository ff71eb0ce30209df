#!/usr/bin/env python3
"""Runs one command as a whole process and appends "WALL CPU MAXRSS_KB" (seconds, seconds of
user + system time, kilobytes) to TIMES; stdout goes to OUT, stderr to ERR. For bench/compare.sh:
microsecond resolution (GNU time rounds to 10 ms, too coarse for a 15 ms process).

    timed.py TIMES OUT ERR COMMAND [ARG...]
"""
import os
import subprocess
import sys
import time

times, out, err, *command = sys.argv[1:]
with open(out, "wb") as stdout, open(err, "wb") as stderr:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
with open(times, "a") as f:
    f.write(f"{wall:.6f} {usage.ru_utime + usage.ru_stime:.6f} {usage.ru_maxrss}\n")
sys.exit(0)
