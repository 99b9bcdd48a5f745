//! Accounts and grants: an employee's account on first need, roles given and taken by
//! administrators (within what each may manage) or by the command line, and an administrator's
//! reset of a lost authenticator.

use chrono::{DateTime, Utc};
use siasn_domain::Nip;
use siasn_domain::akses::{Peran, PeranAkun, PeranTidakValid};
use siasn_domain::akun::{Akun, Login};
use siasn_domain::pegawai::Pegawai;
use siasn_store::akun::AkunBaru;
use siasn_store::audit::AuditBaru;
use siasn_store::{StoreError, Tx, akun, audit};
use uuid::Uuid;

use crate::{Aktor, App, AppError, AppResult};

/// Creates an account (audited) inside a use case's transaction.
pub(crate) async fn buat_akun(
    tx: &mut Tx,
    baru: &AkunBaru,
    aktor: &str,
    now: DateTime<Utc>,
) -> AppResult<Akun> {
    let akun = akun::buat_akun(tx, baru, now).await?;
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "akun.dibuat".into(),
        pegawai_id: baru.pegawai_id,
        akun_id: Some(akun.id),
        sesudah: Some(serde_json::json!({
            "nama_pengguna": baru.nama_pengguna,
            "peran": baru.peran.iter().map(|p| (p.peran.kode(), &p.instansi_id, &p.kanreg_id)).collect::<Vec<_>>(),
        })),
        ..AuditBaru::default()
    };
    audit::tulis(tx, vec![e], now).await?;
    Ok(akun)
}

/// Creates an employee's own account (role Pegawai) inside a use case's transaction.
pub(crate) async fn buat_akun_pegawai(
    tx: &mut Tx,
    pegawai: &Pegawai,
    aktor: &str,
    now: DateTime<Utc>,
) -> AppResult<Akun> {
    let baru = AkunBaru {
        pegawai_id: Some(pegawai.id),
        nama_pengguna: None,
        nama: pegawai.nama_lengkap(),
        email: None,
        peran: vec![PeranAkun {
            peran: Peran::Pegawai,
            instansi_id: None,
            kanreg_id: None,
        }],
    };
    buat_akun(tx, &baru, aktor, now).await
}

async fn beri(
    tx: &mut Tx,
    akun_id: Uuid,
    p: &PeranAkun,
    aktor: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    akun::beri_peran(tx, akun_id, p).await?;
    // A session's privilege changes only through a new sign-in (a new session id), never in
    // place: the account's open sessions end, as when a grant is revoked.
    akun::hapus_sesi_akun(tx, akun_id, None).await?;
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "akun.peran_diberikan".into(),
        akun_id: Some(akun_id),
        sesudah: Some(
            serde_json::json!({"peran": p.peran.kode(), "instansi": p.instansi_id, "kanreg": p.kanreg_id}),
        ),
        ..AuditBaru::default()
    };
    audit::tulis(tx, vec![e], now).await?;
    Ok(())
}

/// What became of a grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilBeriPeran {
    /// Given (or replaced).
    Diberikan,
    /// No such account within the administrator's reach.
    AkunTidakAda,
    /// The grant is not well-formed (agency missing or not allowed, ...).
    TidakSah(PeranTidakValid),
}

/// An administrator grants a role to an employee (by NIP, within their scope) or, for BKN
/// administrators, to an existing user-name account. An agency administrator's grants are
/// always for their own agency. Account (if new), grant and audit events are one transaction.
pub async fn beri_peran(
    app: &App,
    aktor: &Aktor,
    login: &str,
    peran: Peran,
    instansi: Option<String>,
    kanreg: Option<String>,
) -> AppResult<HasilBeriPeran> {
    let pelaku = &aktor.pelaku;
    let cakupan = pelaku.cakupan_admin();
    if cakupan.is_empty() {
        return Err(AppError::Dilarang);
    }
    let bkn = pelaku.punya(Peran::AdminBkn);
    let instansi = if bkn {
        instansi
    } else {
        pelaku
            .instansi_yang_diadministrasi()
            .first()
            .map(|s| s.to_string())
    };
    let grant = match PeranAkun::new(peran, instansi, kanreg) {
        Ok(g) => g,
        Err(e) => return Ok(HasilBeriPeran::TidakSah(e)),
    };
    if !pelaku.boleh_kelola_peran(&grant) {
        return Err(AppError::Dilarang);
    }
    let now = app.sekarang();
    let login = login.trim();
    let label = aktor.label();
    // The target is resolved before the transaction opens (reads never wait inside it).
    let target = if login.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        let Ok(nip) = Nip::parse(login, now.date_naive()) else {
            return Ok(HasilBeriPeran::AkunTidakAda);
        };
        // An agency admin may only appoint employees of the agency.
        let pegawai = match app
            .store()
            .pegawai_dalam_cakupan(nip.as_str(), &cakupan)
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => return Ok(HasilBeriPeran::AkunTidakAda),
            Err(e) => return Err(e.into()),
        };
        match app.store().akun_pegawai(pegawai.id).await? {
            Some(a) => Ok(a.id),
            None => Err(pegawai),
        }
    } else {
        match app
            .store()
            .akun_by_login(&Login::NamaPengguna(login.to_ascii_lowercase()))
            .await?
        {
            Some(a) if bkn => Ok(a.id),
            _ => return Ok(HasilBeriPeran::AkunTidakAda),
        }
    };
    let mut tx = app.store().begin().await?;
    let akun_id = match target {
        Ok(id) => id,
        Err(pegawai) => buat_akun_pegawai(&mut tx, &pegawai, &label, now).await?.id,
    };
    beri(&mut tx, akun_id, &grant, &label, now).await?;
    tx.commit().await?;
    Ok(HasilBeriPeran::Diberikan)
}

/// An administrator revokes one grant they may manage; the account's sessions end so the
/// change takes effect at once.
pub async fn cabut_peran(app: &App, aktor: &Aktor, akun_id: Uuid, peran: Peran) -> AppResult<()> {
    if aktor.pelaku.cakupan_admin().is_empty() {
        return Err(AppError::Dilarang);
    }
    let target = app.store().akun(akun_id).await.map_err(|e| match e {
        StoreError::NotFound => AppError::Dilarang,
        e => e.into(),
    })?;
    let Some(grant) = target.peran.iter().find(|p| p.peran == peran) else {
        return Err(AppError::Dilarang);
    };
    if !aktor.pelaku.boleh_kelola_peran(grant) {
        return Err(AppError::Dilarang);
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    akun::cabut_peran(&mut tx, target.id, peran).await?;
    akun::hapus_sesi_akun(&mut tx, target.id, None).await?;
    let e = AuditBaru {
        aktor: aktor.label(),
        aksi: "akun.peran_dicabut".into(),
        akun_id: Some(target.id),
        sebelum: Some(serde_json::json!({"peran": peran.kode()})),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(())
}

/// An administrator removes an employee's authenticator so they enrol again at next sign-in;
/// their sessions end. The reason is kept in the audit log.
pub async fn reset_mfa(app: &App, aktor: &Aktor, pegawai: &Pegawai, alasan: &str) -> AppResult<()> {
    let Some(akun) = app.store().akun_pegawai(pegawai.id).await? else {
        return Ok(());
    };
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    akun::reset_mfa(&mut tx, akun.id).await?;
    akun::hapus_sesi_akun(&mut tx, akun.id, None).await?;
    let e = AuditBaru {
        aktor: aktor.label(),
        aksi: "mfa.direset".into(),
        pegawai_id: Some(pegawai.id),
        akun_id: Some(akun.id),
        alasan: Some(alasan.to_string()),
        alamat: aktor.alamat.clone(),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(())
}

/// Who the command line gives a role to.
#[derive(Debug, Clone)]
pub enum PenggunaCli {
    /// An employee by NIP (their account is created if needed).
    Pegawai(Box<Pegawai>),
    /// A user-name account, created if it does not exist (with this display name and e-mail).
    NamaPengguna {
        /// The user name.
        login: String,
        /// Display name for a new account.
        nama: Option<String>,
        /// E-mail for a new account.
        email: Option<String>,
    },
}

/// A system actor (the command line bootstrapping a fresh installation, the demo loader)
/// grants a role: account if new, grant and audit events in one transaction. Returns the
/// account id.
pub async fn beri_peran_langsung(
    app: &App,
    aktor: &str,
    siapa: PenggunaCli,
    grant: &PeranAkun,
) -> AppResult<Uuid> {
    let now = app.sekarang();
    // Who it is, read before the transaction opens: an existing account, or one to create.
    let ada = match &siapa {
        PenggunaCli::Pegawai(p) => app.store().akun_pegawai(p.id).await?,
        PenggunaCli::NamaPengguna { login, .. } => {
            app.store()
                .akun_by_login(&Login::NamaPengguna(login.to_lowercase()))
                .await?
        }
    };
    let mut tx = app.store().begin().await?;
    let akun_id = match (ada, siapa) {
        (Some(a), _) => a.id,
        (None, PenggunaCli::Pegawai(p)) => buat_akun_pegawai(&mut tx, &p, aktor, now).await?.id,
        (None, PenggunaCli::NamaPengguna { login, nama, email }) => {
            let baru = AkunBaru {
                pegawai_id: None,
                nama_pengguna: Some(login.clone()),
                nama: nama.unwrap_or(login),
                email,
                peran: vec![],
            };
            buat_akun(&mut tx, &baru, aktor, now).await?.id
        }
    };
    beri(&mut tx, akun_id, grant, aktor, now).await?;
    tx.commit().await?;
    Ok(akun_id)
}
