//! The audit log's Merkle tree, as Certificate Transparency defines it (RFC 9162 §2.1): leaf
//! and node hashes with distinct prefixes, an append-only frontier, inclusion and consistency
//! proofs and their verification. Pure: where a proof needs stored hashes, the caller passes a
//! function that looks up a *perfect* subtree (all of whose leaves exist) by level and index.

use sha2::{Digest, Sha256};

/// A SHA-256 hash.
pub type Hash = [u8; 32];

/// `SHA-256(0x00 || data)`: a leaf (the prefix keeps leaves and nodes apart).
pub fn hash_daun(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

/// `SHA-256(0x01 || kiri || kanan)`: an interior node.
pub fn hash_simpul(kiri: &Hash, kanan: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(kiri);
    h.update(kanan);
    h.finalize().into()
}

/// The root of the empty tree: `SHA-256("")`.
pub fn akar_kosong() -> Hash {
    Sha256::digest([]).into()
}

/// A perfect subtree: `tingkat` levels above the leaves (0 = a leaf), `indeks`-th from the left.
/// It covers leaves `[indeks·2^tingkat, (indeks+1)·2^tingkat)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Simpul {
    /// Height above the leaves.
    pub tingkat: u8,
    /// Position among the subtrees of that height.
    pub indeks: u64,
}

/// The right edge of a tree: the roots of the perfect subtrees that make up its leaves, largest
/// first (one per set bit of the size). Enough to append and to compute the root, so a verifier
/// can continue from a checked head without reading what came before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frontier {
    ukuran: u64,
    puncak: Vec<(u8, Hash)>,
}

impl Frontier {
    /// An empty tree.
    pub fn baru() -> Self {
        Self::default()
    }

    /// Rebuilds a frontier from its parts; `None` when they cannot belong together.
    pub fn dari_bagian(ukuran: u64, puncak: Vec<(u8, Hash)>) -> Option<Self> {
        let tingkat: Vec<u8> = (0..64u8).rev().filter(|b| ukuran >> b & 1 == 1).collect();
        let cocok =
            puncak.len() == tingkat.len() && puncak.iter().zip(&tingkat).all(|((t, _), b)| t == b);
        cocok.then_some(Self { ukuran, puncak })
    }

    /// Number of leaves.
    pub fn ukuran(&self) -> u64 {
        self.ukuran
    }

    /// The perfect subtrees' roots, largest first.
    pub fn puncak(&self) -> &[(u8, Hash)] {
        &self.puncak
    }

    /// Appends a leaf hash; returns every perfect subtree this completes (the leaf itself
    /// first), so a store can keep them for proofs.
    pub fn tambah(&mut self, daun: Hash) -> Vec<(Simpul, Hash)> {
        let posisi = self.ukuran;
        let mut baru = vec![(
            Simpul {
                tingkat: 0,
                indeks: posisi,
            },
            daun,
        )];
        self.puncak.push((0, daun));
        while self.puncak.len() >= 2 {
            let n = self.puncak.len();
            let (tk, kanan) = self.puncak[n - 1];
            let (tl, kiri) = self.puncak[n - 2];
            if tk != tl {
                break;
            }
            self.puncak.truncate(n - 2);
            let h = hash_simpul(&kiri, &kanan);
            let tingkat = tk + 1;
            self.puncak.push((tingkat, h));
            baru.push((
                Simpul {
                    tingkat,
                    indeks: posisi >> tingkat,
                },
                h,
            ));
        }
        self.ukuran += 1;
        baru
    }

    /// The tree's root (RFC 9162 MTH).
    pub fn akar(&self) -> Hash {
        let mut iter = self.puncak.iter().rev();
        let Some((_, mut akar)) = iter.next().copied() else {
            return akar_kosong();
        };
        for (_, kiri) in iter {
            akar = hash_simpul(kiri, &akar);
        }
        akar
    }
}

/// The largest power of two smaller than `n` (n ≥ 2).
fn pemisah(n: u64) -> u64 {
    1u64 << (63 - (n - 1).leading_zeros())
}

/// The hash of leaves `[awal, akhir)`, built from perfect subtrees fetched with `ambil`.
/// Only ranges the proof algorithms ask for reach here: a perfect aligned range, or one whose
/// start is aligned to every power of two below its length.
fn mth<E>(
    awal: u64,
    akhir: u64,
    ambil: &mut impl FnMut(Simpul) -> Result<Hash, E>,
) -> Result<Hash, E> {
    let n = akhir - awal;
    if n.is_power_of_two() && awal.is_multiple_of(n) {
        let tingkat = n.trailing_zeros() as u8;
        return ambil(Simpul {
            tingkat,
            indeks: awal >> tingkat,
        });
    }
    let k = pemisah(n);
    let kiri = mth(awal, awal + k, ambil)?;
    let kanan = mth(awal + k, akhir, ambil)?;
    Ok(hash_simpul(&kiri, &kanan))
}

/// Why a proof cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuktiError<E> {
    /// The positions do not fit the tree.
    #[error("posisi {0} tidak ada di pohon berukuran {1}")]
    DiLuarPohon(u64, u64),
    /// A stored subtree could not be read.
    #[error("simpul tidak terbaca: {0}")]
    Simpul(E),
}

/// The inclusion proof of leaf `m` in the tree of the first `n` leaves (RFC 9162 §2.1.3.1).
pub fn bukti_inklusi<E>(
    m: u64,
    n: u64,
    ambil: &mut impl FnMut(Simpul) -> Result<Hash, E>,
) -> Result<Vec<Hash>, BuktiError<E>> {
    if m >= n {
        return Err(BuktiError::DiLuarPohon(m, n));
    }
    let mut jalur = Vec::new();
    jalur_inklusi(m, 0, n, ambil, &mut jalur).map_err(BuktiError::Simpul)?;
    Ok(jalur)
}

fn jalur_inklusi<E>(
    m: u64,
    awal: u64,
    akhir: u64,
    ambil: &mut impl FnMut(Simpul) -> Result<Hash, E>,
    jalur: &mut Vec<Hash>,
) -> Result<(), E> {
    let n = akhir - awal;
    if n == 1 {
        return Ok(());
    }
    let k = pemisah(n);
    if m < k {
        jalur_inklusi(m, awal, awal + k, ambil, jalur)?;
        jalur.push(mth(awal + k, akhir, ambil)?);
    } else {
        jalur_inklusi(m - k, awal + k, akhir, ambil, jalur)?;
        jalur.push(mth(awal, awal + k, ambil)?);
    }
    Ok(())
}

/// The consistency proof between the trees of the first `m` and the first `n` leaves
/// (RFC 9162 §2.1.4.1): that the larger one only appended to the smaller.
pub fn bukti_konsistensi<E>(
    m: u64,
    n: u64,
    ambil: &mut impl FnMut(Simpul) -> Result<Hash, E>,
) -> Result<Vec<Hash>, BuktiError<E>> {
    if m > n {
        return Err(BuktiError::DiLuarPohon(m, n));
    }
    let mut jalur = Vec::new();
    if m == 0 || m == n {
        return Ok(jalur);
    }
    subbukti(m, 0, n, true, ambil, &mut jalur).map_err(BuktiError::Simpul)?;
    Ok(jalur)
}

fn subbukti<E>(
    m: u64,
    awal: u64,
    akhir: u64,
    utuh: bool,
    ambil: &mut impl FnMut(Simpul) -> Result<Hash, E>,
    jalur: &mut Vec<Hash>,
) -> Result<(), E> {
    let n = akhir - awal;
    if m == n {
        if !utuh {
            jalur.push(mth(awal, akhir, ambil)?);
        }
        return Ok(());
    }
    let k = pemisah(n);
    if m <= k {
        subbukti(m, awal, awal + k, utuh, ambil, jalur)?;
        jalur.push(mth(awal + k, akhir, ambil)?);
    } else {
        subbukti(m - k, awal + k, akhir, false, ambil, jalur)?;
        jalur.push(mth(awal, awal + k, ambil)?);
    }
    Ok(())
}

/// Checks that leaf `m` with hash `daun` is in the tree of `n` leaves with root `akar`
/// (RFC 9162 §2.1.3.2).
pub fn periksa_inklusi(m: u64, n: u64, daun: &Hash, jalur: &[Hash], akar: &Hash) -> bool {
    if m >= n {
        return false;
    }
    let (mut f, mut s) = (m, n - 1);
    let mut r = *daun;
    for p in jalur {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            r = hash_simpul(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = hash_simpul(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    s == 0 && &r == akar
}

/// Checks that the tree of `n` leaves with root `akar_n` extends the tree of `m` leaves with
/// root `akar_m` (RFC 9162 §2.1.4.2).
pub fn periksa_konsistensi(m: u64, n: u64, akar_m: &Hash, akar_n: &Hash, jalur: &[Hash]) -> bool {
    if m > n {
        return false;
    }
    if m == n {
        return jalur.is_empty() && akar_m == akar_n;
    }
    if m == 0 {
        // Every tree extends the empty one.
        return jalur.is_empty();
    }
    let mut bukti: Vec<Hash> = Vec::with_capacity(jalur.len() + 1);
    if m.is_power_of_two() {
        bukti.push(*akar_m);
    }
    bukti.extend_from_slice(jalur);
    let Some((pertama, sisa)) = bukti.split_first() else {
        return false;
    };
    let (mut f, mut s) = (m - 1, n - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (*pertama, *pertama);
    for c in sisa {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            fr = hash_simpul(c, &fr);
            sr = hash_simpul(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = hash_simpul(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    s == 0 && &fr == akar_m && &sr == akar_n
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The root by the definition (recursive MTH over the leaf hashes), to test against.
    fn mth_langsung(daun: &[Hash]) -> Hash {
        match daun.len() {
            0 => akar_kosong(),
            1 => daun[0],
            n => {
                let k = pemisah(n as u64) as usize;
                hash_simpul(&mth_langsung(&daun[..k]), &mth_langsung(&daun[k..]))
            }
        }
    }

    fn pohon(n: u64) -> (Vec<Hash>, HashMap<Simpul, Hash>, Vec<Frontier>) {
        let mut f = Frontier::baru();
        let mut simpul = HashMap::new();
        let mut daun = Vec::new();
        let mut riwayat = vec![f.clone()];
        for i in 0..n {
            let h = hash_daun(format!("entri {i}").as_bytes());
            daun.push(h);
            for (s, hs) in f.tambah(h) {
                assert!(
                    simpul.insert(s, hs).is_none(),
                    "each subtree completes once"
                );
            }
            riwayat.push(f.clone());
        }
        (daun, simpul, riwayat)
    }

    #[test]
    fn the_frontier_root_is_the_recursive_definition_for_every_size() {
        let (daun, _, riwayat) = pohon(70);
        for (n, f) in riwayat.iter().enumerate() {
            assert_eq!(f.ukuran(), n as u64);
            assert_eq!(f.akar(), mth_langsung(&daun[..n]), "size {n}");
            let kembali = Frontier::dari_bagian(f.ukuran(), f.puncak().to_vec());
            assert_eq!(kembali.as_ref(), Some(f));
        }
        assert_eq!(
            hex_str(&akar_kosong()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert!(Frontier::dari_bagian(3, vec![(1, [0; 32])]).is_none());
    }

    fn hex_str(h: &Hash) -> String {
        h.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn inclusion_proofs_verify_for_every_leaf_and_fail_when_anything_changes() {
        let (daun, simpul, riwayat) = pohon(37);
        let mut ambil = |s: Simpul| simpul.get(&s).copied().ok_or(s);
        for n in 1..=37u64 {
            let akar = riwayat[n as usize].akar();
            for m in 0..n {
                let jalur = bukti_inklusi(m, n, &mut ambil).unwrap();
                assert!(
                    periksa_inklusi(m, n, &daun[m as usize], &jalur, &akar),
                    "{m}/{n}"
                );
                let lain = hash_daun(b"entri palsu");
                assert!(!periksa_inklusi(m, n, &lain, &jalur, &akar));
                if n > 1 {
                    let mut rusak = jalur.clone();
                    rusak[0][0] ^= 1;
                    assert!(!periksa_inklusi(m, n, &daun[m as usize], &rusak, &akar));
                }
            }
        }
        assert!(matches!(
            bukti_inklusi(5, 5, &mut ambil),
            Err(BuktiError::DiLuarPohon(5, 5))
        ));
    }

    #[test]
    fn consistency_proofs_verify_between_every_pair_and_fail_for_a_rewritten_past() {
        let (_, simpul, riwayat) = pohon(33);
        let mut ambil = |s: Simpul| simpul.get(&s).copied().ok_or(s);
        for n in 0..=33u64 {
            for m in 0..=n {
                let jalur = bukti_konsistensi(m, n, &mut ambil).unwrap();
                let (am, an) = (riwayat[m as usize].akar(), riwayat[n as usize].akar());
                assert!(periksa_konsistensi(m, n, &am, &an, &jalur), "{m}->{n}");
                if m > 0 && m < n {
                    let palsu = hash_daun(b"masa lalu lain");
                    assert!(!periksa_konsistensi(m, n, &palsu, &an, &jalur), "{m}->{n}");
                    assert!(!periksa_konsistensi(m, n, &am, &palsu, &jalur), "{m}->{n}");
                }
            }
        }
        // A tree whose third leaf was rewritten is not an extension of the original.
        let (_, _, asli) = pohon(8);
        let mut f = Frontier::baru();
        let mut lain = HashMap::new();
        for i in 0..12u64 {
            let teks = if i == 2 {
                "diubah".to_string()
            } else {
                format!("entri {i}")
            };
            for (s, h) in f.tambah(hash_daun(teks.as_bytes())) {
                lain.insert(s, h);
            }
        }
        let mut ambil_lain = |s: Simpul| lain.get(&s).copied().ok_or(s);
        let jalur = bukti_konsistensi(8, 12, &mut ambil_lain).unwrap();
        assert!(!periksa_konsistensi(
            8,
            12,
            &asli[8].akar(),
            &f.akar(),
            &jalur
        ));
    }

    #[test]
    fn a_missing_stored_subtree_is_reported() {
        let (_, mut simpul, _) = pohon(8);
        simpul.remove(&Simpul {
            tingkat: 2,
            indeks: 1,
        });
        let mut ambil = |s: Simpul| simpul.get(&s).copied().ok_or(s);
        assert!(matches!(
            bukti_inklusi(0, 8, &mut ambil),
            Err(BuktiError::Simpul(Simpul {
                tingkat: 2,
                indeks: 1
            }))
        ));
    }
}
