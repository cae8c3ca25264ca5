//! C ABI and WebAssembly frontend of creditline.
//!
//! Every function takes caller-owned buffers, returns a [`CreditlineStatus`]
//! (`int32_t` in C) and fills an optional [`CreditlineError`] with the byte
//! offset, the entry index and a one-line message. Nothing unwinds across
//! the boundary: the core never panics, and a panic in an `extern "C"`
//! function aborts.
//!
//! On hosted targets the crate links std (a scratch `Vec` for decoded
//! strings, exact "size needed" on a too-small output). On
//! `wasm32-unknown-unknown` it is `no_std` with its own panic handler and
//! exports static input and output buffers for JavaScript; the module has
//! no imports.
//!
//! The JSON documents are the core's, byte for byte the CLI's `--json`.
#![cfg_attr(target_arch = "wasm32", no_std)]
#![warn(missing_docs)]

use core::fmt::Write as _;

use creditline::budget::{Workspace, top_sheet};
use creditline::json::{parse_table, write_classifications, write_credits, write_top_sheet};
use creditline::order::{Credits, Sequence, order};
use creditline::{Error, ErrorKind, Place, Table};

/// Largest table the C API orders (the table and the credits live on the
/// caller's stack: about 270 KiB).
pub const CREDITLINE_TABLE_CAPACITY: usize = 1024;
const CREDITS: usize = 2 * CREDITLINE_TABLE_CAPACITY + 2;

/// Result of every call.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditlineStatus {
    /// Success; the output is written.
    Ok = 0,
    /// A required pointer was null.
    NullPointer = 1,
    /// The table is invalid: see the error's offset, entry and message.
    ParseError = 2,
    /// The output buffer is too small: the error's `needed` says how large
    /// it must be (0 when the module cannot tell, in WebAssembly).
    BufferTooSmall = 3,
    /// An argument is out of range (sequence, weights, table too large).
    InvalidArgument = 4,
}

/// Details of a failed call.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct CreditlineError {
    /// Byte offset of the error in the input, or -1.
    pub offset: i64,
    /// 0-based index of the entry in `entries`, or -1.
    pub entry: i64,
    /// For `CREDITLINE_STATUS_BUFFER_TOO_SMALL`: the bytes the output needs.
    pub needed: usize,
    /// One-line message, NUL-terminated, cut to fit.
    pub message: [u8; 160],
}

/// A failure inside a call, before it is reported.
struct Failure {
    status: CreditlineStatus,
    error: Option<Error>,
    needed: usize,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        let status = match error.kind {
            ErrorKind::BufferTooSmall => CreditlineStatus::BufferTooSmall,
            ErrorKind::NoWeights | ErrorKind::WrongOutputLength => CreditlineStatus::InvalidArgument,
            _ => CreditlineStatus::ParseError,
        };
        Failure {
            status,
            error: Some(error),
            needed: 0,
        }
    }
}

fn invalid(message_kind: ErrorKind) -> Failure {
    Failure {
        status: CreditlineStatus::InvalidArgument,
        error: Some(Error::new(
            message_kind,
            creditline::Location::at(Place::Argument, None),
        )),
        needed: 0,
    }
}

/// Writes into a fixed byte buffer, keeping room for the NUL and cutting
/// on a character boundary.
struct Message<'m> {
    buf: &'m mut [u8],
    len: usize,
}

impl core::fmt::Write for Message<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for c in s.chars() {
            let mut utf8 = [0u8; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let end = self.len + bytes.len();
            if end >= self.buf.len() {
                return Err(core::fmt::Error);
            }
            self.buf[self.len..end].copy_from_slice(bytes);
            self.len = end;
        }
        Ok(())
    }
}

fn report(error_out: *mut CreditlineError, failure: &Failure) {
    // SAFETY: the caller passes either null or a valid, writable CreditlineError.
    let Some(out) = (unsafe { error_out.as_mut() }) else {
        return;
    };
    out.offset = -1;
    out.entry = -1;
    out.needed = failure.needed;
    out.message = [0; 160];
    let mut message = Message {
        buf: &mut out.message,
        len: 0,
    };
    match &failure.error {
        Some(error) => {
            out.offset = error.location.offset.map_or(-1, |o| o as i64);
            if let Place::Entry(i) = error.location.place {
                out.entry = i as i64;
            }
            let _ = write!(message, "{error}");
        }
        None => {
            let _ = message.write_str(match failure.status {
                CreditlineStatus::NullPointer => "a required pointer is null",
                _ => "invalid argument",
            });
        }
    }
}

/// The bytes of a caller buffer, or a null-pointer failure. A zero length
/// accepts any pointer.
///
/// # Safety
/// `ptr` must be null or valid for `len` bytes.
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return Err(Failure {
            status: CreditlineStatus::NullPointer,
            error: None,
            needed: 0,
        });
    }
    // SAFETY: non-null, and the caller guarantees `len` readable bytes.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// # Safety
/// `ptr` must be null or valid for `len` writable bytes.
unsafe fn bytes_mut<'a>(ptr: *mut u8, len: usize) -> Result<&'a mut [u8], Failure> {
    if ptr.is_null() {
        return Err(Failure {
            status: CreditlineStatus::NullPointer,
            error: None,
            needed: 0,
        });
    }
    // SAFETY: non-null, and the caller guarantees `len` writable bytes.
    Ok(unsafe { core::slice::from_raw_parts_mut(ptr, len) })
}

/// A job over a parsed table, writing JSON into `out`.
type Job = fn(&Table<'_, CREDITLINE_TABLE_CAPACITY>, &mut [u8]) -> Result<usize, Error>;

/// Parse `input`, run `job` into `out`; on a too-small buffer, find the
/// size needed (hosted targets).
fn run(input: &[u8], out: &mut [u8], job: Job) -> Result<usize, Failure> {
    scratch::with(input.len(), |scratch| {
        let mut table: Table<'_, CREDITLINE_TABLE_CAPACITY> = Table::new("");
        parse_table(input, scratch, &mut table)?;
        match job(&table, out) {
            Err(e) if e.kind == ErrorKind::BufferTooSmall => Err(Failure {
                needed: scratch::needed(|buf| job(&table, buf)),
                ..Failure::from(e)
            }),
            other => Ok(other?),
        }
    })
}

/// Write the JSON result of `job` for a table, with the common checks.
///
/// # Safety
/// Pointers as documented on the public functions.
unsafe fn call(
    table: *const u8,
    table_len: usize,
    out: *mut u8,
    out_capacity: usize,
    out_len: *mut usize,
    error: *mut CreditlineError,
    job: Job,
) -> CreditlineStatus {
    let result = (|| {
        // SAFETY: forwarded from the caller's contract.
        let input = unsafe { bytes(table, table_len)? };
        // SAFETY: forwarded from the caller's contract.
        let out = unsafe { bytes_mut(out, out_capacity)? };
        if out_len.is_null() {
            return Err(Failure {
                status: CreditlineStatus::NullPointer,
                error: None,
                needed: 0,
            });
        }
        run(input, out, job)
    })();
    match result {
        Ok(len) => {
            // SAFETY: checked non-null above; the caller passes a writable size_t.
            unsafe { *out_len = len };
            CreditlineStatus::Ok
        }
        Err(failure) => {
            report(error, &failure);
            failure.status
        }
    }
}

fn order_job<const S: i32>(
    table: &Table<'_, CREDITLINE_TABLE_CAPACITY>,
    out: &mut [u8],
) -> Result<usize, Error> {
    let sequence = match S {
        0 => Sequence::MainTitles,
        1 => Sequence::EndCredits,
        _ => Sequence::BillingBlock,
    };
    let mut credits: Credits<CREDITS> = Credits::new();
    order(table, sequence, &mut credits)?;
    write_credits(&credits, table, out)
}

fn top_sheet_job(table: &Table<'_, CREDITLINE_TABLE_CAPACITY>, out: &mut [u8]) -> Result<usize, Error> {
    write_top_sheet(&top_sheet(table, &mut Workspace::new())?, out)
}

/// Order one sequence of a JSON role table into the JSON cards document
/// (the CLI's `order --json`). `sequence`: 0 main titles, 1 end credits,
/// 2 billing block. Writes the length into `*out_len`.
///
/// # Safety
/// `table` must be valid for `table_len` bytes, `out` for `out_capacity`
/// writable bytes, `out_len` a writable `size_t`; `error` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creditline_order(
    table: *const u8,
    table_len: usize,
    sequence: i32,
    out: *mut u8,
    out_capacity: usize,
    out_len: *mut usize,
    error: *mut CreditlineError,
) -> CreditlineStatus {
    let job: Job = match sequence {
        0 => order_job::<0>,
        1 => order_job::<1>,
        2 => order_job::<2>,
        _ => {
            report(error, &invalid(ErrorKind::NumberOutOfRange));
            return CreditlineStatus::InvalidArgument;
        }
    };
    // SAFETY: the caller's contract, forwarded.
    unsafe { call(table, table_len, out, out_capacity, out_len, error, job) }
}

/// Classify every entry (the CLI's `classify --json`).
///
/// # Safety
/// As [`creditline_order`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creditline_classify(
    table: *const u8,
    table_len: usize,
    out: *mut u8,
    out_capacity: usize,
    out_len: *mut usize,
    error: *mut CreditlineError,
) -> CreditlineStatus {
    // SAFETY: the caller's contract, forwarded.
    unsafe {
        call(
            table,
            table_len,
            out,
            out_capacity,
            out_len,
            error,
            write_classifications,
        )
    }
}

/// The budget top sheet (the CLI's `topsheet --json`).
///
/// # Safety
/// As [`creditline_order`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creditline_topsheet(
    table: *const u8,
    table_len: usize,
    out: *mut u8,
    out_capacity: usize,
    out_len: *mut usize,
    error: *mut CreditlineError,
) -> CreditlineStatus {
    // SAFETY: the caller's contract, forwarded.
    unsafe { call(table, table_len, out, out_capacity, out_len, error, top_sheet_job) }
}

/// Split `total` minor units across `count` weights by largest remainder
/// into `parts` (`count` elements).
///
/// # Safety
/// `weights` must be valid for `count` `uint32_t`s and `parts` for `count`
/// writable `int64_t`s; `error` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creditline_split(
    total: i64,
    weights: *const u32,
    count: usize,
    parts: *mut i64,
    error: *mut CreditlineError,
) -> CreditlineStatus {
    if weights.is_null() || parts.is_null() {
        report(
            error,
            &Failure {
                status: CreditlineStatus::NullPointer,
                error: None,
                needed: 0,
            },
        );
        return CreditlineStatus::NullPointer;
    }
    // SAFETY: non-null; the caller guarantees `count` elements each.
    let (weights, parts) = unsafe {
        (
            core::slice::from_raw_parts(weights, count),
            core::slice::from_raw_parts_mut(parts, count),
        )
    };
    match creditline::split(total, weights, parts) {
        Ok(()) => CreditlineStatus::Ok,
        Err(e) => {
            let failure = Failure::from(e);
            report(error, &failure);
            failure.status
        }
    }
}

/// Scratch memory for decoded strings and for measuring a document.
#[cfg(not(target_arch = "wasm32"))]
mod scratch {
    use super::Failure;

    /// Run `f` with a scratch buffer of `len` bytes.
    pub fn with<T>(len: usize, f: impl FnOnce(&mut [u8]) -> Result<T, Failure>) -> Result<T, Failure> {
        f(&mut vec![0u8; len])
    }

    /// The size a document needs: write it into growing buffers.
    pub fn needed(write: impl Fn(&mut [u8]) -> Result<usize, creditline::Error>) -> usize {
        let mut size = 4096;
        while size <= 1 << 30 {
            if let Ok(len) = write(&mut vec![0u8; size]) {
                return len;
            }
            size *= 2;
        }
        0
    }
}

/// WebAssembly: static input, output and scratch buffers in linear memory,
/// a panic handler, no imports.
#[cfg(target_arch = "wasm32")]
mod scratch {
    use core::cell::UnsafeCell;

    use super::Failure;

    /// Bytes of the input, output and scratch buffers.
    pub const CREDITLINE_WASM_BUFFER_SIZE: usize = 1 << 20;
    use CREDITLINE_WASM_BUFFER_SIZE as BUFFER;

    /// A buffer in linear memory. The module is single-threaded, and each
    /// buffer is only borrowed for the span of one call.
    pub struct Buffer(pub UnsafeCell<[u8; BUFFER]>);
    // SAFETY: wasm32-unknown-unknown runs one thread; no call re-enters.
    unsafe impl Sync for Buffer {}

    pub static INPUT: Buffer = Buffer(UnsafeCell::new([0; BUFFER]));
    pub static OUTPUT: Buffer = Buffer(UnsafeCell::new([0; BUFFER]));
    static SCRATCH: Buffer = Buffer(UnsafeCell::new([0; BUFFER]));

    pub fn with<T>(len: usize, f: impl FnOnce(&mut [u8]) -> Result<T, Failure>) -> Result<T, Failure> {
        // SAFETY: single-threaded, and nothing else borrows SCRATCH.
        let scratch = unsafe { &mut *SCRATCH.0.get() };
        match scratch.get_mut(..len) {
            Some(scratch) => f(scratch),
            None => Err(super::invalid(creditline::ErrorKind::CapacityExceeded {
                what: creditline::error::Buffer::Input,
                capacity: BUFFER as u32,
            })),
        }
    }

    /// Unknown in the module: the output buffer is the largest there is.
    pub fn needed(_write: impl Fn(&mut [u8]) -> Result<usize, creditline::Error>) -> usize {
        0
    }

    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo) -> ! {
        core::arch::wasm32::unreachable()
    }
}

/// WebAssembly: where JavaScript writes the table.
#[cfg(target_arch = "wasm32")]
#[unsafe(no_mangle)]
pub extern "C" fn creditline_input_buffer() -> *mut u8 {
    scratch::INPUT.0.get().cast()
}

/// WebAssembly: where the module writes JSON for JavaScript.
#[cfg(target_arch = "wasm32")]
#[unsafe(no_mangle)]
pub extern "C" fn creditline_output_buffer() -> *mut u8 {
    scratch::OUTPUT.0.get().cast()
}

/// WebAssembly: the size of the input and output buffers.
#[cfg(target_arch = "wasm32")]
#[unsafe(no_mangle)]
pub extern "C" fn creditline_buffer_size() -> usize {
    scratch::CREDITLINE_WASM_BUFFER_SIZE
}
