//! The verifier's side: a decision on one proposal or on every item of a collective batch the
//! verifier may decide, and applying a final approval to the record — decision, change,
//! documents, notification and audit events in one transaction, checked against the record
//! as it is now.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use siasn_domain::riwayat::Riwayat;
use siasn_domain::usulan::terapkan::{segarkan_cuplikan, terapkan_data_utama};
use siasn_domain::usulan::{
    Keputusan, Konflik, Perubahan, RingkasanUsulan, StatusUsulan, TidakBoleh, Usulan,
    boleh_memutuskan, status_setelah,
};
use siasn_store::audit::AuditBaru;
use siasn_store::usulan::{self as langkah_usulan, Dipindah, Pindah};
use siasn_store::{StoreError, Tx, audit, pegawai};
use uuid::Uuid;

use super::catat_langkah;
use crate::{Aktor, App, AppError, AppResult};

/// What became of one decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilPutusan {
    /// Recorded (and applied when it was the last approval).
    Berhasil(StatusUsulan),
    /// Someone else acted first; nothing was changed.
    SudahDiputuskan,
    /// The record changed since the proposal was made; nothing was changed.
    Konflik(Vec<Konflik>),
}

/// A decision ready to record: the move and the decision.
#[derive(Debug, Clone)]
pub(crate) struct PutusanSiap {
    pub(crate) pindah: Pindah,
    pub(crate) keputusan: Keputusan,
}

/// Records decisions inside the use case's transaction, applying final approvals. Each
/// succeeds or is left untouched on its own (a savepoint each), so a batch gives a
/// per-employee outcome and nothing partial.
pub(crate) async fn jalankan(
    tx: &mut Tx,
    app: &App,
    aktor: &Aktor,
    putusan: &[PutusanSiap],
    now: DateTime<Utc>,
) -> AppResult<Vec<HasilPutusan>> {
    let mut hasil = Vec::with_capacity(putusan.len());
    let mut events = Vec::new();
    for p in putusan {
        tx.savepoint().await?;
        let Some(d) = langkah_usulan::putuskan(tx, p.pindah, now).await? else {
            tx.rollback_to_savepoint().await?;
            hasil.push(HasilPutusan::SudahDiputuskan);
            continue;
        };
        let mut events_item = Vec::new();
        if p.pindah.ke == StatusUsulan::Selesai {
            match terapkan(tx, aktor, p.pindah.usulan_id, &d, now).await? {
                Ok(e) => events_item.push(e),
                Err(konflik) => {
                    tx.rollback_to_savepoint().await?;
                    hasil.push(HasilPutusan::Konflik(konflik));
                    continue;
                }
            }
        }
        let (alasan, dokumen) = match &p.keputusan {
            Keputusan::Setujui => (None, None),
            Keputusan::Tolak { alasan } => (Some(alasan.as_str()), None),
            Keputusan::Kembalikan { alasan, dokumen } => (
                Some(alasan.as_str()),
                Some(
                    serde_json::to_string(dokumen)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                ),
            ),
        };
        catat_langkah(
            tx,
            app,
            aktor,
            p.pindah.usulan_id,
            d.putaran,
            d.pegawai_id,
            &d.jenis,
            p.keputusan.kode(),
            Some(p.pindah.dari),
            p.pindah.ke,
            alasan,
            dokumen,
            now,
        )
        .await?;
        let mut e = aktor.audit(&format!("usulan.{}", p.keputusan.kode().to_lowercase()));
        e.akun_id = None;
        e.pegawai_id = Some(d.pegawai_id);
        e.alasan = Some(alasan.map_or_else(
            || format!("usulan {}", p.pindah.usulan_id),
            |a| format!("usulan {}: {a}", p.pindah.usulan_id),
        ));
        e.sesudah = Some(serde_json::json!({ "status": p.pindah.ke.kode() }));
        events_item.push(e);
        tx.release().await?;
        events.extend(events_item);
        hasil.push(HasilPutusan::Berhasil(p.pindah.ke));
    }
    audit::tulis(tx, events, now).await?;
    Ok(hasil)
}

/// Applies an approved change to the record: locks the employee, checks the change against
/// what it was made against, writes the row or columns, links the proposal's documents to the
/// row it became, refreshes the record's snapshot of the section, and returns the audit event.
async fn terapkan(
    tx: &mut Tx,
    aktor: &Aktor,
    usulan_id: Uuid,
    d: &Dipindah,
    now: DateTime<Utc>,
) -> AppResult<Result<AuditBaru, Vec<Konflik>>> {
    let pegawai = pegawai::kunci(tx, d.pegawai_id).await?;
    let jenis = d.perubahan.jenis_riwayat();
    let mut riwayat = match jenis {
        Some(j) => pegawai::riwayat_jenis(tx, d.pegawai_id, j).await?,
        None => Vec::new(),
    };
    let konflik = d.perubahan.konflik(&d.sebelum, &pegawai, &riwayat);
    if !konflik.is_empty() {
        return Ok(Err(konflik));
    }
    let sebelum_json = serde_json::to_value(&d.sebelum).unwrap_or_default();
    let mut baru = pegawai.clone();
    let mut riwayat_baru = None;
    let sebelum = match &d.perubahan {
        Perubahan::DataUtama { nilai } => {
            baru = terapkan_data_utama(&pegawai, nilai)
                .map_err(|e| StoreError::Conflict(e.to_string()))?;
            sebelum_json
        }
        Perubahan::TambahRiwayat { data } => {
            // The new row takes the proposal's id, so whoever proposed it (an API client too)
            // can name the row it became.
            let r = Riwayat {
                id: usulan_id,
                pegawai_id: d.pegawai_id,
                data: data.clone(),
            };
            pegawai::tambah_riwayat(tx, &r, now).await?;
            riwayat.push(r);
            riwayat_baru = Some(usulan_id);
            serde_json::Value::Null
        }
        Perubahan::UbahRiwayat { riwayat_id, data } => {
            let r = Riwayat {
                id: *riwayat_id,
                pegawai_id: d.pegawai_id,
                data: data.clone(),
            };
            pegawai::ubah_riwayat(tx, &r).await?;
            for x in &mut riwayat {
                if x.id == *riwayat_id {
                    x.data = data.clone();
                }
            }
            riwayat_baru = Some(*riwayat_id);
            sebelum_json
        }
        Perubahan::HapusRiwayat { riwayat_id, .. } => {
            pegawai::hapus_riwayat(tx, d.pegawai_id, *riwayat_id).await?;
            riwayat.retain(|r| r.id != *riwayat_id);
            sebelum_json
        }
    };
    if let Some(rid) = riwayat_baru {
        pegawai::tautkan_dokumen_usulan(tx, d.pegawai_id, usulan_id, rid).await?;
    }
    if let Some(j) = jenis {
        baru = segarkan_cuplikan(&baru, j, &riwayat);
    }
    pegawai::simpan_data(tx, &baru, now).await?;
    let mut e = aktor.audit("pegawai.diubah");
    e.akun_id = None;
    e.pegawai_id = Some(d.pegawai_id);
    e.alasan = Some(format!("usulan {usulan_id}"));
    e.sebelum = Some(sebelum);
    e.sesudah = Some(serde_json::to_value(&d.perubahan).unwrap_or_default());
    Ok(Ok(e))
}

/// A decision on one proposal as the verifier saw it (`versi`). A verifier who may not decide
/// now is told why, unless the proposal moved on meanwhile (then: already decided).
pub async fn putuskan(
    app: &App,
    aktor: &Aktor,
    u: &Usulan,
    versi: i64,
    keputusan: Keputusan,
) -> AppResult<Result<HasilPutusan, TidakBoleh>> {
    let tahap = match boleh_memutuskan(&aktor.pelaku, &u.posisi()) {
        Ok(t) => t,
        Err(_) if u.versi != versi => return Ok(Ok(HasilPutusan::SudahDiputuskan)),
        Err(e) => return Ok(Err(e)),
    };
    let ke = match status_setelah(tahap, u.rute, &keputusan) {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let putusan = [PutusanSiap {
        pindah: Pindah {
            usulan_id: u.id,
            versi,
            dari: u.status,
            ke,
        },
        keputusan,
    }];
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let hasil = jalankan(&mut tx, app, aktor, &putusan, now).await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(Ok(hasil
        .into_iter()
        .next()
        .unwrap_or(HasilPutusan::SudahDiputuskan)))
}

/// A collective batch's items the actor may see, in list order, with their proposals (scope
/// in the query).
pub async fn kolektif_terlihat(
    app: &App,
    aktor: &Aktor,
    kolektif_id: Uuid,
) -> AppResult<Vec<(RingkasanUsulan, Usulan)>> {
    let mut terlihat: HashMap<Uuid, Usulan> = app
        .store()
        .usulan_kolektif_terlihat(kolektif_id, aktor.akun_id(), &aktor.pelaku.cakupan_baca())
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(app
        .store()
        .usulan_kolektif(kolektif_id)
        .await?
        .into_iter()
        .filter_map(|r| terlihat.remove(&r.id).map(|u| (r, u)))
        .collect())
}

/// One decision for every item of a batch the verifier may decide now, with an outcome per
/// employee. Nobody to decide for: refused.
pub async fn putuskan_kolektif(
    app: &App,
    aktor: &Aktor,
    kolektif_id: Uuid,
    keputusan: Keputusan,
) -> AppResult<Result<Vec<(RingkasanUsulan, HasilPutusan)>, TidakBoleh>> {
    let mut putusan = Vec::new();
    let mut baris = Vec::new();
    for (r, u) in kolektif_terlihat(app, aktor, kolektif_id).await? {
        let Ok(tahap) = boleh_memutuskan(&aktor.pelaku, &u.posisi()) else {
            continue;
        };
        let ke = match status_setelah(tahap, u.rute, &keputusan) {
            Ok(s) => s,
            Err(e) => return Ok(Err(e)),
        };
        baris.push(r);
        putusan.push(PutusanSiap {
            pindah: Pindah {
                usulan_id: u.id,
                versi: u.versi,
                dari: u.status,
                ke,
            },
            keputusan: keputusan.clone(),
        });
    }
    if putusan.is_empty() {
        return Err(AppError::Dilarang);
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let hasil = jalankan(&mut tx, app, aktor, &putusan, now).await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(Ok(baris.into_iter().zip(hasil).collect()))
}
