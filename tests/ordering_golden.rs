//! Golden orders, each written by hand from the SPEC rule or source it
//! cites (never copied from the program's output).

mod common;

use common::{json, texts, with_entries};
use creditline::order::Sequence::{BillingBlock, EndCredits, MainTitles};
use creditline::order::WarningCode;

/// SPEC §3.1 items 11, 15–19 (Forsman; MasterClass; StudioBinder: executive
/// producers precede producers): associate < co-producer < line producer <
/// co-executive < executive < producer, then writers, director last.
#[test]
fn producers_ladder_in_main_titles() {
    let t = with_entries(
        "",
        r#"{"name":"Pat Producer","role":"producer"},
           {"name":"Ed Exec","role":"executive_producer"},
           {"name":"Dee Director","role":"director"},
           {"name":"Al Associate","role":"associate_producer"},
           {"name":"Cora CoExec","role":"co_executive_producer"},
           {"name":"Lou Line","role":"line_producer"},
           {"name":"Cy CoProducer","role":"co_producer"},
           {"name":"Wes Writer","role":"written_by"}"#,
    );
    assert_eq!(
        texts(t, MainTitles),
        [
            "The Title",
            "Associate Producer Al Associate",
            "Co-Producer Cy CoProducer",
            "Line Producer Lou Line",
            "Co-Executive Producer Cora CoExec",
            "Executive Producer Ed Exec",
            "Produced by Pat Producer",
            "Written by Wes Writer",
            "Directed by Dee Director",
        ]
    );
}

/// SPEC §3.1 item 21 and §3.3 (Chargefield: "Directed By … always the last
/// credit"); §3.2 end_only (Forsman's closing list: possessory, director,
/// writers, producers, executive producers, …, cast, DoP, designer, editor,
/// associate producers, costume, music, casting).
#[test]
fn director_last_in_main_titles_and_billing_block_first_in_end_only() {
    let entries = r#"{"name":"Dee Director","role":"director","flags":["possessory"]},
        {"name":"Ed Editor","role":"editor"},
        {"name":"Sam Star","role":"cast","character":"Hero","billing":1},
        {"name":"Wes Writer","role":"screenplay_by"},
        {"name":"Pat Producer","role":"producer"},
        {"name":"Cass Casting","role":"casting_director"},
        {"name":"Mo Music","role":"composer"},
        {"name":"Dora DoP","role":"director_of_photography"},
        {"name":"Ezra Exec","role":"executive_producer"},
        {"name":"Gaffer Gus","role":"gaffer"},
        {"name":"Distrib Co","role":"distributor"}"#;
    let t = with_entries("", entries);
    let main = texts(t, MainTitles);
    assert_eq!(main.last().unwrap(), "Directed by Dee Director");
    assert_eq!(texts(t, BillingBlock).last().unwrap(), "Directed by Dee Director");

    let t = with_entries(r#""end_credits":"end_only""#, entries);
    assert_eq!(
        texts(t, EndCredits),
        [
            "A Film by Dee Director",
            "Directed by Dee Director",
            "Screenplay by Wes Writer",
            "Produced by Pat Producer",
            "Executive Producer Ezra Exec",
            "Sam Star",
            "Director of Photography Dora DoP",
            "Edited by Ed Editor",
            "Music by Mo Music",
            "Casting by Cass Casting",
            // The crawl: full cast list again, then departments; companies last.
            "Cast\nHero .... Sam Star",
            "Gaffer Gaffer Gus",
            "Distrib Co presents",
        ]
    );
}

/// SPEC §3.1 main-title order in full on one table: companies, possessory,
/// above-title cast, title, cast, casting … director.
#[test]
fn full_main_titles_order() {
    let t = with_entries(
        "",
        r#"{"name":"Dee Director","role":"director","flags":["possessory"]},
           {"name":"Ann Above","role":"cast","billing":1,"flags":["above_title"]},
           {"name":"Bo Billed","role":"cast","billing":3},
           {"name":"Zed Above","role":"cast","billing":2,"flags":["above_title"]},
           {"name":"Prod Co","role":"production_company"},
           {"name":"Fin Co","role":"financier"},
           {"name":"Dist Co","role":"distributor"},
           {"name":"Cass Casting","role":"casting_director"},
           {"name":"Sue Supervisor","role":"music_supervisor"},
           {"name":"Mo Music","role":"composer"},
           {"name":"Cos Costume","role":"costume_designer"},
           {"name":"Al Associate","role":"associate_producer"},
           {"name":"Ed Editor","role":"editor"},
           {"name":"Pia Designer","role":"production_designer"},
           {"name":"Dora DoP","role":"director_of_photography"}"#,
    );
    assert_eq!(
        texts(t, MainTitles),
        [
            "Dist Co presents",
            "in association with Fin Co",
            "a Prod Co production",
            "A Film by Dee Director",
            "Ann Above and Zed Above",
            "The Title",
            "Bo Billed",
            "Casting by Cass Casting",
            "Music by Mo Music",
            "Music Supervisor Sue Supervisor",
            "Costume Designer Cos Costume",
            "Associate Producer Al Associate",
            "Edited by Ed Editor",
            "Production Designer Pia Designer",
            "Director of Photography Dora DoP",
            "Directed by Dee Director",
        ]
    );
}

/// SPEC §3.3: no associate producers or line producer in the billing block;
/// co-executive before executive producers; cast limited by
/// `billing_block_cast`.
#[test]
fn billing_block_order_and_cast_limit() {
    let t = with_entries(
        r#""billing_block_cast":1"#,
        r#"{"name":"Dee Director","role":"director"},
           {"name":"Al Associate","role":"associate_producer"},
           {"name":"Lou Line","role":"line_producer"},
           {"name":"Ezra Exec","role":"executive_producer"},
           {"name":"Cora CoExec","role":"co_executive_producer"},
           {"name":"Cy CoProducer","role":"co_producer"},
           {"name":"Sam Star","role":"cast","billing":1},
           {"name":"Tia Two","role":"cast","billing":2}"#,
    );
    assert_eq!(
        texts(t, BillingBlock),
        [
            "The Title",
            "Sam Star",
            "Co-Producer Cy CoProducer",
            "Co-Executive Producer Cora CoExec",
            "Executive Producer Ezra Exec",
            "Directed by Dee Director",
        ]
    );
}

/// SPEC §3.1 writers' block: written/screenplay, then story, then source;
/// WGA joiners: " & " inside a team, " and " between writers or teams; a
/// team is placed at its first member's position.
#[test]
fn writers_block_order_and_joiners() {
    let t = with_entries(
        "",
        r#"{"name":"Dee Director","role":"director"},
           {"name":"Novel Author","role":"based_on"},
           {"name":"Story Person","role":"story_by"},
           {"name":"Richard Brooks","role":"screenplay_by","billing":3},
           {"name":"Philip G. Epstein","role":"screenplay_by","team":1,"billing":2},
           {"name":"Julius J. Epstein","role":"screenplay_by","team":1,"billing":1}"#,
    );
    assert_eq!(
        texts(t, MainTitles),
        [
            "The Title",
            "Screenplay by Julius J. Epstein & Philip G. Epstein and Richard Brooks",
            "Story by Story Person",
            "Based on Novel Author",
            "Directed by Dee Director",
        ]
    );
    // A team billed after a solo writer stays together at its first member's place.
    let t = with_entries(
        "",
        r#"{"name":"D","role":"director"},
           {"name":"Team B2","role":"written_by","team":7,"billing":4},
           {"name":"Solo","role":"written_by","billing":2},
           {"name":"Team B1","role":"written_by","team":7,"billing":3},
           {"name":"First","role":"written_by","billing":1}"#,
    );
    assert_eq!(
        texts(t, MainTitles)[1],
        "Written by First and Solo and Team B1 & Team B2"
    );
}

/// SPEC §3.1 hyphenates (Forsman: one credit at the more prestigious place):
/// sole writing and producing credits merge into the director's card in
/// every sequence; a shared credit stays in place.
#[test]
fn hyphenate_merge_in_every_sequence() {
    let entries = r#"{"name":"Ana Auteur","role":"producer","flags":["pga"]},
        {"name":"Ana Auteur","role":"director"},
        {"name":"Ezra Exec","role":"executive_producer"},
        {"name":"Ana Auteur","role":"written_by"}"#;
    let t = with_entries("", entries);
    let expected = [
        "The Title",
        "Executive Producer Ezra Exec",
        "Written, Produced and Directed by Ana Auteur",
    ];
    assert_eq!(texts(t, MainTitles), expected);
    assert_eq!(texts(t, BillingBlock), expected);
    let t = with_entries(r#""end_credits":"end_only""#, entries);
    assert_eq!(
        texts(t, EndCredits),
        [
            "Written, Produced and Directed by Ana Auteur",
            "Executive Producer Ezra Exec"
        ]
    );
    // The JSON card lists every role it merges, the name once.
    let card = &json(t, EndCredits)["cards"][0];
    assert_eq!(
        card["roles"],
        serde_json::json!(["written_by", "producer", "director"])
    );
    assert_eq!(card["names"], serde_json::json!(["Ana Auteur"]));

    // Switched off: every credit in its own place.
    let t = with_entries(r#""merge_hyphenates":false"#, entries);
    assert_eq!(
        texts(t, MainTitles),
        [
            "The Title",
            "Executive Producer Ezra Exec",
            "Produced by Ana Auteur, p.g.a.",
            "Written by Ana Auteur",
            "Directed by Ana Auteur",
        ]
    );
}

#[test]
fn a_shared_credit_is_not_merged() {
    let t = with_entries(
        "",
        r#"{"name":"Ana Auteur","role":"director"},
           {"name":"Ana Auteur","role":"screenplay_by","billing":1},
           {"name":"Co Writer","role":"screenplay_by","billing":2},
           {"name":"Ana Auteur","role":"producer"}"#,
    );
    assert_eq!(
        texts(t, MainTitles),
        [
            "The Title",
            "Screenplay by Ana Auteur and Co Writer",
            "Produced and Directed by Ana Auteur"
        ]
    );
}

/// SPEC §3.1 items 5–7: above-title cast by billing before the title card;
/// special cast credits close the cast block in the order featuring,
/// introducing, with, and, and_as; regular cast only up to `main_title_cast`.
#[test]
fn cast_block_with_title_card_and_special_credits() {
    let t = with_entries(
        r#""main_title_cast":3"#,
        r#"{"name":"Dee","role":"director"},
           {"name":"And As","role":"cast","character":"The Judge","cast_credit":"and_as"},
           {"name":"With One","role":"cast","cast_credit":"with","billing":9},
           {"name":"Second Star","role":"cast","billing":4,"flags":["above_title"]},
           {"name":"Fourth Billed","role":"cast","billing":4},
           {"name":"Featured","role":"cast","cast_credit":"featuring"},
           {"name":"Third Billed","role":"cast","billing":3},
           {"name":"First Star","role":"cast","billing":1,"flags":["above_title"]},
           {"name":"And One","role":"cast","cast_credit":"and"},
           {"name":"New Face","role":"cast","cast_credit":"introducing"},
           {"name":"Unbilled","role":"cast"}"#,
    );
    assert_eq!(
        texts(t, MainTitles),
        [
            "First Star and Second Star",
            "The Title",
            "Third Billed",
            "Featuring Featured",
            "Introducing New Face",
            "With With One",
            "And And One",
            "and And As as The Judge",
            "Directed by Dee",
        ]
    );
    let doc = json(t, MainTitles);
    assert_eq!(
        doc["cards"][1],
        serde_json::json!({"heading":"","roles":["title"],"names":["The Title"],"text":"The Title"})
    );
}

/// SPEC §3.2: the production-management card (UPM, first AD, second AD, in
/// that order, at most 3 names a card) opens the crawl.
#[test]
fn production_management_card() {
    let t = with_entries(
        "",
        r#"{"name":"Dee","role":"director"},
           {"name":"Second AD","role":"second_assistant_director"},
           {"name":"First AD","role":"first_assistant_director"},
           {"name":"UPM One","role":"unit_production_manager"},
           {"name":"UPM Two","role":"unit_production_manager"},
           {"name":"Grip","role":"key_grip"}"#,
    );
    assert_eq!(
        texts(t, EndCredits),
        [
            "Unit Production Manager UPM One\nUnit Production Manager UPM Two\nFirst Assistant Director First AD",
            "Second Assistant Director Second AD",
            "Key Grip Grip",
        ]
    );
}

/// SPEC §2.4 crawl order (StudioBinder): stunts, production, art, camera,
/// grip, electric, sound, …; heads first inside a department; custom titles
/// after the vocabulary's roles of their department, in table order.
#[test]
fn crawl_departments_heads_first() {
    let t = with_entries(
        "",
        r#"{"name":"Dee","role":"director"},
           {"name":"Best Boy","role":"best_boy_electric"},
           {"name":"Wrangler","role":"custom","title":"Camera Wrangler","department":"camera"},
           {"name":"Gaff","role":"gaffer"},
           {"name":"Second AC","role":"second_assistant_camera"},
           {"name":"Operator","role":"camera_operator"},
           {"name":"Boom","role":"boom_operator"},
           {"name":"Mixer","role":"production_sound_mixer"},
           {"name":"Stunts","role":"stunt_coordinator"},
           {"name":"Art Dir","role":"art_director"},
           {"name":"Coord","role":"production_coordinator"},
           {"name":"Key","role":"key_grip"},
           {"name":"Thanks","role":"special_thanks"}"#,
    );
    assert_eq!(
        texts(t, EndCredits),
        [
            "Stunt Coordinator Stunts",
            "Production Coordinator Coord",
            "Art Director Art Dir",
            "Camera Operator Operator",
            "Second Assistant Camera Second AC",
            "Camera Wrangler Wrangler",
            "Key Grip Key",
            "Gaffer Gaff",
            "Best Boy Electric Best Boy",
            "Production Sound Mixer Mixer",
            "Boom Operator Boom",
            "Special Thanks Thanks",
        ]
    );
}

/// SPEC §3.2 cast list modes: billing (billed first, then table order),
/// appearance (top billed names first, then order of appearance), and
/// alphabetical by surname (last word), then the whole name. A no-break
/// space joins a compound surname: "Van\u{a0}Zandt" files under V.
#[test]
fn cast_order_modes() {
    let entries = r#"{"name":"Dee","role":"director"},
        {"name":"Zoe Adams","role":"cast","character":"A","billing":2,"appearance":4},
        {"name":"Ben Young","role":"cast","character":"B","appearance":1},
        {"name":"Amy Young","role":"cast","character":"C","billing":1,"appearance":3},
        {"name":"Carl Best","role":"cast","character":"D","appearance":2},
        {"name":"Eve Best","role":"cast","character":"E"},
        {"name":"Dick Van\u00a0Zandt","role":"cast","character":"F"}"#;
    let list = |options: &str| texts(with_entries(options, entries), EndCredits).remove(0);
    assert_eq!(
        list(r#""cast_order":"billing""#),
        "Cast\nC .... Amy Young\nA .... Zoe Adams\nB .... Ben Young\nD .... Carl Best\nE .... Eve Best\nF .... Dick Van\u{a0}Zandt"
    );
    assert_eq!(
        list(r#""cast_order":"appearance","cast_order_top":1"#),
        "Cast\nC .... Amy Young\nB .... Ben Young\nD .... Carl Best\nA .... Zoe Adams\nE .... Eve Best\nF .... Dick Van\u{a0}Zandt"
    );
    assert_eq!(
        list(r#""cast_order":"alphabetical""#),
        "Cast\nA .... Zoe Adams\nD .... Carl Best\nE .... Eve Best\nF .... Dick Van\u{a0}Zandt\nC .... Amy Young\nB .... Ben Young"
    );
}

/// SPEC §3.4: slot, then billing (present before absent), then table order;
/// equal keys never reorder.
#[test]
fn stability_under_equal_keys() {
    let t = with_entries(
        "",
        r#"{"name":"Dee","role":"director"},
           {"name":"No Billing 1","role":"executive_producer"},
           {"name":"Billed 2","role":"executive_producer","billing":2},
           {"name":"No Billing 2","role":"executive_producer"},
           {"name":"Billed 1","role":"executive_producer","billing":1},
           {"name":"No Billing 3","role":"executive_producer"}"#,
    );
    assert_eq!(
        texts(t, MainTitles)[1],
        "Executive Producers Billed 1, Billed 2, No Billing 1, No Billing 2 and No Billing 3"
    );
}

/// SPEC §3.5: one card per heading, split at `max_names_per_card`, a
/// `single_card` entry alone; singular and plural headings.
#[test]
fn cards_split_by_limit_and_single_card() {
    let t = with_entries(
        r#""max_names_per_card":2"#,
        r#"{"name":"Dee","role":"director"},
           {"name":"E1","role":"executive_producer"},
           {"name":"E2","role":"executive_producer"},
           {"name":"E3","role":"executive_producer"},
           {"name":"Solo","role":"executive_producer","flags":["single_card"]},
           {"name":"E5","role":"executive_producer"}"#,
    );
    assert_eq!(
        texts(t, MainTitles),
        [
            "The Title",
            "Executive Producers E1 and E2",
            "Executive Producer E3",
            "Executive Producer Solo",
            "Executive Producer E5",
            "Directed by Dee",
        ]
    );
    // The billing block has no names-per-card limit.
    assert_eq!(texts(t, BillingBlock)[1], "Executive Producers E1, E2 and E3");
}

/// SPEC §3.2: in `after_main_titles` mode the crawl skips what the main
/// titles showed, except cast, who reappear in the full cast list.
#[test]
fn end_credits_after_main_titles_skip_principals() {
    let t = with_entries(
        "",
        r#"{"name":"Dist","role":"distributor"},
           {"name":"Dee","role":"director"},
           {"name":"Star","role":"cast","character":"Hero","billing":1},
           {"name":"Ed","role":"editor"},
           {"name":"Vfx","role":"visual_effects_supervisor"},
           {"name":"Ghost","role":"gaffer","flags":["uncredited"]}"#,
    );
    assert_eq!(
        texts(t, EndCredits),
        ["Cast\nHero .... Star", "Visual Effects Supervisor Vfx"]
    );
}

/// SPEC §3.6: every warning, with its entry index.
#[test]
fn every_warning_with_its_entry() {
    let t = with_entries(
        "",
        r#"{"name":"Dee","role":"director","flags":["guild"]},
           {"name":"Second Dir","role":"director"},
           {"name":"Waived Dir","role":"director","flags":["waiver"]},
           {"name":"Pga Exec","role":"executive_producer","flags":["pga"]},
           {"name":"Poss Writer","role":"written_by","flags":["possessory"]},
           {"name":"Cast A","role":"cast","billing":1},
           {"name":"Cast B","role":"cast","billing":1},
           {"name":"Ed One","role":"editor"},
           {"name":"Ed Two","role":"editor"},
           {"name":"Ed Three","role":"editor","flags":["waiver"]}"#,
    );
    let warnings = common::credits(t, MainTitles).warnings().collect::<Vec<_>>();
    let got: Vec<_> = warnings.iter().map(|w| (w.entry, w.code)).collect();
    assert_eq!(
        got,
        [
            (Some(1), WarningCode::MultipleDirectors),
            (Some(3), WarningCode::PgaNotProducer),
            (Some(4), WarningCode::PossessoryNotDirector),
            (Some(6), WarningCode::DuplicateBilling),
            (Some(8), WarningCode::MultipleEditors),
        ]
    );
    // A director team is one credit: no warning.
    let team = with_entries(
        "",
        r#"{"name":"Joel","role":"director","team":1},{"name":"Ethan","role":"director","team":1}"#,
    );
    assert!(common::credits(team, MainTitles).warnings().next().is_none());
    assert_eq!(texts(team, MainTitles)[1], "Directed by Joel & Ethan");
    // No director at all; a merged hyphenate on a guild member without waiver.
    let none = with_entries("", r#"{"name":"Ed","role":"editor"}"#);
    let w = common::credits(none, MainTitles).warnings().collect::<Vec<_>>();
    assert_eq!((w[0].entry, w[0].code), (None, WarningCode::NoDirector));
    let merged = with_entries(
        "",
        r#"{"name":"Ana","role":"director","flags":["guild","waiver"]},{"name":"Ana","role":"written_by","flags":["guild"]}"#,
    );
    let w = common::credits(merged, EndCredits).warnings().collect::<Vec<_>>();
    assert_eq!(
        w.iter().map(|w| (w.entry, w.code)).collect::<Vec<_>>(),
        [(Some(1), WarningCode::HyphenateNeedsWaiver)]
    );
    // Warnings are in the JSON with 0-based entry indices.
    let doc = json(none, MainTitles);
    assert_eq!(
        doc["warnings"],
        serde_json::json!([{
            "entry": null,
            "code": "no_director",
            "message": "no director; every picture has a \"Directed by\" credit"
        }])
    );
}

/// SPEC §5.1: the card JSON shape, with p.g.a. suffixes in a parallel array
/// and the names exactly as in the table.
#[test]
fn card_json_shape() {
    let t = with_entries(
        "",
        r#"{"name":"Dee","role":"director"},
           {"name":"Jane \"JD\" Doe","role":"producer","flags":["pga"],"billing":1},
           {"name":"John Roe","role":"producer","billing":2}"#,
    );
    let doc = json(t, MainTitles);
    assert_eq!(doc["sequence"], "main_titles");
    assert_eq!(
        doc["cards"][1],
        serde_json::json!({
            "heading": "Produced by",
            "roles": ["producer"],
            "names": ["Jane \"JD\" Doe", "John Roe"],
            "suffixes": ["p.g.a.", ""],
            "text": "Produced by Jane \"JD\" Doe, p.g.a. and John Roe"
        })
    );
}

/// Episodic profile: "Created by" right after the title, before the cast.
#[test]
fn episodic_created_by_before_written_by() {
    let t = common::table(
        r#"{"title":"Pilot","profile":"episodic","entries":[
            {"name":"Dee","role":"director"},
            {"name":"Tele Writer","role":"teleplay_by"},
            {"name":"Star","role":"cast","billing":1},
            {"name":"Creator","role":"created_by"}]}"#,
    );
    assert_eq!(
        texts(t, MainTitles),
        [
            "Pilot",
            "Created by Creator",
            "Star",
            "Teleplay by Tele Writer",
            "Directed by Dee"
        ]
    );
}

/// Inside a principal credit, roles come in the vocabulary's order, in
/// every sequence and profile: the writers' block reads written, then
/// screenplay, then teleplay, then story (SPEC §3.1), and the supervising
/// producer precedes the consulting producer in episodic main titles and
/// end-only heads alike.
#[test]
fn principal_credits_keep_the_vocabulary_order_in_every_sequence() {
    let t = common::table(
        r#"{"title":"Pilot","profile":"episodic","options":{"end_credits":"end_only"},"entries":[
            {"name":"Dee","role":"director"},
            {"name":"Con","role":"consulting_producer"},
            {"name":"Sup","role":"supervising_producer"},
            {"name":"Story","role":"story_by"},
            {"name":"Tele","role":"teleplay_by"},
            {"name":"Screen","role":"screenplay_by"}]}"#,
    );
    assert_eq!(
        texts(t, MainTitles),
        [
            "Pilot",
            "Supervising Producer Sup",
            "Consulting Producer Con",
            "Screenplay by Screen",
            "Teleplay by Tele",
            "Story by Story",
            "Directed by Dee"
        ]
    );
    let end = texts(t, EndCredits);
    assert_eq!(
        end[..6],
        [
            "Directed by Dee",
            "Screenplay by Screen",
            "Teleplay by Tele",
            "Story by Story",
            "Supervising Producer Sup",
            "Consulting Producer Con"
        ]
    );
}

/// A cast member without a character reads as the name alone in the cast
/// list, and "and … as …" without one reads "and Name".
#[test]
fn cast_without_a_character_reads_as_the_name() {
    let t = common::table(
        r#"{"title":"T","entries":[
            {"name":"Dee","role":"director"},
            {"name":"Star","role":"cast","billing":1,"character":"Rae"},
            {"name":"Extra","role":"cast","billing":2},
            {"name":"Late","role":"cast","cast_credit":"and_as"}]}"#,
    );
    let end = texts(t, EndCredits);
    assert!(
        end.contains(&"Cast\nRae .... Star\nExtra\nLate".to_string()),
        "{end:?}"
    );
    assert!(texts(t, MainTitles).contains(&"and Late".to_string()));
}

/// SPEC §5: a too-small output buffer is an error, never a truncated document.
#[test]
fn json_output_into_a_too_small_buffer_is_an_error() {
    let t = with_entries("", r#"{"name":"Dee","role":"director"}"#);
    let credits = common::credits(t, MainTitles);
    let mut buf = [0u8; 1024];
    let len = creditline::json::write_credits(&credits, t, &mut buf).unwrap();
    for short in [0, 1, len / 2, len - 1] {
        let err = creditline::json::write_credits(&credits, t, &mut buf[..short]).unwrap_err();
        assert_eq!(err.kind, creditline::ErrorKind::BufferTooSmall);
    }
}

/// Regression (fuzz target `order_invariants`): the production-management
/// card respects `max_names_per_card` below its own limit of three.
#[test]
fn production_management_card_respects_a_smaller_card_limit() {
    let t = with_entries(
        r#""max_names_per_card":1"#,
        r#"{"name":"Dee","role":"director"},
           {"name":"UPM","role":"unit_production_manager"},
           {"name":"First AD","role":"first_assistant_director"}"#,
    );
    assert_eq!(
        texts(t, EndCredits),
        ["Unit Production Manager UPM", "First Assistant Director First AD"]
    );
}

/// Regression (fuzz target `order_invariants`): an entry with several
/// warnings takes one slot, so a buffer that holds the table's credits
/// holds all of its warnings, and ordering never fails for them.
#[test]
fn many_warnings_per_entry_fit_any_buffer_that_fits_the_table() {
    let entry = r#"{"name":"Ana","role":"director","billing":1,"flags":["pga","guild"]}"#;
    let entries = [entry; 8].join(",");
    let t = common::table(&format!(
        r#"{{"title":"T","entries":[{entries},{{"name":"Ana","role":"written_by","flags":["possessory","pga","guild"]}}]}}"#
    ));
    let mut credits: creditline::order::Credits<20> = creditline::order::Credits::new();
    creditline::order::order(t, MainTitles, &mut credits).unwrap();
    let warnings: Vec<_> = credits.warnings().map(|w| (w.entry, w.code)).collect();
    // Director 0: p.g.a. and the merged credit without waiver; directors
    // 1–7 also a second director and a duplicate billing; the writer:
    // p.g.a., possessory, and the merged credit without waiver.
    assert_eq!(warnings.len(), 2 + 7 * 4 + 3);
    assert_eq!(warnings[0], (Some(0), WarningCode::PgaNotProducer));
    assert_eq!(warnings[1], (Some(0), WarningCode::HyphenateNeedsWaiver));
    assert_eq!(
        &warnings[2..6],
        [
            (Some(1), WarningCode::MultipleDirectors),
            (Some(1), WarningCode::PgaNotProducer),
            (Some(1), WarningCode::DuplicateBilling),
            (Some(1), WarningCode::HyphenateNeedsWaiver),
        ]
    );
}
