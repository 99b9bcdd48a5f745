//! `siasn audit`: verify the log against the published heads, publish a head, rotate keys,
//! check a proof offline (decision 0017).

use anyhow::Context;
use chrono::Local;
use siasn_store::Store;

use crate::config::Config;
use crate::perintah::open_store;

/// `siasn audit verify`: exit 0 when the log matches every published head.
pub async fn verify(
    config: &Config,
    penuh: bool,
    keadaan: Option<std::path::PathBuf>,
) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let kunci = siasn_app::audit::muat_kunci(&config.audit_key_dir, false)?;
    let tempat = siasn_store::terbit::TempatTerbit::dari_url(&config.audit_publish_url)?;
    let path_keadaan = keadaan.unwrap_or_else(|| config.data_dir.join("audit-terverifikasi.json"));
    let lalu = if penuh {
        None
    } else {
        siasn_app::audit::baca_keadaan(&path_keadaan)?
    };
    let mulai = std::time::Instant::now();
    let lap = siasn_app::audit::verifikasi(&store, &tempat, &kunci, lalu.as_ref()).await;
    store.close().await;
    let lap = lap?;
    if !lap.masalah.is_empty() {
        for m in &lap.masalah {
            eprintln!("- {m}");
        }
        anyhow::bail!(
            "log audit rusak: {} masalah (kepala terbit di {})",
            lap.masalah.len(),
            tempat.keterangan()
        );
    }
    if let Some(k) = &lap.keadaan_baru {
        siasn_app::audit::simpan_keadaan(&path_keadaan, k)?;
    }
    match &lap.kepala_terakhir {
        Some(k) => println!(
            "log audit utuh: {} entri diperiksa dari posisi {} dalam {:.1} s; kepala terbit terakhir: {} entri, {} (kunci {}), {} kepala sah",
            lap.entri_diperiksa,
            lap.mulai_dari,
            mulai.elapsed().as_secs_f64(),
            k.ukuran,
            k.waktu.with_timezone(&Local).format("%Y-%m-%d %H:%M:%S"),
            k.kunci,
            lap.kepala_sah
        ),
        None => println!(
            "log audit utuh menurut isinya ({} entri), tetapi belum ada kepala terbit di {}: jalankan `siasn audit publish`",
            lap.entri_diperiksa,
            tempat.keterangan()
        ),
    }
    if lap.belum_bertanda + lap.belum_diurutkan > 0 {
        println!(
            "{} entri menunggu kepala berikutnya, {} entri menunggu diurutkan",
            lap.belum_bertanda, lap.belum_diurutkan
        );
    }
    Ok(())
}

pub(crate) fn pengurut(
    config: &Config,
    store: &Store,
) -> anyhow::Result<siasn_app::audit::Pengurut> {
    let kunci = siasn_app::audit::muat_kunci(&config.audit_key_dir, true)?;
    let penanda = kunci.penanda.with_context(|| {
        format!(
            "tidak ada kunci penanda (tanda-*.pk8) di {}",
            config.audit_key_dir.display()
        )
    })?;
    let tempat = siasn_store::terbit::TempatTerbit::dari_url(&config.audit_publish_url)?;
    let mut p = siasn_app::audit::Pengurut::baru(store.clone(), penanda, tempat);
    p.selang_terbit = std::time::Duration::from_secs(config.audit_publish_seconds);
    Ok(p)
}

/// `siasn audit publish`.
pub async fn publish(config: &Config) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let hasil =
        async { Ok::<_, anyhow::Error>(pengurut(config, &store)?.terbitkan_sekarang().await?) }
            .await;
    store.close().await;
    let k = hasil?;
    println!(
        "kepala audit diterbitkan: {} entri, akar {}, kunci {}",
        k.ukuran, k.akar, k.kunci
    );
    Ok(())
}

/// `siasn audit bench-fill COUNT` (hidden): synthetic entries for the verify benchmark.
pub async fn bench_fill(config: &Config, jumlah: u64) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let mut ditulis = 0u64;
    while ditulis < jumlah {
        let n = (jumlah - ditulis).min(5000);
        let events = (0..n)
            .map(|i| siasn_store::audit::AuditBaru {
                aktor: format!("akun:bench-{}", (ditulis + i) % 97),
                aksi: "pegawai.dibaca".into(),
                alasan: Some(format!("bench {}", ditulis + i)),
                sesudah: Some(serde_json::json!({"bidang": "data utama", "n": ditulis + i})),
                ..Default::default()
            })
            .collect();
        store.catat_audit(events).await?;
        ditulis += n;
    }
    store.close().await;
    println!("{ditulis} entri ditulis");
    Ok(())
}

/// `siasn audit rotate`.
pub fn rotate(config: &Config) -> anyhow::Result<()> {
    let id = siasn_app::audit::buat_kunci_baru(&config.audit_key_dir)?;
    println!(
        "kunci audit baru {id} di {}: salin folder ini ke setiap server aplikasi; kunci lama tetap dipakai untuk memeriksa",
        config.audit_key_dir.display()
    );
    Ok(())
}

/// `siasn audit prove FILE`: offline, public keys only.
pub fn prove(
    config: &Config,
    file: &std::path::Path,
    keys: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let dir = keys.unwrap_or(&config.audit_key_dir);
    let kunci = siasn_app::audit::muat_kunci(dir, false)?;
    let teks = std::fs::read(file).with_context(|| format!("{} tidak terbaca", file.display()))?;
    let bukti: siasn_app::audit::BuktiAudit =
        serde_json::from_slice(&teks).context("berkas bukan bukti audit")?;
    siasn_app::audit::periksa_bukti(&bukti, &kunci.publik)?;
    println!(
        "bukti sah: \"{}\" oleh {} pada {} tercatat di posisi {} dari {} entri log audit yang ditandatangani kunci {} pada {}",
        bukti.entri.aksi,
        bukti.entri.aktor,
        bukti
            .entri
            .waktu
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M:%S"),
        bukti.posisi,
        bukti.kepala.ukuran,
        bukti.kepala.kunci,
        bukti
            .kepala
            .waktu
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M:%S")
    );
    Ok(())
}
