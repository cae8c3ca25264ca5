//! What both benches share: the deterministic table generator and the
//! check that creditline and the std baseline give the same results, so
//! that the timed bench (`jobs`) and the instruction count (`icount`)
//! measure the same jobs on the same input.

use creditline::budget::{classify_all, top_sheet};
use creditline::order::{Credits, Sequence, order};
use creditline::{Table, split};

use crate::baseline;

/// Capacity of every bench table: the largest size.
pub const CAP: usize = 4096;

/// Crew roles the generator cycles through (a real crawl's mix).
const CREW: &[&str] = &[
    "unit_production_manager",
    "first_assistant_director",
    "second_assistant_director",
    "production_coordinator",
    "script_supervisor",
    "production_assistant",
    "art_director",
    "set_decorator",
    "property_master",
    "leadman",
    "camera_operator",
    "first_assistant_camera",
    "second_assistant_camera",
    "key_grip",
    "best_boy_grip",
    "grip",
    "gaffer",
    "best_boy_electric",
    "electrician",
    "production_sound_mixer",
    "boom_operator",
    "costume_supervisor",
    "costumer",
    "key_makeup_artist",
    "key_hairstylist",
    "location_manager",
    "driver",
    "special_effects_technician",
    "craft_service",
    "colorist",
    "assistant_editor",
    "visual_effects_coordinator",
    "foley_artist",
    "music_editor",
    "stunt_performer",
    "set_medic",
];

/// The principal credits every table starts with.
const PRINCIPALS: &[&str] = &[
    r#"{"name":"Meridian Pictures","role":"distributor"}"#,
    r#"{"name":"Elena Marquez","role":"director","flags":["possessory"],"fee":12000000,"fringe":{"bps":1350,"cap":8000000}}"#,
    r#"{"name":"Julia Stone","role":"screenplay_by","team":1,"billing":1,"fee":4500000}"#,
    r#"{"name":"Mark Stone","role":"screenplay_by","team":1,"billing":2,"fee":4500000}"#,
    r#"{"name":"Ray Okafor","role":"screenplay_by","billing":3,"fee":3000000}"#,
    r#"{"name":"Sam Whitaker","role":"producer","billing":1,"flags":["pga"],"fee":6000000}"#,
    r#"{"name":"Victor Lang","role":"executive_producer","billing":1,"fee":1500000}"#,
    r#"{"name":"Northlight Capital","role":"financier","flags":["financing"]}"#,
    r#"{"name":"Tom Rivera","role":"line_producer","fee":2200000,"fringe":{"bps":2000}}"#,
    r#"{"name":"Grace Liu","role":"co_producer","flags":["profit_participant"],"fee":900000}"#,
    r#"{"name":"Harriet Vance","role":"associate_producer","flags":["financing"]}"#,
    r#"{"name":"Kara Whitfield","role":"casting_director","fee":950000}"#,
    r#"{"name":"Anton Reyes","role":"composer","fee":3000000}"#,
    r#"{"name":"Martin Kessler","role":"editor","fee":2600000,"fringe":{"bps":1800}}"#,
    r#"{"name":"Rafael Ortiz","role":"director_of_photography","fee":3200000,"fringe":{"bps":1800}}"#,
    r#"{"name":"Yuki Sato","role":"production_designer","fee":1800000}"#,
];

/// A deterministic table of `n` entries: the principals, then cast (about a
/// third, billed, two above the title, a few special credits) and crew
/// across every department, with fees, fringes and a few custom titles.
pub fn table_json(n: usize) -> String {
    let mut entries: Vec<String> = PRINCIPALS.iter().take(n / 2).map(|s| s.to_string()).collect();
    let mut cast = 0;
    let mut state: u32 = 0x2545_f491;
    while entries.len() < n {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let i = entries.len();
        let fee = 250_000 + (state >> 8) % 5_000 * 100;
        if state.is_multiple_of(3) {
            cast += 1;
            let flags = if cast <= 2 {
                r#","flags":["above_title"]"#
            } else {
                ""
            };
            let credit = match cast % 40 {
                13 => r#","cast_credit":"featuring""#,
                27 => r#","cast_credit":"with""#,
                39 => r#","cast_credit":"and_as""#,
                _ => "",
            };
            entries.push(format!(
                r#"{{"name":"Actor {i}","role":"cast","character":"Character {i}","billing":{cast},"appearance":{}{flags}{credit},"fee":{fee},"fringe":{{"bps":2050,"cap":10000000}}}}"#,
                (state >> 4) % 500 + 1
            ));
        } else if state % 50 == 1 {
            entries.push(format!(r#"{{"name":"Crew {i}","role":"custom","title":"Intimacy Coordinator","department":"additional_crew","fee":{fee}}}"#));
        } else {
            let role = CREW[(state >> 5) as usize % CREW.len()];
            entries.push(format!(
                r#"{{"name":"Crew {i}","role":"{role}","fee":{fee},"fringe":{{"bps":1800}}}}"#
            ));
        }
    }
    format!(
        r#"{{"title":"Bench","currency":"USD","entries":[{}],"lines":[{{"account":2300,"description":"Sets","amount":9500000}},{{"account":5300,"description":"VFX","amount":12000000}}],"charges":[{{"name":"Contingency","bps":750}},{{"name":"Insurance","bps":120,"exclude":["post"]}}]}}"#,
        entries.join(",")
    )
}

/// The ordering jobs: bench name, sequence, the baseline's name for it.
pub const SEQUENCES: [(&str, Sequence, &str); 3] = [
    ("order_main_titles", Sequence::MainTitles, "main_titles"),
    ("order_end_credits", Sequence::EndCredits, "end_credits"),
    ("order_billing_block", Sequence::BillingBlock, "billing_block"),
];

/// Check once, before timing or counting, that the baseline and creditline
/// agree.
pub fn check_same_results(table: &Table<'_, CAP>, base: &baseline::Table, vocabulary: &baseline::Vocabulary) {
    let mut credits: Box<Credits<{ 2 * CAP + 2 }>> = Box::default();
    for (_, sequence, id) in SEQUENCES {
        order(table, sequence, &mut credits).unwrap();
        let ours: Vec<usize> = credits
            .items()
            .iter()
            .map(|i| i.entry().unwrap_or(usize::MAX))
            .collect();
        assert_eq!(
            ours,
            baseline::order(base, vocabulary, id),
            "{id} differs from the baseline"
        );
    }
    let ours: Vec<(String, Option<u16>)> = classify_all(table)
        .map(|c| c.unwrap())
        .map(|c| (c.side.id().to_string(), c.account))
        .collect();
    assert_eq!(ours, baseline::classify(base, vocabulary));
    let sheet = top_sheet(table, &mut Box::default()).unwrap();
    let (sections, grand_total) = baseline::top_sheet(base, vocabulary);
    assert_eq!(
        sheet.grand_total as f64,
        grand_total,
        "grand total differs ({} entries)",
        table.entries().len()
    );
    for &section in creditline::table::Section::ALL {
        let id = section.id();
        assert_eq!(
            sheet.section(section) as f64,
            sections.get(id).copied().unwrap_or(0.0),
            "{id}"
        );
    }
    let weights: Vec<u32> = (0..table.entries().len() as u32).map(|i| i % 97 + 1).collect();
    let mut parts = vec![0i64; weights.len()];
    split(sheet.grand_total, &weights, &mut parts).unwrap();
    assert_eq!(parts, baseline::split(sheet.grand_total, &weights));
}
