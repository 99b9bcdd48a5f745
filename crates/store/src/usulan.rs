//! Proposals (usulan): saving and submitting them with their documents, the verification
//! queues, decisions, and applying an approved change to the record — the decision, the change,
//! the audit events and the notifications in one transaction.

use chrono::{DateTime, Utc};
use siasn_domain::akses::Cakupan;
use siasn_domain::dokumen::Dokumen;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::referensi::Verifikator;
use siasn_domain::riwayat::{DataRiwayat, Riwayat};
use siasn_domain::usulan::terapkan::{segarkan_cuplikan, terapkan_data_utama};
use siasn_domain::usulan::validasi::Temuan;
use siasn_domain::usulan::{Keputusan, Konflik, Perubahan, Sebelum, StatusUsulan};
use sqlx::types::Json;
use sqlx::{Acquire, QueryBuilder};
use uuid::Uuid;

use crate::audit::AuditBaru;
use crate::error::{StoreError, StoreResult};
use crate::pegawai::{PEGAWAI_COLUMNS, PegawaiRow, nama_cari};
use crate::riwayat::{DOKUMEN_COLUMNS, dokumen_from_row};
use crate::{Store, on_pool};

/// Who acts, for the round history, the audit log and notifications.
#[derive(Debug, Clone)]
pub struct AktorUsulan {
    /// The account.
    pub akun_id: Uuid,
    /// Display name (kept in the round history).
    pub nama: String,
    /// Network address.
    pub alamat: Option<String>,
    /// Base URL for links in e-mails ("https://siasn.example.go.id").
    pub url_dasar: String,
    /// The API client the account acted through, if any.
    pub klien_api: Option<Uuid>,
}

impl AktorUsulan {
    fn label(&self) -> String {
        match self.klien_api {
            Some(k) => format!("klien:{k}/akun:{}", self.akun_id),
            None => format!("akun:{}", self.akun_id),
        }
    }
}

/// A new proposal.
#[derive(Debug, Clone)]
pub struct UsulanBaru {
    /// Id (v7: ordered by creation).
    pub id: Uuid,
    /// The form's one-time key (a double submit finds the first proposal).
    pub kunci_kirim: Option<String>,
    /// Employee concerned.
    pub pegawai_id: Uuid,
    /// Their agency (queue scope).
    pub instansi_id: String,
    /// Their agency's Kanreg (BKN queue scope).
    pub kanreg_id: String,
    /// The change.
    pub perubahan: Perubahan,
    /// The record as the proposer saw it.
    pub sebelum: Sebelum,
    /// Proposer's note.
    pub catatan: Option<String>,
    /// Warnings for the verifier.
    pub peringatan: Vec<Temuan>,
    /// Who verifies last.
    pub rute: Verifikator,
    /// Draf or Diajukan.
    pub status: StatusUsulan,
    /// Documents uploaded with it (new rows of the employee's archive).
    pub dokumen_baru: Vec<Dokumen>,
    /// Documents already in the archive, attached to it.
    pub dokumen_arsip: Vec<Uuid>,
}

/// A collective batch.
#[derive(Debug, Clone)]
pub struct KolektifBaru {
    /// Id.
    pub id: Uuid,
    /// The proposing agency.
    pub instansi_id: String,
    /// Title given by the operator.
    pub judul: String,
    /// Change kind code.
    pub jenis: String,
}

/// A stored proposal.
#[derive(Debug, Clone)]
pub struct Usulan {
    /// Id.
    pub id: Uuid,
    /// Employee concerned.
    pub pegawai_id: Uuid,
    /// Their agency when proposed.
    pub instansi_id: String,
    /// Its Kanreg.
    pub kanreg_id: String,
    /// Collective batch, if any.
    pub kolektif_id: Option<Uuid>,
    /// Proposer's account.
    pub pengusul_akun_id: Uuid,
    /// The change.
    pub perubahan: Perubahan,
    /// The record as the proposer saw it.
    pub sebelum: Sebelum,
    /// Proposer's note.
    pub catatan: Option<String>,
    /// Warnings.
    pub peringatan: Vec<Temuan>,
    /// Who verifies last.
    pub rute: Verifikator,
    /// Status.
    pub status: StatusUsulan,
    /// Round (1, then +1 per resubmission after a return).
    pub putaran: i32,
    /// Version (optimistic concurrency: every step bumps it).
    pub versi: i64,
    /// Created.
    pub dibuat_pada: DateTime<Utc>,
    /// First submitted.
    pub diajukan_pada: Option<DateTime<Utc>>,
    /// In this status since.
    pub status_sejak: DateTime<Utc>,
}

/// Which proposals a visibility query is about.
#[derive(Debug, Clone, Copy)]
enum Pilih {
    Id(Uuid),
    Kolektif(Uuid),
}

/// A queue or list row, with the employee's name and NIP.
#[derive(Debug, Clone)]
pub struct RingkasanUsulan {
    /// Id.
    pub id: Uuid,
    /// Employee.
    pub pegawai_id: Uuid,
    /// Employee's NIP.
    pub nip: String,
    /// Employee's name.
    pub nama: String,
    /// Change kind code.
    pub jenis: String,
    /// Status.
    pub status: StatusUsulan,
    /// In this status since.
    pub status_sejak: DateTime<Utc>,
    /// Collective batch.
    pub kolektif_id: Option<Uuid>,
    /// Number of warnings.
    pub peringatan: usize,
}

/// A document attached to a proposal, with the hash frozen at submission.
#[derive(Debug, Clone)]
pub struct LampiranUsulan {
    /// The archive document.
    pub dokumen: Dokumen,
    /// Hash frozen when attached.
    pub sha256_beku: String,
}

/// One step in a proposal's life.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JejakUsulan {
    /// Round.
    pub putaran: i32,
    /// When.
    pub waktu: DateTime<Utc>,
    /// Who (display name).
    pub aktor: String,
    /// What ("AJUKAN", "SETUJUI", "KEMBALIKAN", ...).
    pub langkah: String,
    /// Status after.
    pub status_ke: String,
    /// Reason given.
    pub alasan: Option<String>,
}

/// A decision to record (and apply, when it is the last approval).
#[derive(Debug, Clone)]
pub struct Putusan {
    /// The proposal.
    pub usulan_id: Uuid,
    /// The version the verifier saw.
    pub versi: i64,
    /// Status the verifier saw.
    pub status_dari: StatusUsulan,
    /// Status after the decision.
    pub status_ke: StatusUsulan,
    /// The decision.
    pub keputusan: Keputusan,
}

/// What became of one decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilPutusan {
    /// Recorded (and applied if final).
    Berhasil(StatusUsulan),
    /// Someone else acted first; nothing was changed.
    SudahDiputuskan,
    /// The record changed since the proposal was made; nothing was changed.
    Konflik(Vec<Konflik>),
}

/// A proposer's step.
#[derive(Debug, Clone)]
pub struct LangkahBaru {
    /// The proposal.
    pub usulan_id: Uuid,
    /// Version the proposer saw.
    pub versi: i64,
    /// Status the proposer saw.
    pub status_dari: StatusUsulan,
    /// Status after.
    pub status_ke: StatusUsulan,
    /// Revised content (resubmission after a return, or an edited draft).
    pub revisi: Option<Revisi>,
}

/// Revised content of a proposal.
#[derive(Debug, Clone)]
pub struct Revisi {
    /// The change.
    pub perubahan: Perubahan,
    /// The record as seen now.
    pub sebelum: Sebelum,
    /// Warnings.
    pub peringatan: Vec<Temuan>,
    /// Note.
    pub catatan: Option<String>,
    /// New uploads.
    pub dokumen_baru: Vec<Dokumen>,
    /// Documents already in the archive, attached now.
    pub dokumen_arsip: Vec<Uuid>,
    /// Attached documents to drop (those the verifier flagged).
    pub dokumen_lepas: Vec<Uuid>,
}

/// Counts and times for the operational view.
#[derive(Debug, Clone, Default)]
pub struct StatistikUsulan {
    /// Proposals by status code.
    pub per_status: Vec<(String, i64)>,
    /// Per status entered: (status, samples, median hours, p90 hours) of time spent in it.
    pub waktu: Vec<(String, usize, f64, f64)>,
    /// Oldest waiting items.
    pub tertua: Vec<RingkasanUsulan>,
}

#[derive(sqlx::FromRow)]
struct UsulanRow {
    id: Uuid,
    pegawai_id: Uuid,
    instansi_id: String,
    kanreg_id: String,
    kolektif_id: Option<Uuid>,
    pengusul_akun_id: Uuid,
    perubahan: String,
    sebelum: String,
    catatan: Option<String>,
    peringatan: String,
    rute: String,
    status: String,
    putaran: i32,
    versi: i64,
    dibuat_pada: DateTime<Utc>,
    diajukan_pada: Option<DateTime<Utc>>,
    status_sejak: DateTime<Utc>,
}

const USULAN_COLUMNS: &str = "id, pegawai_id, instansi_id, kanreg_id, kolektif_id, pengusul_akun_id, \
    perubahan, sebelum, catatan, peringatan, rute, status, putaran, versi, dibuat_pada, diajukan_pada, \
    status_sejak";

fn usulan_from_row(r: UsulanRow) -> StoreResult<Usulan> {
    let id = r.id;
    let corrupt = |what: &str| StoreError::Corrupt(format!("usulan {id}: {what}"));
    Ok(Usulan {
        id: r.id,
        pegawai_id: r.pegawai_id,
        instansi_id: r.instansi_id,
        kanreg_id: r.kanreg_id,
        kolektif_id: r.kolektif_id,
        pengusul_akun_id: r.pengusul_akun_id,
        perubahan: serde_json::from_str(&r.perubahan).map_err(|e| corrupt(&e.to_string()))?,
        sebelum: serde_json::from_str(&r.sebelum).map_err(|e| corrupt(&e.to_string()))?,
        catatan: r.catatan,
        peringatan: serde_json::from_str(&r.peringatan).map_err(|e| corrupt(&e.to_string()))?,
        rute: Verifikator::from_kode(&r.rute).ok_or_else(|| corrupt("rute"))?,
        status: StatusUsulan::from_kode(&r.status).ok_or_else(|| corrupt("status"))?,
        putaran: r.putaran,
        versi: r.versi,
        dibuat_pada: r.dibuat_pada,
        diajukan_pada: r.diajukan_pada,
        status_sejak: r.status_sejak,
    })
}

/// A document row followed by the hash frozen when it was attached.
type LampiranRow = (
    Uuid,
    Uuid,
    Option<Uuid>,
    String,
    String,
    String,
    String,
    i64,
    DateTime<Utc>,
    String,
    String,
);

type NotifikasiRow = (Option<Uuid>, String, DateTime<Utc>, Option<DateTime<Utc>>);

type RingkasanRow = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    DateTime<Utc>,
    Option<Uuid>,
    String,
);

const RINGKASAN_SQL: &str = "SELECT u.id, u.pegawai_id, p.nip, p.nama, u.jenis, u.status, u.status_sejak, \
    u.kolektif_id, u.peringatan FROM usulan u JOIN pegawai p ON p.id = u.pegawai_id";

fn ringkasan_from_row(r: RingkasanRow) -> RingkasanUsulan {
    RingkasanUsulan {
        id: r.0,
        pegawai_id: r.1,
        nip: r.2,
        nama: r.3,
        jenis: r.4,
        status: StatusUsulan::from_kode(&r.5).unwrap_or(StatusUsulan::Draf),
        status_sejak: r.6,
        kolektif_id: r.7,
        peringatan: serde_json::from_str::<Vec<Temuan>>(&r.8).map_or(0, |v| v.len()),
    }
}

fn json<T: serde::Serialize>(v: &T) -> StoreResult<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// E-mail to the employee about a status change: no personal data, a link to sign in.
fn surat_status(
    jenis: &str,
    status: StatusUsulan,
    usulan_id: Uuid,
    url_dasar: &str,
) -> (String, String) {
    let (id, en) = status.label();
    (
        format!("SIASN: usulan {jenis} — {id}"),
        format!(
            "Status usulan peremajaan data Anda ({jenis}) sekarang: {id}.\n\
             Rinciannya dapat dilihat setelah masuk: {url_dasar}/usulan/{usulan_id}\n\n\
             The status of your data-update proposal ({jenis}) is now: {en}.\n"
        ),
    )
}

/// Appends `(scope OR …)` on the `usulan u` columns (like `push_cakupan!` for `pegawai`).
macro_rules! push_cakupan_usulan {
    ($qb:expr, $cakupan:expr) => {{
        $qb.push("(");
        if $cakupan.is_empty() {
            $qb.push("1 = 0");
        }
        for (i, c) in $cakupan.iter().enumerate() {
            if i > 0 {
                $qb.push(" OR ");
            }
            match c {
                Cakupan::Diri(id) => {
                    $qb.push("u.pegawai_id = ").push_bind(*id);
                }
                Cakupan::Instansi(x) => {
                    $qb.push("u.instansi_id = ").push_bind(x.clone());
                }
                Cakupan::Kanreg(x) => {
                    $qb.push("u.kanreg_id = ").push_bind(x.clone());
                }
                Cakupan::Nasional => {
                    $qb.push("1 = 1");
                }
            }
        }
        $qb.push(")");
    }};
}

/// Inserts the step, the notification and the e-mail for a status change (inside `$tx`).
macro_rules! catat_langkah {
    ($tx:expr, $usulan_id:expr, $putaran:expr, $pegawai_id:expr, $jenis:expr, $aktor:expr,
     $langkah:expr, $dari:expr, $ke:expr, $alasan:expr, $dok:expr, $now:expr) => {{
        sqlx::query(
            "INSERT INTO usulan_jejak (id, usulan_id, putaran, waktu, akun_id, aktor, langkah, \
             status_dari, status_ke, alasan, dokumen_bermasalah) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(Uuid::now_v7())
        .bind($usulan_id)
        .bind($putaran)
        .bind($now)
        .bind($aktor.akun_id)
        .bind($aktor.nama.clone())
        .bind($langkah)
        .bind($dari)
        .bind($ke.kode())
        .bind($alasan)
        .bind($dok)
        .execute(&mut *$tx)
        .await?;
        if $ke != StatusUsulan::Draf {
            sqlx::query(
                "INSERT INTO notifikasi (id, akun_id, usulan_id, status, dibuat_pada) \
                 SELECT $1, a.id, $2, $3, $4 FROM akun a WHERE a.pegawai_id = $5",
            )
            .bind(Uuid::now_v7())
            .bind($usulan_id)
            .bind($ke.kode())
            .bind($now)
            .bind($pegawai_id)
            .execute(&mut *$tx)
            .await?;
            let (subjek, isi) = surat_status($jenis, $ke, $usulan_id, &$aktor.url_dasar);
            sqlx::query(
                "INSERT INTO email_keluar (id, akun_id, pegawai_id, ke, subjek, isi, status, coba_pada, dibuat_pada) \
                 SELECT $1, (SELECT a.id FROM akun a WHERE a.pegawai_id = p.id), p.id, p.email, $2, $3, \
                 'MENUNGGU', $4, $4 FROM pegawai p WHERE p.id = $5 AND p.email IS NOT NULL",
            )
            .bind(Uuid::now_v7())
            .bind(subjek)
            .bind(isi)
            .bind($now)
            .bind($pegawai_id)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Inserts archive documents (inside `$tx`).
macro_rules! simpan_dokumen {
    ($tx:expr, $docs:expr) => {{
        for d in $docs {
            sqlx::query(
                "INSERT INTO dokumen (id, pegawai_id, riwayat_id, jenis_dokumen_id, sha256, nama_file, \
                 media_type, ukuran, diunggah_pada, diunggah_oleh) VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(d.id)
            .bind(d.pegawai_id)
            .bind(d.jenis_dokumen_id.clone())
            .bind(d.sha256.clone())
            .bind(d.nama_file.clone())
            .bind(d.media_type.clone())
            .bind(d.ukuran)
            .bind(d.diunggah_pada)
            .bind(d.diunggah_oleh.clone())
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Attaches archive documents of the employee to a proposal, freezing their hashes.
macro_rules! lampirkan {
    ($tx:expr, $usulan_id:expr, $pegawai_id:expr, $ids:expr) => {{
        for dok in $ids {
            let n = sqlx::query(
                "INSERT INTO usulan_dokumen (usulan_id, dokumen_id, jenis_dokumen_id, sha256) \
                 SELECT $1, d.id, d.jenis_dokumen_id, d.sha256 FROM dokumen d \
                 WHERE d.id = $2 AND d.pegawai_id = $3 ON CONFLICT DO NOTHING",
            )
            .bind($usulan_id)
            .bind(dok)
            .bind($pegawai_id)
            .execute(&mut *$tx)
            .await?
            .rows_affected();
            if n == 0 {
                // Not this employee's document (a forged form): nothing of the request is kept.
                let exists: Option<(Uuid,)> = sqlx::query_as(
                    "SELECT dokumen_id FROM usulan_dokumen WHERE usulan_id = $1 AND dokumen_id = $2",
                )
                .bind($usulan_id)
                .bind(dok)
                .fetch_optional(&mut *$tx)
                .await?;
                if exists.is_none() {
                    return Err(StoreError::NotFound);
                }
            }
        }
    }};
}

impl Store {
    /// Saves proposals (one, or a collective batch) with their documents in one transaction.
    /// A proposal whose `kunci_kirim` was already used is not created again: the existing id is
    /// returned instead.
    pub async fn simpan_usulan(
        &self,
        batch: &[UsulanBaru],
        kolektif: Option<&KolektifBaru>,
        aktor: &AktorUsulan,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<Uuid>> {
        if let [single] = batch
            && let Some(kunci) = &single.kunci_kirim
            && let Some(id) = self.usulan_dengan_kunci(kunci).await?
        {
            return Ok(vec![id]);
        }
        let hasil: StoreResult<()> = async {
            on_pool!(self.db(), |pool| {
                let mut tx = pool.begin().await?;
                if let Some(k) = kolektif {
                    sqlx::query(
                        "INSERT INTO kolektif (id, instansi_id, judul, jenis, pengusul_akun_id, jumlah, dibuat_pada) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(k.id)
                    .bind(k.instansi_id.clone())
                    .bind(k.judul.clone())
                    .bind(k.jenis.clone())
                    .bind(aktor.akun_id)
                    .bind(i32::try_from(batch.len()).unwrap_or(i32::MAX))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                let mut audit = Vec::with_capacity(batch.len());
                for u in batch {
                    simpan_dokumen!(tx, &u.dokumen_baru);
                    sqlx::query(
                        "INSERT INTO usulan (id, kunci_kirim, pegawai_id, instansi_id, kanreg_id, kolektif_id, \
                         pengusul_akun_id, jenis, perubahan, sebelum, catatan, peringatan, rute, status, \
                         putaran, versi, dibuat_pada, diajukan_pada, status_sejak) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, 1, $15, $16, $15)",
                    )
                    .bind(u.id)
                    .bind(u.kunci_kirim.clone())
                    .bind(u.pegawai_id)
                    .bind(u.instansi_id.clone())
                    .bind(u.kanreg_id.clone())
                    .bind(kolektif.map(|k| k.id))
                    .bind(aktor.akun_id)
                    .bind(u.perubahan.kode())
                    .bind(json(&u.perubahan)?)
                    .bind(json(&u.sebelum)?)
                    .bind(u.catatan.clone())
                    .bind(json(&u.peringatan)?)
                    .bind(u.rute.kode())
                    .bind(u.status.kode())
                    .bind(now)
                    .bind((u.status == StatusUsulan::Diajukan).then_some(now))
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| StoreError::from_write(e, "usulan ini sudah terkirim"))?;
                    let ids: Vec<Uuid> = u
                        .dokumen_baru
                        .iter()
                        .map(|d| d.id)
                        .chain(u.dokumen_arsip.iter().copied())
                        .collect();
                    lampirkan!(tx, u.id, u.pegawai_id, ids);
                    let langkah = if u.status == StatusUsulan::Diajukan { "AJUKAN" } else { "SIMPAN" };
                    catat_langkah!(
                        tx, u.id, 1_i32, u.pegawai_id, &u.perubahan.kode(), aktor, langkah,
                        None::<String>, u.status, u.catatan.clone(), None::<String>, now
                    );
                    audit.push(AuditBaru {
                        aktor: aktor.label(),
                        aksi: if u.status == StatusUsulan::Diajukan {
                            "usulan.diajukan".into()
                        } else {
                            "usulan.disimpan".into()
                        },
                        pegawai_id: Some(u.pegawai_id),
                        alasan: Some(format!("usulan {}", u.id)),
                        sesudah: Some(serde_json::json!({ "jenis": u.perubahan.kode() })),
                        alamat: aktor.alamat.clone(),
                        ..AuditBaru::default()
                    });
                }
                crate::tulis_audit!(tx, audit, now);
                tx.commit().await?;
            });
            Ok(())
        }
        .await;
        match hasil {
            Ok(()) => Ok(batch.iter().map(|u| u.id).collect()),
            // Two submits racing with the same key: the loser finds the winner's proposal.
            Err(StoreError::Conflict(_)) if batch.len() == 1 => {
                let kunci = batch[0].kunci_kirim.as_deref().unwrap_or_default();
                self.usulan_dengan_kunci(kunci)
                    .await?
                    .map(|id| vec![id])
                    .ok_or_else(|| StoreError::Conflict("usulan ini sudah terkirim".into()))
            }
            Err(e) => Err(e),
        }
    }

    async fn usulan_dengan_kunci(&self, kunci: &str) -> StoreResult<Option<Uuid>> {
        let row: Option<(Uuid,)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT id FROM usulan WHERE kunci_kirim = $1")
                .bind(kunci)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|r| r.0))
    }

    /// A proposal, if the reader proposed it or one of `cakupan` covers it (scope in the query).
    pub async fn usulan_terlihat(
        &self,
        id: Uuid,
        akun_id: Uuid,
        cakupan: &[Cakupan],
    ) -> StoreResult<Usulan> {
        self.terlihat(Pilih::Id(id), akun_id, cakupan)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)
    }

    /// The proposals of a collective batch the reader may see (one query for the whole batch).
    pub async fn usulan_kolektif_terlihat(
        &self,
        kolektif_id: Uuid,
        akun_id: Uuid,
        cakupan: &[Cakupan],
    ) -> StoreResult<Vec<Usulan>> {
        self.terlihat(Pilih::Kolektif(kolektif_id), akun_id, cakupan)
            .await
    }

    async fn terlihat(
        &self,
        pilih: Pilih,
        akun_id: Uuid,
        cakupan: &[Cakupan],
    ) -> StoreResult<Vec<Usulan>> {
        let rows: Vec<UsulanRow> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!("SELECT {USULAN_COLUMNS} FROM usulan u WHERE "));
            match pilih {
                Pilih::Id(id) => qb.push("u.id = ").push_bind(id),
                Pilih::Kolektif(id) => qb.push("u.kolektif_id = ").push_bind(id),
            };
            qb.push(" AND (u.pengusul_akun_id = ")
                .push_bind(akun_id)
                .push(" OR ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(") ORDER BY u.id");
            qb.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(usulan_from_row).collect()
    }

    /// A proposal by id (callers decide on visibility).
    pub async fn usulan(&self, id: Uuid) -> StoreResult<Usulan> {
        let sql = format!("SELECT {USULAN_COLUMNS} FROM usulan WHERE id = $1");
        let row: Option<UsulanRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        usulan_from_row(row.ok_or(StoreError::NotFound)?)
    }

    /// The documents attached to a proposal, with the hashes frozen when attached.
    pub async fn lampiran_usulan(&self, usulan_id: Uuid) -> StoreResult<Vec<LampiranUsulan>> {
        let kolom: Vec<String> = DOKUMEN_COLUMNS
            .split(", ")
            .map(|c| format!("d.{c}"))
            .collect();
        let sql = format!(
            "SELECT {}, ud.sha256 FROM usulan_dokumen ud JOIN dokumen d ON d.id = ud.dokumen_id \
             WHERE ud.usulan_id = $1 ORDER BY ud.dokumen_id",
            kolom.join(", ")
        );
        let rows: Vec<LampiranRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(usulan_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|r| LampiranUsulan {
                dokumen: dokumen_from_row((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9)),
                sha256_beku: r.10,
            })
            .collect())
    }

    /// The steps of a proposal, oldest first.
    pub async fn jejak_usulan(&self, usulan_id: Uuid) -> StoreResult<Vec<JejakUsulan>> {
        let rows: Vec<JejakUsulan> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT putaran, waktu, aktor, langkah, status_ke, alasan FROM usulan_jejak \
                 WHERE usulan_id = $1 ORDER BY waktu, id",
            )
            .bind(usulan_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Proposals about an employee or made by an account, newest first.
    pub async fn usulan_saya(
        &self,
        pegawai_id: Option<Uuid>,
        akun_id: Uuid,
        batas: i64,
    ) -> StoreResult<Vec<RingkasanUsulan>> {
        let sql = format!(
            "{RINGKASAN_SQL} WHERE u.pegawai_id = $1 OR u.pengusul_akun_id = $2 ORDER BY u.dibuat_pada DESC LIMIT $3"
        );
        let rows: Vec<RingkasanRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(pegawai_id.unwrap_or(Uuid::nil()))
                .bind(akun_id)
                .bind(batas)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(ringkasan_from_row).collect())
    }

    /// The proposals of a collective batch.
    pub async fn usulan_kolektif(&self, kolektif_id: Uuid) -> StoreResult<Vec<RingkasanUsulan>> {
        let sql = format!("{RINGKASAN_SQL} WHERE u.kolektif_id = $1 ORDER BY p.nama, u.id");
        let rows: Vec<RingkasanRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(kolektif_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(ringkasan_from_row).collect())
    }

    /// A verification queue: proposals waiting at `tahap` within `cakupan`, oldest first,
    /// without those the reader proposed or that concern the reader's own record.
    pub async fn antrean_usulan(
        &self,
        tahap: Verifikator,
        cakupan: &[Cakupan],
        akun_id: Uuid,
        pegawai_sendiri: Option<Uuid>,
        batas: i64,
    ) -> StoreResult<Vec<RingkasanUsulan>> {
        let status = StatusUsulan::menunggu_di(tahap);
        let rows: Vec<RingkasanRow> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(RINGKASAN_SQL);
            qb.push(" WHERE u.status = ").push_bind(status.kode());
            qb.push(" AND u.pengusul_akun_id <> ").push_bind(akun_id);
            qb.push(" AND u.pegawai_id <> ")
                .push_bind(pegawai_sendiri.unwrap_or(Uuid::nil()));
            qb.push(" AND ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(" ORDER BY u.status_sejak, u.id LIMIT ")
                .push_bind(batas);
            qb.build_query_as().fetch_all(pool).await?
        });
        Ok(rows.into_iter().map(ringkasan_from_row).collect())
    }

    /// How many proposals wait at `tahap` within `cakupan`.
    pub async fn jumlah_antrean(
        &self,
        tahap: Verifikator,
        cakupan: &[Cakupan],
    ) -> StoreResult<i64> {
        let status = StatusUsulan::menunggu_di(tahap);
        let n: i64 = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM usulan u WHERE u.status = ");
            qb.push_bind(status.kode()).push(" AND ");
            push_cakupan_usulan!(qb, cakupan);
            qb.build_query_scalar().fetch_one(pool).await?
        });
        Ok(n)
    }

    /// Records decisions, applying those that are final approvals, in one transaction; each
    /// decision succeeds or is left untouched on its own (a savepoint each), so a batch gives a
    /// per-employee outcome and nothing partial.
    pub async fn putuskan_usulan(
        &self,
        putusan: &[Putusan],
        aktor: &AktorUsulan,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<HasilPutusan>> {
        let mut hasil = Vec::with_capacity(putusan.len());
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            let mut audit = Vec::new();
            for p in putusan {
                let mut sp = tx.begin().await?;
                let row: Option<(Uuid, String, String, i32, String)> = sqlx::query_as(
                    "UPDATE usulan SET versi = versi + 1, status = $4, status_sejak = $5, \
                     selesai_pada = CASE WHEN $6 THEN $5 ELSE selesai_pada END \
                     WHERE id = $1 AND versi = $2 AND status = $3 \
                     RETURNING pegawai_id, perubahan, sebelum, putaran, jenis",
                )
                .bind(p.usulan_id)
                .bind(p.versi)
                .bind(p.status_dari.kode())
                .bind(p.status_ke.kode())
                .bind(now)
                .bind(p.status_ke.final_())
                .fetch_optional(&mut *sp)
                .await?;
                let Some((pegawai_id, perubahan, sebelum, putaran, jenis)) = row else {
                    sp.rollback().await?;
                    hasil.push(HasilPutusan::SudahDiputuskan);
                    continue;
                };
                let mut audit_item = Vec::new();
                if p.status_ke == StatusUsulan::Selesai {
                    let perubahan: Perubahan = serde_json::from_str(&perubahan)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    let sebelum: Sebelum = serde_json::from_str(&sebelum)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    // Lock the record: concurrent applications to one employee run one by one.
                    sqlx::query("UPDATE pegawai SET versi = versi WHERE id = $1")
                        .bind(pegawai_id)
                        .execute(&mut *sp)
                        .await?;
                    let sql = format!("SELECT {PEGAWAI_COLUMNS} FROM pegawai WHERE id = $1");
                    let prow: PegawaiRow = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                        .bind(pegawai_id)
                        .fetch_one(&mut *sp)
                        .await?;
                    let pegawai: Pegawai = prow.try_into()?;
                    let jenis_riwayat = perubahan.jenis_riwayat();
                    let mut riwayat: Vec<Riwayat> = match jenis_riwayat {
                        None => Vec::new(),
                        Some(j) => {
                            let rows: Vec<(Uuid, Json<DataRiwayat>)> = sqlx::query_as(
                                "SELECT id, data FROM riwayat WHERE pegawai_id = $1 AND jenis = $2",
                            )
                            .bind(pegawai_id)
                            .bind(j.kode())
                            .fetch_all(&mut *sp)
                            .await?;
                            rows.into_iter()
                                .map(|(id, Json(data))| Riwayat {
                                    id,
                                    pegawai_id,
                                    data,
                                })
                                .collect()
                        }
                    };
                    let konflik = perubahan.konflik(&sebelum, &pegawai, &riwayat);
                    if !konflik.is_empty() {
                        sp.rollback().await?;
                        hasil.push(HasilPutusan::Konflik(konflik));
                        continue;
                    }
                    let mut baru = pegawai.clone();
                    let mut riwayat_baru: Option<Uuid> = None;
                    let sebelum_json;
                    match &perubahan {
                        Perubahan::DataUtama { nilai } => {
                            sebelum_json = serde_json::to_value(&sebelum).unwrap_or_default();
                            baru = terapkan_data_utama(&pegawai, nilai)
                                .map_err(|e| StoreError::Conflict(e.to_string()))?;
                        }
                        Perubahan::TambahRiwayat { data } => {
                            sebelum_json = serde_json::Value::Null;
                            // The new row takes the proposal's id, so whoever proposed it (an
                            // API client too) can name the row it became.
                            let id = p.usulan_id;
                            let sk = data.sk();
                            sqlx::query(
                                "INSERT INTO riwayat (id, pegawai_id, jenis, tanggal_efektif, nomor_sk, tanggal_sk, data, dibuat_pada) \
                                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                            )
                            .bind(id)
                            .bind(pegawai_id)
                            .bind(data.jenis().kode())
                            .bind(data.tanggal_efektif())
                            .bind(sk.map(|s| s.nomor.clone()))
                            .bind(sk.map(|s| s.tanggal))
                            .bind(Json(data.clone()))
                            .bind(now)
                            .execute(&mut *sp)
                            .await?;
                            riwayat.push(Riwayat {
                                id,
                                pegawai_id,
                                data: data.clone(),
                            });
                            riwayat_baru = Some(id);
                        }
                        Perubahan::UbahRiwayat { riwayat_id, data } => {
                            sebelum_json = serde_json::to_value(&sebelum).unwrap_or_default();
                            let sk = data.sk();
                            sqlx::query(
                                "UPDATE riwayat SET tanggal_efektif = $3, nomor_sk = $4, tanggal_sk = $5, data = $6 \
                                 WHERE id = $1 AND pegawai_id = $2",
                            )
                            .bind(*riwayat_id)
                            .bind(pegawai_id)
                            .bind(data.tanggal_efektif())
                            .bind(sk.map(|s| s.nomor.clone()))
                            .bind(sk.map(|s| s.tanggal))
                            .bind(Json(data.clone()))
                            .execute(&mut *sp)
                            .await?;
                            for r in &mut riwayat {
                                if r.id == *riwayat_id {
                                    r.data = data.clone();
                                }
                            }
                            riwayat_baru = Some(*riwayat_id);
                        }
                        Perubahan::HapusRiwayat { riwayat_id, .. } => {
                            sebelum_json = serde_json::to_value(&sebelum).unwrap_or_default();
                            // The scans stay in the archive; only their link to the row goes.
                            sqlx::query(
                                "UPDATE dokumen SET riwayat_id = NULL WHERE riwayat_id = $1",
                            )
                            .bind(*riwayat_id)
                            .execute(&mut *sp)
                            .await?;
                            sqlx::query("DELETE FROM riwayat WHERE id = $1 AND pegawai_id = $2")
                                .bind(*riwayat_id)
                                .bind(pegawai_id)
                                .execute(&mut *sp)
                                .await?;
                            riwayat.retain(|r| r.id != *riwayat_id);
                        }
                    }
                    if let Some(rid) = riwayat_baru {
                        sqlx::query(
                            "UPDATE dokumen SET riwayat_id = $1 WHERE riwayat_id IS NULL AND pegawai_id = $2 \
                             AND id IN (SELECT dokumen_id FROM usulan_dokumen WHERE usulan_id = $3)",
                        )
                        .bind(rid)
                        .bind(pegawai_id)
                        .bind(p.usulan_id)
                        .execute(&mut *sp)
                        .await?;
                    }
                    if let Some(j) = jenis_riwayat {
                        baru = segarkan_cuplikan(&baru, j, &riwayat);
                    }
                    let r = PegawaiRow::from(&baru);
                    sqlx::query(
                        "UPDATE pegawai SET nama = $2, gelar_depan = $3, gelar_belakang = $4, tempat_lahir = $5, \
                         agama_id = $6, jenis_kawin_id = $7, alamat = $8, nik = $9, nomor_kk = $10, npwp = $11, \
                         bpjs = $12, taspen = $13, nomor_hp = $14, email_gov = $15, unor_id = $16, \
                         jabatan_id = $17, nama_jabatan = $18, jenis_jabatan_id = $19, eselon_id = $20, \
                         golongan = $21, tingkat_pendidikan_id = $22, tmt_cpns = $23, tmt_pns = $24, \
                         tmt_golongan = $25, tmt_jabatan = $26, nama_cari = $27, versi = versi + 1, diubah_pada = $28 \
                         WHERE id = $1",
                    )
                    .bind(r.id)
                    .bind(r.nama.clone())
                    .bind(r.gelar_depan)
                    .bind(r.gelar_belakang)
                    .bind(r.tempat_lahir)
                    .bind(r.agama_id)
                    .bind(r.jenis_kawin_id)
                    .bind(r.alamat)
                    .bind(r.nik)
                    .bind(r.nomor_kk)
                    .bind(r.npwp)
                    .bind(r.bpjs)
                    .bind(r.taspen)
                    .bind(r.nomor_hp)
                    .bind(r.email_gov)
                    .bind(r.unor_id)
                    .bind(r.jabatan_id)
                    .bind(r.nama_jabatan)
                    .bind(r.jenis_jabatan_id)
                    .bind(r.eselon_id)
                    .bind(r.golongan)
                    .bind(r.tingkat_pendidikan_id)
                    .bind(r.tmt_cpns)
                    .bind(r.tmt_pns)
                    .bind(r.tmt_golongan)
                    .bind(r.tmt_jabatan)
                    .bind(nama_cari(&r.nama))
                    .bind(now)
                    .execute(&mut *sp)
                    .await?;
                    audit_item.push(AuditBaru {
                        aktor: aktor.label(),
                        aksi: "pegawai.diubah".into(),
                        pegawai_id: Some(pegawai_id),
                        alasan: Some(format!("usulan {}", p.usulan_id)),
                        sebelum: Some(sebelum_json),
                        sesudah: Some(serde_json::to_value(&perubahan).unwrap_or_default()),
                        alamat: aktor.alamat.clone(),
                        ..AuditBaru::default()
                    });
                }
                let (alasan, dok) = match &p.keputusan {
                    Keputusan::Setujui => (None, None),
                    Keputusan::Tolak { alasan } => (Some(alasan.clone()), None),
                    Keputusan::Kembalikan { alasan, dokumen } => {
                        (Some(alasan.clone()), Some(json(dokumen)?))
                    }
                };
                catat_langkah!(
                    sp,
                    p.usulan_id,
                    putaran,
                    pegawai_id,
                    &jenis,
                    aktor,
                    p.keputusan.kode(),
                    Some(p.status_dari.kode()),
                    p.status_ke,
                    alasan.clone(),
                    dok,
                    now
                );
                audit_item.push(AuditBaru {
                    aktor: aktor.label(),
                    aksi: format!("usulan.{}", p.keputusan.kode().to_lowercase()),
                    pegawai_id: Some(pegawai_id),
                    alasan: Some(alasan.map_or_else(
                        || format!("usulan {}", p.usulan_id),
                        |a| format!("usulan {}: {a}", p.usulan_id),
                    )),
                    sesudah: Some(serde_json::json!({ "status": p.status_ke.kode() })),
                    alamat: aktor.alamat.clone(),
                    ..AuditBaru::default()
                });
                sp.commit().await?;
                audit.extend(audit_item);
                hasil.push(HasilPutusan::Berhasil(p.status_ke));
            }
            crate::tulis_audit!(tx, audit, now);
            tx.commit().await?;
        });
        Ok(hasil)
    }

    /// A proposer's step: submit, resubmit with revisions, edit a draft, or withdraw. Fails
    /// with `Conflict` when the proposal moved on since the proposer looked.
    pub async fn langkah_usulan(
        &self,
        l: &LangkahBaru,
        langkah: &str,
        aktor: &AktorUsulan,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            let naik_putaran = l.status_dari == StatusUsulan::Dikembalikan
                && l.status_ke == StatusUsulan::Diajukan;
            let row: Option<(Uuid, i32, String)> = sqlx::query_as(
                "UPDATE usulan SET versi = versi + 1, status = $4, status_sejak = $5, \
                 putaran = putaran + $6, diajukan_pada = COALESCE(diajukan_pada, CASE WHEN $7 THEN $5 END), \
                 selesai_pada = CASE WHEN $8 THEN $5 ELSE selesai_pada END \
                 WHERE id = $1 AND versi = $2 AND status = $3 RETURNING pegawai_id, putaran, jenis",
            )
            .bind(l.usulan_id)
            .bind(l.versi)
            .bind(l.status_dari.kode())
            .bind(l.status_ke.kode())
            .bind(now)
            .bind(i32::from(naik_putaran))
            .bind(l.status_ke == StatusUsulan::Diajukan)
            .bind(l.status_ke.final_())
            .fetch_optional(&mut *tx)
            .await?;
            let Some((pegawai_id, putaran, mut jenis)) = row else {
                return Err(StoreError::Conflict(
                    "usulan sudah berubah; muat ulang halaman".into(),
                ));
            };
            if let Some(r) = &l.revisi {
                jenis = r.perubahan.kode();
                sqlx::query(
                    "UPDATE usulan SET perubahan = $2, sebelum = $3, peringatan = $4, catatan = $5, jenis = $6 \
                     WHERE id = $1",
                )
                .bind(l.usulan_id)
                .bind(json(&r.perubahan)?)
                .bind(json(&r.sebelum)?)
                .bind(json(&r.peringatan)?)
                .bind(r.catatan.clone())
                .bind(jenis.clone())
                .execute(&mut *tx)
                .await?;
                for d in &r.dokumen_lepas {
                    sqlx::query(
                        "DELETE FROM usulan_dokumen WHERE usulan_id = $1 AND dokumen_id = $2",
                    )
                    .bind(l.usulan_id)
                    .bind(*d)
                    .execute(&mut *tx)
                    .await?;
                }
                simpan_dokumen!(tx, &r.dokumen_baru);
                let ids: Vec<Uuid> = r
                    .dokumen_baru
                    .iter()
                    .map(|d| d.id)
                    .chain(r.dokumen_arsip.iter().copied())
                    .collect();
                lampirkan!(tx, l.usulan_id, pegawai_id, ids);
            }
            catat_langkah!(
                tx,
                l.usulan_id,
                putaran,
                pegawai_id,
                &jenis,
                aktor,
                langkah,
                Some(l.status_dari.kode()),
                l.status_ke,
                None::<String>,
                None::<String>,
                now
            );
            let audit = vec![AuditBaru {
                aktor: aktor.label(),
                aksi: format!("usulan.{}", langkah.to_lowercase()),
                pegawai_id: Some(pegawai_id),
                alasan: Some(format!("usulan {}", l.usulan_id)),
                sesudah: Some(serde_json::json!({ "status": l.status_ke.kode() })),
                alamat: aktor.alamat.clone(),
                ..AuditBaru::default()
            }];
            crate::tulis_audit!(tx, audit, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// An account's latest notifications: (proposal, status, when, read).
    pub async fn notifikasi(
        &self,
        akun_id: Uuid,
        batas: i64,
    ) -> StoreResult<Vec<(Option<Uuid>, String, DateTime<Utc>, bool)>> {
        let rows: Vec<NotifikasiRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT usulan_id, status, dibuat_pada, dibaca_pada FROM notifikasi WHERE akun_id = $1 \
                 ORDER BY dibuat_pada DESC, id DESC LIMIT $2",
            )
            .bind(akun_id)
            .bind(batas)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(u, s, w, d)| (u, s, w, d.is_some()))
            .collect())
    }

    /// Unread notifications of an account.
    pub async fn jumlah_notifikasi_baru(&self, akun_id: Uuid) -> StoreResult<i64> {
        let n: i64 = on_pool!(self.db(), |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM notifikasi WHERE akun_id = $1 AND dibaca_pada IS NULL",
            )
            .bind(akun_id)
            .fetch_one(pool)
            .await?
        });
        Ok(n)
    }

    /// Marks an account's notifications read.
    pub async fn baca_notifikasi(&self, akun_id: Uuid, now: DateTime<Utc>) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE notifikasi SET dibaca_pada = $2 WHERE akun_id = $1 AND dibaca_pada IS NULL",
            )
            .bind(akun_id)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The operational view within `cakupan`: proposals by status, time spent in each state
    /// (from the round history since `sejak`), and the oldest waiting items.
    pub async fn statistik_usulan(
        &self,
        cakupan: &[Cakupan],
        sejak: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<StatistikUsulan> {
        let per_status: Vec<(String, i64)> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new("SELECT u.status, COUNT(*) FROM usulan u WHERE ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(" GROUP BY u.status ORDER BY u.status");
            qb.build_query_as().fetch_all(pool).await?
        });
        // Each step ends the state the previous step entered; the open state ends now.
        let langkah: Vec<(Uuid, String, DateTime<Utc>)> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(
                "SELECT j.usulan_id, j.status_ke, j.waktu FROM usulan_jejak j JOIN usulan u ON u.id = j.usulan_id \
                 WHERE j.waktu >= ",
            );
            qb.push_bind(sejak).push(" AND ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(" ORDER BY j.usulan_id, j.waktu, j.id");
            qb.build_query_as().fetch_all(pool).await?
        });
        let mut durasi: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
        for (i, (u, status, waktu)) in langkah.iter().enumerate() {
            let akhir = match langkah.get(i + 1) {
                Some((u2, _, w2)) if u2 == u => *w2,
                _ => {
                    let s = StatusUsulan::from_kode(status);
                    if s.is_some_and(StatusUsulan::final_) {
                        continue;
                    }
                    now
                }
            };
            let jam = (akhir - *waktu).num_seconds() as f64 / 3600.0;
            durasi.entry(status.clone()).or_default().push(jam);
        }
        let waktu = durasi
            .into_iter()
            .map(|(s, mut v)| {
                v.sort_by(f64::total_cmp);
                let q = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
                (s, v.len(), q(0.5), q(0.9))
            })
            .collect();
        let tertua: Vec<RingkasanRow> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(RINGKASAN_SQL);
            qb.push(" WHERE u.status IN ('DIAJUKAN', 'MENUNGGU_BKN') AND ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(" ORDER BY u.status_sejak LIMIT 10");
            qb.build_query_as().fetch_all(pool).await?
        });
        Ok(StatistikUsulan {
            per_status,
            waktu,
            tertua: tertua.into_iter().map(ringkasan_from_row).collect(),
        })
    }
}
