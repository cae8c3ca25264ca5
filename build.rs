//! Tells the crate whether it is being optimized for size (`opt-level` "s"
//! or "z", as firmware is). Such a build leaves out what only large tables
//! need: the hand-inlined hot paths, ordering's role lanes and crawl
//! buckets, core's sort, the top sheet's counting pass and the 64-bit
//! division routine. The results are the same: `.ci/run` runs the tests
//! both ways.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(creditline_size)");
    if matches!(std::env::var("OPT_LEVEL").as_deref(), Ok("s" | "z")) {
        println!("cargo::rustc-cfg=creditline_size");
    }
}
