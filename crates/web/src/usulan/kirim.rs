//! Sending the proposal form: a new proposal or a revision, with its documents; a refusal
//! shows the form again with what to fix.

use super::form::*;
use super::*;
use crate::infra::konteks::Param;

/// The change a form describes, with the values as typed (to re-show on error).
pub(super) fn perubahan_dari_form(
    f: &FormMultipart,
    tujuan: &TujuanForm,
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    b: Bahasa,
) -> (BTreeMap<String, String>, Result<Perubahan, Vec<String>>) {
    let nilai = f.dengan_awalan("f_");
    if tujuan.jenis == "data_utama" {
        let mut map = BTreeMap::new();
        for k in KolomDataUtama::SEMUA {
            let Some(v) = nilai.get(k.kode()).map(|s| s.trim().to_string()) else {
                continue;
            };
            // Only what differs from the record is proposed; sensitive fields start empty.
            if v.is_empty() && k.sensitif() {
                continue;
            }
            let baru = (!v.is_empty()).then_some(v);
            if baru != k.nilai(pegawai) {
                map.insert(k, baru);
            }
        }
        let hasil = if map.is_empty() {
            Err(vec![b.t(Teks::TanpaPerubahan).to_string()])
        } else {
            Ok(Perubahan::DataUtama { nilai: map })
        };
        return (nilai, hasil);
    }
    let Some(jenis) = JenisRiwayat::from_kode(&tujuan.jenis) else {
        return (nilai, Err(vec![b.t(Teks::FormTidakValid).to_string()]));
    };
    if tujuan.hapus.is_some() {
        let hasil = tujuan
            .riwayat
            .map(|riwayat_id| Perubahan::HapusRiwayat { riwayat_id, jenis })
            .ok_or_else(|| vec![b.t(Teks::FormTidakValid).to_string()]);
        return (nilai, hasil);
    }
    let dasar = tujuan
        .riwayat
        .and_then(|id| riwayat.iter().find(|r| r.id == id))
        .map(|r| &r.data);
    let hasil = match isian::baca(jenis, &nilai, dasar) {
        Ok(data) => Ok(match tujuan.riwayat {
            Some(riwayat_id) => Perubahan::UbahRiwayat { riwayat_id, data },
            None => Perubahan::TambahRiwayat { data },
        }),
        Err(e) => Err(e
            .into_iter()
            .map(|x| {
                let label = isian::isian(jenis)
                    .iter()
                    .find(|i| i.kunci == x.kunci)
                    .map_or(String::new(), |i| format!("{}: ", b.jelaskan(i)));
                format!("{label}{}", b.jelaskan(&x))
            })
            .collect()),
    };
    (nilai, hasil)
}

/// The documents of a submitted form: uploaded files (`dokumen_N` with `jenis_dokumen_N`)
/// and archive documents (`arsip`).
fn dokumen_form(f: &FormMultipart) -> (Vec<Unggahan>, Vec<Uuid>) {
    let unggahan = f
        .berkas
        .iter()
        .filter_map(|(nama, file, isi)| {
            let no = nama.strip_prefix("dokumen_")?;
            Some(Unggahan {
                nama_file: file.clone(),
                jenis_dokumen_id: f.satu(&format!("jenis_dokumen_{no}")).to_string(),
                isi: isi.clone(),
            })
        })
        .collect();
    // An archive id that is not a UUID is a forged form: refused like any foreign document.
    let arsip = f
        .semua("arsip")
        .iter()
        .map(|s| Uuid::parse_str(s).unwrap_or(Uuid::nil()))
        .collect();
    (unggahan, arsip)
}

/// A form's own problems (an oversized file, values that do not make a change), shown together
/// with what the rules find on the change when there is one.
async fn galat_form(
    state: &AppState,
    m: &Masuk,
    f: &FormMultipart,
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    perubahan: &Result<Perubahan, Vec<String>>,
    catatan: &str,
) -> Result<(Vec<String>, Vec<String>), WebError> {
    let b = m.bahasa();
    let mut galat = Vec::new();
    if f.terlalu_besar {
        galat.push(pesan_terlalu_besar(state, b));
    }
    let mut peringatan = Vec::new();
    match perubahan {
        Ok(p) => {
            let (unggahan, arsip) = dokumen_form(f);
            let membawa_dokumen = !unggahan.is_empty() || !arsip.is_empty();
            let d = kasus::periksa(
                state.app(),
                pegawai,
                riwayat,
                p,
                Some(catatan),
                membawa_dokumen,
            )
            .await
            .dalam(b)?;
            galat.extend(d.masalah.iter().map(|x| b.jelaskan(x)));
            peringatan.extend(d.peringatan.iter().map(|x| b.jelaskan(x)));
        }
        Err(e) => galat.extend(e.iter().cloned()),
    }
    Ok((galat, peringatan))
}

fn jelaskan_ditolak(b: Bahasa, d: &Ditolak) -> (Vec<String>, Vec<String>) {
    (
        d.masalah.iter().map(|x| b.jelaskan(x)).collect(),
        d.peringatan.iter().map(|x| b.jelaskan(x)).collect(),
    )
}

/// POST /usulan: saves a draft or submits.
pub async fn buat(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let tujuan = TujuanForm {
        jenis: f.satu("jenis").to_string(),
        riwayat: Uuid::parse_str(f.satu("riwayat")).ok(),
        hapus: (!f.satu("hapus").is_empty()).then(|| "1".to_string()),
        pegawai: Uuid::parse_str(f.satu("pegawai")).ok(),
    };
    let pegawai = sasaran(&state, &m, tujuan.pegawai).await?;
    let riwayat = state.store().riwayat_pegawai(pegawai.id, None).await?;
    let (nilai, perubahan) = perubahan_dari_form(&f, &tujuan, &pegawai, &riwayat, b);
    let catatan: String = f.satu("catatan").trim().chars().take(1000).collect();
    let ulang = |galat: Vec<String>, peringatan: Vec<String>| {
        render_form(
            &state,
            &m,
            &tujuan,
            &pegawai,
            "/usulan".into(),
            &nilai,
            &catatan,
            galat,
            peringatan,
        )
    };
    let perubahan = match perubahan {
        Ok(p) if !f.terlalu_besar => p,
        lain => {
            let (galat, peringatan) =
                galat_form(&state, &m, &f, &pegawai, &riwayat, &lain, &catatan).await?;
            return ulang(galat, peringatan).await;
        }
    };
    let (unggahan, arsip) = dokumen_form(&f);
    let isi = Isi {
        perubahan,
        catatan: Some(catatan.clone()),
        unggahan,
        arsip,
    };
    let kirim = f.satu("aksi") == "ajukan";
    let hasil = kasus::ajukan(
        state.app(),
        &m.aktor(),
        tujuan.pegawai,
        isi,
        kirim,
        Some(f.satu("kunci_kirim")),
    )
    .await
    .dalam(b)?;
    match hasil {
        Ok(id) => Ok(Redirect::to(&format!("/usulan/{id}")).into_response()),
        Err(d) => {
            let (galat, peringatan) = jelaskan_ditolak(b, &d);
            ulang(galat, peringatan).await
        }
    }
}

/// POST /usulan/{id}/revisi: revised values and documents; resubmits a returned proposal.
pub async fn revisi(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let u = usulan_untuk(&state, &m, id).await?;
    let pengusul = m.akun.id == u.pengusul_akun_id;
    if boleh_langkah_pengusul(LangkahPengusul::Ubah, u.status, pengusul).is_err() {
        let galat = vec![b.t(Teks::UsulanBukanGiliran).to_string()];
        return halaman_detail(&state, &m, u, galat, None).await;
    }
    let (tujuan, _) = tujuan_dari_usulan(&u);
    let pegawai = state.store().pegawai(u.pegawai_id).await?;
    let riwayat = state.store().riwayat_pegawai(u.pegawai_id, None).await?;
    let (nilai, perubahan) = perubahan_dari_form(&f, &tujuan, &pegawai, &riwayat, b);
    let catatan: String = f.satu("catatan").trim().chars().take(1000).collect();
    let aksi_url = format!("/usulan/{id}/revisi");
    let perubahan = match perubahan {
        Ok(p) if !f.terlalu_besar => p,
        lain => {
            let (galat, peringatan) =
                galat_form(&state, &m, &f, &pegawai, &riwayat, &lain, &catatan).await?;
            return render_form(
                &state, &m, &tujuan, &pegawai, aksi_url, &nilai, &catatan, galat, peringatan,
            )
            .await;
        }
    };
    let (unggahan, arsip) = dokumen_form(&f);
    let lepas: Vec<Uuid> = f
        .semua("lepas")
        .iter()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .collect();
    let isi = Isi {
        perubahan,
        catatan: Some(catatan.clone()),
        unggahan,
        arsip,
    };
    let versi = f.satu("versi").parse().unwrap_or(u.versi);
    let kirim = f.satu("aksi") == "ajukan";
    let hasil = kasus::revisi(state.app(), &m.aktor(), &u, versi, isi, &lepas, kirim)
        .await
        .dalam(b)?;
    match hasil {
        HasilLangkah::Berhasil => Ok(Redirect::to(&format!("/usulan/{id}")).into_response()),
        HasilLangkah::Ditolak(d) => {
            let (galat, peringatan) = jelaskan_ditolak(b, &d);
            render_form(
                &state, &m, &tujuan, &pegawai, aksi_url, &nilai, &catatan, galat, peringatan,
            )
            .await
        }
        lain => hasil_langkah(&state, &m, id, lain).await,
    }
}
