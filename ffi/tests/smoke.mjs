// WebAssembly smoke test: load the module, check it has no imports, order
// the example table, and compare with the CLI's JSON byte for byte.
// Usage: node ffi/tests/smoke.mjs MODULE.wasm TABLE.json EXPECTED.json
import { readFileSync } from "node:fs";

const [wasmPath, tablePath, expectedPath] = process.argv.slice(2);
const module = new WebAssembly.Module(readFileSync(wasmPath));
let passed = 0;
let failed = 0;
function check(cond, message) {
  if (cond) passed++;
  else {
    failed++;
    console.error(`FAIL ${message}`);
  }
}

check(WebAssembly.Module.imports(module).length === 0, "the module has imports");
const { exports } = new WebAssembly.Instance(module, {});
const size = exports.creditline_buffer_size();
const input = exports.creditline_input_buffer();
const output = exports.creditline_output_buffer();
const table = readFileSync(tablePath);
check(table.length + 512 <= size, "table larger than the input buffer");

// out_len and the error struct live at the end of the input buffer.
const outLenPtr = input + size - 8;
const errorPtr = input + size - 256;
function call(fn, ...args) {
  const memory = new Uint8Array(exports.memory.buffer);
  memory.set(table, input);
  const status = fn(input, table.length, ...args, output, size, outLenPtr, errorPtr);
  const view = new DataView(exports.memory.buffer);
  const len = view.getUint32(outLenPtr, true);
  return { status, text: new TextDecoder().decode(new Uint8Array(exports.memory.buffer, output, len)) };
}

const main = call(exports.creditline_order, 0);
check(main.status === 0, `order returned status ${main.status}`);
const expected = readFileSync(expectedPath, "utf8").trimEnd();
check(main.text === expected, "main titles differ from the CLI's JSON");
console.log(main.text.slice(0, 200) + "…");

const sheet = call(exports.creditline_topsheet);
check(sheet.status === 0 && JSON.parse(sheet.text).shares_bps.atl > 0, "top sheet");

// split(100, [1,1,1]) through linear memory.
const view = new DataView(exports.memory.buffer);
for (let i = 0; i < 3; i++) view.setUint32(input + 4 * i, 1, true);
const partsPtr = input + 64;
check(exports.creditline_split(100n, input, 3, partsPtr, errorPtr) === 0, "split status");
const parts = [0, 1, 2].map((i) => view.getBigInt64(partsPtr + 8 * i, true));
check(parts.join(",") === "34,33,33", `split parts ${parts}`);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
