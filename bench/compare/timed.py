#!/usr/bin/env python3
"""Runs one command as a whole process and appends "WALL CPU" (seconds, and seconds of user +
system time) to TIMES; stdout goes to OUT, stderr to ERR. For bench/compare.sh:
microsecond resolution (GNU time rounds to 10 ms, too coarse for a 15 ms process). The child is
started with posix_spawn (glibc: clone(CLONE_VM | CLONE_VFORK)), so that no copy of this Python
process's page tables is charged to it. (Its ru_maxrss would still count this process's memory,
which the child's address space started as: compare.sh takes peak memory from GNU time.)

    timed.py TIMES OUT ERR COMMAND [ARG...]
"""
import os
import shutil
import sys
import time

times, out, err, *command = sys.argv[1:]
program = shutil.which(command[0]) or command[0]
actions = [
    (os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    (os.POSIX_SPAWN_OPEN, 2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
]
# A new file each time: truncating the last run's output (8.9 MB of answers) in the child's
# O_TRUNC would charge freeing its page cache to the command timed (about 4 ms of CPU).
for path in (out, err):
    if os.path.isfile(path):
        os.unlink(path)
start = time.perf_counter()
pid = os.posix_spawn(program, command, os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(times, "a") as f:
    f.write(f"{wall:.6f} {usage.ru_utime + usage.ru_stime:.6f}\n")
