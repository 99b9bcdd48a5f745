//! `siasn audit verify`: the stored log against the heads published outside the database.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use siasn_domain::merkle::{self, Frontier};
use siasn_store::Store;
use siasn_store::audit::KepalaTertanda;
use siasn_store::terbit::TempatTerbit;

use super::{AuditError, KunciAudit, hash_hex, tanda_sah, ukuran_u64};

/// What a verifier keeps between runs (outside the database): the last head it checked the
/// log against and the tree's edge at that head, so the next run reads only what came after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeadaanVerifikasi {
    /// The head checked last.
    pub kepala: KepalaTertanda,
    /// The tree's edge at that head: (level, hash hex), largest first.
    pub puncak: Vec<(u8, String)>,
    /// Whether every entry up to that head was carried over from the hash chain (without a
    /// MAC); once a MAC-signed entry appeared, no MAC-less entry may follow.
    #[serde(default)]
    pub warisan_berlanjut: bool,
}

impl KeadaanVerifikasi {
    fn frontier(&self) -> Option<Frontier> {
        let mut p = Vec::new();
        for (t, h) in &self.puncak {
            p.push((*t, hash_hex(h)?));
        }
        let f = Frontier::dari_bagian(u64::try_from(self.kepala.ukuran).ok()?, p)?;
        (hex::encode(f.akar()) == self.kepala.akar).then_some(f)
    }

    fn dari(kepala: KepalaTertanda, f: &Frontier, warisan_berlanjut: bool) -> Self {
        Self {
            warisan_berlanjut,
            kepala,
            puncak: f
                .puncak()
                .iter()
                .map(|(t, h)| (*t, hex::encode(h)))
                .collect(),
        }
    }
}

/// What `siasn audit verify` found.
#[derive(Debug, Clone, Default)]
pub struct LaporanVerifikasi {
    /// Entries whose content was read and checked this run.
    pub entri_diperiksa: u64,
    /// Where checking started (0, or the last verified head's size).
    pub mulai_dari: u64,
    /// Published heads found (with a valid signature).
    pub kepala_sah: usize,
    /// The newest valid published head.
    pub kepala_terakhir: Option<KepalaTertanda>,
    /// Sequenced entries not yet under a published head.
    pub belum_bertanda: u64,
    /// Entries written but not yet sequenced.
    pub belum_diurutkan: u64,
    /// Every problem, in words; empty means whole.
    pub masalah: Vec<String>,
    /// The state to keep for the next run (when nothing was wrong).
    pub keadaan_baru: Option<KeadaanVerifikasi>,
}

/// Checks the stored log against the heads published outside the database: every head's
/// signature, that successive heads only appended (consistency proofs), that the log still
/// holds every entry a head covered, that the entries' content (recomputed, never read as
/// hashes) gives each head's root, and every entry's MAC. From `keadaan` (the last verified
/// head) only later entries are read; without it, the whole log.
pub async fn verifikasi(
    store: &Store,
    tempat: &TempatTerbit,
    kunci: &KunciAudit,
    keadaan: Option<&KeadaanVerifikasi>,
) -> Result<LaporanVerifikasi, AuditError> {
    let mut lap = LaporanVerifikasi::default();
    let mut kepala: Vec<KepalaTertanda> = Vec::new();
    for (nama, k) in tempat.semua().await? {
        match k {
            Ok(k) if tanda_sah(&k, &kunci.publik) => kepala.push(k),
            Ok(k) => lap.masalah.push(format!(
                "kepala terbit {nama}: tanda tangan tidak sah untuk kunci '{}'",
                k.kunci
            )),
            Err(e) => lap
                .masalah
                .push(format!("kepala terbit {nama} tidak terbaca: {e}")),
        }
    }
    kepala.sort_by_key(|k| (k.ukuran, k.waktu));
    lap.kepala_sah = kepala.len();
    lap.kepala_terakhir = kepala.last().cloned();

    let pohon = store.pohon_audit().await?;
    let ukuran_log = pohon.frontier.ukuran();
    let mut frontier = match keadaan {
        Some(s) => match s.frontier() {
            Some(f) if tanda_sah(&s.kepala, &kunci.publik) => f,
            _ => {
                lap.masalah
                    .push("keadaan verifikasi tersimpan tidak sah: periksa ulang penuh".into());
                Frontier::baru()
            }
        },
        None => Frontier::baru(),
    };
    lap.mulai_dari = frontier.ukuran();
    let titik_awal = keadaan
        .filter(|_| frontier.ukuran() > 0)
        .map(|s| s.kepala.clone());

    // Heads among themselves: one history, only appended to.
    let relevan: Vec<&KepalaTertanda> = titik_awal
        .iter()
        .chain(
            kepala
                .iter()
                .filter(|k| u64::try_from(k.ukuran).is_ok_and(|u| u >= frontier.ukuran())),
        )
        .collect();
    for pasangan in relevan.windows(2) {
        let (a, b) = (pasangan[0], pasangan[1]);
        let (Ok(m), Ok(n)) = (u64::try_from(a.ukuran), u64::try_from(b.ukuran)) else {
            continue;
        };
        let (Some(am), Some(an)) = (hash_hex(&a.akar), hash_hex(&b.akar)) else {
            lap.masalah
                .push(format!("kepala ukuran {} berakar tidak terbaca", b.ukuran));
            continue;
        };
        if m == n {
            if am != an {
                lap.masalah.push(format!(
                    "dua kepala bertanda untuk ukuran {m} dengan akar berbeda: riwayat bercabang"
                ));
            }
            continue;
        }
        if n > ukuran_log {
            continue;
        }
        let sah = match store.bukti_konsistensi_audit(m, n).await {
            Ok(jalur) => merkle::periksa_konsistensi(m, n, &am, &an, &jalur),
            Err(_) => false,
        };
        if !sah {
            lap.masalah.push(format!(
                "kepala ukuran {n} bukan kelanjutan kepala ukuran {m}: entri lama ditulis ulang"
            ));
        }
    }
    if let Some(k) = kepala.last()
        && u64::try_from(k.ukuran).is_ok_and(|u| u > ukuran_log)
    {
        lap.masalah.push(format!(
            "log hanya berisi {ukuran_log} entri berurutan, padahal kepala terbit {} menandatangani {}: entri di akhir dihapus",
            k.waktu.format("%Y-%m-%d %H:%M:%S UTC"),
            k.ukuran
        ));
    }

    // The entries themselves: recomputed leaves must give each head's root.
    let mut per_ukuran: BTreeMap<u64, &KepalaTertanda> = BTreeMap::new();
    for k in &kepala {
        if let Ok(u) = u64::try_from(k.ukuran) {
            per_ukuran.entry(u).or_insert(k);
        }
    }
    let mut akar_salah = false;
    let mut keadaan_baru: Option<KeadaanVerifikasi> = None;
    let periksa_akar = |f: &Frontier,
                        warisan: bool,
                        lap: &mut LaporanVerifikasi,
                        akar_salah: &mut bool,
                        keadaan_baru: &mut Option<KeadaanVerifikasi>| {
        if let Some(k) = per_ukuran.get(&f.ukuran()) {
            if hex::encode(f.akar()) == k.akar {
                if !*akar_salah {
                    *keadaan_baru = Some(KeadaanVerifikasi::dari((*k).clone(), f, warisan));
                }
            } else if !*akar_salah {
                *akar_salah = true;
                lap.masalah.push(format!(
                    "isi log tidak menghasilkan akar kepala terbit ukuran {}: entri sebelum posisi {} diubah, disisipkan atau dihapus",
                    f.ukuran(),
                    f.ukuran()
                ));
            }
        }
    };
    let cincin = &kunci.mac;
    let mut mac_rusak = 0u64;
    let mut putus = false;
    // Entries carried over from the hash chain (no MAC) may only open the log.
    let mut warisan = match keadaan {
        Some(s) if frontier.ukuran() > 0 => s.warisan_berlanjut,
        _ => true,
    };
    // The next batch is read while this one is hashed.
    let ambil = |dari: u64| {
        let store = store.clone();
        tokio::spawn(async move { store.audit_berurutan(dari, 5000).await })
    };
    let mut berikut = Some(ambil(frontier.ukuran()));
    while let Some(tugas) = berikut.take() {
        let rows = tugas
            .await
            .map_err(|e| AuditError::Bukti(format!("pembacaan log terhenti: {e}")))??;
        let Some(terakhir) = rows.last().and_then(|e| e.posisi) else {
            break;
        };
        berikut = Some(ambil(ukuran_u64(terakhir)? + 1));
        for e in rows {
            let harus = frontier.ukuran();
            if e.posisi != i64::try_from(harus).ok() {
                lap.masalah.push(format!(
                    "entri pada posisi {harus} hilang (berikutnya {:?})",
                    e.posisi
                ));
                putus = true;
                break;
            }
            warisan = warisan && e.kunci_mac.is_empty();
            let (mac_sah, daun) = e.periksa(cincin);
            if !warisan && !mac_sah {
                mac_rusak += 1;
                if mac_rusak <= 5 {
                    lap.masalah.push(format!(
                        "entri posisi {harus} ({} oleh {}) tidak bertanda MAC sah: diubah atau disisipkan di luar aplikasi",
                        e.aksi, e.aktor
                    ));
                }
            }
            frontier.tambah(daun);
            lap.entri_diperiksa += 1;
            periksa_akar(
                &frontier,
                warisan,
                &mut lap,
                &mut akar_salah,
                &mut keadaan_baru,
            );
        }
        if putus {
            break;
        }
    }
    if mac_rusak > 5 {
        lap.masalah
            .push(format!("… {} entri lain tanpa MAC sah", mac_rusak - 5));
    }
    if frontier.ukuran() == ukuran_log && hex::encode(frontier.akar()) != hex::encode(pohon.akar) {
        lap.masalah.push(
            "pohon tersimpan tidak cocok dengan isi log (dihitung ulang dari isi entri)".into(),
        );
    }
    let terakhir = lap
        .kepala_terakhir
        .as_ref()
        .and_then(|k| u64::try_from(k.ukuran).ok())
        .unwrap_or(0);
    lap.belum_bertanda = ukuran_log.saturating_sub(terakhir);
    let menunggu = store.audit_menunggu(u32::MAX).await?;
    lap.belum_diurutkan = menunggu.len() as u64;
    for e in menunggu {
        let diwarisi = warisan && e.kunci_mac.is_empty();
        if !(cincin.sah(&e) || diwarisi) {
            lap.masalah.push(format!(
                "entri {} yang menunggu diurutkan tidak bertanda MAC sah",
                e.id
            ));
        }
    }
    if lap.masalah.is_empty() {
        lap.keadaan_baru = keadaan_baru.or_else(|| keadaan.cloned());
    }
    Ok(lap)
}

/// The verifier's state file, if any.
pub fn baca_keadaan(path: &Path) -> Result<Option<KeadaanVerifikasi>, AuditError> {
    match std::fs::read(path) {
        Ok(b) => serde_json::from_slice(&b)
            .map(Some)
            .map_err(|e| AuditError::Kunci(format!("{}: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(AuditError::Kunci(format!("{}: {e}", path.display()))),
    }
}

/// Saves the verifier's state (write then rename: never half-written).
pub fn simpan_keadaan(path: &Path, k: &KeadaanVerifikasi) -> Result<(), AuditError> {
    let json = serde_json::to_vec_pretty(k).map_err(|e| AuditError::Kunci(e.to_string()))?;
    let sementara: PathBuf = path.with_extension("tmp");
    std::fs::write(&sementara, json)
        .and_then(|()| std::fs::rename(&sementara, path))
        .map_err(|e| AuditError::Kunci(format!("{}: {e}", path.display())))
}
