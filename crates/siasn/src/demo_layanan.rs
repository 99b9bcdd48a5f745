//! Demo promotion and pension cases at every stage, made through the same use cases as the
//! pages: a newcomer sees the queues, the case page, the letters and the API lists working at
//! once.

use chrono::{Datelike, Duration, NaiveDate};
use siasn_app::layanan::{self, HasilLangkah, kp};
use siasn_app::usulan::Unggahan;
use siasn_app::{Aktor, App};
use siasn_domain::BulanTahun;
use siasn_domain::kenaikan_pangkat::periode_berikutnya;
use siasn_domain::layanan::{KasusLayanan, Langkah, StatusLayanan};

/// The demo accounts the service demo acts as.
pub struct AkunDemo {
    /// The agency operator (an employee of PROV-JABAR).
    pub operator: uuid::Uuid,
    /// The agency official (PyB/PPK) of PROV-JABAR.
    pub pejabat: uuid::Uuid,
    /// BKN's national verifier.
    pub bkn: uuid::Uuid,
    /// The employee login (a PNS of PROV-JABAR), when the demo has enough employees for it.
    pub pegawai: Option<uuid::Uuid>,
    /// KOTA-BANDUNG's operator (receives transfers).
    pub operator_bandung: uuid::Uuid,
    /// KOTA-BANDUNG's official.
    pub pejabat_bandung: uuid::Uuid,
}

/// The demo officials' certificate passphrase (instance CA; shown in the README).
pub const FRASA_DEMO: &str = "tte-demo-siasn";

/// How far each demo case goes, in order; the list is cycled over the employees due.
const TUJUAN: [StatusLayanan; 8] = [
    StatusLayanan::ProfilDiperbarui,
    StatusLayanan::InputBerkas,
    StatusLayanan::BerkasDisimpan,
    StatusLayanan::SuratUsulan,
    StatusLayanan::ApprovalSuratUsulan,
    StatusLayanan::Bts,
    StatusLayanan::PertekDitandatangani,
    StatusLayanan::Tms,
];

async fn aktor(app: &App, id: uuid::Uuid) -> anyhow::Result<Aktor> {
    Ok(Aktor::akun(&app.store().akun(id).await?, None))
}

/// A one-page sample scan for the demo file (a real PDF a browser shows).
async fn contoh_pdf(judul: &str) -> anyhow::Result<Vec<u8>> {
    let judul = judul.to_string();
    tokio::task::spawn_blocking(move || {
        siasn_card::Perender::new().surat_pdf(&siasn_card::surat::IsiSurat {
            kop: vec!["CONTOH DOKUMEN DEMO".into()],
            judul,
            nomor: "Dokumen contoh untuk demo SIASN".into(),
            isi: vec![siasn_card::surat::Blok::Paragraf(
                "Berkas ini dibuat oleh data demo dan bukan dokumen asli.".into(),
            )],
            tempat_tanggal: String::new(),
            jabatan_penandatangan: String::new(),
            nama_penandatangan: String::new(),
            nip_penandatangan: String::new(),
            kaki: Vec::new(),
        })
    })
    .await?
    .map_err(|e| anyhow::anyhow!("contoh PDF: {e}"))
}

async fn maju(
    app: &App,
    siapa: &Aktor,
    k: &KasusLayanan,
    l: Langkah,
    alasan: Option<&str>,
) -> anyhow::Result<KasusLayanan> {
    let h = match l {
        Langkah::TerbitkanPertek => {
            siasn_app::layanan::terbitkan_pertek(app, siapa, k.id, k.versi, FRASA_DEMO).await?
        }
        Langkah::TandatanganiSk => {
            siasn_app::layanan::tandatangani_sk(app, siapa, k.id, k.versi, FRASA_DEMO).await?
        }
        Langkah::TandatanganiSkAsal => {
            siasn_app::layanan::pindah::tandatangani_sk_asal(app, siapa, k.id, k.versi, FRASA_DEMO)
                .await?
        }
        l => layanan::langkah(app, siapa, k.id, k.versi, l, alasan).await?,
    };
    if !matches!(h, HasilLangkah::Berhasil(_)) {
        anyhow::bail!("langkah demo {l:?} gagal: {h:?}");
    }
    Ok(layanan::kasus(app, siapa, k.id).await?)
}

/// Starts promotion cases for employees due at the demo's period and walks each to one stage.
pub async fn kasus_kp(app: &App, akun: &AkunDemo) -> anyhow::Result<()> {
    let operator = aktor(app, akun.operator).await?;
    let pejabat = aktor(app, akun.pejabat).await?;
    let bkn = aktor(app, akun.bkn).await?;
    // The signing officials get certificates from the instance CA (the demo signs with it).
    for (id, jabatan) in [
        (akun.pejabat, "Pejabat Pembina Kepegawaian"),
        (akun.bkn, "Direktur Status dan Kedudukan Kepegawaian"),
    ] {
        if app.store().penanda_akun(id).await?.is_none()
            && let Err(e) =
                siasn_app::ttd::terbitkan_sertifikat(app, "demo", id, Some(jabatan), FRASA_DEMO)
                    .await?
        {
            anyhow::bail!("sertifikat demo: {e}");
        }
    }
    // The period the demo data is due at (its "today" is fixed), open for proposals now.
    let kalender = app.store().periode_kp().await?;
    let hari_data = siasn_demo::hari_ini_bawaan();
    let periode = periode_berikutnya(&kalender, BulanTahun::of(hari_data).hari_pertama())
        .unwrap_or(hari_data);
    let hari_ini = app.sekarang().date_naive();
    if let Err(e) = kp::atur_jadwal(
        app,
        "demo",
        periode,
        hari_ini - Duration::days(60),
        hari_ini + Duration::days(60),
    )
    .await?
    {
        anyhow::bail!("jadwal demo: {e}");
    }
    let prediksi = match kp::prediksi(app, &operator, periode, None).await? {
        Ok(p) => p,
        Err(e) => anyhow::bail!("prediksi demo: {e}"),
    };
    let calon: Vec<_> = prediksi
        .iter()
        .filter(|i| i.rancangan.hasil.boleh_diusulkan() && i.rancangan.data.is_some())
        .filter(|i| Some(i.kandidat.pegawai_id) != operator.pelaku.pegawai_id)
        .map(|i| i.kandidat.pegawai_id)
        .collect();
    // At most half of those due, so the prediction still has people to propose.
    let calon: Vec<_> = calon
        .iter()
        .copied()
        .take((TUJUAN.len() + 2).min(calon.len() / 2))
        .collect();
    let mulai = kp::mulai(app, &operator, periode, &calon).await?;
    let pdf = contoh_pdf("Contoh berkas").await?;
    let mut dibuat = 0;
    for (i, (_, h)) in mulai.iter().enumerate() {
        let kp::HasilMulai::Dibuat(id) = h else {
            continue;
        };
        dibuat += 1;
        jalankan(
            app,
            &operator,
            &pejabat,
            &bkn,
            *id,
            TUJUAN[i % TUJUAN.len()],
            &pdf,
        )
        .await?;
    }
    println!(
        "usul kenaikan pangkat demo: {dibuat} usul periode {} (semua tahap)",
        periode
    );
    Ok(())
}

/// Starts pension cases in PROV-JABAR for employees reaching BUP from six months ago to two
/// years ahead (late proposals included), walking each to one stage, plus an own-request and a
/// survivor's case; then runs the daily job so whoever passed BUP without a case shows as
/// "Mencapai BUP".
pub async fn kasus_pensiun(app: &App, akun: &AkunDemo) -> anyhow::Result<()> {
    use siasn_app::layanan::pensiun::{self, HasilMulaiPensiun};
    use siasn_domain::layanan::pensiun::PermintaanPensiun;
    use siasn_domain::pemberhentian::JenisPensiun;
    let operator = aktor(app, akun.operator).await?;
    let pejabat = aktor(app, akun.pejabat).await?;
    let bkn = aktor(app, akun.bkn).await?;
    let hari_ini = app.sekarang().date_naive();
    let dari = hari_ini - Duration::days(183);
    let sampai = hari_ini + Duration::days(730);
    let daftar = pensiun::daftar_instansi(app, "PROV-JABAR", dari, sampai).await?;
    let staf = [
        operator.pelaku.pegawai_id,
        pejabat.pelaku.pegawai_id,
        bkn.pelaku.pegawai_id,
    ];
    let calon: Vec<_> = daftar
        .iter()
        .filter(|b| b.kasus.is_none() && !staf.contains(&Some(b.pegawai_id)))
        .map(|b| b.pegawai_id)
        .collect();
    // At most half of those due, so the list still has people to propose.
    let jumlah = TUJUAN.len().min(calon.len() / 2);
    let pdf = contoh_pdf("Contoh berkas").await?;
    let mut dibuat = 0;
    for (i, id) in calon.iter().take(jumlah).enumerate() {
        let minta = PermintaanPensiun {
            jenis_pensiun: JenisPensiun::BupNonKpp,
            jenis_pemberhentian: None,
            tmt: None,
            tanggal_peristiwa: None,
        };
        match pensiun::mulai(app, &operator, *id, minta).await? {
            HasilMulaiPensiun::Dibuat(k) => {
                dibuat += 1;
                jalankan(
                    app,
                    &operator,
                    &pejabat,
                    &bkn,
                    k,
                    TUJUAN[i % TUJUAN.len()],
                    &pdf,
                )
                .await?;
            }
            h => tracing::debug!(hasil = ?h, "demo pensiun tidak dibuat"),
        }
    }
    // Two other kinds for employees far from BUP: a survivor's pension after a death two
    // weeks ago (just started) and an own-request retirement (proposed to the official).
    let jauh: Vec<uuid::Uuid> = app
        .store()
        .daftar_pegawai(
            &siasn_store::FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            200,
        )
        .await?
        .items
        .into_iter()
        .map(|r| r.id)
        .filter(|id| !calon.contains(id) && !staf.contains(&Some(*id)))
        .collect();
    let mut jenis_lain = vec![
        (
            JenisPensiun::AtasPermintaanSendiri,
            Some(BulanTahun::of(hari_ini).tambah_bulan(3).hari_pertama()),
            None,
            StatusLayanan::SuratUsulan,
        ),
        (
            JenisPensiun::JandaDudaNonKpp,
            None,
            Some(hari_ini - Duration::days(14)),
            StatusLayanan::InputBerkas,
        ),
    ]
    .into_iter();
    let mut berikut = jenis_lain.next();
    for id in jauh.iter().rev() {
        let Some((jenis, tmt, peristiwa, tahap)) = berikut else {
            break;
        };
        let minta = PermintaanPensiun {
            jenis_pensiun: jenis,
            jenis_pemberhentian: None,
            tmt,
            tanggal_peristiwa: peristiwa,
        };
        if let HasilMulaiPensiun::Dibuat(k) = pensiun::mulai(app, &operator, *id, minta).await? {
            dibuat += 1;
            jalankan(app, &operator, &pejabat, &bkn, k, tahap, &pdf).await?;
            berikut = jenis_lain.next();
        }
    }
    println!("usul pensiun demo: {dibuat} usul (semua tahap)");
    Ok(())
}

/// The services' daily job once, after the demo cases: decrees and statuses take effect,
/// "Mencapai BUP" is set, notices and reminders go out.
pub async fn harian(app: &App) -> anyhow::Result<()> {
    let harian = match siasn_app::layanan::harian::harian_sekali(app, "demo").await? {
        siasn_app::layanan::harian::HasilHarian::Jalan(r) => r.to_string(),
        _ => "sudah berjalan hari ini".into(),
    };
    println!("tugas harian layanan: {harian}");
    Ok(())
}

/// The demo's PROV-JABAR staff, and the employees its cases are made for (staff left out).
struct Jabar {
    operator: Aktor,
    pejabat: Aktor,
    bkn: Aktor,
    pegawai: Vec<uuid::Uuid>,
}

async fn jabar(app: &App, akun: &AkunDemo) -> anyhow::Result<Jabar> {
    let operator = aktor(app, akun.operator).await?;
    let pejabat = aktor(app, akun.pejabat).await?;
    let bkn = aktor(app, akun.bkn).await?;
    let staf = [
        operator.pelaku.pegawai_id,
        pejabat.pelaku.pegawai_id,
        bkn.pelaku.pegawai_id,
    ];
    let halaman = app
        .store()
        .daftar_pegawai(
            &siasn_store::FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            200,
        )
        .await?;
    Ok(Jabar {
        pegawai: halaman
            .items
            .iter()
            .map(|r| r.id)
            .filter(|id| !staf.contains(&Some(*id)))
            .collect(),
        operator,
        pejabat,
        bkn,
    })
}

/// Unpaid-leave cases in PROV-JABAR: a grant with its SK signed (the employee now on leave),
/// a grant waiting for the official, and a return for someone already on leave.
pub async fn kasus_cltn(app: &App, akun: &AkunDemo) -> anyhow::Result<()> {
    use siasn_app::layanan::cltn::{self, HasilMulaiCltn};
    use siasn_domain::layanan::cltn::{JenisUsulCltn, PermintaanCltn};
    let Jabar {
        operator,
        pejabat,
        bkn,
        pegawai,
    } = jabar(app, akun).await?;
    let hari_ini = app.sekarang().date_naive();
    let pdf = contoh_pdf("Contoh berkas").await?;
    let mut dibuat = 0;
    // The grants still to make (by the stage each is walked to), and whether the return is made.
    let hibah = [StatusLayanan::ProfilDiperbarui, StatusLayanan::SuratUsulan];
    let mut hibah_dibuat = 0;
    let mut kembali = false;
    for id in &pegawai {
        let p = app.store().pegawai(*id).await?;
        let (minta, tahap) = match p.kedudukan_hukum_id.as_str() {
            "01" => {
                let Some(&tahap) = hibah.get(hibah_dibuat) else {
                    continue;
                };
                (
                    PermintaanCltn {
                        jenis: JenisUsulCltn::Cltn,
                        mulai: Some(hari_ini),
                        selesai: hari_ini
                            .checked_add_months(chrono::Months::new(24))
                            .and_then(|d| d.pred_opt()),
                        aktif: None,
                        formasi: None,
                    },
                    tahap,
                )
            }
            "02" if !kembali => (
                PermintaanCltn {
                    jenis: JenisUsulCltn::AktifKembali,
                    mulai: None,
                    selesai: None,
                    aktif: Some(hari_ini),
                    formasi: None,
                },
                StatusLayanan::InputBerkas,
            ),
            _ => continue,
        };
        let alasan = match minta.jenis {
            JenisUsulCltn::AktifKembali => "kembali ke formasi Analis Kepegawaian yang lowong",
            _ => "mendampingi suami/istri yang bertugas di luar negeri",
        };
        if let HasilMulaiCltn::Dibuat(k) = cltn::mulai(app, &operator, p.id, minta, alasan).await? {
            dibuat += 1;
            jalankan(app, &operator, &pejabat, &bkn, k, tahap, &pdf).await?;
            if minta.jenis == JenisUsulCltn::AktifKembali {
                kembali = true;
            } else {
                hibah_dibuat += 1;
            }
        }
        if hibah_dibuat == hibah.len() && kembali {
            break;
        }
    }
    println!("usul CLTN demo: {dibuat} usul");
    Ok(())
}

/// The formasi register of every demo agency from its posts held now: most posts planned for
/// their holders plus one or two, every third one full; posts of employees away on leave keep
/// a place so their return can be shown.
pub async fn formasi(app: &App) -> anyhow::Result<()> {
    let now = app.sekarang();
    let mut n = 0;
    for instansi in app.store().daftar_instansi().await? {
        let pos = app.store().daftar_formasi(&instansi.id).await?;
        let mut tx = app.store().begin().await?;
        for (i, p) in pos.iter().enumerate() {
            let tambahan = match i % 3 {
                0 => 0,
                1 => 1,
                _ => 2,
            };
            siasn_store::formasi::atur_formasi(
                &mut tx,
                &instansi.id,
                p.unor_id,
                &p.jabatan_id,
                p.terisi + tambahan,
                now,
            )
            .await?;
            n += 1;
        }
        tx.commit().await?;
    }
    // Whoever is away keeps a vacancy in their post (the register counts only holders present).
    let berjalan = app.store().status_berjalan(None, now.date_naive()).await?;
    let mut tx = app.store().begin().await?;
    for s in berjalan {
        let p = app.store().pegawai(s.pegawai_id).await?;
        let (Some(unor), Some(jabatan)) = (p.unor_id, p.jabatan_id.as_deref()) else {
            continue;
        };
        let terisi = app
            .store()
            .formasi(unor, jabatan)
            .await?
            .map_or(0, |f| f.terisi);
        siasn_store::formasi::atur_formasi(
            &mut tx,
            &p.instansi_kerja_id,
            unor,
            jabatan,
            terisi + 1,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    println!("peta jabatan demo: {n} jabatan");
    Ok(())
}

/// Pre-retirement leave and a temporary dismissal in PROV-JABAR, decided by the agency alone:
/// an MPP with its SK signed, a detention with its SK signed, and one waiting for the official.
pub async fn kasus_status_instansi(app: &App, akun: &AkunDemo) -> anyhow::Result<()> {
    use siasn_app::layanan::cltn::{self, HasilMulaiCltn};
    use siasn_domain::layanan::cltn::{JenisUsulCltn, PermintaanCltn};
    let Jabar {
        operator,
        pejabat,
        bkn,
        pegawai,
    } = jabar(app, akun).await?;
    let hari_ini = app.sekarang().date_naive();
    let pdf = contoh_pdf("Contoh berkas").await?;
    let bulan_depan = BulanTahun::of(hari_ini).tambah_bulan(1).hari_pertama();
    let mut mpp = false;
    let mut tahanan = [StatusLayanan::ProfilDiperbarui, StatusLayanan::SuratUsulan].into_iter();
    let mut berikut = tahanan.next();
    let mut dibuat = 0;
    for id in &pegawai {
        let p = app.store().pegawai(*id).await?;
        if p.kedudukan_hukum_id != "01" || p.jenis_pegawai != siasn_domain::JenisPegawai::Pns {
            continue;
        }
        let tmt = siasn_app::layanan::pensiun::pensiun_pegawai(app, &p)
            .await?
            .tmt_pensiun;
        let dekat = tmt > bulan_depan
            && tmt
                <= bulan_depan
                    .checked_add_months(chrono::Months::new(12))
                    .unwrap_or(tmt);
        let (minta, tahap, alasan) = if !mpp && dekat {
            (
                PermintaanCltn {
                    jenis: JenisUsulCltn::Mpp,
                    mulai: Some(bulan_depan),
                    selesai: None,
                    aktif: None,
                    formasi: None,
                },
                StatusLayanan::ProfilDiperbarui,
                "permohonan masa persiapan pensiun",
            )
        } else if let (Some(tahap), false) = (berikut, dekat) {
            (
                PermintaanCltn {
                    jenis: JenisUsulCltn::PemberhentianSementara,
                    mulai: Some(hari_ini - Duration::days(3)),
                    selesai: Some(hari_ini + Duration::days(17)),
                    aktif: None,
                    formasi: None,
                },
                tahap,
                "surat perintah penahanan penyidik",
            )
        } else {
            continue;
        };
        if let HasilMulaiCltn::Dibuat(k) = cltn::mulai(app, &operator, p.id, minta, alasan).await? {
            dibuat += 1;
            jalankan(app, &operator, &pejabat, &bkn, k, tahap, &pdf).await?;
            if minta.jenis == JenisUsulCltn::Mpp {
                mpp = true;
            } else {
                berikut = tahanan.next();
            }
        }
        if mpp && berikut.is_none() {
            break;
        }
    }
    println!("usul MPP dan pemberhentian sementara demo: {dibuat} usul");
    Ok(())
}

/// Transfers from PROV-JABAR into vacant posts of KOTA-BANDUNG, one at each stage: waiting for
/// the province's consent (the demo employee's own, to follow in MySAPK), both SKs signed (the
/// record moves on the TMT, by the daily job), waiting for the province's release SK, for the
/// city's SK, at the Kanreg, refused by the province, waiting for the city's official, and a
/// file being completed.
pub async fn kasus_pindah(app: &App, akun: &AkunDemo) -> anyhow::Result<()> {
    use StatusLayanan as S;
    use siasn_app::layanan::pindah::{self, HasilMulaiPindah, UsulPindah};
    let Jabar {
        pejabat: pj_jabar,
        bkn,
        pegawai,
        ..
    } = jabar(app, akun).await?;
    let op = aktor(app, akun.operator_bandung).await?;
    let pj = aktor(app, akun.pejabat_bandung).await?;
    if app
        .store()
        .penanda_akun(akun.pejabat_bandung)
        .await?
        .is_none()
        && let Err(e) = siasn_app::ttd::terbitkan_sertifikat(
            app,
            "demo",
            akun.pejabat_bandung,
            Some("Pejabat Pembina Kepegawaian"),
            FRASA_DEMO,
        )
        .await?
    {
        anyhow::bail!("sertifikat demo: {e}");
    }
    let pos: Vec<_> = app
        .store()
        .daftar_formasi("KOTA-BANDUNG")
        .await?
        .into_iter()
        .filter(|b| b.kebutuhan.is_some_and(|k| k > b.terisi))
        .collect();
    if pos.is_empty() {
        println!("usul pindah instansi demo: tidak ada jabatan lowong di KOTA-BANDUNG");
        return Ok(());
    }
    let hari_ini = app.sekarang().date_naive();
    let tmt = BulanTahun::of(hari_ini).tambah_bulan(1).hari_pertama();
    let pdf = contoh_pdf("Contoh berkas").await?;
    // The first case is the demo employee's own, waiting for the province's consent.
    let tahap = [
        S::MenungguPersetujuanAsal,
        S::ProfilDiperbarui,
        S::MenungguSkAsal,
        S::PertekDitandatangani,
        S::ApprovalSuratUsulan,
        S::DitolakInstansiAsal,
        S::SuratUsulan,
        S::InputBerkas,
    ];
    let sendiri = match akun.pegawai {
        Some(id) => app.store().akun(id).await?.pegawai_id,
        None => None,
    };
    let mut calon: Vec<uuid::Uuid> = pegawai.clone();
    if let Some(s) = sendiri {
        calon.retain(|x| *x != s);
        calon.insert(0, s);
    }
    let mut dibuat = 0;
    let mut i = 0;
    for id in calon {
        let Some(sampai) = tahap.get(i).copied() else {
            break;
        };
        let p = app.store().pegawai(id).await?;
        let pos = &pos[i % pos.len()];
        let hasil = pindah::mulai(
            app,
            &op,
            UsulPindah {
                nip: p.nomor_induk.to_string(),
                unor_id: pos.unor_id,
                jabatan_id: pos.jabatan_id.clone(),
                tmt,
                alasan: "mengikuti pasangan yang bertugas di Kota Bandung".into(),
            },
        )
        .await?;
        let HasilMulaiPindah::Dibuat(k) = hasil else {
            continue;
        };
        i += 1;
        dibuat += 1;
        jalankan_pindah(app, [&op, &pj, &pj_jabar, &bkn], k, sampai, &pdf).await?;
    }
    println!("usul pindah instansi demo: {dibuat} usul (TMT {tmt})");
    Ok(())
}

/// Appointments of PROV-JABAR at every stage: last year's selection with NIPs assigned, one
/// SK CPNS signed (on duty, account and activation e-mail), one proposed, the others waiting
/// for it; this year's selection imported and waiting for BKN's numbers.
pub async fn pengadaan(app: &App, akun: &AkunDemo) -> anyhow::Result<()> {
    use siasn_app::layanan::cpns::{self, HasilMulaiCpns};
    use siasn_app::pengadaan::{self as p, HasilImpor};
    let Jabar {
        operator,
        pejabat,
        bkn,
        ..
    } = jabar(app, akun).await?;
    let store = app.store();
    let jabatan = store.ref_jabatan().await?;
    let jabatan = jabatan
        .iter()
        .find(|j| j.nama.to_lowercase().contains("guru"))
        .or(jabatan.first())
        .map(|j| j.id.clone())
        .unwrap_or_default();
    let pendidikan = store
        .tingkat_pendidikan()
        .await?
        .into_iter()
        .map(|t| t.id)
        .max()
        .unwrap_or_default();
    let Some(unor) = store
        .unor_instansi("PROV-JABAR")
        .await?
        .first()
        .map(|u| u.id)
    else {
        return Ok(());
    };
    let hari_ini = app.sekarang().date_naive();
    let tahun = hari_ini.year();
    let nama = [
        ("Siti Nurhaliza", "P"),
        ("Rizky Pratama", "L"),
        ("Dewi Anggraini", "P"),
        ("Fajar Nugroho", "L"),
        ("Intan Permatasari", "P"),
        ("Yusuf Maulana", "L"),
    ];
    let berkas = |th: i32, dari: usize| {
        let mut s = String::from(
            "no_peserta,nama,tgl_lahir,tempat_lahir,jenis_kelamin,tingkat_pendidikan_id,\
             jabatan_id,unor_id,jenis_formasi_id,email\n",
        );
        for (i, (n, jk)) in nama.iter().enumerate().skip(dari).take(3) {
            let lahir = NaiveDate::from_ymd_opt(1996 + i as i32 % 3, 3 + i as u32, 9 + i as u32)
                .unwrap_or(hari_ini);
            let jenis = if i % 3 == 2 { "G" } else { "1" };
            s.push_str(&format!(
                "{th}0{i:04},{n},{},Bandung,{jk},{pendidikan},{jabatan},{unor},{jenis},\
                 peserta{i}@contoh.go.id\n",
                lahir.format("%d-%m-%Y")
            ));
        }
        s.into_bytes()
    };
    let tmt_lalu = NaiveDate::from_ymd_opt(tahun, 1, 1).unwrap_or(hari_ini);
    let tmt_depan = NaiveDate::from_ymd_opt(tahun + 1, 1, 1).unwrap_or(hari_ini);
    for (th, dari, tmt) in [(tahun - 1, 0, tmt_lalu), (tahun, 3, tmt_depan)] {
        if let HasilImpor::Ditolak(m) =
            p::impor(app, &operator, "PROV-JABAR", th, tmt, &berkas(th, dari)).await?
        {
            anyhow::bail!("impor peserta demo ditolak: {m:?}");
        }
    }
    let h = p::tetapkan_nomor(app, &bkn, "PROV-JABAR", tahun - 1).await?;
    let pdf = contoh_pdf("Contoh berkas").await?;
    let peserta = store.daftar_peserta("PROV-JABAR", tahun - 1).await?;
    for (i, x) in peserta.iter().enumerate().take(2) {
        let Some(pegawai_id) = x.pegawai_id else {
            continue;
        };
        let HasilMulaiCpns::Dibuat(id) = cpns::mulai(app, &operator, pegawai_id).await? else {
            continue;
        };
        let sampai = if i == 0 {
            StatusLayanan::ProfilDiperbarui
        } else {
            StatusLayanan::SuratUsulan
        };
        jalankan(app, &operator, &pejabat, &bkn, id, sampai, &pdf).await?;
    }
    println!(
        "pengadaan demo: 6 peserta, {} NIP ditetapkan (tahun {}), 2 usul SK CPNS",
        h.ditetapkan.len(),
        tahun - 1
    );
    Ok(())
}

/// Walks a transfer to `sampai` as the city's operator and official, the province's official
/// and BKN.
async fn jalankan_pindah(
    app: &App,
    [op, pj, pj_asal, bkn]: [&Aktor; 4],
    id: uuid::Uuid,
    sampai: StatusLayanan,
    pdf: &[u8],
) -> anyhow::Result<()> {
    use StatusLayanan as S;
    if sampai == S::InputBerkas {
        return Ok(());
    }
    let k = layanan::kasus(app, op, id).await?;
    let syarat = app.store().syarat_dokumen(k.jenis, &k.sub_jenis).await?;
    let unggahan: Vec<Unggahan> = syarat
        .iter()
        .filter_map(|s| s.jenis_dokumen.first())
        .map(|j| Unggahan {
            nama_file: format!("berkas-{j}.pdf"),
            jenis_dokumen_id: j.clone(),
            isi: pdf.to_vec(),
        })
        .collect();
    if let Err(m) = layanan::lampirkan(app, op, id, &[], &unggahan).await? {
        anyhow::bail!("lampiran demo ditolak: {m:?}");
    }
    let mut k = layanan::kasus(app, op, id).await?;
    let langkah: [(&Aktor, Langkah, S); 8] = [
        (op, Langkah::SimpanBerkas, S::BerkasDisimpan),
        (op, Langkah::Ajukan, S::SuratUsulan),
        (pj, Langkah::SetujuiInstansi, S::MenungguPersetujuanAsal),
        (pj_asal, Langkah::SetujuiAsal, S::ApprovalSuratUsulan),
        (bkn, Langkah::SetujuiBkn, S::ValidasiDisetujui),
        (bkn, Langkah::TerbitkanPertek, S::PertekDitandatangani),
        (pj, Langkah::TandatanganiSk, S::MenungguSkAsal),
        (pj_asal, Langkah::TandatanganiSkAsal, S::ProfilDiperbarui),
    ];
    for (siapa, l, setelah) in langkah {
        if sampai == S::DitolakInstansiAsal && l == Langkah::SetujuiAsal {
            maju(
                app,
                pj_asal,
                &k,
                Langkah::TolakAsal,
                Some("Pegawai masih dibutuhkan untuk program prioritas daerah"),
            )
            .await?;
            return Ok(());
        }
        k = maju(app, siapa, &k, l, None).await?;
        if setelah == sampai {
            break;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn jalankan(
    app: &App,
    operator: &Aktor,
    pejabat: &Aktor,
    bkn: &Aktor,
    id: uuid::Uuid,
    sampai: StatusLayanan,
    pdf: &[u8],
) -> anyhow::Result<()> {
    use StatusLayanan as S;
    let mut k = layanan::kasus(app, operator, id).await?;
    if sampai == S::InputBerkas {
        return Ok(());
    }
    let syarat = app.store().syarat_dokumen(k.jenis, &k.sub_jenis).await?;
    let unggahan: Vec<Unggahan> = syarat
        .iter()
        .filter_map(|s| s.jenis_dokumen.first())
        .map(|j| Unggahan {
            nama_file: format!("berkas-{j}.pdf"),
            jenis_dokumen_id: j.clone(),
            isi: pdf.to_vec(),
        })
        .collect();
    if let Err(m) = layanan::lampirkan(app, operator, id, &[], &unggahan).await? {
        anyhow::bail!("lampiran demo ditolak: {m:?}");
    }
    // A service the agency decides alone: proposed, then the official signs the SK.
    if !k.jenis.perlu_pertek() {
        k = layanan::kasus(app, operator, id).await?;
        for l in [Langkah::SimpanBerkas, Langkah::Ajukan] {
            k = maju(app, operator, &k, l, None).await?;
        }
        if sampai == S::ProfilDiperbarui {
            maju(app, pejabat, &k, Langkah::TandatanganiSk, None).await?;
        }
        return Ok(());
    }
    let langkah: &[(&Aktor, Langkah, Option<&str>, S)] = &[
        (operator, Langkah::SimpanBerkas, None, S::BerkasDisimpan),
        (operator, Langkah::Ajukan, None, S::SuratUsulan),
        (
            pejabat,
            Langkah::SetujuiInstansi,
            None,
            S::ApprovalSuratUsulan,
        ),
    ];
    k = layanan::kasus(app, operator, id).await?;
    for (siapa, l, alasan, setelah) in langkah {
        k = maju(app, siapa, &k, *l, *alasan).await?;
        if *setelah == sampai {
            return Ok(());
        }
    }
    match sampai {
        S::Bts => {
            maju(
                app,
                bkn,
                &k,
                Langkah::Bts,
                Some("SKP tahun terakhir belum ditandatangani penilai"),
            )
            .await?;
        }
        S::Tms => {
            maju(
                app,
                bkn,
                &k,
                Langkah::Tms,
                Some("Ijazah yang dipakai belum diakui untuk kenaikan pangkat"),
            )
            .await?;
        }
        _ => {
            k = maju(app, bkn, &k, Langkah::SetujuiBkn, None).await?;
            k = maju(app, bkn, &k, Langkah::TerbitkanPertek, None).await?;
            if sampai == S::ProfilDiperbarui {
                maju(app, pejabat, &k, Langkah::TandatanganiSk, None).await?;
            }
        }
    }
    Ok(())
}
