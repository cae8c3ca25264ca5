#!/usr/bin/env python3
"""Split the firmware's flash into what the creditline core costs and what
the firmware itself adds (its table, its JSON document, its startup code).

Every byte of .text and .rodata is the core's unless it belongs to a
firmware symbol (this crate, its panic handler, cortex-m-rt's startup and
handlers, the semihosting it reports through). Code of the core inlined
into a firmware function (the top sheet inlined into `run`, `Entry`'s
builders into `fill`) is found from the debug info's inline chains
(`llvm-addr2line -i`) and counted as the core's. Anonymous constants (string
literals) are all counted as the core's, so the firmware keeps its own
texts and expected values in named statics.

    llvm-objdump -d --demangle --no-show-raw-insn \
        target/thumbv7em-none-eabihf/release/creditline-embedded > fw.asm
    llvm-nm -S --demangle target/thumbv7em-none-eabihf/release/creditline-embedded > fw.nm
    python3 core_size.py target/thumbv7em-none-eabihf/release/creditline-embedded fw.asm fw.nm [BUDGET]

With BUDGET (bytes), it exits with status 1 when the core's share is
larger. `llvm-size` is looked for on the PATH, or named by $LLVM_SIZE.
"""
import os
import re
import subprocess
import sys

FIRMWARE = re.compile(
    r"^(creditline_embedded::|cortex_m_rt::|cortex_m::|cortex_m_semihosting::|Reset$|DefaultHandler|"
    r"DefaultPreInit$|_?HardFault|__pre_init$|__rustc::rust_begin_unwind$)"
)
FUNCTION = re.compile(r"^([0-9a-f]+) <(.*)>:$")
INSTRUCTION = re.compile(r"^\s*([0-9a-f]+):\s")


def firmware_code(elf, asm_lines):
    """Bytes of firmware functions whose code is the firmware's own."""
    addresses, current = [], None
    for line in asm_lines:
        match = FUNCTION.match(line)
        if match:
            current = match.group(2)
            continue
        match = INSTRUCTION.match(line)
        if match:
            addresses.append((int(match.group(1), 16), current))
    own = [
        (address, following - address)
        for (address, name), (following, _) in zip(addresses, addresses[1:] + [(None, None)])
        if name and FIRMWARE.match(name) and following is not None and following - address <= 4
    ]
    if not own:
        return 0
    result = subprocess.run(
        ["llvm-addr2line", "-e", elf, "-i", "-f", "-C", "-a"] + [hex(a) for a, _ in own],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    chains, chain = [], None
    for line in result:
        if line.startswith("0x"):
            chain = []
            chains.append(chain)
        elif chain is not None and not line.startswith("/") and not line.startswith("??"):
            chain.append(line)
    return sum(size for (_, size), frames in zip(own, chains) if not any(f.startswith("creditline::") for f in frames))


def firmware_data(nm_lines):
    """Bytes of the firmware's named constants (its JSON document, its
    report's texts and expected values)."""
    total = 0
    for line in nm_lines:
        parts = line.split(None, 3)
        if len(parts) == 4 and parts[2] in "rR" and parts[3].startswith("creditline_embedded::"):
            total += int(parts[1], 16)
    return total


def section_sizes(elf):
    sizes = {}
    for line in subprocess.run([os.environ.get("LLVM_SIZE", "llvm-size"), "-A", elf], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in (".text", ".rodata"):
            sizes[parts[0]] = int(parts[1])
    return sizes


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(f"usage: {sys.argv[0]} ELF ASM NM [BUDGET_BYTES]")
    elf, asm, nm = sys.argv[1:4]
    budget = int(sys.argv[4]) if len(sys.argv) == 5 else None
    with open(asm) as f:
        code = firmware_code(elf, f.read().splitlines())
    with open(nm) as f:
        data = firmware_data(f.read().splitlines())
    sizes = section_sizes(elf)
    image = sizes.get(".text", 0) + sizes.get(".rodata", 0)
    print(f"image .text + .rodata: {image} B ({image / 1024:.1f} KiB)")
    print(f"firmware's own code:   {code} B")
    print(f"firmware's own data:   {data} B")
    core = image - code - data
    print(f"core:                  {core} B ({core / 1024:.1f} KiB)")
    if budget is not None:
        verdict = "ok" if core <= budget else "OVER BUDGET"
        print(f"core's budget:         {budget} B ({budget / 1024:.1f} KiB): {verdict}")
        if core > budget:
            sys.exit(1)


if __name__ == "__main__":
    main()
