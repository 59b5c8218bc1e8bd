//! FNV-1a hashing for the analysis's word tables: every word of a text is looked up (stems,
//! cue forms), the keys are short and come from the program or the text being analysed, and
//! the standard library's DoS-resistant SipHash costs more than it protects here. Ten lines
//! are lighter than a crate for it.

/// The FNV-1a 64-bit hasher.
#[derive(Default, Clone, Copy)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type Fnv = std::hash::BuildHasherDefault<FnvHasher>;
