//! The CLI as a user runs it: outputs, JSON contract (SPEC §5.1), errors.

use std::process::Command;

const FEATURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tables/feature.json");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_creditline"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

#[test]
fn order_json_follows_the_contract() {
    let doc = json(&["order", "--sequence", "main-titles", "--json", FEATURE]);
    assert_eq!(doc["sequence"], "main_titles");
    let cards = doc["cards"].as_array().unwrap();
    let title = cards
        .iter()
        .find(|c| c["roles"] == serde_json::json!(["title"]))
        .unwrap();
    assert_eq!(title["heading"], "");
    assert_eq!(title["names"], serde_json::json!(["The Long Night Shift"]));
    let last = cards.last().unwrap();
    assert_eq!(last["heading"], "Directed by");
    assert_eq!(last["names"], serde_json::json!(["Elena Marquez"]));
    assert!(doc["warnings"].is_array());
    for sequence in ["end-credits", "billing-block"] {
        let doc = json(&["order", "--sequence", sequence, "--json", FEATURE]);
        assert_eq!(doc["sequence"], sequence.replace('-', "_"));
    }
}

#[test]
fn topsheet_classify_and_split_json() {
    let sheet = json(&["topsheet", "--json", FEATURE]);
    assert_eq!(sheet["currency"], "USD");
    let total = |k: &str| sheet[k].as_i64().unwrap();
    assert_eq!(total("btl"), total("production") + total("post") + total("other"));
    assert_eq!(total("atl_btl"), total("atl") + total("btl"));
    let shares: i64 = sheet["shares_bps"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_i64().unwrap())
        .sum();
    assert_eq!(shares, 10_000);

    let classes = json(&["classify", "--json", FEATURE]);
    let financier = &classes["entries"][1];
    assert_eq!(financier["entry"], 1);
    assert_eq!(financier["side"], "none");
    assert_eq!(financier["section"], serde_json::Value::Null);
    assert_eq!(financier["account"], serde_json::Value::Null);
    assert_eq!(financier["reason"], "financing_credit");

    let split = json(&["split", "--total", "100", "--weights", "1,1,1", "--json"]);
    assert_eq!(split, serde_json::json!({"total": 100, "parts": [34, 33, 33]}));
}

#[test]
fn show_prints_every_sequence_and_the_top_sheet() {
    let (code, stdout, _) = run(&["show", FEATURE]);
    assert_eq!(code, 0);
    for heading in [
        "== main titles ==",
        "== end credits ==",
        "== billing block ==",
        "== top sheet ==",
    ] {
        assert!(stdout.contains(heading), "{heading} missing");
    }
    assert!(stdout.contains("Screenplay by Julia Stone & Mark Stone and Ray Okafor"));
    assert!(stdout.contains("Grand total"));
}

#[test]
fn bad_input_is_one_line_naming_file_entry_and_field() {
    let dir = std::env::temp_dir().join(format!("creditline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(
        &path,
        r#"{"entries":[{"name":"A","role":"editor"},{"name":"B","role":"editor"},{"name":"C","role":"editor"},{"name":"D","role":"diretor"}]}"#,
    )
    .unwrap();
    let file = path.to_str().unwrap();
    let (code, stdout, stderr) = run(&["order", "--sequence", "main-titles", file]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        format!(
            "{file}: byte 119, entry 3 (\"role\"): unknown role \"diretor\" (did you mean \"director\"?)\n"
        )
    );
    let (code, _, stderr) = run(&["check", "/nonexistent/table.json"]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("/nonexistent/table.json: "), "{stderr}");
    let (code, _, _) = run(&["order", FEATURE]);
    assert_eq!(code, 2, "missing --sequence is a usage error");
}

#[test]
fn help_and_version_win_wherever_they_stand() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["order", "--sequence", "x", "--help"],
    ] {
        let (code, stdout, _) = run(args);
        assert_eq!(code, 0, "{args:?}");
        assert!(stdout.starts_with("usage:"), "{args:?}: {stdout}");
    }
    let (code, stdout, _) = run(&["topsheet", "--version"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, format!("creditline {}\n", env!("CARGO_PKG_VERSION")));
}

/// Runs the CLI with `input` on its standard input.
fn run_with_input(args: &[&str], input: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_creditline"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// SPEC §3.6: two directors, p.g.a. on a gaffer and two first billings are
/// warnings; `check` names each entry and the rule, and `--strict` fails.
#[test]
fn check_reads_stdin_and_names_every_warning() {
    let table = r#"{"entries":[
        {"name":"Ana Ruiz","role":"director"},
        {"name":"Jo Park","role":"director"},
        {"name":"Gil","role":"gaffer","flags":["pga"]},
        {"name":"Star","role":"cast","billing":1},
        {"name":"Other","role":"cast","billing":1}]}"#;
    let (code, stdout, _) = run_with_input(&["check", "-"], table);
    assert_eq!(code, 0, "warnings alone do not fail without --strict");
    let warnings: Vec<&str> = stdout.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(
        warnings,
        [
            "warning: entry 1 (Jo Park): a second director; the DGA allows one director per picture unless the directors are one team or the table sets waiver",
            "warning: entry 2 (Gil): p.g.a. on a role other than producer; the mark certifies a \"Produced by\" credit",
            "warning: entry 4 (Other): the same billing position as an earlier entry of the same role",
        ]
    );
    let (code, _, stderr) = run_with_input(&["check", "--strict", "-"], table);
    assert_eq!(code, 1);
    assert_eq!(stderr, "-: warnings (--strict)\n");
    let (code, _, _) = run_with_input(
        &["check", "--strict", "-"],
        r#"{"entries":[{"name":"A","role":"director"}]}"#,
    );
    assert_eq!(code, 0, "a clean table passes --strict");
}

/// The classification's columns are as wide as their longest value.
#[test]
fn classify_columns_stay_aligned_with_long_names() {
    let table = r#"{"entries":[
        {"name":"Maximiliane Oberhauser-Villanueva de la Fuente","role":"director"},
        {"name":"Zoë","role":"gaffer"}]}"#;
    let (code, stdout, _) = run_with_input(&["classify", "-"], table);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    // Every row's role starts where the header's "role" does, counted in
    // characters (the "ë" is one).
    let header_role = lines[0].chars().collect::<String>().find("role").unwrap();
    for (line, role) in lines[1..].iter().zip(["director", "gaffer"]) {
        let rest: String = line.chars().skip(header_role).collect();
        assert!(rest.starts_with(role), "{line:?}");
    }
}

/// SPEC §4.4 split_capped: $1,000.00 over three equal shares, the first
/// capped at $100.00, gives the other two the rest, $450.00 each; with
/// `--currency` the parts read as money, and with `--json` as minor units.
#[test]
fn split_takes_caps_and_a_currency() {
    let args = [
        "split",
        "--total",
        "100000",
        "--weights",
        "1,1,1",
        "--caps",
        "10000,100000,100000",
    ];
    let (code, stdout, stderr) = run(&[&args[..], &["--currency", "USD"]].concat());
    assert_eq!(code, 0, "{stderr}");
    let parts: Vec<&str> = stdout
        .lines()
        .map(|l| l.split_whitespace().last().unwrap())
        .collect();
    assert_eq!(parts, ["$100.00", "$450.00", "$450.00", "$1,000.00"]);
    let doc = json(&[&args[..], &["--json"]].concat());
    assert_eq!(doc["parts"], serde_json::json!([10000, 45000, 45000]));
    let (code, _, _) = run(&["split", "--total", "100", "--weights", "1,1", "--caps", "10,10"]);
    assert_eq!(code, 1, "caps that cannot hold the total are an error");
}
