//! The std baseline: what a competent application developer would write
//! without creditline, for the same jobs and the same rules — `serde_json`
//! into owned `String`s and `Vec`s, `HashMap`s from role names to ranks,
//! `sort_by` with string keys, `f64` money. The benches assert once that
//! it gives the same order and totals as creditline on the bench inputs.

use std::collections::HashMap;

use serde::Deserialize;

#[derive(Deserialize, Clone)]
pub struct Fringe {
    pub bps: u32,
    pub cap: Option<i64>,
}

/// Every field is parsed into owned data, as an application would, even
/// where these jobs do not read it.
#[allow(dead_code)]
#[derive(Deserialize, Clone)]
pub struct Entry {
    pub name: String,
    pub role: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub character: Option<String>,
    pub billing: Option<u16>,
    pub appearance: Option<u16>,
    pub team: Option<u16>,
    pub cast_credit: Option<String>,
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(default)]
    pub fee: i64,
    pub account: Option<u16>,
    pub line: Option<String>,
    pub fringe: Option<Fringe>,
}

impl Entry {
    fn has(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

#[derive(Deserialize)]
pub struct Line {
    pub account: u16,
    pub amount: i64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
pub struct Charge {
    pub name: String,
    pub bps: Option<u32>,
    pub amount: Option<i64>,
    #[serde(default)]
    pub exclude: Vec<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Table {
    pub title: String,
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub lines: Vec<Line>,
    #[serde(default)]
    pub charges: Vec<Charge>,
}

pub fn parse(input: &str) -> Table {
    serde_json::from_str(input).expect("bench tables are valid")
}

/// Role id → (department, rank, default account, above the line, ATL
/// account for a profit participant), built from strings like a config file.
pub struct Vocabulary {
    roles: HashMap<String, (String, u8, u16, bool, Option<u16>)>,
    departments: HashMap<String, usize>,
}

const DEPARTMENTS: &[&str] = &[
    "production_management",
    "cast",
    "stunts",
    "production",
    "art",
    "camera",
    "grip",
    "electric",
    "sound",
    "costume",
    "makeup_hair",
    "locations",
    "transportation",
    "special_effects",
    "catering",
    "post_production",
    "editorial",
    "visual_effects",
    "post_sound",
    "music",
    "additional_crew",
    "thanks",
    "companies",
];

impl Vocabulary {
    /// Built from creditline's published vocabulary rows, as an application
    /// would load them from a data file: into strings.
    pub fn new() -> Self {
        let roles = creditline::vocabulary::ROLES
            .iter()
            .map(|r| {
                let atl = r.side == creditline::Side::Atl;
                (
                    r.id().to_string(),
                    (
                        r.department.id().to_string(),
                        r.rank,
                        r.account,
                        atl,
                        r.atl_account_when_participant,
                    ),
                )
            })
            .collect();
        let departments = DEPARTMENTS
            .iter()
            .enumerate()
            .map(|(i, d)| (d.to_string(), i))
            .collect();
        Vocabulary { roles, departments }
    }
}

/// The main-title blocks of the feature profile, as strings.
const MAIN_TITLES: &[&[&str]] = &[
    &["distributor"],
    &["financier"],
    &["production_company"],
    &["@possessory"],
    &["@above_title"],
    &["@title"],
    &["@cast"],
    &["casting_director"],
    &["composer", "music_supervisor"],
    &["costume_designer"],
    &["associate_producer"],
    &["editor"],
    &["production_designer"],
    &["director_of_photography"],
    &["co_producer"],
    &["line_producer"],
    &["co_executive_producer"],
    &["executive_producer"],
    &["producer"],
    &[
        "written_by",
        "screenplay_by",
        "teleplay_by",
        "story_by",
        "screen_story_by",
        "based_on",
        "characters_by",
        "created_by",
        "developed_by",
    ],
    &["director"],
];

const BILLING_BLOCK_SKIPS: &[&str] = &["associate_producer", "line_producer"];
const SPECIAL: &[&str] = &[
    "featuring",
    "introducing",
    "with",
    "special_appearance",
    "and",
    "and_as",
];

type Key = (usize, usize, usize, u32, usize, u32, usize);

fn billing(b: Option<u16>) -> u32 {
    b.map_or(0x1_0000, u32::from)
}

/// The blocks an entry takes in the main titles (or billing block).
fn slots(e: &Entry, billing_block: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let limit = 8;
    for (block, roles) in MAIN_TITLES.iter().enumerate() {
        if billing_block && roles.iter().any(|r| BILLING_BLOCK_SKIPS.contains(r)) {
            continue;
        }
        match roles[0] {
            "@possessory" => {
                if e.role == "director" && e.has("possessory") {
                    out.push((block, 0));
                }
            }
            "@above_title" => {
                if e.role == "cast" && e.has("above_title") {
                    out.push((block, 0));
                }
            }
            "@title" => {}
            "@cast" => {
                if e.role == "cast" && !e.has("above_title") {
                    let credit = e.cast_credit.clone().unwrap_or_else(|| "star".to_string());
                    if let Some(p) = SPECIAL.iter().position(|s| *s == credit) {
                        out.push((block, p + 1));
                    } else if e.billing.is_some_and(|b| b <= limit) {
                        out.push((block, 0));
                    }
                }
            }
            _ => {
                if let Some(group) = roles.iter().position(|r| *r == e.role) {
                    out.push((block, group));
                }
            }
        }
    }
    out
}

fn lead(entries: &[Entry], i: usize) -> (u32, usize) {
    let e = &entries[i];
    match e.team {
        None => (billing(e.billing), i),
        Some(team) => entries
            .iter()
            .enumerate()
            .filter(|(_, o)| o.team == Some(team) && o.role == e.role && !o.has("uncredited"))
            .map(|(j, o)| (billing(o.billing), j))
            .min()
            .unwrap_or((billing(e.billing), i)),
    }
}

/// The order of a sequence as entry indices (`usize::MAX` for the title).
pub fn order(t: &Table, v: &Vocabulary, sequence: &str) -> Vec<usize> {
    let mut keyed: Vec<(Key, usize)> = Vec::new();
    let billing_block = sequence == "billing_block";
    for (i, e) in t.entries.iter().enumerate() {
        if e.has("uncredited") {
            continue;
        }
        let (lb, li) = lead(&t.entries, i);
        let own = (billing(e.billing), i);
        let principal = slots(e, billing_block);
        if sequence == "end_credits" {
            if e.role == "cast" || principal.is_empty() {
                let (department, rank) = match v.roles.get(&e.role) {
                    Some((d, rank, ..)) => (v.departments[d], usize::from(*rank)),
                    None => (
                        v.departments[e.department.as_deref().unwrap_or("additional_crew")],
                        255,
                    ),
                };
                keyed.push(((255, department, rank, lb, li, own.0, own.1), i));
            }
        } else {
            for (block, group) in principal {
                keyed.push(((block, group, 0, lb, li, own.0, own.1), i));
            }
        }
    }
    if sequence != "end_credits" {
        keyed.push(((5, 0, 0, 0, 0, 0, 0), usize::MAX));
    }
    keyed.sort_by_key(|k| k.0);
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Side, account of every entry (`None` side for a financing credit).
pub fn classify(t: &Table, v: &Vocabulary) -> Vec<(String, Option<u16>)> {
    t.entries
        .iter()
        .map(|e| {
            let (_, _, account, atl, deal) =
                v.roles
                    .get(&e.role)
                    .cloned()
                    .unwrap_or(("other".into(), 255, 2000, false, None));
            if let Some(line) = &e.line {
                return (line.clone(), Some(e.account.unwrap_or(account)));
            }
            if e.has("financing") && e.fee == 0 {
                return ("none".to_string(), None);
            }
            if let Some(acct) = e.account {
                return (if acct < 2000 { "atl" } else { "btl" }.to_string(), Some(acct));
            }
            if let Some(atl_account) = deal {
                return if e.has("profit_participant") {
                    ("atl".to_string(), Some(atl_account))
                } else {
                    ("btl".to_string(), Some(account))
                };
            }
            (if atl { "atl" } else { "btl" }.to_string(), Some(account))
        })
        .collect()
}

fn section(account: u16) -> &'static str {
    match account {
        1000..=1999 => "atl",
        2000..=4999 => "production",
        5000..=6999 => "post",
        _ => "other",
    }
}

/// The top sheet in `f64` dollars-and-cents arithmetic: section totals and
/// the grand total, rounded to cents at the end.
pub fn top_sheet(t: &Table, v: &Vocabulary) -> (HashMap<&'static str, f64>, f64) {
    let mut sections: HashMap<&'static str, f64> = HashMap::new();
    let mut wages: HashMap<String, f64> = HashMap::new();
    for (e, (side, account)) in t.entries.iter().zip(classify(t, v)) {
        let Some(account) = account else { continue };
        let name = if side == "atl" { "atl" } else { section(account) };
        let name = if side == "btl" && name == "atl" {
            "production"
        } else {
            name
        };
        let fee = e.fee as f64;
        let mut fringe = 0.0;
        if let Some(f) = &e.fringe {
            let earlier = wages.get(&e.name).copied().unwrap_or(0.0);
            let base = match f.cap {
                Some(cap) => fee.min((cap as f64 - earlier).max(0.0)),
                None => fee,
            };
            fringe = (base * f64::from(f.bps) / 10_000.0 + 0.5).floor();
            *wages.entry(e.name.clone()).or_default() += fee;
        }
        *sections.entry(name).or_default() += fee + fringe;
    }
    for l in &t.lines {
        *sections.entry(section(l.account)).or_default() += l.amount as f64;
    }
    let atl_btl: f64 = sections.values().sum();
    let mut charges = 0.0;
    for c in &t.charges {
        let base: f64 = sections
            .iter()
            .filter(|(k, _)| !c.exclude.iter().any(|x| x == *k))
            .map(|(_, v)| v)
            .sum();
        charges += match (c.bps, c.amount) {
            (Some(bps), _) => (base * f64::from(bps) / 10_000.0 + 0.5).floor(),
            (_, Some(amount)) => amount as f64,
            _ => 0.0,
        };
    }
    (sections, atl_btl + charges)
}

/// Largest remainder with a `Vec` of remainders and `sort_by`.
pub fn split(total: i64, weights: &[u32]) -> Vec<i64> {
    let sum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
    let magnitude = i128::from(total).abs();
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let product = magnitude * i128::from(w);
        parts.push(product / sum);
        remainders.push((product % sum, i));
    }
    let left = magnitude - parts.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(left as usize) {
        parts[i] += 1;
    }
    let sign = if total < 0 { -1 } else { 1 };
    parts.into_iter().map(|p| (p * sign) as i64).collect()
}
