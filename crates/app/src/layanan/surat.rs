//! The pertek and the SK of every service: letters generated, numbered and signed into the
//! employee's archive, an SK signed outside uploaded, and applying the SK to the record in its
//! transaction. What the letters say and what the SK changes is the service's own
//! ([`Naskah`], and `terapkan` in each service module).

use chrono::{Datelike, NaiveDate};
use siasn_card::surat::{Blok, IsiSurat};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::layanan::kp::Tujuan;
use siasn_domain::layanan::{DataLayanan, KasusLayanan, Langkah, LangkahDitolak};
use siasn_domain::tanggal::format_indonesia;
use siasn_store::layanan::{self as langkah_layanan, JenisSurat};
use siasn_store::pegawai;
use uuid::Uuid;

use super::naskah::{Naskah, maju, penandatangan, tandatangani_surat};
use super::{HasilLangkah, catat, cltn, cpns, kasus, kp, pensiun, periksa, pindah};
use crate::{Aktor, App, AppResult, ttd};

/// The service's letter content for `k`.
fn naskah(
    k: &KasusLayanan,
    pegawai: &siasn_domain::Pegawai,
    instansi: &siasn_domain::Instansi,
) -> Naskah {
    match &k.data {
        DataLayanan::Kp(d) => kp::naskah(k, d, pegawai, instansi),
        DataLayanan::Pensiun(d) => pensiun::naskah(d, pegawai, instansi),
        DataLayanan::Cltn(d) => cltn::naskah(d, pegawai, instansi),
        DataLayanan::Pindah(d) => pindah::naskah(d, pegawai, instansi),
        DataLayanan::Cpns(d) => cpns::naskah(d, pegawai, instansi),
    }
}

/// BKN numbers and signs the pertek: the letter is generated into the employee's archive and
/// the case moves to "pertek signed", in one transaction.
pub async fn terbitkan_pertek(
    app: &App,
    aktor: &Aktor,
    id: Uuid,
    versi: i64,
    frasa: &str,
) -> AppResult<HasilLangkah> {
    let k = kasus(app, aktor, id).await?;
    let aturan = match periksa(aktor, &k, Langkah::TerbitkanPertek, None) {
        Ok(a) => a,
        Err(e) => return Ok(HasilLangkah::Ditolak(e)),
    };
    if k.versi != versi {
        return Ok(HasilLangkah::SudahBerubah);
    }
    let pegawai = app.store().pegawai(k.pegawai_id).await?;
    let instansi = app.store().instansi(&k.instansi_id).await?;
    let n = naskah(&k, &pegawai, &instansi);
    let (penerbit, kop) = match k.tujuan {
        Tujuan::Kanreg => {
            let nama = app
                .store()
                .kanreg()
                .await?
                .into_iter()
                .find(|x| x.id == k.kanreg_id)
                .map_or_else(|| k.kanreg_id.clone(), |x| x.nama);
            (format!("KANREG-{}", k.kanreg_id), nama)
        }
        Tujuan::BknPusat | Tujuan::Presiden => ("BKN".to_string(), "Kantor Pusat".to_string()),
    };
    let nip_ttd = penandatangan(app, aktor).await?;
    // The passphrase is tried before anything changes; a wrong one is counted on its own.
    let terbuka = match ttd::buka_kunci(app, aktor, frasa).await? {
        Ok(t) => t,
        Err(a) => return Ok(HasilLangkah::Ditolak(LangkahDitolak::Ttd(a))),
    };
    let now = app.sekarang();
    let hari_ini = now.date_naive();
    let mut tx = app.store().begin().await?;
    let Some(putaran) = maju(&mut tx, &k, versi, aturan.ke, now).await? else {
        return Ok(HasilLangkah::SudahBerubah);
    };
    let seri = format!("PERTEK-{}", n.kode);
    let urut =
        langkah_layanan::nomor_berikutnya(&mut tx, &penerbit, &seri, hari_ini.year()).await?;
    let nomor = format!("{seri}/{penerbit}/{}/{urut:06}", hari_ini.year());
    let mut isi = vec![Blok::Paragraf(n.pembuka_pertek.clone())];
    isi.extend(n.blok.iter().cloned());
    isi.push(Blok::Jarak);
    isi.push(Blok::Paragraf(n.penutup_pertek.clone()));
    let surat = IsiSurat {
        kop: vec!["BADAN KEPEGAWAIAN NEGARA".into(), kop.clone()],
        judul: format!("PERTIMBANGAN TEKNIS {}", n.hal.to_uppercase()),
        nomor: format!("Nomor: {nomor}"),
        isi,
        tempat_tanggal: format!("Ditetapkan tanggal {}", format_indonesia(hari_ini)),
        jabatan_penandatangan: format!("a.n. Kepala Badan Kepegawaian Negara, {kop}"),
        nama_penandatangan: aktor.nama.clone(),
        nip_penandatangan: nip_ttd,
        kaki: Vec::new(),
    };
    let dok = tandatangani_surat(
        app, &mut tx, aktor, &k, terbuka, surat, "PERTEK", &n, &nomor,
    )
    .await?;
    langkah_layanan::simpan_surat(&mut tx, id, JenisSurat::Pertek, &nomor, hari_ini, Some(dok))
        .await?;
    catat(
        &mut tx,
        app,
        aktor,
        &k,
        putaran,
        Langkah::TerbitkanPertek,
        aturan.ke,
        Some(&nomor),
        now,
    )
    .await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(HasilLangkah::Berhasil(aturan.ke))
}

/// The agency official signs the SK: the letter is generated into the archive, and the new
/// rank is written into the record, all in one transaction.
pub async fn tandatangani_sk(
    app: &App,
    aktor: &Aktor,
    id: Uuid,
    versi: i64,
    frasa: &str,
) -> AppResult<HasilLangkah> {
    let k = kasus(app, aktor, id).await?;
    if let Err(e) = periksa(aktor, &k, Langkah::TandatanganiSk, None) {
        return Ok(HasilLangkah::Ditolak(e));
    }
    if k.versi != versi {
        return Ok(HasilLangkah::SudahBerubah);
    }
    let terbuka = match ttd::buka_kunci(app, aktor, frasa).await? {
        Ok(t) => t,
        Err(a) => return Ok(HasilLangkah::Ditolak(LangkahDitolak::Ttd(a))),
    };
    let pegawai = app.store().pegawai(k.pegawai_id).await?;
    let instansi = app.store().instansi(&k.instansi_id).await?;
    let n = naskah(&k, &pegawai, &instansi);
    let nip_ttd = penandatangan(app, aktor).await?;
    let hari_ini = app.sekarang().date_naive();
    let mut isi = vec![Blok::Paragraf(match &k.pertek {
        Some(p) => format!(
            "Menimbang usul {} dan Pertimbangan Teknis Badan Kepegawaian Negara Nomor {} \
             tanggal {}, {}",
            n.hal,
            p.nomor,
            format_indonesia(p.tanggal),
            n.pembuka_sk
        ),
        None => {
            let mut s = n.pembuka_sk.clone();
            if let Some(c) = s.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            s
        }
    })];
    isi.extend(n.blok.iter().cloned());
    isi.push(Blok::Jarak);
    isi.push(Blok::Paragraf(
        "Apabila di kemudian hari terdapat kekeliruan dalam keputusan ini, akan diadakan \
         perbaikan sebagaimana mestinya."
            .into(),
    ));
    let surat = IsiSurat {
        kop: vec![
            instansi.nama.to_uppercase(),
            "Pejabat Pembina Kepegawaian".into(),
        ],
        judul: format!("KEPUTUSAN {}", n.hal.to_uppercase()),
        nomor: String::new(),
        isi,
        tempat_tanggal: format!("Ditetapkan tanggal {}", format_indonesia(hari_ini)),
        jabatan_penandatangan: "Pejabat Pembina Kepegawaian".into(),
        nama_penandatangan: aktor.nama.clone(),
        nip_penandatangan: nip_ttd,
        kaki: Vec::new(),
    };
    selesaikan(
        app,
        aktor,
        &k,
        versi,
        Langkah::TandatanganiSk,
        SumberSk::Sistem {
            surat,
            instansi_id: instansi.id,
            terbuka: Box::new(terbuka),
            naskah: Box::new(n),
        },
    )
    .await
}

/// Where the SK comes from.
enum SumberSk {
    /// Generated here and numbered in the agency's series.
    Sistem {
        /// The letter without its number.
        surat: IsiSurat,
        /// The issuing agency.
        instansi_id: String,
        /// The official's unlocked key.
        terbuka: Box<ttd::KunciTerbuka>,
        /// What the service's letters say.
        naskah: Box<Naskah>,
    },
    /// Signed outside and uploaded.
    Luar {
        /// The archive document of the upload.
        dokumen: Dokumen,
        /// Its number.
        nomor: String,
        /// Its date.
        tanggal: NaiveDate,
    },
}

/// An SK signed outside the system, uploaded for a case at the SK step (pages and the
/// SIASN-compatible `upload-dok-sk-kp`): checked like any upload, filed in the archive, and
/// applied to the record in one transaction.
pub async fn unggah_sk(
    app: &App,
    aktor: &Aktor,
    id: Uuid,
    nomor: &str,
    tanggal: Option<NaiveDate>,
    nama_file: &str,
    isi: &[u8],
) -> AppResult<Result<HasilLangkah, siasn_domain::usulan::Masalah>> {
    let k = kasus(app, aktor, id).await?;
    if let Err(e) = periksa(aktor, &k, Langkah::UnggahSk, None) {
        return Ok(Ok(HasilLangkah::Ditolak(e)));
    }
    let nomor = nomor.trim().to_string();
    let Some(tanggal) = tanggal.filter(|_| !nomor.is_empty() && nomor.len() <= 100) else {
        return Ok(Ok(HasilLangkah::Ditolak(LangkahDitolak::SkTidakSah)));
    };
    let (jenis, blob) = match crate::usulan::simpan_berkas(app, nama_file, isi).await? {
        Ok(x) => x,
        Err(m) => return Ok(Err(m)),
    };
    let nama = crate::usulan::nama_berkas(nama_file, jenis);
    let dokumen = Dokumen {
        id: Uuid::now_v7(),
        pegawai_id: k.pegawai_id,
        riwayat_id: None,
        jenis_dokumen_id: match &k.data {
            DataLayanan::Kp(_) => "L02",
            DataLayanan::Pensiun(_) => siasn_domain::layanan::pensiun::DOKUMEN_SK_PENSIUN,
            DataLayanan::Cltn(_) => siasn_domain::layanan::cltn::DOKUMEN_SK_CLTN,
            DataLayanan::Pindah(_) => siasn_domain::layanan::pindah::DOKUMEN_SK_PINDAH,
            DataLayanan::Cpns(_) => siasn_domain::layanan::cpns::DOKUMEN_SK_CPNS,
        }
        .into(),
        sha256: blob.sha256.clone(),
        nama_file: nama,
        media_type: jenis.media_type().to_string(),
        ukuran: blob.ukuran,
        diunggah_pada: app.sekarang(),
        diunggah_oleh: aktor.label(),
    };
    let sumber = SumberSk::Luar {
        dokumen,
        nomor,
        tanggal,
    };
    Ok(Ok(selesaikan(
        app,
        aktor,
        &k,
        k.versi,
        Langkah::UnggahSk,
        sumber,
    )
    .await?))
}

/// The SK step's shared part: moves the case, numbers and files the SK inside the
/// transaction, records it, applies the promotion to the record and logs it.
async fn selesaikan(
    app: &App,
    aktor: &Aktor,
    k: &KasusLayanan,
    versi: i64,
    langkah: Langkah,
    sumber: SumberSk,
) -> AppResult<HasilLangkah> {
    let aturan = match periksa(aktor, k, langkah, None) {
        Ok(a) => a,
        Err(e) => return Ok(HasilLangkah::Ditolak(e)),
    };
    if k.versi != versi {
        return Ok(HasilLangkah::SudahBerubah);
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let Some(putaran) = maju(&mut tx, k, versi, aturan.ke, now).await? else {
        return Ok(HasilLangkah::SudahBerubah);
    };
    let (nomor, tanggal, dok) = match sumber {
        SumberSk::Sistem {
            mut surat,
            instansi_id,
            terbuka,
            naskah,
        } => {
            let tanggal = now.date_naive();
            let seri = format!("SK-{}", naskah.kode);
            let urut = langkah_layanan::nomor_berikutnya(
                &mut tx,
                &format!("INSTANSI-{instansi_id}"),
                &seri,
                tanggal.year(),
            )
            .await?;
            let nomor = format!("{seri}/{instansi_id}/{}/{urut:06}", tanggal.year());
            surat.nomor = format!("Nomor: {nomor}");
            let dok = tandatangani_surat(
                app, &mut tx, aktor, k, *terbuka, surat, "SK", &naskah, &nomor,
            )
            .await?;
            (nomor, tanggal, dok)
        }
        SumberSk::Luar {
            dokumen,
            nomor,
            tanggal,
        } => {
            pegawai::simpan_dokumen(&mut tx, std::slice::from_ref(&dokumen)).await?;
            (nomor, tanggal, dokumen.id)
        }
    };
    langkah_layanan::simpan_surat(&mut tx, k.id, JenisSurat::Sk, &nomor, tanggal, Some(dok))
        .await?;
    let diterapkan = match &k.data {
        DataLayanan::Kp(d) => kp::terapkan(&mut tx, aktor, k, d, &nomor, tanggal, dok, now).await?,
        DataLayanan::Pensiun(d) => {
            pensiun::terapkan(&mut tx, aktor, k, d, &nomor, tanggal, dok, now).await?
        }
        DataLayanan::Cltn(d) => {
            cltn::terapkan(&mut tx, aktor, k, d, &nomor, tanggal, dok, now).await?
        }
        DataLayanan::Pindah(_) => pindah::terapkan_sk_tujuan(),
        DataLayanan::Cpns(d) => {
            cpns::terapkan(&mut tx, app, aktor, k, d, &nomor, tanggal, dok, now).await?
        }
    };
    if let Err(e) = diterapkan {
        tx.rollback().await?;
        return Ok(HasilLangkah::Ditolak(e));
    }
    catat(
        &mut tx,
        app,
        aktor,
        k,
        putaran,
        langkah,
        aturan.ke,
        Some(&nomor),
        now,
    )
    .await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(HasilLangkah::Berhasil(aturan.ke))
}
