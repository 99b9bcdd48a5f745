//! Accounts: reads for sign-in and administration, and the steps use cases run inside their
//! transaction (create, grants, lock-out counters, password). Sessions, one-time tokens and
//! MFA are in the submodules.

mod mfa;
mod sesi;
mod token;

pub use mfa::*;
pub use sesi::*;
pub use token::*;

use chrono::{DateTime, Utc};
use siasn_domain::akses::{Cakupan, Peran, PeranAkun};
use siasn_domain::akun::{Akun, Login, RingkasanAkun};
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

/// A new account.
#[derive(Debug, Clone)]
pub struct AkunBaru {
    /// The employee, for NIP sign-in.
    pub pegawai_id: Option<Uuid>,
    /// User name.
    pub nama_pengguna: Option<String>,
    /// Display name.
    pub nama: String,
    /// E-mail for accounts without an employee record.
    pub email: Option<String>,
    /// Grants.
    pub peran: Vec<PeranAkun>,
}

#[derive(sqlx::FromRow)]
struct AkunRow {
    id: Uuid,
    pegawai_id: Option<Uuid>,
    nama_pengguna: Option<String>,
    nama: String,
    email: Option<String>,
    sandi_hash: Option<String>,
    mfa_rahasia: Option<String>,
    mfa_aktif: bool,
    mfa_langkah_terakhir: Option<i64>,
    gagal_berturut: i32,
    tunda_sampai: Option<DateTime<Utc>>,
    terkunci_sampai: Option<DateTime<Utc>>,
}

const AKUN_SELECT: &str = "SELECT a.id, a.pegawai_id, a.nama_pengguna, a.nama, \
    COALESCE(p.email, a.email) AS email, a.sandi_hash, a.mfa_rahasia, a.mfa_aktif, \
    a.mfa_langkah_terakhir, a.gagal_berturut, a.tunda_sampai, a.terkunci_sampai \
    FROM akun a LEFT JOIN pegawai p ON p.id = a.pegawai_id";

fn peran_dari(
    kode: &str,
    instansi: Option<String>,
    kanreg: Option<String>,
) -> StoreResult<PeranAkun> {
    let peran =
        Peran::from_kode(kode).ok_or_else(|| StoreError::Corrupt(format!("peran '{kode}'")))?;
    Ok(PeranAkun {
        peran,
        instansi_id: instansi,
        kanreg_id: kanreg,
    })
}

enum Kunci<'a> {
    Id(Uuid),
    Teks(&'a str),
}

type StafRow = (
    Uuid,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    bool,
    bool,
);

impl Store {
    async fn akun_dengan(&self, kondisi: &str, nilai: Kunci<'_>) -> StoreResult<Option<Akun>> {
        let sql = format!("{AKUN_SELECT} WHERE {kondisi}");
        let row: Option<AkunRow> = on_pool!(self.db(), |pool| {
            let q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            let q = match nilai {
                Kunci::Id(id) => q.bind(id),
                Kunci::Teks(t) => q.bind(t.to_string()),
            };
            q.fetch_optional(pool).await?
        });
        let Some(r) = row else { return Ok(None) };
        let peran = self.peran_akun(r.id).await?;
        Ok(Some(Akun {
            id: r.id,
            pegawai_id: r.pegawai_id,
            nama_pengguna: r.nama_pengguna,
            nama: r.nama,
            email: r.email,
            sandi_hash: r.sandi_hash,
            mfa_rahasia: r.mfa_rahasia,
            mfa_aktif: r.mfa_aktif,
            mfa_langkah_terakhir: r.mfa_langkah_terakhir,
            gagal_berturut: r.gagal_berturut,
            tunda_sampai: r.tunda_sampai,
            terkunci_sampai: r.terkunci_sampai,
            peran,
        }))
    }

    /// The account for a sign-in identifier, if any.
    pub async fn akun_by_login(&self, login: &Login) -> StoreResult<Option<Akun>> {
        match login {
            Login::Nip(nip) => self.akun_dengan("p.nip = $1", Kunci::Teks(nip)).await,
            Login::NamaPengguna(n) => {
                self.akun_dengan("a.nama_pengguna = $1", Kunci::Teks(&n.to_lowercase()))
                    .await
            }
        }
    }

    /// The account with this id.
    pub async fn akun(&self, id: Uuid) -> StoreResult<Akun> {
        self.akun_dengan("a.id = $1", Kunci::Id(id))
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The account of an employee, if it exists.
    pub async fn akun_pegawai(&self, pegawai_id: Uuid) -> StoreResult<Option<Akun>> {
        self.akun_dengan("a.pegawai_id = $1", Kunci::Id(pegawai_id))
            .await
    }

    async fn peran_akun(&self, akun_id: Uuid) -> StoreResult<Vec<PeranAkun>> {
        let rows: Vec<(String, Option<String>, Option<String>)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT peran, instansi_id, kanreg_id FROM akun_peran WHERE akun_id = $1 ORDER BY peran",
            )
            .bind(akun_id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(k, i, r)| peran_dari(&k, i, r))
            .collect()
    }

    /// Accounts holding staff grants within the given scopes (agency admins see their agency).
    pub async fn daftar_akun_staf(&self, cakupan: &[Cakupan]) -> StoreResult<Vec<RingkasanAkun>> {
        let mut out = Vec::new();
        for c in cakupan {
            let rows: Vec<StafRow> = on_pool!(self.db(), |pool| {
                let mut qb = sqlx::QueryBuilder::new(
                    "SELECT a.id, a.nama, a.nama_pengguna, p.nip, r.peran, r.instansi_id, r.kanreg_id, \
                         a.sandi_hash IS NOT NULL, a.mfa_aktif FROM akun_peran r JOIN akun a ON a.id = r.akun_id \
                         LEFT JOIN pegawai p ON p.id = a.pegawai_id WHERE r.peran <> 'PEGAWAI'",
                );
                match c {
                    Cakupan::Instansi(i) => {
                        qb.push(" AND r.instansi_id = ").push_bind(i.clone());
                    }
                    Cakupan::Kanreg(k) => {
                        qb.push(
                            " AND r.instansi_id IN (SELECT id FROM instansi WHERE kanreg_id = ",
                        )
                        .push_bind(k.clone())
                        .push(")");
                    }
                    Cakupan::Nasional => {}
                    Cakupan::Diri(_) => {
                        qb.push(" AND 1 = 0");
                    }
                }
                qb.push(" ORDER BY a.nama, a.id LIMIT 1000");
                qb.build_query_as().fetch_all(pool).await?
            });
            for (id, nama, nama_pengguna, nip, kode, instansi, kanreg, aktif, mfa_aktif) in rows {
                out.push(RingkasanAkun {
                    id,
                    nama,
                    nama_pengguna,
                    nip,
                    peran: peran_dari(&kode, instansi, kanreg)?,
                    aktif,
                    mfa_aktif,
                });
            }
        }
        out.dedup_by(|a, b| a.id == b.id && a.peran == b.peran);
        Ok(out)
    }
}

/// Creates an account with its grants; returns it as stored (no password, no MFA yet).
pub async fn buat_akun(tx: &mut Tx, baru: &AkunBaru, now: DateTime<Utc>) -> StoreResult<Akun> {
    let id = Uuid::now_v7();
    let nama_pengguna = baru.nama_pengguna.as_ref().map(|n| n.to_lowercase());
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO akun (id, pegawai_id, nama_pengguna, nama, email, dibuat_pada, diubah_pada) \
             VALUES ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(id)
        .bind(baru.pegawai_id)
        .bind(&nama_pengguna)
        .bind(&baru.nama)
        .bind(&baru.email)
        .bind(now)
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "akun sudah ada"))?;
        for p in &baru.peran {
            sqlx::query(
                "INSERT INTO akun_peran (akun_id, peran, instansi_id, kanreg_id) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(p.peran.kode())
            .bind(&p.instansi_id)
            .bind(&p.kanreg_id)
            .execute(&mut *c)
            .await
            .map_err(|e| StoreError::from_write(e, "peran sudah ada"))?;
        }
    });
    Ok(Akun {
        id,
        pegawai_id: baru.pegawai_id,
        nama_pengguna,
        nama: baru.nama.clone(),
        email: baru.email.clone(),
        sandi_hash: None,
        mfa_rahasia: None,
        mfa_aktif: false,
        mfa_langkah_terakhir: None,
        gagal_berturut: 0,
        tunda_sampai: None,
        terkunci_sampai: None,
        peran: baru.peran.clone(),
    })
}

/// Adds or replaces one grant (one grant per role per account).
pub async fn beri_peran(tx: &mut Tx, akun_id: Uuid, p: &PeranAkun) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("DELETE FROM akun_peran WHERE akun_id = $1 AND peran = $2")
            .bind(akun_id)
            .bind(p.peran.kode())
            .execute(&mut *c)
            .await?;
        sqlx::query(
            "INSERT INTO akun_peran (akun_id, peran, instansi_id, kanreg_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(akun_id)
        .bind(p.peran.kode())
        .bind(&p.instansi_id)
        .bind(&p.kanreg_id)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Removes a grant.
pub async fn cabut_peran(tx: &mut Tx, akun_id: Uuid, peran: Peran) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("DELETE FROM akun_peran WHERE akun_id = $1 AND peran = $2")
            .bind(akun_id)
            .bind(peran.kode())
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Records a failed sign-in and the delay/lock that follows.
pub async fn catat_login_gagal(
    tx: &mut Tx,
    akun_id: Uuid,
    gagal_berturut: i32,
    tunda_sampai: Option<DateTime<Utc>>,
    terkunci_sampai: Option<DateTime<Utc>>,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE akun SET gagal_berturut = $2, tunda_sampai = $3, terkunci_sampai = $4 WHERE id = $1",
        )
        .bind(akun_id)
        .bind(gagal_berturut)
        .bind(tunda_sampai)
        .bind(terkunci_sampai)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Clears the failure counters after a successful sign-in.
pub async fn catat_login_berhasil(tx: &mut Tx, akun_id: Uuid) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE akun SET gagal_berturut = 0, tunda_sampai = NULL, terkunci_sampai = NULL WHERE id = $1",
        )
        .bind(akun_id)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Sets a new password hash (clearing the lock-out), ends every session of the account except
/// `kecuali_sesi`, and uses up open tokens.
pub async fn ganti_sandi(
    tx: &mut Tx,
    akun_id: Uuid,
    sandi_hash: &str,
    kecuali_sesi: Option<&str>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE akun SET sandi_hash = $2, gagal_berturut = 0, tunda_sampai = NULL, \
             terkunci_sampai = NULL, diubah_pada = $3 WHERE id = $1",
        )
        .bind(akun_id)
        .bind(sandi_hash)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    hapus_sesi_akun(tx, akun_id, kecuali_sesi).await?;
    tutup_token(tx, akun_id, now).await
}
