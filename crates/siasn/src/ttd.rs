//! `siasn ttd` (signers' certificates, the instance CA, trusted roots) and
//! `siasn dokumen verify` (checking any signed PDF, with the same answers as the public page).

use std::path::Path;

use anyhow::Context;
use chrono::Local;
use siasn_app::App;
use siasn_app::ttd::{self, LaporanDokumen};
use siasn_domain::akun::Login;
use siasn_domain::nip::Nip;
use siasn_teks::{Bahasa, Teks, label_status_sertifikat};
use uuid::Uuid;

use crate::config::Config;
use crate::perintah::open_app;

/// Reads one line (a passphrase) from standard input; never from the command line.
fn baca_frasa() -> anyhow::Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_line(&mut s)
        .context("passphrase tidak dapat dibaca dari standard input")?;
    Ok(s.trim_end_matches(['\n', '\r']).to_string())
}

/// The account a login names: an employee's NIP or a user name.
async fn akun_dari_login(app: &App, login: &str) -> anyhow::Result<Uuid> {
    let store = app.store();
    if login.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        let nip = Nip::parse(login, Local::now().date_naive())
            .map_err(|e| anyhow::anyhow!("NIP tidak valid: {e}"))?;
        let p = store
            .pegawai_by_nip(nip.as_str())
            .await
            .with_context(|| format!("pegawai dengan NIP {nip} tidak ada"))?;
        let akun = store
            .akun_pegawai(p.id)
            .await?
            .with_context(|| format!("pegawai {nip} belum memiliki akun"))?;
        Ok(akun.id)
    } else {
        let akun = store
            .akun_by_login(&Login::NamaPengguna(login.to_lowercase()))
            .await?
            .with_context(|| format!("akun '{login}' tidak ada"))?;
        Ok(akun.id)
    }
}

async fn dengan_app<F, T>(config: &Config, f: F) -> anyhow::Result<T>
where
    F: AsyncFnOnce(&App) -> anyhow::Result<T>,
{
    let app = open_app(config).await?;
    let r = f(&app).await;
    app.store().close().await;
    r
}

fn cetak_penanda(p: &siasn_store::ttd::PenandaTtd) {
    let status = match (p.dicabut_pada, p.terkunci_sampai) {
        (Some(d), _) => format!("dicabut {}", d.format("%Y-%m-%d")),
        (None, Some(t)) if t > chrono::Utc::now() => format!("terkunci s.d. {t}"),
        _ => "aktif".into(),
    };
    println!(
        "{}  {:8} {:10} {}{}  penerbit: {}  berlaku {} s.d. {}  sha256:{}  [{status}]",
        p.id,
        p.jenis,
        p.sumber,
        p.nama,
        p.nomor_identitas
            .as_ref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default(),
        p.penerbit,
        p.berlaku_mulai.format("%Y-%m-%d"),
        p.berlaku_sampai.format("%Y-%m-%d"),
        &p.sidik_jari[..16.min(p.sidik_jari.len())],
    );
}

fn ditolak(e: &siasn_domain::ttd::AlasanTtd) -> anyhow::Error {
    anyhow::anyhow!("{}", Bahasa::Indonesia.jelaskan(e))
}

/// `siasn ttd import FILE (--login L | --seal) --passphrase-stdin`.
pub async fn import(config: &Config, file: &Path, login: Option<&str>) -> anyhow::Result<()> {
    let p12 =
        std::fs::read(file).with_context(|| format!("{} tidak dapat dibaca", file.display()))?;
    let frasa = baca_frasa()?;
    dengan_app(config, async |app| {
        let p = match login {
            Some(login) => {
                let akun = akun_dari_login(app, login).await?;
                ttd::impor_pkcs12(app, "cli", akun, p12, &frasa).await?
            }
            None => ttd::impor_segel(app, "cli", p12, &frasa).await?,
        }
        .map_err(|e| ditolak(&e))?;
        cetak_penanda(&p);
        Ok(())
    })
    .await
}

/// `siasn ttd issue --login L [--jabatan J] --passphrase-stdin`.
pub async fn issue(config: &Config, login: &str, jabatan: Option<&str>) -> anyhow::Result<()> {
    let frasa = baca_frasa()?;
    dengan_app(config, async |app| {
        if !app.konfigurasi().ttd_ca_instans {
            anyhow::bail!(
                "instans ini tidak memakai CA instans (signature_instance_ca = false); impor PKCS#12"
            );
        }
        let akun = akun_dari_login(app, login).await?;
        let p = ttd::terbitkan_sertifikat(app, "cli", akun, jabatan, &frasa)
            .await?
            .map_err(|e| ditolak(&e))?;
        cetak_penanda(&p);
        Ok(())
    })
    .await
}

/// `siasn ttd list`.
pub async fn list(config: &Config) -> anyhow::Result<()> {
    dengan_app(config, async |app| {
        for p in app.store().daftar_penanda().await? {
            cetak_penanda(&p);
        }
        Ok(())
    })
    .await
}

/// `siasn ttd revoke ID --reason R`.
pub async fn revoke(config: &Config, id: Uuid, alasan: &str) -> anyhow::Result<()> {
    dengan_app(config, async |app| {
        if ttd::cabut(app, "cli", id, alasan).await? {
            println!("sertifikat {id} dicabut");
            Ok(())
        } else {
            anyhow::bail!("sertifikat {id} tidak ada atau sudah dicabut")
        }
    })
    .await
}

/// `siasn ttd ca-export`: the instance CA certificate as PEM (made if needed).
pub async fn ca_export(config: &Config) -> anyhow::Result<()> {
    dengan_app(config, async |app| {
        let der = ttd::sertifikat_ca(app).await?;
        print!("{}", siasn_ttd::sertifikat::pem(&der)?);
        Ok(())
    })
    .await
}

/// `siasn ttd trust FILE`: trusts a root (PEM or DER), e.g. the BSrE root.
pub async fn trust(config: &Config, file: &Path) -> anyhow::Result<()> {
    let isi =
        std::fs::read(file).with_context(|| format!("{} tidak dapat dibaca", file.display()))?;
    dengan_app(config, async |app| {
        let a = ttd::percayai_akar(app, "cli", &isi).await?;
        println!("akar dipercaya: {} (sha256:{})", a.nama, a.sidik_jari);
        Ok(())
    })
    .await
}

fn ya_tidak(b: bool, ya: &str, tidak: &str) -> String {
    if b { ya.into() } else { tidak.into() }
}

/// A catalogue text (the same words as the public page).
fn t(k: Teks) -> &'static str {
    Bahasa::Indonesia.t(k)
}

/// The report as lines (the same facts the public page shows).
pub fn laporan_teks(l: &LaporanDokumen) -> Vec<String> {
    let mut out = Vec::new();
    if l.tanda_tangan.is_empty() {
        out.push(format!("TIDAK SAH: {}", t(Teks::VerifikasiTanpaTtd)));
    }
    for (i, tanda) in l.tanda_tangan.iter().enumerate() {
        let h = &tanda.hasil;
        out.push(format!(
            "Tanda tangan #{}: {}",
            i + 1,
            ya_tidak(tanda.sah(), "SAH", "TIDAK SAH")
        ));
        if let Some(p) = &h.penanda {
            out.push(format!(
                "  penanda tangan : {}{}",
                p.nama,
                p.nomor_identitas
                    .as_ref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ));
            out.push(format!(
                "  sertifikat     : serial {} berlaku {} s.d. {}, sha256:{}",
                p.serial,
                p.berlaku_mulai.format("%Y-%m-%d"),
                p.berlaku_sampai.format("%Y-%m-%d"),
                p.sidik_jari
            ));
            out.push(format!("  penerbit       : {}", p.nama_penerbit));
        }
        out.push(format!(
            "  waktu          : {}",
            h.waktu.map_or_else(|| "-".into(), |w| w.to_rfc3339())
        ));
        out.push(format!(
            "  stempel waktu  : {}",
            h.stempel.as_ref().map_or_else(
                || t(Teks::VerifikasiStempelTidakAda).to_string(),
                |s| format!(
                    "{} oleh {}{}",
                    s.waktu.to_rfc3339(),
                    s.tsa.as_ref().map_or("TSA", |c| c.nama.as_str()),
                    if s.sah { "" } else { " (TIDAK SAH)" }
                )
            )
        ));
        out.push(format!(
            "  rantai         : {}",
            h.rantai
                .iter()
                .map(|c| c.nama.clone())
                .collect::<Vec<_>>()
                .join(" -> ")
        ));
        out.push(format!(
            "  isi dokumen    : {}",
            ya_tidak(
                h.utuh,
                t(Teks::VerifikasiUtuhYa),
                t(Teks::VerifikasiUtuhTidak)
            )
        ));
        out.push(format!(
            "  cakupan        : {}",
            ya_tidak(
                h.menutup_seluruh,
                t(Teks::VerifikasiSeluruhYa),
                t(Teks::VerifikasiSeluruhTidak)
            )
        ));
        out.push(format!(
            "  kepercayaan    : {}",
            tanda.akar_dipercaya.as_ref().map_or_else(
                || t(Teks::VerifikasiPercayaTidak).to_string(),
                |a| format!("berakar pada {a}")
            )
        ));
        out.push(format!(
            "  status         : {}",
            label_status_sertifikat(tanda.status, Bahasa::Indonesia).0
        ));
    }
    out.push(format!(
        "Salinan terbitan sistem: {}",
        l.terbitan.as_ref().map_or_else(
            || t(Teks::VerifikasiTerbitanTidak).to_string(),
            |d| format!(
                "{} ({} {}{}, kode {})",
                t(Teks::VerifikasiTerbitanYa),
                d.jenis,
                d.judul,
                d.nomor
                    .as_ref()
                    .map(|n| format!(" {n}"))
                    .unwrap_or_default(),
                d.kode
            )
        )
    ));
    out.push(format!("sha256 berkas: {}", l.sha256));
    out.push(format!(
        "Kesimpulan: {}",
        ya_tidak(l.sah(), "SAH", "TIDAK SAH")
    ));
    out
}

/// `siasn dokumen verify FILE`: exits non-zero unless every signature is valid.
pub async fn verify(config: &Config, file: &Path) -> anyhow::Result<()> {
    let pdf =
        std::fs::read(file).with_context(|| format!("{} tidak dapat dibaca", file.display()))?;
    dengan_app(config, async |app| {
        let Some(l) = ttd::periksa_dokumen(app, pdf).await? else {
            anyhow::bail!("{} bukan PDF yang dapat dibaca", file.display());
        };
        for baris in laporan_teks(&l) {
            println!("{baris}");
        }
        if l.sah() {
            Ok(())
        } else {
            anyhow::bail!("tanda tangan dokumen tidak sah")
        }
    })
    .await
}
