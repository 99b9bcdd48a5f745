//! `siasn pensiun`: the daily retirement job on demand, and the agency retirement list, with
//! timings (for operators and benchmarks).

use siasn_app::layanan::harian::{self, HasilHarian};
use siasn_app::layanan::pensiun;

/// `siasn pensiun harian`: runs today's job now unless it already ran today.
pub async fn harian(config: &crate::config::Config) -> anyhow::Result<()> {
    let app = crate::perintah::open_app(config).await?;
    let mulai = std::time::Instant::now();
    let r = harian::harian_sekali(&app, &format!("cli-{}", uuid::Uuid::now_v7())).await;
    let detik = mulai.elapsed().as_secs_f64();
    app.store().close().await;
    match r? {
        HasilHarian::Jalan(r) => println!("tugas harian pensiun: {r}; {detik:.2} s"),
        HasilHarian::SudahHariIni => println!("tugas harian pensiun sudah berjalan hari ini"),
        HasilHarian::DipegangLain => {
            println!("tugas harian pensiun sedang dijalankan server lain")
        }
    }
    Ok(())
}

/// `siasn pensiun daftar --instansi X [--dari D] [--sampai D]`: an agency's retirements
/// (the next 12 months by default).
pub async fn daftar(
    config: &crate::config::Config,
    instansi: &str,
    dari: Option<chrono::NaiveDate>,
    sampai: Option<chrono::NaiveDate>,
) -> anyhow::Result<()> {
    let app = crate::perintah::open_app(config).await?;
    let dari = dari.unwrap_or_else(|| app.sekarang().date_naive());
    let sampai = sampai
        .or_else(|| dari.checked_add_months(chrono::Months::new(12)))
        .unwrap_or(dari);
    let mulai = std::time::Instant::now();
    let r = pensiun::daftar_instansi(&app, instansi, dari, sampai).await;
    let detik = mulai.elapsed().as_secs_f64();
    app.store().close().await;
    let r = r?;
    let kasus = r.iter().filter(|b| b.kasus.is_some()).count();
    println!(
        "daftar pensiun {instansi} {dari} s.d. {sampai}: {} pegawai, {kasus} dengan usul; {detik:.3} s",
        r.len()
    );
    Ok(())
}
