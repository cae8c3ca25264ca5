//! `creditline`: the reference command-line frontend of the creditline crate.
//!
//! ```text
//! creditline show TABLE.json                 all three sequences and the top sheet
//! creditline check [--strict] TABLE.json     validate, summarise, list the warnings
//! creditline order --sequence main-titles|end-credits|billing-block [--json] TABLE.json
//! creditline classify [--json] TABLE.json
//! creditline topsheet [--json] TABLE.json
//! creditline split --total N --weights W1,W2,... [--caps C1,C2,...] [--currency USD] [--json]
//! ```
//!
//! `-` for TABLE.json reads the table from standard input. Bad input exits
//! with status 1 and one line on stderr naming the file, the entry and the
//! field; bad usage exits with status 2; `check --strict` exits with status
//! 1 when the table has warnings.

use std::io::Write;
use std::process::ExitCode;

use creditline::order::Sequence;
use creditline::{Table, json};

/// Largest table the CLI reads.
const ENTRIES: usize = 4096;
/// Room for every credit of the end credits (cast twice, possessory).
const CREDITS: usize = 2 * ENTRIES + 2;
/// Room for one JSON document.
const OUTPUT: usize = 4 << 20;

type BigTable<'a> = Table<'a, ENTRIES>;

const USAGE: &str = "usage:
  creditline show TABLE.json
  creditline check [--strict] TABLE.json
  creditline order --sequence main-titles|end-credits|billing-block [--json] TABLE.json
  creditline classify [--json] TABLE.json
  creditline topsheet [--json] TABLE.json
  creditline split --total N --weights W1,W2,... [--caps C1,C2,...] [--currency USD] [--json]
  creditline --help | --version
TABLE.json may be - to read standard input.";

/// A failure: the message for stderr and the exit status.
struct Failure(String, u8);

fn usage(message: &str) -> Failure {
    Failure(format!("creditline: {message}\n{USAGE}"), 2)
}

/// Parsed command-line options.
#[derive(Default)]
struct Args {
    command: String,
    file: Option<String>,
    json: bool,
    strict: bool,
    sequence: Option<Sequence>,
    total: Option<i64>,
    weights: Vec<u32>,
    caps: Option<Vec<i64>>,
    currency: Option<creditline::Currency>,
}

fn parse_args() -> Result<Args, Failure> {
    let all: Vec<String> = std::env::args().skip(1).collect();
    // Help and the version win wherever they stand.
    if all.iter().any(|a| matches!(a.as_str(), "-h" | "--help" | "help")) {
        return Err(Failure(USAGE.to_string(), 0));
    }
    if all.iter().any(|a| a == "--version") {
        return Err(Failure(format!("creditline {}", env!("CARGO_PKG_VERSION")), 0));
    }
    let mut args = Args::default();
    let mut it = all.into_iter();
    args.command = it.next().ok_or_else(|| usage("missing command"))?;
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| usage(&format!("{name} needs a value")));
        match arg.as_str() {
            "--json" => args.json = true,
            "--strict" => args.strict = true,
            "--sequence" => {
                let v = value("--sequence")?.replace('-', "_");
                let found = Sequence::ALL.iter().find(|s| s.id() == v);
                args.sequence = Some(*found.ok_or_else(|| usage(&format!("unknown sequence {v:?}")))?);
            }
            "--total" => {
                let v = value("--total")?;
                args.total = Some(
                    v.parse()
                        .map_err(|_| usage(&format!("--total {v:?} is not an integer")))?,
                );
            }
            "--weights" => {
                let v = value("--weights")?;
                for w in v.split(',') {
                    let w = w
                        .trim()
                        .parse()
                        .map_err(|_| usage(&format!("weight {w:?} is not a u32")))?;
                    args.weights.push(w);
                }
            }
            "--caps" => {
                let v = value("--caps")?;
                let mut caps = Vec::new();
                for c in v.split(',') {
                    let c = c
                        .trim()
                        .parse()
                        .map_err(|_| usage(&format!("cap {c:?} is not an integer")))?;
                    caps.push(c);
                }
                args.caps = Some(caps);
            }
            "--currency" => {
                let v = value("--currency")?;
                let currency = creditline::Currency::from_code(&v)
                    .map_err(|e| usage(&format!("--currency {v:?}: {e}")))?;
                args.currency = Some(currency);
            }
            other if other.starts_with('-') && other != "-" => {
                return Err(usage(&format!("unknown option {other}")));
            }
            other if args.file.is_none() => args.file = Some(other.to_string()),
            other => return Err(usage(&format!("unexpected argument {other}"))),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message, code)) => {
            if code == 0 {
                println!("{message}");
            } else {
                eprintln!("{message}");
            }
            ExitCode::from(code)
        }
    }
}

fn run() -> Result<(), Failure> {
    let args = parse_args()?;
    if args.command == "split" {
        return commands::split(&args);
    }
    let file = args.file.clone().ok_or_else(|| usage("missing TABLE.json"))?;
    let input = if file == "-" {
        let mut input = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut input)
            .map_err(|e| Failure(format!("-: {e}"), 1))?;
        input
    } else {
        std::fs::read(&file).map_err(|e| Failure(format!("{file}: {e}"), 1))?
    };
    let mut scratch = vec![0u8; input.len()];
    let mut table: Box<BigTable<'_>> = Box::default();
    json::parse_table(&input, &mut scratch, &mut table)
        .map_err(|e| Failure(format!("{file}: {}", json::report(e, &input)), 1))?;
    let fail = |e: creditline::Error| Failure(format!("{file}: {e}"), 1);
    let mut out = String::new();
    match args.command.as_str() {
        "check" => {
            let warned = commands::check(&table, &mut out).map_err(fail)?;
            if warned && args.strict {
                print!("{out}");
                return Err(Failure(format!("{file}: warnings (--strict)"), 1));
            }
        }
        "order" => {
            let sequence = args.sequence.ok_or_else(|| usage("order needs --sequence"))?;
            commands::order(&table, sequence, args.json, &mut out).map_err(fail)?
        }
        "show" => commands::show(&table, &mut out).map_err(fail)?,
        "classify" => commands::classify(&table, args.json, &mut out).map_err(fail)?,
        "topsheet" => commands::topsheet(&table, args.json, &mut out).map_err(fail)?,
        other => return Err(usage(&format!("unknown command {other:?}"))),
    }
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| Failure(format!("creditline: {e}"), 1))
}

mod commands;
