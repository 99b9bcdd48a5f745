//! The pertek and the SK: letters generated into the employee's archive, an SK signed outside
//! uploaded, and applying the SK to the record in its transaction.

use chrono::{Datelike, NaiveDate};
use siasn_card::surat::{Blok, IsiSurat};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::layanan::kp::{DataKp, Tujuan};
use siasn_domain::layanan::{KasusLayanan, Langkah, LangkahDitolak};
use siasn_domain::riwayat::{DataRiwayat, JenisRiwayat, Riwayat, RiwayatGolongan, Sk};
use siasn_domain::tanggal::format_indonesia;
use siasn_domain::usulan::terapkan::segarkan_cuplikan;
use siasn_store::layanan::{self as langkah_layanan, JenisSurat};
use siasn_store::{Tx, audit, pegawai};
use uuid::Uuid;

use super::super::{HasilLangkah, catat, kasus, periksa};
use super::{data_kp, maju};
use crate::{Aktor, App, AppResult, ttd};
fn rupiah(n: Option<i64>) -> String {
    n.map_or_else(
        || "-".to_string(),
        |n| {
            let s = n.to_string();
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push('.');
                }
                out.push(c);
            }
            format!("Rp{out}")
        },
    )
}

/// Stores a generated letter in the employee's archive (content-addressed blob first).
async fn arsipkan(
    app: &App,
    tx: &mut Tx,
    aktor: &Aktor,
    k: &KasusLayanan,
    jenis_dokumen: &str,
    nama_file: &str,
    pdf: &[u8],
) -> AppResult<Uuid> {
    let blob = langkah_layanan::simpan_blob(
        tx,
        app.store().blobs(),
        pdf,
        "application/pdf",
        app.sekarang(),
    )
    .await?;
    let d = Dokumen {
        id: Uuid::now_v7(),
        pegawai_id: k.pegawai_id,
        riwayat_id: None,
        jenis_dokumen_id: jenis_dokumen.to_string(),
        sha256: blob.sha256,
        nama_file: nama_file.to_string(),
        media_type: "application/pdf".into(),
        ukuran: blob.ukuran,
        diunggah_pada: app.sekarang(),
        diunggah_oleh: aktor.label(),
    };
    pegawai::simpan_dokumen(tx, std::slice::from_ref(&d)).await?;
    Ok(d.id)
}

/// The footer of every signed letter: the statement and where to check it.
fn kaki(app: &App, terbuka: &ttd::KunciTerbuka, kode: &str) -> Vec<String> {
    vec![
        format!(
            "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat \
             elektronik yang diterbitkan oleh {}.",
            terbuka.penanda.penerbit
        ),
        format!(
            "Periksa keasliannya dengan memindai kode QR atau di {}",
            ttd::url_verifikasi(app, kode)
        ),
    ]
}

/// Signs a letter with the unlocked key inside the step's transaction and files it in the
/// employee's archive; returns the archive document's id.
#[allow(clippy::too_many_arguments)]
async fn tandatangani_surat(
    app: &App,
    tx: &mut Tx,
    aktor: &Aktor,
    k: &KasusLayanan,
    terbuka: ttd::KunciTerbuka,
    mut surat: IsiSurat,
    jenis: &'static str,
    judul: &str,
    nomor: &str,
) -> AppResult<Uuid> {
    let kode = ttd::kode_baru();
    surat.kaki = kaki(app, &terbuka, &kode);
    let kotak = ttd::kotak_surat(&surat);
    let jabatan = surat.jabatan_penandatangan.clone();
    let pdf = app.surat_pdf(surat).await?;
    let bertanda = ttd::tandatangani(
        app,
        tx,
        terbuka,
        pdf,
        ttd::DokumenBaru {
            kode,
            jenis,
            judul: judul.to_string(),
            nomor: Some(nomor.to_string()),
            pegawai_id: Some(k.pegawai_id),
            layanan_id: Some(k.id),
            rujukan: None,
            alasan: judul.to_string(),
            jabatan,
            kotak: Some(kotak),
        },
    )
    .await?;
    let (jenis_dokumen, nama_file) = match jenis {
        "PERTEK" => ("L05", "Pertek kenaikan pangkat.pdf"),
        _ => ("L02", "SK kenaikan pangkat.pdf"),
    };
    arsipkan(app, tx, aktor, k, jenis_dokumen, nama_file, &bertanda.pdf).await
}

/// Who the letters name as the employee.
fn blok_pegawai(p: &siasn_domain::Pegawai, d: &DataKp) -> Vec<Blok> {
    vec![
        Blok::Baris("Nama".into(), p.nama_lengkap()),
        Blok::Baris("NIP".into(), p.nomor_induk.to_string()),
        Blok::Baris(
            "Tempat, tanggal lahir".into(),
            format!("{}, {}", p.tempat_lahir, format_indonesia(p.tanggal_lahir)),
        ),
        Blok::Baris(
            "Pangkat/golongan lama".into(),
            format!("{}, {}", d.golongan_lama.pangkat(), d.golongan_lama.label()),
        ),
        Blok::Baris(
            "Pangkat/golongan baru".into(),
            format!("{}, {}", d.golongan_baru.pangkat(), d.golongan_baru.label()),
        ),
        Blok::Baris("Terhitung mulai tanggal".into(), format_indonesia(d.tmt_kp)),
        Blok::Baris(
            "Masa kerja golongan".into(),
            format!(
                "{} tahun {} bulan",
                d.masa_kerja_golongan.tahun, d.masa_kerja_golongan.bulan
            ),
        ),
        Blok::Baris("Gaji pokok lama".into(), rupiah(d.gaji_pokok_lama)),
        Blok::Baris("Gaji pokok baru".into(), rupiah(d.gaji_pokok_baru)),
    ]
}

/// The signer lines: the acting account, with its NIP when it is an employee.
async fn penandatangan(app: &App, aktor: &Aktor) -> AppResult<String> {
    Ok(match aktor.pelaku.pegawai_id {
        Some(id) => format!("NIP {}", app.store().pegawai(id).await?.nomor_induk),
        None => String::new(),
    })
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
    let d = data_kp(&k).clone();
    let pegawai = app.store().pegawai(k.pegawai_id).await?;
    let instansi = app.store().instansi(&k.instansi_id).await?;
    let (penerbit, kop) = match d.tujuan {
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
    let n =
        langkah_layanan::nomor_berikutnya(&mut tx, &penerbit, "PERTEK-KP", hari_ini.year()).await?;
    let nomor = format!("PERTEK-KP/{penerbit}/{}/{n:06}", hari_ini.year());
    let mut isi = vec![Blok::Paragraf(format!(
        "Berdasarkan usul kenaikan pangkat dari {} untuk periode {}, setelah dilakukan validasi \
         atas berkas yang diusulkan, Badan Kepegawaian Negara memberikan pertimbangan teknis \
         bahwa kenaikan pangkat pegawai berikut dapat ditetapkan:",
        instansi.nama,
        format_indonesia(k.periode)
    ))];
    isi.extend(blok_pegawai(&pegawai, &d));
    isi.push(Blok::Jarak);
    isi.push(Blok::Paragraf(
        "Pertimbangan teknis ini menjadi dasar penetapan keputusan kenaikan pangkat oleh \
         pejabat yang berwenang."
            .into(),
    ));
    let surat = IsiSurat {
        kop: vec!["BADAN KEPEGAWAIAN NEGARA".into(), kop.clone()],
        judul: "PERTIMBANGAN TEKNIS KENAIKAN PANGKAT".into(),
        nomor: format!("Nomor: {nomor}"),
        isi,
        tempat_tanggal: format!("Ditetapkan tanggal {}", format_indonesia(hari_ini)),
        jabatan_penandatangan: format!("a.n. Kepala Badan Kepegawaian Negara, {kop}"),
        nama_penandatangan: aktor.nama.clone(),
        nip_penandatangan: nip_ttd,
        kaki: Vec::new(),
    };
    let dok = tandatangani_surat(
        app,
        &mut tx,
        aktor,
        &k,
        terbuka,
        surat,
        "PERTEK",
        "Pertimbangan teknis kenaikan pangkat",
        &nomor,
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
    let d = data_kp(&k).clone();
    let pegawai = app.store().pegawai(k.pegawai_id).await?;
    let instansi = app.store().instansi(&k.instansi_id).await?;
    let nip_ttd = penandatangan(app, aktor).await?;
    let hari_ini = app.sekarang().date_naive();
    let mut isi = vec![Blok::Paragraf(match &k.pertek {
        Some(p) => format!(
            "Menimbang usul kenaikan pangkat dan Pertimbangan Teknis Badan Kepegawaian Negara \
             Nomor {} tanggal {}, menetapkan kenaikan pangkat:",
            p.nomor,
            format_indonesia(p.tanggal)
        ),
        None => "Menetapkan kenaikan pangkat:".to_string(),
    })];
    isi.extend(blok_pegawai(&pegawai, &d));
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
        judul: "KEPUTUSAN KENAIKAN PANGKAT".into(),
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
        jenis_dokumen_id: "L02".into(),
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
        } => {
            let tanggal = now.date_naive();
            let n = langkah_layanan::nomor_berikutnya(
                &mut tx,
                &format!("INSTANSI-{instansi_id}"),
                "SK-KP",
                tanggal.year(),
            )
            .await?;
            let nomor = format!("SK-KP/{instansi_id}/{}/{n:06}", tanggal.year());
            surat.nomor = format!("Nomor: {nomor}");
            let dok = tandatangani_surat(
                app,
                &mut tx,
                aktor,
                k,
                *terbuka,
                surat,
                "SK",
                "Keputusan kenaikan pangkat",
                &nomor,
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
    if let Err(e) = terapkan(&mut tx, aktor, k, &nomor, tanggal, dok, now).await? {
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

/// Applies the SK to the record: locks the employee, checks the rank is still the case's old
/// one, adds the riwayat golongan row (SK, pertek, jenis KP, masa kerja golongan) with the SK
/// document linked to it, refreshes the record's rank and TMT, and audits the change.
async fn terapkan(
    tx: &mut Tx,
    aktor: &Aktor,
    k: &KasusLayanan,
    nomor_sk: &str,
    tanggal_sk: NaiveDate,
    dokumen_sk: Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Result<(), LangkahDitolak>> {
    let d = data_kp(k);
    let p = pegawai::kunci(tx, k.pegawai_id).await?;
    if p.golongan != Some(d.golongan_lama) {
        return Ok(Err(LangkahDitolak::DataBerubah));
    }
    let mut riwayat = pegawai::riwayat_jenis(tx, k.pegawai_id, JenisRiwayat::Golongan).await?;
    let r = Riwayat {
        id: Uuid::now_v7(),
        pegawai_id: k.pegawai_id,
        data: DataRiwayat::Golongan(RiwayatGolongan {
            golongan: d.golongan_baru,
            jenis_kp_id: d.jenis_kp_id.clone(),
            tmt_golongan: d.tmt_kp,
            sk: Sk {
                nomor: nomor_sk.to_string(),
                tanggal: tanggal_sk,
            },
            nomor_pertek: k.pertek.as_ref().map(|s| s.nomor.clone()),
            tanggal_pertek: k.pertek.as_ref().map(|s| s.tanggal),
            masa_kerja_tahun: d.masa_kerja_golongan.tahun,
            masa_kerja_bulan: d.masa_kerja_golongan.bulan,
            angka_kredit_utama: d.angka_kredit,
            angka_kredit_tambahan: None,
        }),
    };
    pegawai::tambah_riwayat(tx, &r, now).await?;
    langkah_layanan::tautkan_dokumen(tx, dokumen_sk, r.id).await?;
    // The SK also sets the new base salary from the TMT (a salary row, as a KGB decree would).
    let gaji = d.gaji_pokok_baru.map(|gaji_pokok| Riwayat {
        id: Uuid::now_v7(),
        pegawai_id: k.pegawai_id,
        data: DataRiwayat::Gaji(siasn_domain::riwayat::RiwayatGaji {
            golongan: Some(d.golongan_baru),
            gaji_pokok,
            masa_kerja_tahun: d.masa_kerja_golongan.tahun,
            tmt_gaji: d.tmt_kp,
            sk: Sk {
                nomor: nomor_sk.to_string(),
                tanggal: tanggal_sk,
            },
        }),
    });
    if let Some(g) = &gaji {
        pegawai::tambah_riwayat(tx, g, now).await?;
    }
    riwayat.push(r.clone());
    let baru = segarkan_cuplikan(&p, JenisRiwayat::Golongan, &riwayat);
    pegawai::simpan_data(tx, &baru, now).await?;
    let mut e = aktor.audit("pegawai.diubah");
    e.akun_id = None;
    e.pegawai_id = Some(k.pegawai_id);
    e.alasan = Some(format!("layanan KP {}: SK {nomor_sk}", k.id));
    e.sebelum = Some(serde_json::json!({
        "golongan": p.golongan.map(|g| g.id()),
        "tmt_golongan": p.tmt_golongan,
    }));
    e.sesudah = Some(serde_json::json!({
        "golongan": r.data,
        "gaji": gaji.as_ref().map(|g| &g.data),
    }));
    audit::tulis(tx, vec![e], now).await?;
    Ok(Ok(()))
}
