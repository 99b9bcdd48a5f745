//! The audit log's keys, sequencer, signed tree heads, verification and proofs (decision 0017).
//!
//! Keys live in a folder outside the database (`audit_key_dir`): `mac-<id>.key` (32 random
//! bytes, hex; every app server needs the same ones) and `tanda-<id>.pk8` (Ed25519, PKCS#8)
//! with its public half `tanda-<id>.pub`. The greatest id signs; all of them verify, so a
//! rotation (`siasn audit kunci-baru`) adds keys without invalidating what was signed before.
//! A verifier needs only the `.pub` files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use siasn_domain::merkle::{self, Frontier, Hash};
use siasn_store::audit::{AuditEntri, CincinMac, KepalaTertanda, KunciMac};
use siasn_store::terbit::TempatTerbit;
use siasn_store::{Store, StoreError};

/// What went wrong with keys, publication or verification input.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// A key file is missing, unreadable or malformed.
    #[error("kunci audit: {0}")]
    Kunci(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A proof document cannot be read.
    #[error("bukti: {0}")]
    Bukti(String),
}

/// A key's id: when it was made, then a random tail (ids sort by age).
fn id_baru() -> String {
    let acak = crate::rahasia::acak(3);
    format!(
        "{}-{}",
        Utc::now().format("%Y%m%d%H%M%S"),
        hex::encode(acak)
    )
}

/// One Ed25519 public key for checking heads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KunciPublikAudit {
    /// Key id.
    pub id: String,
    /// 32 bytes.
    pub kunci: Vec<u8>,
}

/// The head-signing key.
pub struct PenandaKepala {
    id: String,
    pasangan: Ed25519KeyPair,
}

impl std::fmt::Debug for PenandaKepala {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PenandaKepala")
            .field("id", &self.id)
            .finish()
    }
}

impl PenandaKepala {
    /// Key id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Signs the head of a tree of `ukuran` entries with root `akar` at `waktu`.
    pub fn tandatangani(
        &self,
        ukuran: u64,
        akar: &Hash,
        waktu: DateTime<Utc>,
    ) -> Result<KepalaTertanda, AuditError> {
        let waktu = waktu.trunc_subsecs(6);
        let ukuran = ukuran_i64(ukuran)?;
        let akar = hex::encode(akar);
        let pesan = KepalaTertanda::pesan(ukuran, waktu, &akar, &self.id);
        let tanda = hex::encode(self.pasangan.sign(&pesan).as_ref());
        Ok(KepalaTertanda {
            ukuran,
            waktu,
            akar,
            kunci: self.id.clone(),
            tanda,
        })
    }
}

/// A tree size as stored (signed 64-bit): larger ones cannot occur in practice, but are refused
/// rather than folded into another size.
fn ukuran_i64(ukuran: u64) -> Result<i64, AuditError> {
    i64::try_from(ukuran)
        .map_err(|_| AuditError::Bukti(format!("ukuran pohon {ukuran} terlalu besar")))
}

/// A stored size or position (signed) as a tree index; a negative one is damaged data.
fn ukuran_u64(ukuran: i64) -> Result<u64, AuditError> {
    u64::try_from(ukuran)
        .map_err(|_| AuditError::Bukti(format!("ukuran atau posisi {ukuran} negatif")))
}

/// The keys of the audit folder.
#[derive(Debug)]
pub struct KunciAudit {
    /// MAC keys (entries).
    pub mac: CincinMac,
    /// The newest signing key, where a private one is present.
    pub penanda: Option<PenandaKepala>,
    /// Every public key (verification).
    pub publik: Vec<KunciPublikAudit>,
}

fn tulis_rahasia(path: &Path, isi: &[u8]) -> Result<(), AuditError> {
    use std::io::Write;
    let mut opsi = std::fs::OpenOptions::new();
    opsi.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opsi.mode(0o600);
    }
    let mut f = opsi
        .open(path)
        .map_err(|e| AuditError::Kunci(format!("{}: {e}", path.display())))?;
    f.write_all(isi)
        .map_err(|e| AuditError::Kunci(format!("{}: {e}", path.display())))
}

/// Adds a new MAC key and a new signing key to `dir` (created if missing); returns their id.
/// The old keys stay, so entries and heads made with them still verify.
pub fn buat_kunci_baru(dir: &Path) -> Result<String, AuditError> {
    std::fs::create_dir_all(dir)
        .map_err(|e| AuditError::Kunci(format!("{}: {e}", dir.display())))?;
    let id = id_baru();
    tulis_rahasia(
        &dir.join(format!("mac-{id}.key")),
        hex::encode(crate::rahasia::acak(32)).as_bytes(),
    )?;
    let rng = SystemRandom::new();
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng)
        .map_err(|_| AuditError::Kunci("kunci Ed25519 tidak dapat dibuat".into()))?;
    let pasangan = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref())
        .map_err(|_| AuditError::Kunci("kunci Ed25519 tidak terbaca".into()))?;
    tulis_rahasia(&dir.join(format!("tanda-{id}.pk8")), pkcs8.as_ref())?;
    std::fs::write(
        dir.join(format!("tanda-{id}.pub")),
        hex::encode(pasangan.public_key().as_ref()),
    )
    .map_err(|e| AuditError::Kunci(format!("{}: {e}", dir.display())))?;
    Ok(id)
}

/// Reads the keys of `dir`; with `buat`, makes the first ones when there are none (a single
/// server's default). Several servers must share one folder's keys.
pub fn muat_kunci(dir: &Path, buat: bool) -> Result<KunciAudit, AuditError> {
    let kosong = !dir.exists()
        || std::fs::read_dir(dir).is_ok_and(|mut rd| {
            !rd.any(|f| f.is_ok_and(|f| f.file_name().to_string_lossy().starts_with("mac-")))
        });
    if buat && kosong {
        buat_kunci_baru(dir)?;
    }
    let mut mac = Vec::new();
    let mut privat: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut publik: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => Some(rd),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(AuditError::Kunci(format!("{}: {e}", dir.display()))),
    };
    for f in rd.into_iter().flatten().flatten() {
        let nama = f.file_name().to_string_lossy().into_owned();
        let baca =
            || std::fs::read(f.path()).map_err(|e| AuditError::Kunci(format!("{nama}: {e}")));
        if let Some(id) = nama
            .strip_prefix("mac-")
            .and_then(|n| n.strip_suffix(".key"))
        {
            let teks = baca()?;
            let b = hex::decode(String::from_utf8_lossy(&teks).trim())
                .map_err(|_| AuditError::Kunci(format!("{nama}: bukan hex")))?;
            let rahasia: [u8; 32] = b
                .try_into()
                .map_err(|_| AuditError::Kunci(format!("{nama}: harus 32 bita")))?;
            mac.push(KunciMac {
                id: id.to_string(),
                rahasia,
            });
        } else if let Some(id) = nama
            .strip_prefix("tanda-")
            .and_then(|n| n.strip_suffix(".pk8"))
        {
            privat.insert(id.to_string(), baca()?);
        } else if let Some(id) = nama
            .strip_prefix("tanda-")
            .and_then(|n| n.strip_suffix(".pub"))
        {
            let teks = baca()?;
            let b = hex::decode(String::from_utf8_lossy(&teks).trim())
                .map_err(|_| AuditError::Kunci(format!("{nama}: bukan hex")))?;
            publik.insert(id.to_string(), b);
        }
    }
    let mut penanda = None;
    for (id, pkcs8) in &privat {
        let pasangan = Ed25519KeyPair::from_pkcs8(pkcs8)
            .map_err(|_| AuditError::Kunci(format!("tanda-{id}.pk8 tidak terbaca")))?;
        publik.insert(id.clone(), pasangan.public_key().as_ref().to_vec());
        // BTreeMap order: the last one read is the newest.
        penanda = Some(PenandaKepala {
            id: id.clone(),
            pasangan,
        });
    }
    let mac = match CincinMac::baru(mac) {
        Some(c) => c,
        None if buat => {
            return Err(AuditError::Kunci(format!(
                "tidak ada kunci MAC di {}",
                dir.display()
            )));
        }
        // A verifier with only public keys checks heads and proofs, not MACs.
        None => CincinMac::baru(vec![KunciMac {
            id: "tidak-ada".into(),
            rahasia: [0; 32],
        }])
        .ok_or_else(|| AuditError::Kunci("kunci MAC".into()))?,
    };
    Ok(KunciAudit {
        mac,
        penanda,
        publik: publik
            .into_iter()
            .map(|(id, kunci)| KunciPublikAudit { id, kunci })
            .collect(),
    })
}

/// Whether a head's signature was made by one of `publik` over exactly its fields.
pub fn tanda_sah(k: &KepalaTertanda, publik: &[KunciPublikAudit]) -> bool {
    let Some(p) = publik.iter().find(|p| p.id == k.kunci) else {
        return false;
    };
    let Ok(tanda) = hex::decode(&k.tanda) else {
        return false;
    };
    let pesan = KepalaTertanda::pesan(k.ukuran, k.waktu, &k.akar, &k.kunci);
    UnparsedPublicKey::new(&ED25519, &p.kunci)
        .verify(&pesan, &tanda)
        .is_ok()
}

fn hash_hex(s: &str) -> Option<Hash> {
    hex::decode(s).ok()?.try_into().ok()
}

/// The sequencer and head publisher. Every app server runs one; only the holder of the lease
/// `audit` works, so exactly one sequences at a time and another takes over within the lease
/// time when it stops.
#[derive(Debug)]
pub struct Pengurut {
    store: Store,
    penanda: PenandaKepala,
    tempat: TempatTerbit,
    pemilik: String,
    /// A head is signed at most this often while entries arrive…
    pub selang_terbit: Duration,
    /// …and at least this often even when nothing changed (freshness).
    pub selang_detak: Duration,
    terakhir: Option<KepalaTertanda>,
}

/// How long a sequencer's lease lasts without renewal, in seconds.
const LAMA_SEWA_DETIK: i64 = 30;
/// Entries sequenced per transaction.
const BATCH_URUT: u32 = 5000;

impl Pengurut {
    /// A sequencer signing with `penanda` and publishing to `tempat`.
    pub fn baru(store: Store, penanda: PenandaKepala, tempat: TempatTerbit) -> Self {
        Self {
            store,
            penanda,
            tempat,
            pemilik: format!("pengurut-{}", uuid::Uuid::new_v4()),
            selang_terbit: Duration::from_secs(60),
            selang_detak: Duration::from_secs(300),
            terakhir: None,
        }
    }

    async fn pegang_sewa(&self) -> Result<bool, AuditError> {
        let now = Utc::now();
        let sampai = now + chrono::Duration::seconds(LAMA_SEWA_DETIK);
        Ok(self
            .store
            .ambil_sewa("audit", &self.pemilik, now, sampai)
            .await?)
    }

    /// Sequences everything waiting, in batches; returns the tree size.
    async fn urutkan_semua(&self) -> Result<u64, AuditError> {
        loop {
            let h = self.store.urutkan_audit(BATCH_URUT).await?;
            if let Some(id) = h.tanpa_mac_sah.first() {
                tracing::error!(
                    count = h.tanpa_mac_sah.len(),
                    first = %id,
                    "audit entries without a valid MAC: written past the application"
                );
            }
            if h.diurutkan < u64::from(BATCH_URUT) {
                return Ok(h.ukuran);
            }
        }
    }

    /// Signs and publishes the current tree's head (outside the database first, then a copy
    /// inside for the proofs pages hand out).
    async fn terbitkan(&mut self) -> Result<KepalaTertanda, AuditError> {
        let pohon = self.store.pohon_audit().await?;
        let k = self
            .penanda
            .tandatangani(pohon.frontier.ukuran(), &pohon.akar, Utc::now())?;
        self.tempat.terbitkan(&k).await?;
        self.store.simpan_kepala_audit(&k).await?;
        tracing::info!(size = k.ukuran, key = %k.kunci, "audit tree head published");
        self.terakhir = Some(k.clone());
        Ok(k)
    }

    /// One round: when holding the lease, sequence what waits and publish a head when due.
    /// Returns the head published in this round, if any.
    pub async fn langkah(&mut self) -> Result<Option<KepalaTertanda>, AuditError> {
        if !self.pegang_sewa().await? {
            self.terakhir = None;
            return Ok(None);
        }
        let ukuran = self.urutkan_semua().await?;
        if self.terakhir.is_none() {
            self.terakhir = self.store.kepala_audit_terakhir().await?;
        }
        let jatuh_tempo = match &self.terakhir {
            None => true,
            Some(k) => {
                let umur = (Utc::now() - k.waktu).to_std().unwrap_or_default();
                let berubah = u64::try_from(k.ukuran).unwrap_or(0) != ukuran;
                (berubah && umur >= self.selang_terbit) || umur >= self.selang_detak
            }
        };
        if jatuh_tempo {
            return Ok(Some(self.terbitkan().await?));
        }
        Ok(None)
    }

    /// Sequences everything and publishes a head now, waiting for the lease if another
    /// server holds it (`siasn audit terbitkan`, tests).
    pub async fn terbitkan_sekarang(&mut self) -> Result<KepalaTertanda, AuditError> {
        for _ in 0..LAMA_SEWA_DETIK * 2 + 2 {
            if self.pegang_sewa().await? {
                self.urutkan_semua().await?;
                let k = self.terbitkan().await;
                self.store.lepas_sewa("audit", &self.pemilik).await?;
                return k;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        Err(AuditError::Kunci(
            "sewa pengurut audit dipegang server lain".into(),
        ))
    }

    /// Runs rounds every `selang` until `berhenti` says stop, then gives the lease back.
    pub async fn jalankan(
        mut self,
        selang: Duration,
        mut berhenti: tokio::sync::watch::Receiver<bool>,
    ) {
        loop {
            if let Err(e) = self.langkah().await {
                tracing::error!(error = %e, "audit sequencer round failed");
            }
            tokio::select! {
                () = tokio::time::sleep(selang) => {}
                _ = berhenti.wait_for(|b| *b) => break,
            }
        }
        if let Err(e) = self.store.lepas_sewa("audit", &self.pemilik).await {
            tracing::warn!(error = %e, "audit lease not released");
        }
    }
}

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

/// An inclusion proof an employee can keep and check offline: the entry, its position, the
/// signed head it is under and the path between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuktiAudit {
    /// Format tag.
    pub format: String,
    /// The entry as stored.
    pub entri: AuditEntri,
    /// Its position.
    pub posisi: u64,
    /// The signed head.
    pub kepala: KepalaTertanda,
    /// Sibling hashes from the leaf to the root, hex.
    pub jalur: Vec<String>,
}

const FORMAT_BUKTI: &str = "siasn-audit-bukti-v1";

/// The proof for entry `id` under the newest signed head; `None` while the entry is not yet
/// under a head (it will be within minutes).
pub async fn bukti(store: &Store, id: uuid::Uuid) -> Result<Option<BuktiAudit>, AuditError> {
    let Some(entri) = store.audit_entri(id).await? else {
        return Ok(None);
    };
    let (Some(posisi), Some(kepala)) = (
        entri.posisi.and_then(|p| u64::try_from(p).ok()),
        store.kepala_audit_terakhir().await?,
    ) else {
        return Ok(None);
    };
    let n = ukuran_u64(kepala.ukuran)?;
    if posisi >= n {
        return Ok(None);
    }
    let jalur = store.bukti_inklusi_audit(posisi, n).await?;
    Ok(Some(BuktiAudit {
        format: FORMAT_BUKTI.into(),
        entri,
        posisi,
        kepala,
        jalur: jalur.iter().map(hex::encode).collect(),
    }))
}

/// Checks a proof with nothing but public keys: the head's signature, and that the entry as
/// written (its leaf recomputed from its content) is in the signed tree.
pub fn periksa_bukti(b: &BuktiAudit, publik: &[KunciPublikAudit]) -> Result<(), AuditError> {
    if b.format != FORMAT_BUKTI {
        return Err(AuditError::Bukti(format!(
            "format '{}' tidak dikenal",
            b.format
        )));
    }
    if !tanda_sah(&b.kepala, publik) {
        return Err(AuditError::Bukti(format!(
            "tanda tangan kepala (kunci '{}') tidak sah atau kuncinya tidak dikenal",
            b.kepala.kunci
        )));
    }
    let akar = hash_hex(&b.kepala.akar)
        .ok_or_else(|| AuditError::Bukti("akar kepala tidak terbaca".into()))?;
    let mut jalur = Vec::with_capacity(b.jalur.len());
    for h in &b.jalur {
        jalur.push(hash_hex(h).ok_or_else(|| AuditError::Bukti("jalur tidak terbaca".into()))?);
    }
    let n = ukuran_u64(b.kepala.ukuran)?;
    if !merkle::periksa_inklusi(b.posisi, n, &b.entri.hash_daun(), &jalur, &akar) {
        return Err(AuditError::Bukti(
            "entri ini tidak ada di log yang ditandatangani (isi atau posisinya berbeda)".into(),
        ));
    }
    Ok(())
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
