#!/usr/bin/env python3
"""Two definitions under one name across the engine's translation units (.ci/run step 1d).

usage: odr_check.py LIB.a... (objects of an -O0 build: there each definition of an inline
function, template or vtable compiles to the same size in every object that emits it).

Fails (exit 1) and lists, for C++ symbols of namespace trustlint:
  - a symbol defined strongly (T, D, B, R) in two objects: the linker keeps whichever it meets
    first in a static library, silently;
  - a weak symbol (inline function, template instance, vtable, typeinfo: W, V) whose size
    differs between objects: two classes or inline functions with one name, whose members the
    linker may mix (an ODR violation such as two `internal::ValueSet` classes);
  - a free function name defined (T) in two objects with different parameters: two overloads
    in two files, one name for two jobs (like the two `parse_template`s were).
Symbols are compared by their mangled names (a destructor's deleting, complete and base
variants are three symbols), and demangled with c++filt for the report. Needs binutils.
"""
import collections
import re
import subprocess
import sys


def symbols(libs):
    # "lib.a:member.o:ADDR SIZE KIND NAME" (SIZE absent for some symbols)
    pattern = re.compile(r"^(.*?):([^:]+\.o):[0-9a-f]+ (?:([0-9a-f]+) )?(\w) (.*)$")
    for lib in libs:
        out = subprocess.run(["nm", "-S", "-A", "--defined-only", lib],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            m = pattern.match(line)
            if m:
                _, member, size, kind, name = m.groups()
                yield member, size, kind, name


def demangle(names):
    out = subprocess.run(["c++filt"], input="\n".join(names) + "\n", capture_output=True, text=True,
                         check=True).stdout.splitlines()
    return dict(zip(names, out))


def main(libs):
    mangled = collections.defaultdict(list)
    for member, size, kind, name in symbols(libs):
        # ours (namespace trustlint), not of an anonymous namespace (one per file by design)
        if "9trustlint" in name and "_GLOBAL__N_" not in name:
            mangled[name].append((member, size, kind))
    readable = demangle(sorted(mangled))
    ours = ("trustlint::", "vtable for trustlint::", "typeinfo for trustlint::", "typeinfo name for trustlint::")
    # keyed by mangled name, shown demangled; std:: templates instantiated for our types are left
    # to the library (their code may differ with what each file's headers pulled in)
    by_name = {f"{readable[m]}  [{m}]": defs for m, defs in mangled.items() if readable[m].startswith(ours)}
    problems = []
    for name, defs in sorted(by_name.items()):
        strong = sorted({m for m, _, k in defs if k in "TDBR"})
        if len(strong) > 1:
            problems.append(f"defined in {len(strong)} objects: {name}\n    " + " ".join(strong))
        weak_sizes = {s for _, s, k in defs if k in "WV" and s}
        if len(weak_sizes) > 1:
            where = " ".join(sorted(f"{m}({s})" for m, s, k in defs if k in "WV"))
            problems.append(f"weak definitions of different sizes: {name}\n    {where}")
    overloads = collections.defaultdict(set)
    for name, defs in by_name.items():
        shown = name[:name.rindex("  [")]
        if "::" in shown and "(" in shown and not shown.startswith(("vtable", "typeinfo")):
            base = shown[:shown.index("(")]
            if re.search(r"::(~?)(\w+)::\1?\2$", base):  # constructors and destructors
                continue
            for member, _, kind in defs:
                if kind == "T":
                    overloads[base].add((member, shown))
    for base, defs in sorted(overloads.items()):
        if len({m for m, _ in defs}) > 1 and len({n for _, n in defs}) > 1:
            problems.append(f"one name, overloads in several files: {base}\n    " +
                            "\n    ".join(f"{m}: {n}" for m, n in sorted(defs)))
    for p in problems:
        print(p)
    print(f"odr_check: {len(by_name)} symbols of namespace trustlint, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
