//! Arbitrary totals, weights and caps: parts add up to the total, each
//! within one unit of its quota, `split(-t) == -split(t)`, caps hold.
#![no_main]

use arbitrary::Arbitrary;
use creditline::{ErrorKind, split, split_capped};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    total: i64,
    weights: Vec<u32>,
    caps: Vec<i64>,
}

fuzz_target!(|input: Input| {
    let weights = &input.weights[..input.weights.len().min(256)];
    let mut parts = vec![0i64; weights.len()];
    match split(input.total, weights, &mut parts) {
        Ok(()) => {
            let sum: i128 = parts.iter().map(|&p| i128::from(p)).sum();
            assert_eq!(sum, i128::from(input.total));
            let den: i128 = weights.iter().map(|&w| i128::from(w)).sum();
            for (&p, &w) in parts.iter().zip(weights) {
                let num = i128::from(input.total) * i128::from(w);
                assert!((i128::from(p) * den - num).abs() < den, "part {p} off its quota");
            }
            if input.total != i64::MIN {
                let mut mirror = vec![0i64; weights.len()];
                split(-input.total, weights, &mut mirror).expect("mirror splits");
                assert!(
                    parts.iter().zip(&mirror).all(|(a, b)| *a == -*b),
                    "split(-t) != -split(t)"
                );
            }
        }
        Err(e) => assert!(
            weights.iter().all(|&w| w == 0) && e.kind == ErrorKind::NoWeights,
            "{e}"
        ),
    }
    let caps: Vec<i64> = (0..weights.len())
        .map(|i| input.caps.get(i).copied().unwrap_or(0).checked_abs().unwrap_or(0))
        .collect();
    if split_capped(input.total, weights, &caps, &mut parts).is_ok() {
        let sum: i128 = parts.iter().map(|&p| i128::from(p)).sum();
        assert_eq!(sum, i128::from(input.total));
        for ((&p, &cap), &w) in parts.iter().zip(&caps).zip(weights) {
            assert!(i128::from(p).abs() <= i128::from(cap), "part {p} over cap {cap}");
            if w == 0 {
                assert_eq!(p, 0);
            }
        }
    }
});
