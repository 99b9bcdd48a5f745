//! `siasn kp`: promotion commands for administrators and benchmarks.

use siasn_app::layanan::kp;

/// `siasn kp prediksi --periode D [--instansi X]`: totals and time of one period's prediction.
pub async fn prediksi(
    config: &crate::config::Config,
    periode: chrono::NaiveDate,
    instansi: Option<String>,
) -> anyhow::Result<()> {
    let app = crate::perintah::open_app(config).await?;
    let cakupan = match instansi {
        Some(i) => vec![siasn_domain::akses::Cakupan::Instansi(i)],
        None => vec![siasn_domain::akses::Cakupan::Nasional],
    };
    let mulai = std::time::Instant::now();
    let j = kp::jumlah_prediksi(&app, &cakupan, periode).await;
    let detik = mulai.elapsed().as_secs_f64();
    app.store().close().await;
    let j = j?;
    println!(
        "prediksi KP {periode}: {} kandidat, {} memenuhi syarat, {} dapat diusulkan; {detik:.2} s ({:.0} kandidat/s)",
        j.kandidat,
        j.memenuhi,
        j.boleh_diusulkan,
        j.kandidat as f64 / detik.max(1e-9)
    );
    Ok(())
}

/// `siasn kp jadwal --periode D --buka D --tutup D`.
pub async fn jadwal(
    config: &crate::config::Config,
    periode: chrono::NaiveDate,
    buka: chrono::NaiveDate,
    tutup: chrono::NaiveDate,
) -> anyhow::Result<()> {
    let app = crate::perintah::open_app(config).await?;
    let r = kp::atur_jadwal(&app, "cli", periode, buka, tutup).await;
    app.store().close().await;
    match r? {
        Ok(()) => {
            println!("jadwal usul periode {periode}: {buka} s.d. {tutup}");
            Ok(())
        }
        Err(e) => anyhow::bail!("{}", siasn_teks::Bahasa::Indonesia.jelaskan(&e)),
    }
}
