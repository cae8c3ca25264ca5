//! Tells the crate whether it is being optimized for size (`opt-level` "s"
//! or "z", as firmware is): the few hot paths that are inlined by hand for
//! speed then stay out of line. Only inlining changes, never behaviour.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(creditline_size)");
    if matches!(std::env::var("OPT_LEVEL").as_deref(), Ok("s" | "z")) {
        println!("cargo::rustc-cfg=creditline_size");
    }
}
