//! The prediction ("Prediksi KP") of a period: who could be promoted then, eligible or not.

use chrono::NaiveDate;
use siasn_domain::akses::{Cakupan, Peran};
use siasn_domain::kenaikan_pangkat::tmt_sesuai_periode;
use siasn_domain::layanan::LangkahDitolak;
use siasn_domain::layanan::kp::{RancanganKp, RujukanKp, rancang};
use siasn_store::layanan::prediksi::KandidatKp;
use uuid::Uuid;

use crate::{Aktor, App, AppError, AppResult};
/// Employees read per page when working through a prediction.
const HALAMAN_PREDIKSI: i64 = 2000;

/// One employee of a prediction: who, and what a promotion at the period would be.
#[derive(Debug, Clone)]
pub struct ItemPrediksi {
    /// Employee (the facts' histories are dropped once evaluated).
    pub kandidat: KandidatKp,
    /// Outcome and the case it would make.
    pub rancangan: RancanganKp,
}

/// Totals of a prediction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JumlahPrediksi {
    /// Employees whose rank could change at the period.
    pub kandidat: u64,
    /// Meeting every condition.
    pub memenuhi: u64,
    /// With no blocking condition (a case may be started).
    pub boleh_diusulkan: u64,
}

/// The reference data the rules need for a period.
pub async fn rujukan(app: &App, periode: NaiveDate) -> AppResult<RujukanKp> {
    let s = app.store();
    Ok(RujukanKp {
        pendidikan: s.tingkat_pendidikan().await?,
        gaji: s.tabel_gaji(periode).await?,
        angka_kredit: s.angka_kredit_kp().await?,
        tujuan: s.aturan_tujuan_kp().await?,
    })
}

/// The scopes in which the actor works on services (their staff grants, not their own record).
fn cakupan_staf(aktor: &Aktor) -> Vec<Cakupan> {
    aktor
        .pelaku
        .peran
        .iter()
        .filter(|p| p.peran != Peran::Pegawai)
        .filter_map(|p| p.cakupan(None))
        .collect()
}

/// Whether `periode` is a KP period date; refused otherwise.
pub(super) async fn periksa_periode(
    app: &App,
    periode: NaiveDate,
) -> AppResult<Result<(), LangkahDitolak>> {
    let kalender = app.store().periode_kp().await?;
    Ok(if tmt_sesuai_periode(&kalender, periode) {
        Ok(())
    } else {
        Err(LangkahDitolak::BukanPeriode)
    })
}

/// Works through every candidate within `cakupan` page by page, handing each evaluated one
/// to `f` (national runs never hold more than a page of histories).
async fn telusuri(
    app: &App,
    cakupan: &[Cakupan],
    periode: NaiveDate,
    mut f: impl FnMut(KandidatKp, RancanganKp),
) -> AppResult<()> {
    let r = rujukan(app, periode).await?;
    let mut setelah = None;
    loop {
        let halaman = app
            .store()
            .kandidat_kp(cakupan, periode, setelah, HALAMAN_PREDIKSI)
            .await?;
        let Some(akhir) = halaman.last() else {
            return Ok(());
        };
        setelah = Some(akhir.pegawai_id);
        for mut k in halaman {
            let rancangan = rancang(&k.fakta, periode, &r);
            k.fakta.riwayat = Vec::new();
            f(k, rancangan);
        }
    }
}

/// The actor's staff scopes narrowed to one agency when `instansi` is given (it must be within
/// them; otherwise "not found").
async fn cakupan_prediksi(
    app: &App,
    aktor: &Aktor,
    instansi: Option<&str>,
) -> AppResult<Vec<Cakupan>> {
    let staf = cakupan_staf(aktor);
    if staf.is_empty() {
        return Err(AppError::Dilarang);
    }
    let Some(id) = instansi else {
        return Ok(staf);
    };
    let i = app
        .store()
        .instansi(id)
        .await
        .map_err(AppError::dari_store)?;
    let letak = siasn_domain::akses::LetakPegawai {
        pegawai_id: Uuid::nil(),
        instansi_id: i.id.clone(),
        kanreg_id: i.kanreg_id,
    };
    if !staf
        .iter()
        .any(|c| siasn_domain::akses::meliputi(c, &letak))
    {
        return Err(AppError::TidakDitemukan);
    }
    Ok(vec![Cakupan::Instansi(i.id)])
}

/// The prediction ("Prediksi KP") for a period within the actor's staff scopes, or one agency
/// of them: every employee whose rank could change then, eligible or not, with the reasons;
/// ordered by name.
pub async fn prediksi(
    app: &App,
    aktor: &Aktor,
    periode: NaiveDate,
    instansi: Option<&str>,
) -> AppResult<Result<Vec<ItemPrediksi>, LangkahDitolak>> {
    let cakupan = cakupan_prediksi(app, aktor, instansi).await?;
    if let Err(e) = periksa_periode(app, periode).await? {
        return Ok(Err(e));
    }
    let mut out = Vec::new();
    telusuri(app, &cakupan, periode, |kandidat, rancangan| {
        out.push(ItemPrediksi {
            kandidat,
            rancangan,
        })
    })
    .await?;
    out.sort_by(|a, b| a.kandidat.nama.cmp(&b.kandidat.nama));
    Ok(Ok(out))
}

/// The totals of a prediction within the actor's staff scopes (BKN's national and regional
/// view, where a list of every employee would not help anyone).
pub async fn ringkasan_prediksi(
    app: &App,
    aktor: &Aktor,
    periode: NaiveDate,
) -> AppResult<Result<JumlahPrediksi, LangkahDitolak>> {
    let cakupan = cakupan_prediksi(app, aktor, None).await?;
    if let Err(e) = periksa_periode(app, periode).await? {
        return Ok(Err(e));
    }
    Ok(Ok(jumlah_prediksi(app, &cakupan, periode).await?))
}

/// Only the totals of a prediction (dashboards, national runs, the benchmark).
pub async fn jumlah_prediksi(
    app: &App,
    cakupan: &[Cakupan],
    periode: NaiveDate,
) -> AppResult<JumlahPrediksi> {
    let mut j = JumlahPrediksi::default();
    telusuri(app, cakupan, periode, |_, r| {
        j.kandidat += 1;
        j.memenuhi += u64::from(r.hasil.memenuhi());
        j.boleh_diusulkan += u64::from(r.hasil.boleh_diusulkan());
    })
    .await?;
    Ok(j)
}
