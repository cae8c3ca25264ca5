//! Firmware that orders a built-in 64-entry table (main titles and end
//! credits), computes its top sheet and splits the grand total; with
//! `--features json` the table is the documentary, parsed from JSON. Every
//! result is compared with values worked out by hand from the rules, the
//! stack's high-water mark is measured by painting, and a short report goes
//! out over semihosting. The run ends with a semihosting exit, so QEMU
//! returns 0 when every check passed and 1 otherwise.
//!
//! The same image is what `llvm-size` measures: what the creditline core
//! costs in flash and RAM (`core_size.py` splits the image).
#![no_std]
#![no_main]

use core::panic::PanicInfo;

use cortex_m_rt::{ExceptionFrame, entry, exception};
use cortex_m_semihosting::debug::{self, EXIT_FAILURE, EXIT_SUCCESS};
use cortex_m_semihosting::hio::{self, HostStream};
use creditline::budget::{Workspace, top_sheet};
use creditline::order::{Card, CardKind, Credits, Sequence, order};
#[cfg(not(feature = "json"))]
use creditline::{Entry, Flag, Role};
use creditline::{Table, split};

/// A text of the report, as a named static: `core_size.py` counts named
/// data as the firmware's, while a plain literal is an anonymous constant,
/// which it counts as the core's.
macro_rules! t {
    ($text:literal) => {{
        static TEXT: [u8; $text.len()] = *$text;
        &TEXT
    }};
}

/// Entries of the built-in table.
const N: usize = 64;

/// Capacity of the credits buffer: end credits can hold twice the entries
/// (billed cast are on a principal card and on the cast list), and more.
const M: usize = 2 * N + 2;

/// Most bytes of stack the jobs may use beyond the buffers the firmware
/// owns (the table, the credits buffer and the top-sheet workspace, which
/// the caller sizes): the reset handler, `main`, ordering, the top sheet,
/// the split and this report. A change that needs more should say why.
const JOB_STACK_BUDGET: usize = 5 * 1024;

/// Bytes of the buffers the firmware owns on its stack.
const BUFFERS: usize = size_of::<Table<'static, N>>() + size_of::<Credits<M>>() + size_of::<Workspace<N>>();

/// Weights of the split of the grand total.
const WEIGHTS: [u32; 4] = [40, 30, 20, 10];

#[cfg(not(feature = "json"))]
fn fill(table: &mut Table<'static, N>) -> Option<()> {
    const CREW: [Role; 8] = [
        Role::Gaffer,
        Role::KeyGrip,
        Role::CameraOperator,
        Role::BoomOperator,
        Role::ArtDirector,
        Role::Costumer,
        Role::Driver,
        Role::ProductionAssistant,
    ];
    table
        .push(
            Entry::new("Ana Ruiz", Role::Director)
                .flag(Flag::Possessory)
                .fee(5_000_000),
        )
        .ok()?;
    table
        .push(Entry::new("Bo Lind", Role::ScreenplayBy).team(1).billing(1))
        .ok()?;
    table
        .push(Entry::new("Cy Park", Role::ScreenplayBy).team(1).billing(2))
        .ok()?;
    table
        .push(
            Entry::new("Dee Shaw", Role::Producer)
                .flag(Flag::Pga)
                .fee(2_000_000),
        )
        .ok()?;
    for i in 0..20u16 {
        table
            .push(
                Entry::new("Actor", Role::Cast)
                    .billing(i + 1)
                    .fee(100_000)
                    .fringe(2050, Some(1_000_000)),
            )
            .ok()?;
    }
    for i in 0..40usize {
        table
            .push(
                Entry::new("Crew", CREW[i % CREW.len()])
                    .fee(50_000)
                    .fringe(1800, None),
            )
            .ok()?;
    }
    Some(())
}

#[cfg(feature = "json")]
fn fill(table: &mut Table<'static, N>) -> Option<()> {
    // The document's bytes under a name of their own, so that
    // `core_size.py` counts them as the firmware's.
    static INPUT: [u8; include_bytes!("../../examples/tables/documentary.json").len()] =
        *include_bytes!("../../examples/tables/documentary.json");
    static mut SCRATCH: [u8; 2048] = [0; 2048];
    // SAFETY: `fill` runs once, before anything else reads SCRATCH.
    let scratch: &'static mut [u8; 2048] = unsafe { &mut *core::ptr::addr_of_mut!(SCRATCH) };
    creditline::json::parse_table(&INPUT, scratch, table).ok()
}

/// The results, worked out by hand from the rules for the built-in table:
/// feature profile, default options (8 billed cast in the main titles, at
/// most 6 names a card, hyphenates merged, end credits after the main
/// titles, cast list by billing), the Hollywood chart, no lines, no charges.
#[cfg(not(feature = "json"))]
mod expected {
    use creditline::Role;
    use creditline::order::CardKind::{self, *};

    pub static WHAT: &[u8] = t!(b"built-in table (64 entries)");

    /// `(kind, names)` of every card. No distributor, financier or company:
    /// the possessory credit opens; billed cast 1-8 after the title, 6 then
    /// 2 to a card; "Produced by" before the writers; the writing team on
    /// one card; the director last. Nothing merges into the director's
    /// card: she is neither the producer nor a writer.
    pub static MAIN_TITLES: [(CardKind, usize); 7] = [
        (Possessory, 1),
        (Title, 1),
        (Cast, 6),
        (Cast, 2),
        (Role(Role::Producer), 1),
        (Role(Role::ScreenplayBy), 2),
        (Role(Role::Director), 1),
    ];
    /// Entries on the last main-title card: the director (entry 0).
    pub static LAST_MAIN_TITLE: [usize; 1] = [0];
    /// The crawl only (end credits after the main titles), by department
    /// in crawl order: the full cast list (all 20, billed or not), then
    /// production, art, camera, grip, electric, sound, costume,
    /// transportation, 5 of each crew role. The director, the writers and
    /// the producer were shown in the main titles: not again.
    pub static END_CREDITS: [(CardKind, usize); 9] = [
        (CastList, 20),
        (Role(Role::ProductionAssistant), 5),
        (Role(Role::ArtDirector), 5),
        (Role(Role::CameraOperator), 5),
        (Role(Role::KeyGrip), 5),
        (Role(Role::Gaffer), 5),
        (Role(Role::BoomOperator), 5),
        (Role(Role::Costumer), 5),
        (Role(Role::Driver), 5),
    ];
    /// The cast list by billing: billing 1-20 are entries 4-23.
    pub static CAST_LIST: [usize; 20] = [
        4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
    ];
    /// Sections (above the line, production, post, other):
    /// - above: director 5,000,000 + producer 2,000,000 + writers 0 + cast
    ///   20 x 100,000 + cast fringes 205,000 = 9,205,000. Every actor is
    ///   named "Actor", one person to the per-person ceiling: 20.5% on the
    ///   first 1,000,000 of wages (10 entries), nothing on the rest;
    /// - production (accounts 2000-3500): crew 40 x 50,000 + 18% = 2,360,000.
    pub static SECTIONS: [i64; 4] = [9_205_000, 2_360_000, 0, 0];
    /// 205,000 on the cast + 40 x 9,000 on the crew.
    pub static FRINGES: i64 = 565_000;
    pub static CHARGES: i64 = 0;
    pub static GRAND_TOTAL: i64 = 11_565_000;
    /// Largest remainder: 7959.36 and 2040.64 basis points, the leftover
    /// one to production.
    pub static SHARES: [i64; 5] = [7959, 2041, 0, 0, 0];
    /// 40/30/20/10 of 11,565,000, exact.
    pub static PARTS: [i64; 4] = [4_626_000, 3_469_500, 2_313_000, 1_156_500];
}

/// The results, worked out by hand from the rules for
/// `examples/tables/documentary.json`: feature rules, end-only end credits,
/// cast list alphabetical, the Hollywood chart, a 10% contingency.
#[cfg(feature = "json")]
mod expected {
    use creditline::Role;
    use creditline::order::CardKind::{self, *};

    pub static WHAT: &[u8] = t!(b"documentary.json (14 entries)");

    /// The company opens; the title; the one billed cast member; music,
    /// editors (two names, one card), photography, the executive producer;
    /// the director last, with her sole writing and producing credits
    /// merged into her card (three credits, one card).
    pub static MAIN_TITLES: [(CardKind, usize); 8] = [
        (Role(Role::ProductionCompany), 1),
        (Title, 1),
        (Cast, 1),
        (Role(Role::Composer), 1),
        (Role(Role::Editor), 2),
        (Role(Role::DirectorOfPhotography), 1),
        (Role(Role::ExecutiveProducer), 1),
        (
            Hyphenate {
                written: true,
                produced: true,
            },
            3,
        ),
    ];
    /// The director's card: directed (entry 1), written (2), produced (3).
    pub static LAST_MAIN_TITLE: [usize; 3] = [1, 2, 3];
    /// End only: the head in reverse importance (the director's card
    /// first, executive producer, billed cast, photography, editors,
    /// music), then the crawl of what the head did not show: the full cast
    /// list, sound, thanks, and the companies last.
    pub static END_CREDITS: [(CardKind, usize); 10] = [
        (
            Hyphenate {
                written: true,
                produced: true,
            },
            3,
        ),
        (Role(Role::ExecutiveProducer), 1),
        (Cast, 1),
        (Role(Role::DirectorOfPhotography), 1),
        (Role(Role::Editor), 2),
        (Role(Role::Composer), 1),
        (CastList, 3),
        (Role(Role::ProductionSoundMixer), 1),
        (Role(Role::SpecialThanks), 1),
        (Role(Role::ProductionCompany), 1),
    ];
    /// Alphabetical: Anna Eriksen (12), Kari Nordmann (10), Per Olsen (11).
    pub static CAST_LIST: [usize; 3] = [12, 10, 11];
    /// Sections (above the line, production, post, other):
    /// - above: director 4,500,000 + written 1,500,000 + producer
    ///   2,000,000 + cast 600,000 = 8,600,000 (the financing executive
    ///   producer has no fee: no cost);
    /// - production: photography 2,800,000 + 22% 616,000 + sound
    ///   900,000 + travel line 1,450,000 = 5,766,000;
    /// - post: editors 5,000,000 + 22% 1,100,000 + music 1,200,000 +
    ///   archive line 2,100,000 = 9,400,000.
    pub static SECTIONS: [i64; 4] = [8_600_000, 5_766_000, 9_400_000, 0];
    pub static FRINGES: i64 = 1_716_000;
    /// 10% of 23,766,000.
    pub static CHARGES: i64 = 2_376_600;
    pub static GRAND_TOTAL: i64 = 26_142_600;
    /// Floors 3289, 2205, 3595, 0, 909; the two leftover basis points to
    /// the largest remainders, post (.66) and above the line (.65).
    pub static SHARES: [i64; 5] = [3290, 2205, 3596, 0, 909];
    /// 40/30/20/10 of 26,142,600, exact.
    pub static PARTS: [i64; 4] = [10_457_040, 7_842_780, 5_228_520, 2_614_260];
}

/// The report over semihosting. Numbers are written without `core::fmt`
/// or division: formatting would link kilobytes that `core_size.py` cannot
/// tell from the core's own code, and a 64-bit division by 10 would link
/// the division routine that the core keeps out of the image.
struct Report {
    out: Option<HostStream>,
    failures: u32,
}

impl Report {
    fn open() -> Report {
        Report {
            out: hio::hstdout().ok(),
            failures: 0,
        }
    }

    fn text(&mut self, text: &[u8]) {
        if let Some(out) = &mut self.out {
            let _ = out.write_all(text);
        }
    }

    /// A decimal number, digit by digit by subtracting powers of ten.
    fn number(&mut self, n: i64) {
        static POWERS: [u64; 20] = {
            let mut powers = [1u64; 20];
            let mut i = 19;
            while i > 0 {
                powers[i - 1] = powers[i] * 10;
                i -= 1;
            }
            powers
        };
        let mut digits = [0u8; 21];
        let mut len = 0usize;
        let mut push = |byte: u8| {
            if let Some(slot) = digits.get_mut(len) {
                *slot = byte;
                len += 1;
            }
        };
        if n < 0 {
            push(b'-');
        }
        let mut rest = n.unsigned_abs();
        let mut started = false;
        for &power in &POWERS {
            let mut digit = 0u8;
            while rest >= power {
                rest -= power;
                digit += 1;
            }
            started |= digit != 0 || power == 1;
            if started {
                push(b'0' + digit);
            }
        }
        if let (Some(out), Some(bytes)) = (&mut self.out, digits.get(..len)) {
            let _ = out.write_all(bytes);
        }
    }

    fn numbers(&mut self, values: impl Iterator<Item = i64>) {
        for (i, value) in values.enumerate() {
            if i > 0 {
                self.text(t!(b" "));
            }
            self.number(value);
        }
    }

    /// End a check's line with its verdict.
    fn verdict(&mut self, ok: bool) {
        if ok {
            self.text(t!(b" ok\n"));
        } else {
            self.failures = self.failures.saturating_add(1);
            self.text(t!(b" FAIL\n"));
        }
    }

    /// A job that must succeed.
    fn job(&mut self, what: &[u8], ok: bool) {
        if !ok {
            self.text(what);
            self.text(t!(b": returned an error"));
            self.verdict(false);
        }
    }

    fn values(&mut self, what: &[u8], got: &[i64], expected: &[i64]) {
        self.text(what);
        self.text(t!(b": "));
        self.numbers(got.iter().copied());
        if got != expected {
            self.text(t!(b", expected "));
            self.numbers(expected.iter().copied());
        }
        self.verdict(got == expected);
    }

    fn cards<const M: usize>(&mut self, what: &[u8], credits: &Credits<M>, expected: &[(CardKind, usize)]) {
        let cards = credits.cards();
        let items: usize = cards.iter().map(|card| card.len()).sum();
        self.text(what);
        self.text(t!(b": "));
        self.number(cards.len() as i64);
        self.text(t!(b" cards, "));
        self.number(items as i64);
        self.text(t!(b" names"));
        let same = cards.len() == expected.len()
            && cards
                .iter()
                .zip(expected)
                .all(|(card, &(kind, len))| card.kind == kind && card.len() == len);
        if !same {
            let mismatch = cards
                .iter()
                .zip(expected)
                .position(|(card, &(kind, len))| card.kind != kind || card.len() != len)
                .unwrap_or(cards.len().min(expected.len()));
            self.text(t!(b", expected "));
            self.number(expected.len() as i64);
            self.text(t!(b" cards; first difference at card "));
            self.number(mismatch as i64 + 1);
        }
        self.verdict(same);
    }

    /// The entries of one card, by table index.
    fn entries<const M: usize>(
        &mut self,
        what: &[u8],
        credits: &Credits<M>,
        card: Option<&Card>,
        table: &Table<'_, N>,
        expected: &[usize],
    ) {
        let entries = || card.into_iter().flat_map(|card| credits.entries_of(card, table));
        self.text(what);
        self.text(t!(b": "));
        if let Some((_, first)) = entries().next() {
            self.text(first.name.as_bytes());
            self.text(t!(b", "));
        }
        self.text(t!(b"entries "));
        self.numbers(entries().map(|(index, _)| index as i64));
        let same = entries().map(|(index, _)| index).eq(expected.iter().copied());
        self.verdict(same);
    }
}

/// Build the table, run the jobs and check their results. The table, the
/// credits buffer and the top sheet's workspace live in this frame, as in
/// an application that owns its buffers on the stack.
#[inline(never)]
fn run(report: &mut Report) {
    let mut table: Table<'static, N> = Table::new("Firmware Feature");
    report.text(t!(b"creditline firmware: "));
    report.text(expected::WHAT);
    report.text(t!(b"\n"));
    report.job(t!(b"fill the table"), fill(&mut table).is_some());

    let mut credits: Credits<M> = Credits::new();
    let mut workspace: Workspace<N> = Workspace::new();
    report.job(
        t!(b"main titles"),
        order(&table, Sequence::MainTitles, &mut credits).is_ok(),
    );
    report.cards(t!(b"main titles"), &credits, &expected::MAIN_TITLES);
    report.entries(
        t!(b"main titles, last card"),
        &credits,
        credits.cards().last(),
        &table,
        &expected::LAST_MAIN_TITLE,
    );

    report.job(
        t!(b"end credits"),
        order(&table, Sequence::EndCredits, &mut credits).is_ok(),
    );
    report.cards(t!(b"end credits"), &credits, &expected::END_CREDITS);
    report.entries(
        t!(b"end credits, cast list"),
        &credits,
        credits
            .cards()
            .iter()
            .find(|card| card.kind == CardKind::CastList),
        &table,
        &expected::CAST_LIST,
    );

    let sheet = top_sheet(&table, &mut workspace);
    report.job(t!(b"top sheet"), sheet.is_ok());
    let (sections, fringes, charges, grand_total, shares) = match &sheet {
        Ok(sheet) => {
            let [atl, production, post, other] = sheet.shares_bps.sections;
            let shares = [atl, production, post, other, sheet.shares_bps.charges];
            (
                sheet.sections,
                sheet.fringes,
                sheet.charges_total,
                sheet.grand_total,
                shares,
            )
        }
        Err(_) => ([0; 4], 0, 0, 0, [0; 5]),
    };
    report.values(t!(b"top sheet, sections"), &sections, &expected::SECTIONS);
    report.values(t!(b"top sheet, fringes"), &[fringes], &[expected::FRINGES]);
    report.values(t!(b"top sheet, charges"), &[charges], &[expected::CHARGES]);
    report.values(
        t!(b"top sheet, grand total"),
        &[grand_total],
        &[expected::GRAND_TOTAL],
    );
    report.values(t!(b"top sheet, shares (bps)"), &shares, &expected::SHARES);

    let mut parts = [0i64; WEIGHTS.len()];
    report.job(t!(b"split"), split(grand_total, &WEIGHTS, &mut parts).is_ok());
    report.values(t!(b"split 40/30/20/10"), &parts, &expected::PARTS);
    let sum = parts.iter().fold(0i64, |sum, &part| sum.wrapping_add(part));
    report.values(t!(b"split, sum of the parts"), &[sum], &[expected::GRAND_TOTAL]);
}

/// The stack's high-water mark, by painting the free stack with a pattern
/// before the jobs and finding afterwards how far down it was overwritten.
mod stack {
    use cortex_m::register::msp;

    /// Not a likely stack value (not a RAM or flash address, not a small
    /// number), so a word still holding it was never written.
    const PAINT: u32 = 0xA5A5_A5A5;

    /// Bytes left unpainted below the stack pointer the painter reads: the
    /// compiler may push the painter's own registers after reading it.
    /// Nothing else below it is live (no interrupt is enabled, and the loop
    /// makes no call).
    const MARGIN: usize = 64;

    // cortex-m-rt's `link.x`: the stack grows down from `_stack_start`
    // (the end of RAM) to `_stack_end` (the end of .bss and .uninit). Only
    // their addresses are used.
    unsafe extern "C" {
        static _stack_start: u32;
        static _stack_end: u32;
    }

    /// The lowest and highest addresses of the stack region.
    fn region() -> (usize, usize) {
        ((&raw const _stack_end).addr(), (&raw const _stack_start).addr())
    }

    /// Paint the stack region from its bottom up to `MARGIN` bytes below
    /// the current stack pointer. Never inlined: the stack pointer read
    /// here is below every live frame, `main`'s included.
    #[inline(never)]
    pub fn paint() {
        let (bottom, _) = region();
        let top = (msp::read() as usize).saturating_sub(MARGIN) & !3;
        let mut address = bottom;
        while address < top {
            // SAFETY: `address` is word-aligned, inside the stack region
            // and below the stack pointer, where no frame lives: nothing
            // reads these words before the next call writes them.
            unsafe { core::ptr::write_volatile(address as *mut u32, PAINT) };
            address += 4;
        }
    }

    /// Bytes of stack used since `paint`: from the top of the region down
    /// to the lowest word no longer holding the pattern. `None` when even
    /// the bottom word was overwritten: the stack reached the end of its
    /// region and may have run into .bss.
    pub fn used() -> Option<usize> {
        let (bottom, top) = region();
        let mut address = bottom;
        // SAFETY: `address` is word-aligned and inside the stack region,
        // which is RAM; reading it changes nothing.
        while address < top && unsafe { core::ptr::read_volatile(address as *const u32) } == PAINT {
            address += 4;
        }
        (address > bottom).then(|| top - address)
    }
}

#[entry]
fn main() -> ! {
    stack::paint();
    let mut report = Report::open();
    run(&mut report);

    let used = stack::used();
    report.text(t!(b"stack used: "));
    match used {
        Some(bytes) => {
            report.number(bytes as i64);
            report.text(t!(b" bytes (the table "));
            report.number(size_of::<Table<'static, N>>() as i64);
            report.text(t!(b", the credits buffer "));
            report.number(size_of::<Credits<M>>() as i64);
            report.text(t!(b" and the workspace "));
            report.number(size_of::<Workspace<N>>() as i64);
            report.text(t!(b" of it); the jobs "));
            report.number(bytes.saturating_sub(BUFFERS) as i64);
        }
        None => report.text(t!(b"the whole region")),
    }
    report.text(t!(b", budget "));
    report.number(JOB_STACK_BUDGET as i64);
    report.verdict(used.is_some_and(|bytes| bytes.saturating_sub(BUFFERS) <= JOB_STACK_BUDGET));

    if report.failures == 0 {
        report.text(t!(b"PASS\n"));
        debug::exit(EXIT_SUCCESS);
    } else {
        report.number(i64::from(report.failures));
        report.text(t!(b" FAILED\n"));
        debug::exit(EXIT_FAILURE);
    }
    // The host may resume after the exit request; there is nothing left.
    loop {
        cortex_m::asm::wfi();
    }
}

/// A panic ends the run as a failure rather than hanging until CI's
/// timeout.
#[panic_handler]
fn panic(_: &PanicInfo) -> ! {
    if let Ok(mut out) = hio::hstdout() {
        let _ = out.write_all(t!(b"panic\nFAILED\n"));
    }
    debug::exit(EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}

/// A fault (a bad access, a stack that ran off RAM) ends the run as a
/// failure too.
#[exception]
unsafe fn HardFault(_: &ExceptionFrame) -> ! {
    if let Ok(mut out) = hio::hstdout() {
        let _ = out.write_all(t!(b"hard fault\nFAILED\n"));
    }
    debug::exit(EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}
