//! The services' daily job: decrees whose TMT has come take effect, the kedudukan follows the
//! dates of leave, study and state office, whoever is past BUP without a decree becomes
//! "Mencapai BUP", and retirement notices go out at their lead times. Whoever holds the lease
//! runs it, once a day however many app servers ask; every part is idempotent, so an
//! interrupted run is simply run again.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use siasn_domain::BulanTahun;
use siasn_domain::layanan::cltn::{KeluargaCltn, PENGINGAT_AKHIR_STATUS_HARI, lewat_batas_lapor};
use siasn_domain::layanan::pensiun::TENGGAT_PEMBERITAHUAN_BULAN;
use siasn_domain::pemberhentian::{batas_lapor_cltn, kedudukan};
use siasn_domain::pensiun as bup;
use siasn_store::layanan::pensiun::{
    antre_ke_operator, catat_pemberitahuan, catat_pengingat_status,
};
use siasn_store::{audit, email, pegawai};
use siasn_teks::{Bahasa, Terjemah, surel};
use uuid::Uuid;

use super::pensiun::{rentang_bup, usia_bup};
use crate::{App, AppResult};

/// What one run of the daily job did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RingkasanHarian {
    /// Decrees whose TMT came: kedudukan set.
    pub diterapkan: u64,
    /// Leaves whose first day or return came: kedudukan set.
    pub cltn_berlaku: u64,
    /// Employees past BUP without a decree, set to "Mencapai BUP".
    pub mencapai_bup: u64,
    /// Notices sent to employees.
    pub pemberitahuan: u64,
    /// Digest e-mails to agency operators.
    pub surel_operator: u64,
    /// Reminders to employees whose status (leave, study, state office, detention) ends soon.
    pub pengingat_status: u64,
    /// Notices to employees past the report-back deadline after leave or a state office.
    pub lewat_lapor: u64,
    /// Transfers between agencies whose TMT came: the employee moved.
    pub pindah_berlaku: u64,
    /// Transfers due but held: the employee is no longer where the case found them.
    pub pindah_tertahan: u64,
}

impl std::fmt::Display for RingkasanHarian {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} keputusan berlaku, {} status berlaku, {} mencapai BUP, {} pemberitahuan, \
             {} pengingat status, {} lewat batas lapor, {} surel operator, {} pindah instansi \
             berlaku, {} pindah instansi tertahan",
            self.diterapkan,
            self.cltn_berlaku,
            self.mencapai_bup,
            self.pemberitahuan,
            self.pengingat_status,
            self.lewat_lapor,
            self.surel_operator,
            self.pindah_berlaku,
            self.pindah_tertahan
        )
    }
}

/// What became of asking for the daily job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilHarian {
    /// It ran for today.
    Jalan(RingkasanHarian),
    /// It already ran today.
    SudahHariIni,
    /// Another server holds the job's lease now.
    DipegangLain,
}

/// The daily job's name (its lease and its completion record).
pub const TUGAS_HARIAN: &str = "pensiun-harian";

const AKTOR_HARIAN: &str = "sistem: tugas harian pensiun";

/// One kedudukan the job sets, and why.
struct Perubahan {
    pegawai_id: Uuid,
    ke: String,
    alasan: String,
}

/// Sets kedudukan in one transaction, each with its audit entry (the kedudukan replaced as
/// "before"); returns how many.
async fn ubah_kedudukan(app: &App, ubah: Vec<Perubahan>) -> AppResult<u64> {
    if ubah.is_empty() {
        return Ok(0);
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let mut entri = Vec::with_capacity(ubah.len());
    for u in &ubah {
        let lama = pegawai::ubah_kedudukan_hukum(&mut tx, u.pegawai_id, &u.ke, now).await?;
        entri.push(audit::AuditBaru {
            aktor: AKTOR_HARIAN.into(),
            aksi: "pegawai.diubah".into(),
            pegawai_id: Some(u.pegawai_id),
            alasan: Some(u.alasan.clone()),
            sebelum: Some(serde_json::json!({ "kedudukan_hukum_id": lama })),
            sesudah: Some(serde_json::json!({ "kedudukan_hukum_id": u.ke })),
            ..audit::AuditBaru::default()
        });
    }
    audit::tulis(&mut tx, entri, now).await?;
    tx.commit().await?;
    Ok(ubah.len() as u64)
}

/// A birth date before anyone on record (the engines' date ranges differ; this is in both).
const LAHIR_PALING_AWAL: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Runs the daily job once for today's date (by the injected clock): whoever holds
/// the lease runs it, once per day however many app servers ask.
pub async fn harian_sekali(app: &App, pemilik: &str) -> AppResult<HasilHarian> {
    let now = app.sekarang();
    let hari_ini = now.date_naive();
    let sampai = now + chrono::Duration::minutes(30);
    if !app
        .store()
        .ambil_sewa(TUGAS_HARIAN, pemilik, now, sampai)
        .await?
    {
        return Ok(HasilHarian::DipegangLain);
    }
    let hasil = async {
        if app
            .store()
            .tugas_harian_terakhir(TUGAS_HARIAN)
            .await?
            .is_some_and(|t| t >= hari_ini)
        {
            return Ok(HasilHarian::SudahHariIni);
        }
        let r = harian(app, hari_ini).await?;
        app.store()
            .tugas_harian_selesai(TUGAS_HARIAN, hari_ini, &r.to_string())
            .await?;
        Ok(HasilHarian::Jalan(r))
    }
    .await;
    app.store().lepas_sewa(TUGAS_HARIAN, pemilik).await?;
    hasil
}

/// The job's parts for `hari_ini`.
async fn harian(app: &App, hari_ini: NaiveDate) -> AppResult<RingkasanHarian> {
    let mut r = RingkasanHarian {
        diterapkan: keputusan_berlaku(app, hari_ini).await?,
        cltn_berlaku: selaraskan_cltn(app, hari_ini).await?,
        mencapai_bup: tandai_mencapai_bup(app, hari_ini).await?,
        ..RingkasanHarian::default()
    };
    (r.pindah_berlaku, r.pindah_tertahan) =
        super::pindah::terapkan_jatuh_tempo(app, hari_ini).await?;
    kirim_pemberitahuan(app, hari_ini, &mut r).await?;
    ingatkan_status(app, hari_ini, &mut r).await?;
    if r.pemberitahuan > 0 || r.surel_operator > 0 || r.pengingat_status > 0 || r.lewat_lapor > 0 {
        app.bangunkan_surel();
    }
    Ok(r)
}

/// Decrees of leaving the service whose TMT has come: their kedudukan.
async fn keputusan_berlaku(app: &App, hari_ini: NaiveDate) -> AppResult<u64> {
    let mut n = 0;
    loop {
        let jatuh = app.store().pemberhentian_jatuh_tempo(hari_ini, 500).await?;
        if jatuh.is_empty() {
            return Ok(n);
        }
        let ubah = jatuh
            .into_iter()
            .map(|j| Perubahan {
                pegawai_id: j.pegawai_id,
                alasan: format!(
                    "TMT {} SK {}: kedudukan hukum berlaku",
                    j.data.tmt, j.data.sk.nomor
                ),
                ke: j.data.kedudukan_hukum_id,
            })
            .collect();
        n += ubah_kedudukan(app, ubah).await?;
    }
}

/// Leave, study and state office whose dates have come: on that status from its first day,
/// active again from the return.
async fn selaraskan_cltn(app: &App, hari_ini: NaiveDate) -> AppResult<u64> {
    let mut ubah = Vec::new();
    for (pegawai_id, _, c, kini) in app.store().cltn_untuk_diselaraskan(hari_ini).await? {
        let seharusnya = match c.tanggal_aktif_kembali {
            Some(a) if a <= hari_ini => kedudukan::AKTIF,
            Some(_) => continue,
            None if c.tanggal_selesai < hari_ini => continue,
            None => KeluargaCltn::dari_kode_mulai(c.jenis_cltn).kedudukan(c.diperpanjang),
        };
        if kini != seharusnya {
            ubah.push(Perubahan {
                pegawai_id,
                ke: seharusnya.into(),
                alasan: "tanggal status berlaku: kedudukan hukum diselaraskan".into(),
            });
        }
    }
    ubah_kedudukan(app, ubah).await
}

/// Serving PNS past TMT pensiun without a decree: "Mencapai BUP" (a data-quality problem).
async fn tandai_mencapai_bup(app: &App, hari_ini: NaiveDate) -> AppResult<u64> {
    let jabatan = app.store().ref_jabatan().await?;
    let (bup_min, _) = rentang_bup(&jabatan);
    // Whoever reached the lowest BUP before the first of this month has a TMT on or before it.
    let batas_lahir = BulanTahun::of(hari_ini)
        .hari_pertama()
        .checked_sub_months(Months::new(u32::from(bup_min) * 12))
        .unwrap_or(LAHIR_PALING_AWAL);
    let mut n = 0;
    let mut setelah = None;
    loop {
        let calon = app
            .store()
            .calon_pensiun(None, LAHIR_PALING_AWAL, batas_lahir, true, setelah, 2_000)
            .await?;
        let Some(terakhir) = calon.last() else {
            return Ok(n);
        };
        setelah = Some(terakhir.pegawai_id);
        let habis = calon.len() < 2_000;
        // A decree waiting for its TMT does not make someone "past BUP".
        let ubah = calon
            .iter()
            .filter(|c| !c.ada_keputusan)
            .filter(|c| bup::hitung(c.tanggal_lahir, usia_bup(c)).tmt_pensiun <= hari_ini)
            .map(|c| Perubahan {
                pegawai_id: c.pegawai_id,
                ke: kedudukan::MENCAPAI_BUP.into(),
                alasan: "melewati TMT pensiun tanpa keputusan pemberhentian: Mencapai BUP".into(),
            })
            .collect();
        n += ubah_kedudukan(app, ubah).await?;
        if habis {
            return Ok(n);
        }
    }
}

/// Notices at each lead time: TMT pensiun in the month `tenggat` months from now, one to the
/// employee (recorded, so never twice) and a count-only digest to the agency's operators.
async fn kirim_pemberitahuan(
    app: &App,
    hari_ini: NaiveDate,
    r: &mut RingkasanHarian,
) -> AppResult<()> {
    let jabatan = app.store().ref_jabatan().await?;
    let mut bup_ada: Vec<u8> = jabatan.iter().map(|j| j.usia_bup).collect();
    bup_ada.extend(bup::BUP_MENURUT_KELOMPOK);
    bup_ada.sort_unstable();
    bup_ada.dedup();
    for tenggat in TENGGAT_PEMBERITAHUAN_BULAN {
        let bulan_tmt = BulanTahun::of(hari_ini).tambah_bulan(i32::try_from(tenggat).unwrap_or(0));
        let tmt = bulan_tmt.hari_pertama();
        // TMT in that month means BUP reached in the month before.
        let bulan_lahir = bulan_tmt.tambah_bulan(-1);
        let mut per_instansi: BTreeMap<String, usize> = BTreeMap::new();
        for &usia in &bup_ada {
            let awal = bulan_lahir
                .hari_pertama()
                .checked_sub_months(Months::new(u32::from(usia) * 12));
            let akhir = bulan_lahir
                .tambah_bulan(1)
                .hari_pertama()
                .checked_sub_months(Months::new(u32::from(usia) * 12))
                .and_then(|d| d.pred_opt());
            let (Some(awal), Some(akhir)) = (awal, akhir) else {
                continue;
            };
            let mut setelah = None;
            loop {
                let calon = app
                    .store()
                    .calon_pensiun(None, awal, akhir, true, setelah, 2_000)
                    .await?;
                let Some(terakhir) = calon.last() else { break };
                setelah = Some(terakhir.pegawai_id);
                let habis = calon.len() < 2_000;
                let now = app.sekarang();
                let mut tx = app.store().begin().await?;
                let surat = surel::pensiun_mendekat(tenggat, app.url_dasar());
                for c in calon.iter().filter(|c| usia_bup(c) == usia) {
                    if bup::hitung(c.tanggal_lahir, usia).tmt_pensiun != tmt {
                        continue;
                    }
                    if catat_pemberitahuan(&mut tx, c.pegawai_id, tmt, tenggat, now).await? {
                        email::antre_ke_pegawai(
                            &mut tx,
                            c.pegawai_id,
                            &surat.subjek,
                            &surat.isi,
                            now,
                        )
                        .await?;
                        *per_instansi.entry(c.instansi_kerja_id.clone()).or_default() += 1;
                        r.pemberitahuan += 1;
                    }
                }
                tx.commit().await?;
                if habis {
                    break;
                }
            }
        }
        if !per_instansi.is_empty() {
            let now = app.sekarang();
            let mut tx = app.store().begin().await?;
            for (instansi, jumlah) in &per_instansi {
                let s = surel::pensiun_mendekat_operator(*jumlah, tenggat, app.url_dasar());
                r.surel_operator +=
                    antre_ke_operator(&mut tx, instansi, &s.subjek, &s.isi, now).await?;
            }
            tx.commit().await?;
        }
    }
    Ok(())
}

/// Statuses that end within [`PENGINGAT_AKHIR_STATUS_HARI`] days: a reminder to the employee;
/// leave or a state office whose report-back deadline passed without a return: a notice to
/// the employee. Each is recorded per row and end date (an extension is reminded again), and
/// each agency's operators get one count-only digest per kind.
async fn ingatkan_status(app: &App, hari_ini: NaiveDate, r: &mut RingkasanHarian) -> AppResult<()> {
    let berjalan = app.store().status_berjalan(None, hari_ini).await?;
    if berjalan.is_empty() {
        return Ok(());
    }
    let now = app.sekarang();
    let url = app.url_dasar();
    let mut akan_berakhir: BTreeMap<String, usize> = BTreeMap::new();
    let mut lewat: BTreeMap<String, usize> = BTreeMap::new();
    let mut tx = app.store().begin().await?;
    for s in &berjalan {
        let keluarga = KeluargaCltn::dari_kode_mulai(s.status.jenis_cltn);
        let akhir = s.status.tanggal_selesai;
        let nama = (
            keluarga.jelaskan(Bahasa::Indonesia),
            keluarga.jelaskan(Bahasa::Inggris),
        );
        let tgl = |d: NaiveDate| {
            (
                siasn_teks::tanggal(d, Bahasa::Indonesia),
                siasn_teks::tanggal(d, Bahasa::Inggris),
            )
        };
        let segera =
            akhir >= hari_ini && (akhir - hari_ini).num_days() <= PENGINGAT_AKHIR_STATUS_HARI;
        if segera && catat_pengingat_status(&mut tx, s.riwayat_id, akhir, "AKHIR", now).await? {
            let (id, en) = tgl(akhir);
            // MPP ends with the pension: nothing to report back or extend.
            let surat = if keluarga == KeluargaCltn::Mpp {
                let tmt = akhir.succ_opt().unwrap_or(akhir);
                let (tid, ten) = tgl(tmt);
                surel::mpp_berakhir((&id, &en), (&tid, &ten), url)
            } else {
                surel::status_berakhir((&nama.0, &nama.1), (&id, &en), url)
            };
            email::antre_ke_pegawai(&mut tx, s.pegawai_id, &surat.subjek, &surat.isi, now).await?;
            // The agency's digest is of returns to prepare; MPP ends in the pension.
            if keluarga != KeluargaCltn::Mpp {
                *akan_berakhir
                    .entry(s.instansi_kerja_id.clone())
                    .or_default() += 1;
            }
            r.pengingat_status += 1;
        }
        if keluarga.wajib_melapor()
            && lewat_batas_lapor(akhir, hari_ini)
            && catat_pengingat_status(&mut tx, s.riwayat_id, akhir, "LEWAT_LAPOR", now).await?
        {
            let (id, en) = tgl(batas_lapor_cltn(akhir));
            let surat = surel::status_lewat_lapor((&nama.0, &nama.1), (&id, &en), url);
            email::antre_ke_pegawai(&mut tx, s.pegawai_id, &surat.subjek, &surat.isi, now).await?;
            *lewat.entry(s.instansi_kerja_id.clone()).or_default() += 1;
            r.lewat_lapor += 1;
        }
    }
    for (instansi, jumlah) in &akan_berakhir {
        let s = surel::status_berakhir_operator(*jumlah, PENGINGAT_AKHIR_STATUS_HARI, url);
        r.surel_operator += antre_ke_operator(&mut tx, instansi, &s.subjek, &s.isi, now).await?;
    }
    for (instansi, jumlah) in &lewat {
        let s = surel::status_lewat_lapor_operator(*jumlah, url);
        r.surel_operator += antre_ke_operator(&mut tx, instansi, &s.subjek, &s.isi, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Asks for the daily job every `jeda` until told to stop (every app server runs this; the
/// lease and the completion record make it run once a day). Failures are logged and retried
/// at the next turn.
pub async fn jalankan_harian(
    app: App,
    pemilik: String,
    jeda: std::time::Duration,
    mut berhenti: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        match harian_sekali(&app, &pemilik).await {
            Ok(HasilHarian::Jalan(r)) => {
                tracing::info!(ringkasan = %r, "tugas harian layanan selesai")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "tugas harian layanan gagal; dicoba lagi nanti"),
        }
        tokio::select! {
            () = tokio::time::sleep(jeda) => {}
            _ = berhenti.changed() => return,
        }
    }
}
