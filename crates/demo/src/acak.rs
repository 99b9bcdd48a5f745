//! A small seeded random generator (xoshiro256++ seeded through SplitMix64).
//!
//! Kept in-house so that a seed gives the same demo data forever: general-purpose crates may
//! change their sampling algorithms between versions, which would silently change the data.

/// Deterministic random numbers for the demo generator.
#[derive(Debug, Clone)]
pub struct Acak {
    s: [u64; 4],
}

impl Acak {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Self {
            s: [next(), next(), next(), next()],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[0]
            .wrapping_add(self.s[3])
            .rotate_left(23)
            .wrapping_add(self.s[0]);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `lo..=hi` (returns `lo` when the range is empty).
    pub fn antara(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        // Multiply-shift keeps the bias below 2^-64 * span, negligible for demo data.
        lo + ((u128::from(self.next_u64()) * u128::from(span)) >> 64) as i64
    }

    /// True with probability `p`.
    pub fn peluang(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// One element of a non-empty slice (the first for an empty range is impossible: callers
    /// pass constant, non-empty lists).
    pub fn pilih<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.antara(0, items.len().saturating_sub(1) as i64) as usize;
        &items[i.min(items.len().saturating_sub(1))]
    }

    /// One value by weight.
    pub fn berbobot<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| *w).sum();
        let mut roll = self.antara(0, i64::from(total.saturating_sub(1))) as u32;
        for (item, w) in items {
            if roll < *w {
                return *item;
            }
            roll -= w;
        }
        items[0].0
    }

    /// Sixteen random bytes (for ids).
    pub fn bytes16(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        out[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = Acak::new(7);
        let mut b = Acak::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(Acak::new(7).next_u64(), Acak::new(8).next_u64());
    }

    #[test]
    fn known_first_value_guards_the_algorithm() {
        // If this changes, every seed's demo data changes: do not "fix" it casually.
        assert_eq!(Acak::new(42).next_u64(), Acak::new(42).clone().next_u64());
        let first = Acak::new(0).next_u64();
        assert_eq!(first, 0x53175d61490b23df);
    }

    #[test]
    fn ranges_stay_inside() {
        let mut r = Acak::new(1);
        let mut seen = [false; 5];
        for _ in 0..1000 {
            let v = r.antara(3, 7);
            assert!((3..=7).contains(&v));
            seen[(v - 3) as usize] = true;
        }
        assert!(seen.iter().all(|s| *s));
        assert_eq!(r.antara(5, 5), 5);
        assert_eq!(r.antara(5, 2), 5);
    }
}
