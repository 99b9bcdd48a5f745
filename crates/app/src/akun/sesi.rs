//! Sessions after sign-in: finding the live one behind a cookie, signing out, ending the others.

use siasn_domain::akun::{Akun, Sesi};
use siasn_store::{akun, audit};

use super::{Asal, audit_akun};
use crate::rahasia::sidik;
use crate::{Aktor, App, AppResult};

/// The live session named by a cookie value, with its account; a session past its limits is
/// ended and not returned. Activity is recorded at most once a minute.
pub async fn sesi_hidup(app: &App, cookie: &str) -> AppResult<Option<(Sesi, Akun)>> {
    let id_hash = sidik(cookie);
    let Some(sesi) = app.store().sesi(&id_hash).await? else {
        return Ok(None);
    };
    let now = app.sekarang();
    if sesi.berakhir(&app.konfigurasi().batas_sesi(), now) {
        app.store().hapus_sesi_berakhir(&id_hash).await?;
        return Ok(None);
    }
    if sesi.perlu_disentuh(now) {
        app.store().sentuh_sesi(&id_hash, now).await?;
    }
    let akun = app.store().akun(sesi.akun_id).await?;
    Ok(Some((sesi, akun)))
}

/// Signs out: ends the session and audits it.
pub async fn keluar(app: &App, sesi: &Sesi, akun: &Akun, asal: &Asal) -> AppResult<()> {
    let mut tx = app.store().begin().await?;
    akun::hapus_sesi(&mut tx, &sesi.id_hash).await?;
    audit::tulis(
        &mut tx,
        vec![audit_akun("logout", Some(akun), asal)],
        app.sekarang(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every other session of the actor's account; returns how many ended.
pub async fn akhiri_sesi_lain(app: &App, aktor: &Aktor, sesi: &Sesi) -> AppResult<u64> {
    let mut tx = app.store().begin().await?;
    let n = akun::hapus_sesi_akun(&mut tx, aktor.akun_id(), Some(&sesi.id_hash)).await?;
    let mut e = aktor.audit("sesi.lain_diakhiri");
    e.sesudah = Some(serde_json::json!({ "jumlah": n }));
    audit::tulis(&mut tx, vec![e], app.sekarang()).await?;
    tx.commit().await?;
    Ok(n)
}

/// Deletes sessions past their limits (a background job; lookups already refuse them).
pub async fn bersihkan_sesi(app: &App) -> AppResult<u64> {
    let now = app.sekarang();
    let idle = chrono::Duration::minutes(app.konfigurasi().sesi_idle_menit);
    Ok(app.store().hapus_sesi_kedaluwarsa(now, now - idle).await?)
}
