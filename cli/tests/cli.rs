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
