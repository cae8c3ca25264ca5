#ifndef CREDITLINE_H
#define CREDITLINE_H

/* Generated with cbindgen from ffi/src/lib.rs: do not edit by hand. */

#include <stddef.h>
#include <stdint.h>

// Largest table the C API orders (the table and the credits live on the
// caller's stack: about 270 KiB).
#define CREDITLINE_TABLE_CAPACITY 1024

#if defined(CREDITLINE_WASM)
// Bytes of the input, output and scratch buffers.
#define CREDITLINE_WASM_BUFFER_SIZE (1 << 20)
#endif

// Result of every call.
enum CreditlineStatus
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  // Success; the output is written.
  CREDITLINE_STATUS_OK = 0,
  // A required pointer was null.
  CREDITLINE_STATUS_NULL_POINTER = 1,
  // The table is invalid: see the error's offset, entry and message.
  CREDITLINE_STATUS_PARSE_ERROR = 2,
  // The output buffer is too small: the error's `needed` says how large
  // it must be (0 when the module cannot tell, in WebAssembly).
  CREDITLINE_STATUS_BUFFER_TOO_SMALL = 3,
  // An argument is out of range (sequence, weights, table too large).
  CREDITLINE_STATUS_INVALID_ARGUMENT = 4,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum CreditlineStatus CreditlineStatus;
#else
typedef int32_t CreditlineStatus;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

// Details of a failed call.
typedef struct CreditlineError {
  // Byte offset of the error in the input, or -1.
  int64_t offset;
  // 0-based index of the entry in `entries`, or -1.
  int64_t entry;
  // For `CREDITLINE_STATUS_BUFFER_TOO_SMALL`: the bytes the output needs.
  size_t needed;
  // One-line message, NUL-terminated, cut to fit.
  uint8_t message[160];
} CreditlineError;

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

// Order one sequence of a JSON role table into the JSON cards document
// (the CLI's `order --json`). `sequence`: 0 main titles, 1 end credits,
// 2 billing block. Writes the length into `*out_len`.
//
// # Safety
// `table` must be valid for `table_len` bytes, `out` for `out_capacity`
// writable bytes, `out_len` a writable `size_t`; `error` null or writable.
CreditlineStatus creditline_order(const uint8_t *table,
                                  size_t table_len,
                                  int32_t sequence,
                                  uint8_t *out,
                                  size_t out_capacity,
                                  size_t *out_len,
                                  struct CreditlineError *error);

// Classify every entry (the CLI's `classify --json`).
//
// # Safety
// As [`creditline_order`].
CreditlineStatus creditline_classify(const uint8_t *table,
                                     size_t table_len,
                                     uint8_t *out,
                                     size_t out_capacity,
                                     size_t *out_len,
                                     struct CreditlineError *error);

// The budget top sheet (the CLI's `topsheet --json`).
//
// # Safety
// As [`creditline_order`].
CreditlineStatus creditline_topsheet(const uint8_t *table,
                                     size_t table_len,
                                     uint8_t *out,
                                     size_t out_capacity,
                                     size_t *out_len,
                                     struct CreditlineError *error);

// Split `total` minor units across `count` weights by largest remainder
// into `parts` (`count` elements).
//
// # Safety
// `weights` must be valid for `count` `uint32_t`s and `parts` for `count`
// writable `int64_t`s; `error` null or writable.
CreditlineStatus creditline_split(int64_t total,
                                  const uint32_t *weights,
                                  size_t count,
                                  int64_t *parts,
                                  struct CreditlineError *error);

#if defined(CREDITLINE_WASM)
// WebAssembly: where JavaScript writes the table.
uint8_t *creditline_input_buffer(void);
#endif

#if defined(CREDITLINE_WASM)
// WebAssembly: where the module writes JSON for JavaScript.
uint8_t *creditline_output_buffer(void);
#endif

#if defined(CREDITLINE_WASM)
// WebAssembly: the size of the input and output buffers.
size_t creditline_buffer_size(void);
#endif

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* CREDITLINE_H */
