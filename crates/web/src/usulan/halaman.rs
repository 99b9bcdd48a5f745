//! The proposal page: before/after, documents, rounds, and the decisions taken on it.

use super::*;
use crate::infra::konteks::Param;

/// A before/after row.
pub struct BarisBanding {
    pub(super) label: String,
    pub(super) dulu: String,
    pub(super) baru: String,
    pub(super) berubah: bool,
}

/// An attached document as listed.
pub struct BarisLampiran {
    id: Uuid,
    nama: String,
    jenis: String,
    /// Shown in a PDF viewer (else as an image).
    pdf: bool,
    /// Its content is still what was attached.
    utuh: bool,
}

/// A step of the proposal's history as listed.
pub struct BarisJejak {
    waktu: String,
    aktor: String,
    status: String,
    alasan: String,
}

#[derive(Template)]
#[template(path = "usulan_detail.html")]
pub(super) struct DetailPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    u: Usulan,
    judul: String,
    status: &'static str,
    nama_pegawai: String,
    nip: String,
    banding: Vec<BarisBanding>,
    peringatan: Vec<String>,
    lampiran: Vec<BarisLampiran>,
    jejak: Vec<BarisJejak>,
    boleh_putus: bool,
    boleh_batal: bool,
    boleh_ajukan: bool,
    boleh_revisi: bool,
    galat: Vec<String>,
    info: Option<Teks>,
}

/// The reference list a data-utama field's code comes from (free text otherwise).
fn tipe_data_utama(k: KolomDataUtama) -> Tipe {
    match k {
        KolomDataUtama::AgamaId => Tipe::RefOps("agama"),
        KolomDataUtama::JenisKawinId => Tipe::RefOps("jenis-kawin"),
        KolomDataUtama::UnorId => Tipe::RefOps("unor"),
        _ => Tipe::TeksOps,
    }
}

/// The reference lists and units the before/after of these changes name, loaded once (a
/// collective report has thousands of rows, one lookup set serves them all).
pub(super) async fn nama_untuk(
    state: &AppState,
    isi: &[(&Perubahan, &Sebelum)],
) -> Result<crate::tampilan::NamaRef, WebError> {
    // Repeated kinds cost nothing: a list is loaded once however often it is named.
    let mut tipe: Vec<Tipe> = Vec::new();
    let mut unor: Vec<Uuid> = Vec::new();
    for (perubahan, sebelum) in isi {
        match (perubahan, sebelum) {
            (Perubahan::DataUtama { nilai }, Sebelum::DataUtama(lama)) => {
                for (k, v) in nilai.iter() {
                    tipe.push(tipe_data_utama(*k));
                    if *k == KolomDataUtama::UnorId {
                        let dulu = lama.get(k).cloned().flatten();
                        unor.extend(
                            [v.clone(), dulu]
                                .into_iter()
                                .flatten()
                                .filter_map(|x| x.parse::<Uuid>().ok()),
                        );
                    }
                }
            }
            (Perubahan::TambahRiwayat { data } | Perubahan::UbahRiwayat { data, .. }, _) => {
                tipe.extend(isian::isian(data.jenis()).iter().map(|i| i.tipe));
            }
            (Perubahan::HapusRiwayat { .. }, Sebelum::Riwayat(r)) => {
                tipe.extend(isian::isian(r.jenis()).iter().map(|i| i.tipe));
            }
            _ => {}
        }
    }
    unor.sort_unstable();
    unor.dedup();
    let mut nama = crate::tampilan::NamaRef::muat(state, &tipe).await?;
    nama.muat_unor(state, &unor).await?;
    Ok(nama)
}

/// Before and after of every field the proposal touches, as people read them.
pub(super) async fn banding(
    state: &AppState,
    b: Bahasa,
    u: &Usulan,
) -> Result<Vec<BarisBanding>, WebError> {
    let nama = nama_untuk(state, &[(&u.perubahan, &u.sebelum)]).await?;
    Ok(banding_isi(b, &u.perubahan, &u.sebelum, &nama))
}

/// Before and after of every field a change touches (a saved proposal, or a collective row
/// not yet submitted), codes named from `nama` (see [`nama_untuk`]).
pub(super) fn banding_isi(
    b: Bahasa,
    perubahan: &Perubahan,
    sebelum: &Sebelum,
    nama: &crate::tampilan::NamaRef,
) -> Vec<BarisBanding> {
    let baris = |label: String, dulu: String, baru: String| BarisBanding {
        berubah: dulu != baru,
        label,
        dulu,
        baru,
    };
    match (perubahan, sebelum) {
        (Perubahan::DataUtama { nilai }, Sebelum::DataUtama(lama)) => nilai
            .iter()
            .map(|(k, v)| {
                let t = tipe_data_utama(*k);
                let dulu = lama.get(k).cloned().flatten().unwrap_or_default();
                let baru = v.clone().unwrap_or_default();
                baris(
                    b.jelaskan(k),
                    tampil_nilai(b, t, &dulu, nama),
                    tampil_nilai(b, t, &baru, nama),
                )
            })
            .collect(),
        (Perubahan::TambahRiwayat { data } | Perubahan::UbahRiwayat { data, .. }, lama) => {
            let sesudah = isian::tulis(data);
            let sebelum = match lama {
                Sebelum::Riwayat(r) => isian::tulis(r),
                _ => BTreeMap::new(),
            };
            isian::isian(data.jenis())
                .iter()
                .map(|i| {
                    let tampil = |m: &BTreeMap<String, String>| {
                        tampil_nilai(b, i.tipe, m.get(i.kunci).map_or("", String::as_str), nama)
                    };
                    baris(b.jelaskan(i), tampil(&sebelum), tampil(&sesudah))
                })
                .collect()
        }
        (Perubahan::HapusRiwayat { .. }, Sebelum::Riwayat(r)) => {
            let daftar = isian::isian(r.jenis());
            isian::tulis(r)
                .into_iter()
                .map(|(k, v)| match daftar.iter().find(|i| i.kunci == k) {
                    Some(i) => baris(
                        b.jelaskan(i),
                        tampil_nilai(b, i.tipe, &v, nama),
                        String::new(),
                    ),
                    None => baris(k, v, String::new()),
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// A field's value as people read it: "III/d (Penata Tingkat I)" rather than 34, the name of
/// a reference code rather than the code, "13 Agustus 2025" rather than 2025-08-13.
pub(super) fn tampil_nilai(
    b: Bahasa,
    tipe: Tipe,
    v: &str,
    nama: &crate::tampilan::NamaRef,
) -> String {
    match tipe {
        Tipe::Golongan | Tipe::GolonganOps => v
            .parse::<u8>()
            .ok()
            .and_then(siasn_domain::Golongan::from_id)
            .map_or_else(
                || v.to_string(),
                |g| format!("{} ({})", g.label(), g.pangkat()),
            ),
        Tipe::Pilihan(p) => p
            .iter()
            .find(|(k, _)| *k == v)
            .map_or_else(|| v.to_string(), |(_, l)| (*l).to_string()),
        Tipe::Ref(k) | Tipe::RefOps(k) => nama
            .nama(k, v)
            .map_or_else(|| v.to_string(), str::to_string),
        Tipe::Tanggal | Tipe::TanggalOps => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map_or_else(|_| v.to_string(), |d| crate::tampilan::tanggal(d, b)),
        Tipe::YaTidak => if v.is_empty() { "—" } else { "✓" }.to_string(),
        _ => v.to_string(),
    }
}

pub(super) async fn usulan_untuk(
    state: &AppState,
    m: &Masuk,
    id: Uuid,
) -> Result<Usulan, WebError> {
    kasus::usulan_terlihat(state.app(), &m.aktor(), id)
        .await
        .dalam(m.bahasa())
}

pub(super) async fn halaman_detail(
    state: &AppState,
    m: &Masuk,
    u: Usulan,
    galat: Vec<String>,
    info: Option<Teks>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let pegawai = state.store().pegawai(u.pegawai_id).await?;
    let pengusul = m.akun.id == u.pengusul_akun_id;
    let ref_dok = state.store().referensi("ref-dokumen").await?;
    let lampiran = state
        .store()
        .lampiran_usulan(u.id)
        .await?
        .into_iter()
        .map(|l| {
            let jenis = ref_dok
                .iter()
                .find(|r| r.id == l.dokumen.jenis_dokumen_id)
                .map_or_else(|| l.dokumen.jenis_dokumen_id.clone(), |r| r.nama.clone());
            BarisLampiran {
                id: l.dokumen.id,
                pdf: l.dokumen.media_type == "application/pdf",
                utuh: l.sha256_beku == l.dokumen.sha256,
                nama: l.dokumen.nama_file,
                jenis,
            }
        })
        .collect();
    let jejak = state
        .store()
        .jejak_usulan(u.id)
        .await?
        .into_iter()
        .map(|j| BarisJejak {
            waktu: crate::tampilan::waktu(j.waktu, b),
            aktor: j.aktor,
            status: StatusUsulan::from_kode(&j.status_ke)
                .map_or(j.status_ke.clone(), |s| label_status(b, s).to_string()),
            alasan: j.alasan.unwrap_or_default(),
        })
        .collect();
    let status = label_status(b, u.status);
    let page = DetailPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        judul: label_jenis(b, &u.perubahan.kode()),
        status,
        nama_pegawai: pegawai.nama_lengkap(),
        nip: pegawai.nomor_induk.to_string(),
        banding: banding(state, b, &u).await?,
        peringatan: u.peringatan.iter().map(|t| b.jelaskan(t)).collect(),
        lampiran,
        jejak,
        boleh_putus: boleh_memutuskan(&m.pelaku, &u.posisi()).is_ok(),
        boleh_batal: siasn_domain::usulan::boleh_langkah_pengusul(
            LangkahPengusul::Batalkan,
            u.status,
            pengusul,
        )
        .is_ok(),
        boleh_ajukan: u.status == StatusUsulan::Draf && pengusul,
        boleh_revisi: siasn_domain::usulan::boleh_langkah_pengusul(
            LangkahPengusul::Ubah,
            u.status,
            pengusul,
        )
        .is_ok(),
        u,
        galat,
        info,
    };
    let status = if page.galat.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// GET /usulan/{id}.
pub async fn detail(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let u = usulan_untuk(&state, &m, id).await?;
    halaman_detail(&state, &m, u, Vec::new(), None).await
}

/// GET /usulan/{id}/dokumen/{dok}: an attached document, shown inline (PDF viewer or image).
pub async fn lihat_dokumen(
    State(state): State<AppState>,
    m: Masuk,
    Param((id, dok)): Param<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let u = usulan_untuk(&state, &m, id).await?;
    let lampiran = state.store().lampiran_usulan(u.id).await?;
    let l = lampiran
        .into_iter()
        .find(|l| l.dokumen.id == dok)
        .ok_or(WebError::TidakDitemukan)?;
    let isi = state.store().isi_dokumen(&l.dokumen).await?;
    Ok(crate::infra::formulir::dokumen_inline(
        isi,
        &l.dokumen.media_type,
    ))
}

/// A decision form.
#[derive(Deserialize)]
pub struct PutusForm {
    csrf: String,
    versi: i64,
    aksi: String,
    #[serde(default)]
    alasan: String,
}

pub(super) fn keputusan_dari(aksi: &str, alasan: &str, dokumen: Vec<Uuid>) -> Option<Keputusan> {
    let alasan = alasan.trim().chars().take(1000).collect::<String>();
    match aksi {
        "setujui" => Some(Keputusan::Setujui),
        "tolak" => Some(Keputusan::Tolak { alasan }),
        "kembalikan" => Some(Keputusan::Kembalikan { alasan, dokumen }),
        _ => None,
    }
}

/// POST /usulan/{id}/putuskan: approve, reject or return.
pub async fn putuskan(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    let f = PutusForm {
        csrf: get("csrf").to_string(),
        versi: get("versi")
            .parse()
            .map_err(|_| WebError::TidakValid(b, Teks::FormTidakValid))?,
        aksi: get("aksi").to_string(),
        alasan: get("alasan").to_string(),
    };
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let u = usulan_untuk(&state, &m, id).await?;
    let dokumen: Vec<Uuid> = pairs
        .iter()
        .filter(|(k, _)| k == "dokumen_salah")
        .filter_map(|(_, v)| Uuid::parse_str(v).ok())
        .collect();
    let keputusan = keputusan_dari(&f.aksi, &f.alasan, dokumen)
        .ok_or(WebError::TidakValid(b, Teks::FormTidakValid))?;
    let hasil = kasus::putuskan(state.app(), &m.aktor(), &u, f.versi, keputusan)
        .await
        .dalam(b)?;
    let u = state.store().usulan(id).await?;
    match hasil {
        Ok(HasilPutusan::Berhasil(_)) => {
            halaman_detail(&state, &m, u, Vec::new(), Some(Teks::KeputusanTersimpan)).await
        }
        Ok(HasilPutusan::Konflik(k)) => {
            let mut galat = vec![b.t(Teks::KonflikTerapkan).to_string()];
            galat.extend(k.iter().map(|x| b.jelaskan(x)));
            halaman_detail(&state, &m, u, galat, None).await
        }
        Ok(HasilPutusan::SudahDiputuskan) => {
            let galat = vec![b.t(Teks::UsulanSudahDiputuskan).to_string()];
            halaman_detail(&state, &m, u, galat, None).await
        }
        Err(tidak_boleh) => {
            halaman_detail(&state, &m, u, vec![b.jelaskan(&tidak_boleh)], None).await
        }
    }
}

/// The proposer's step form.
#[derive(Deserialize)]
pub struct LangkahForm {
    csrf: String,
    versi: i64,
}

/// Renders the outcome of a proposer's step on the proposal page.
pub(super) async fn hasil_langkah(
    state: &AppState,
    m: &Masuk,
    id: Uuid,
    hasil: HasilLangkah,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let u = state.store().usulan(id).await?;
    let galat = match hasil {
        HasilLangkah::Berhasil => {
            return halaman_detail(state, m, u, Vec::new(), Some(Teks::LangkahTersimpan)).await;
        }
        HasilLangkah::TidakBoleh(e) => vec![b.jelaskan(&e)],
        HasilLangkah::SudahBerubah => vec![b.t(Teks::UsulanSudahDiputuskan).to_string()],
        HasilLangkah::Ditolak(d) => d.masalah.iter().map(|x| b.jelaskan(x)).collect(),
    };
    halaman_detail(state, m, u, galat, None).await
}

async fn langkah(
    state: AppState,
    m: Masuk,
    id: Uuid,
    f: LangkahForm,
    l: LangkahPengusul,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.bahasa())?;
    let u = usulan_untuk(&state, &m, id).await?;
    let hasil = kasus::langkah_pengusul(state.app(), &m.aktor(), &u, f.versi, l)
        .await
        .dalam(m.bahasa())?;
    hasil_langkah(&state, &m, id, hasil).await
}

/// POST /usulan/{id}/batalkan.
pub async fn batalkan(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    axum::extract::Form(f): axum::extract::Form<LangkahForm>,
) -> Result<Response, WebError> {
    langkah(state, m, id, f, LangkahPengusul::Batalkan).await
}

/// POST /usulan/{id}/ajukan (a saved draft, checked again as if it were submitted now).
pub async fn ajukan(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    axum::extract::Form(f): axum::extract::Form<LangkahForm>,
) -> Result<Response, WebError> {
    langkah(state, m, id, f, LangkahPengusul::Ajukan).await
}
