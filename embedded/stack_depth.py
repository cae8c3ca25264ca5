#!/usr/bin/env python3
"""Worst-case stack depth of functions in the firmware, from its disassembly.

Reads `llvm-objdump -d --demangle --no-show-raw-insn` output, takes each
function's frame from its prologue (`push`/`vpush` registers, `sub sp`),
follows `bl`/`blx` calls, and prints for every function whose name
contains one of the arguments the deepest call path and its total bytes.
An indirect call (`blx rN`: the `dyn` iterators of the JSON reader's lookups) is taken to
reach the deepest function whose name matches --indirect (default: any
closure or iterator `next`), which bounds it from above.

    llvm-objdump -d --demangle --no-show-raw-insn \
        target/thumbv7em-none-eabihf/release/creditline-embedded > fw.asm
    python3 stack_depth.py fw.asm creditline::order::order::
"""
import re
import sys

FUNCTION = re.compile(r"^[0-9a-f]+ <(.*)>:$")
PUSH = re.compile(r"\t(push(?:\.w)?|vpush)\t\{([^}]*)\}")
SUB_SP = re.compile(r"\tsub(?:w|\.w)?\tsp, (?:sp, )?#(0x[0-9a-f]+|\d+)")
CALL = re.compile(r"\tblx?\t0x[0-9a-f]+ <([^+>]+)")
INDIRECT = re.compile(r"\tblx\tr\d+")
INDIRECT_CALL = "<indirect>"


def registers(spec):
    count = 0
    for reg in (r.strip() for r in spec.split(",")):
        if "-" in reg:
            first, last = reg.split("-")
            count += int(last[1:]) - int(first[1:]) + 1
        else:
            count += 1
    return count


def parse(lines):
    functions, current = {}, None
    for line in lines:
        match = FUNCTION.match(line)
        if match:
            current = match.group(1)
            functions[current] = {"frame": 0, "calls": set()}
            continue
        if current is None:
            continue
        frame = functions[current]
        if match := PUSH.search(line):
            size = 8 if match.group(1) == "vpush" and match.group(2).strip().startswith("d") else 4
            frame["frame"] += registers(match.group(2)) * size
        if match := SUB_SP.search(line):
            frame["frame"] += int(match.group(1), 0)
        if (match := CALL.search(line)) and match.group(1) != current:
            frame["calls"].add(match.group(1))
        if INDIRECT.search(line):
            frame["calls"].add(INDIRECT_CALL)
    return functions


def deepest(functions, name, targets, seen=()):
    frame = functions.get(name, {"frame": 0, "calls": ()})
    best = (0, [])
    for callee in frame["calls"]:
        for target in targets if callee == INDIRECT_CALL else [callee]:
            if target not in seen:
                candidate = deepest(functions, target, targets, seen + (name,))
                if callee == INDIRECT_CALL:
                    candidate = (candidate[0], ["(indirect)"] + candidate[1])
                best = max(best, candidate, key=lambda c: c[0])
    return frame["frame"] + best[0], [f"{name} ({frame['frame']})"] + best[1]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--indirect=")]
    pattern = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--indirect=")), r"closure|::next")
    functions = parse(open(args[0]).read().split("\n"))
    targets = [name for name in functions if re.search(pattern, name)]
    for wanted in args[1:]:
        for name in functions:
            if wanted in name:
                total, path = deepest(functions, name, targets)
                path = [re.sub(r"::h[0-9a-f]{16}", "", step) for step in path]
                print(f"{total} bytes: " + " -> ".join(path))


if __name__ == "__main__":
    main()
