//! "Peta jabatan": the agency's formasi register — each post's planned holders beside those
//! holding it now — read by its staff and set by its operator. Returns to duty are checked
//! against it.

use siasn_app::formasi;
use siasn_domain::akses::Peran;

use super::prediksi::satu_instansi;
use super::*;

/// One post as listed.
struct Baris {
    /// The link prefilling the form for this post.
    tautan_atur: String,
    unor: String,
    jabatan: String,
    kebutuhan: Option<u32>,
    terisi: u32,
    lowong: Option<u32>,
}

/// The change form as sent (or prefilled from a row's link).
#[derive(Default)]
struct Isian {
    unor: String,
    jabatan: String,
    kebutuhan: String,
    alasan: String,
}

#[derive(Template)]
#[template(path = "layanan_formasi.html")]
struct FormasiPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    operator: bool,
    ada_instansi: bool,
    galat: Option<String>,
    pesan: Option<&'static str>,
    daftar: Vec<Baris>,
    unor: Vec<(Uuid, String)>,
    jabatan: Vec<(String, String)>,
    isian: Isian,
}

async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    galat: Option<String>,
    pesan: Option<&'static str>,
    isian: Isian,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let instansi = satu_instansi(m);
    let (daftar, unor) = match &instansi {
        Some(i) => (
            formasi::daftar(state.app(), &m.aktor(), i).await.dalam(b)?,
            state.store().unor_instansi(i).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    // Positions to choose from: the reference, and any held here that is not in it.
    let mut jabatan: Vec<(String, String)> = state
        .store()
        .ref_jabatan()
        .await?
        .into_iter()
        .map(|j| (j.id, j.nama))
        .collect();
    for r in &daftar {
        if !jabatan.iter().any(|(id, _)| id == &r.jabatan_id) {
            jabatan.push((r.jabatan_id.clone(), r.jabatan_nama.clone()));
        }
    }
    jabatan.sort_by(|a, b| a.1.cmp(&b.1));
    let page = FormasiPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        operator: instansi.is_some() && m.pelaku.punya(Peran::OperatorInstansi),
        ada_instansi: instansi.is_some(),
        galat,
        pesan,
        daftar: daftar
            .into_iter()
            .map(|r| Baris {
                tautan_atur: {
                    let mut q = form_urlencoded::Serializer::new(String::new());
                    q.append_pair("unor", &r.unor_id.to_string());
                    q.append_pair("jabatan", &r.jabatan_id);
                    if let Some(k) = r.kebutuhan {
                        q.append_pair("kebutuhan", &k.to_string());
                    }
                    format!("/layanan/formasi?{}#atur", q.finish())
                },
                unor: r.unor_nama,
                jabatan: r.jabatan_nama,
                kebutuhan: r.kebutuhan,
                terisi: r.terisi,
                lowong: r.kebutuhan.map(|k| k.saturating_sub(r.terisi)),
            })
            .collect(),
        unor: unor.into_iter().map(|u| (u.id, u.nama)).collect(),
        jabatan,
        isian,
    };
    Ok(Html(page.render()?).into_response())
}

/// `GET /layanan/formasi[?unor=&jabatan=]`: the register, the form prefilled for one post.
pub async fn halaman(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let get = |k: &str| crate::infra::formulir::isian(&q, k).to_string();
    let isian = Isian {
        unor: get("unor"),
        jabatan: get("jabatan"),
        kebutuhan: get("kebutuhan"),
        alasan: String::new(),
    };
    let pesan = (get("ok") == "1").then(|| m.bahasa().t(Teks::FormasiTersimpan));
    tampilkan(&state, &m, None, pesan, isian).await
}

/// `POST /layanan/formasi`: set one post's planned holders.
pub async fn atur(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let tidak_valid = || WebError::TidakValid(b, Teks::FormTidakValid);
    let instansi = satu_instansi(&m).ok_or_else(tidak_valid)?;
    let unor: Uuid = get("unor").parse().map_err(|_| tidak_valid())?;
    let kebutuhan: u32 = get("kebutuhan").trim().parse().map_err(|_| tidak_valid())?;
    let hasil = formasi::atur(
        state.app(),
        &m.aktor(),
        &instansi,
        unor,
        get("jabatan"),
        kebutuhan,
        get("alasan"),
    )
    .await
    .dalam(b)?;
    match hasil {
        Ok(()) => Ok(Redirect::to("/layanan/formasi?ok=1").into_response()),
        Err(e) => {
            let isian = Isian {
                unor: get("unor").to_string(),
                jabatan: get("jabatan").to_string(),
                kebutuhan: get("kebutuhan").to_string(),
                alasan: get("alasan").to_string(),
            };
            tampilkan(&state, &m, Some(b.jelaskan(&e)), None, isian).await
        }
    }
}
