//! Accounts and their grants, lock-out counters, one-time tokens, MFA recovery codes.

use chrono::{DateTime, Utc};
use siasn_domain::akses::{Cakupan, Peran, PeranAkun};
use uuid::Uuid;

use crate::audit::AuditBaru;
use crate::error::{StoreError, StoreResult};
use crate::{Store, on_pool};

/// An account with everything login needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Akun {
    /// Id.
    pub id: Uuid,
    /// The employee this account belongs to (login by NIP).
    pub pegawai_id: Option<Uuid>,
    /// Optional user name (operators, bootstrap admins).
    pub nama_pengguna: Option<String>,
    /// Display name.
    pub nama: String,
    /// Where e-mail goes: the employee's registered e-mail, else the account's own.
    pub email: Option<String>,
    /// Argon2id PHC string; None until activated.
    pub sandi_hash: Option<String>,
    /// TOTP secret (base32) once enrolment started.
    pub mfa_rahasia: Option<String>,
    /// Whether TOTP is enrolled and required at login.
    pub mfa_aktif: bool,
    /// Last TOTP step accepted (replay guard).
    pub mfa_langkah_terakhir: Option<i64>,
    /// Consecutive failed logins.
    pub gagal_berturut: i32,
    /// No login attempt is considered before this time.
    pub tunda_sampai: Option<DateTime<Utc>>,
    /// Locked until.
    pub terkunci_sampai: Option<DateTime<Utc>>,
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

/// How a person identifies at login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    /// 18 digits.
    Nip(String),
    /// A user name (stored lower-case).
    NamaPengguna(String),
}

/// A new account.
#[derive(Debug, Clone)]
pub struct AkunBaru {
    /// The employee, for NIP login.
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

/// The kinds of one-time token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisToken {
    /// First password of an account.
    Aktivasi,
    /// Forgotten password.
    AturUlang,
}

impl JenisToken {
    fn kode(self) -> &'static str {
        match self {
            Self::Aktivasi => "AKTIVASI",
            Self::AturUlang => "ATUR_ULANG",
        }
    }
}

/// A stored one-time token (only its hash).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TokenAkun {
    /// SHA-256 of the token.
    pub hash: String,
    /// Account.
    pub akun_id: Uuid,
    /// Valid until.
    pub kedaluwarsa: DateTime<Utc>,
    /// Wrong entries so far.
    pub percobaan: i32,
}

/// An account as listed for administrators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingkasanAkun {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub nama: String,
    /// User name.
    pub nama_pengguna: Option<String>,
    /// NIP, if an employee.
    pub nip: Option<String>,
    /// The grant listed.
    pub peran: PeranAkun,
    /// Activated.
    pub aktif: bool,
    /// MFA enrolled.
    pub mfa_aktif: bool,
}

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

impl Store {
    async fn akun_dengan(&self, kondisi: &str, nilai: Either<'_>) -> StoreResult<Option<Akun>> {
        let sql = format!("{AKUN_SELECT} WHERE {kondisi}");
        let row: Option<AkunRow> = on_pool!(self.db(), |pool| {
            let q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            let q = match nilai {
                Either::Id(id) => q.bind(id),
                Either::Teks(t) => q.bind(t.to_string()),
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

    /// The account for a login identifier, if any.
    pub async fn akun_by_login(&self, login: &Login) -> StoreResult<Option<Akun>> {
        match login {
            Login::Nip(nip) => self.akun_dengan("p.nip = $1", Either::Teks(nip)).await,
            Login::NamaPengguna(n) => {
                self.akun_dengan("a.nama_pengguna = $1", Either::Teks(&n.to_lowercase()))
                    .await
            }
        }
    }

    /// The account with this id.
    pub async fn akun(&self, id: Uuid) -> StoreResult<Akun> {
        self.akun_dengan("a.id = $1", Either::Id(id))
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The account of an employee, if it exists.
    pub async fn akun_pegawai(&self, pegawai_id: Uuid) -> StoreResult<Option<Akun>> {
        self.akun_dengan("a.pegawai_id = $1", Either::Id(pegawai_id))
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

    /// Creates an account with its grants (audited).
    pub async fn buat_akun(&self, baru: &AkunBaru, aktor: &str) -> StoreResult<Uuid> {
        let id = Uuid::now_v7();
        let now = Utc::now();
        let audit = vec![AuditBaru {
            aktor: aktor.to_string(),
            aksi: "akun.dibuat".into(),
            pegawai_id: baru.pegawai_id,
            akun_id: Some(id),
            sesudah: Some(serde_json::json!({
                "nama_pengguna": baru.nama_pengguna,
                "peran": baru.peran.iter().map(|p| (p.peran.kode(), &p.instansi_id, &p.kanreg_id)).collect::<Vec<_>>(),
            })),
            ..AuditBaru::default()
        }];
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO akun (id, pegawai_id, nama_pengguna, nama, email, dibuat_pada, diubah_pada) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6)",
            )
            .bind(id)
            .bind(baru.pegawai_id)
            .bind(baru.nama_pengguna.as_ref().map(|n| n.to_lowercase()))
            .bind(&baru.nama)
            .bind(&baru.email)
            .bind(now)
            .execute(&mut *tx)
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
                .execute(&mut *tx)
                .await
                .map_err(|e| StoreError::from_write(e, "peran sudah ada"))?;
            }
            crate::tulis_audit!(tx, audit, now);
            tx.commit().await?;
        });
        Ok(id)
    }

    /// The employee's account, created with the Pegawai role if it does not exist yet.
    pub async fn pastikan_akun_pegawai(
        &self,
        pegawai: &siasn_domain::pegawai::Pegawai,
        aktor: &str,
    ) -> StoreResult<Akun> {
        if let Some(a) = self.akun_pegawai(pegawai.id).await? {
            return Ok(a);
        }
        let id = self
            .buat_akun(
                &AkunBaru {
                    pegawai_id: Some(pegawai.id),
                    nama_pengguna: None,
                    nama: pegawai.nama_lengkap(),
                    email: None,
                    peran: vec![PeranAkun {
                        peran: Peran::Pegawai,
                        instansi_id: None,
                        kanreg_id: None,
                    }],
                },
                aktor,
            )
            .await?;
        self.akun(id).await
    }

    /// Adds or replaces one grant (audited; one grant per role per account).
    pub async fn beri_peran(&self, akun_id: Uuid, p: &PeranAkun, aktor: &str) -> StoreResult<()> {
        let now = Utc::now();
        let audit = vec![AuditBaru {
            aktor: aktor.to_string(),
            aksi: "akun.peran_diberikan".into(),
            akun_id: Some(akun_id),
            sesudah: Some(
                serde_json::json!({"peran": p.peran.kode(), "instansi": p.instansi_id, "kanreg": p.kanreg_id}),
            ),
            ..AuditBaru::default()
        }];
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM akun_peran WHERE akun_id = $1 AND peran = $2")
                .bind(akun_id)
                .bind(p.peran.kode())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO akun_peran (akun_id, peran, instansi_id, kanreg_id) VALUES ($1, $2, $3, $4)",
            )
            .bind(akun_id)
            .bind(p.peran.kode())
            .bind(&p.instansi_id)
            .bind(&p.kanreg_id)
            .execute(&mut *tx)
            .await?;
            crate::tulis_audit!(tx, audit, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes a grant (audited) and ends the account's sessions so the change takes effect.
    pub async fn cabut_peran(&self, akun_id: Uuid, peran: Peran, aktor: &str) -> StoreResult<()> {
        let now = Utc::now();
        let audit = vec![AuditBaru {
            aktor: aktor.to_string(),
            aksi: "akun.peran_dicabut".into(),
            akun_id: Some(akun_id),
            sebelum: Some(serde_json::json!({"peran": peran.kode()})),
            ..AuditBaru::default()
        }];
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM akun_peran WHERE akun_id = $1 AND peran = $2")
                .bind(akun_id)
                .bind(peran.kode())
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sesi WHERE akun_id = $1")
                .bind(akun_id)
                .execute(&mut *tx)
                .await?;
            crate::tulis_audit!(tx, audit, now);
            tx.commit().await?;
        });
        Ok(())
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

    /// Records a failed login and the delay/lock that follows.
    pub async fn catat_login_gagal(
        &self,
        akun_id: Uuid,
        gagal_berturut: i32,
        tunda_sampai: Option<DateTime<Utc>>,
        terkunci_sampai: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE akun SET gagal_berturut = $2, tunda_sampai = $3, terkunci_sampai = $4 WHERE id = $1",
            )
            .bind(akun_id)
            .bind(gagal_berturut)
            .bind(tunda_sampai)
            .bind(terkunci_sampai)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Clears the failure counters after a successful login.
    pub async fn catat_login_berhasil(&self, akun_id: Uuid) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE akun SET gagal_berturut = 0, tunda_sampai = NULL, terkunci_sampai = NULL WHERE id = $1",
            )
            .bind(akun_id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Sets a new password hash; ends every session of the account except `kecuali`; uses up
    /// open tokens; writes the audit event, all in one transaction.
    pub async fn ganti_sandi(
        &self,
        akun_id: Uuid,
        sandi_hash: &str,
        kecuali_sesi: Option<&str>,
        audit: AuditBaru,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE akun SET sandi_hash = $2, gagal_berturut = 0, tunda_sampai = NULL, \
                 terkunci_sampai = NULL, diubah_pada = $3 WHERE id = $1",
            )
            .bind(akun_id)
            .bind(sandi_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM sesi WHERE akun_id = $1 AND id_hash <> $2")
                .bind(akun_id)
                .bind(kecuali_sesi.unwrap_or(""))
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE token_akun SET dipakai_pada = $2 WHERE akun_id = $1 AND dipakai_pada IS NULL")
                .bind(akun_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            crate::tulis_audit!(tx, vec![audit], now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Stores a new token (hash only), voiding the account's earlier open tokens of any kind.
    pub async fn simpan_token(
        &self,
        akun_id: Uuid,
        jenis: JenisToken,
        hash: &str,
        now: DateTime<Utc>,
        kedaluwarsa: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE token_akun SET dipakai_pada = $2 WHERE akun_id = $1 AND dipakai_pada IS NULL")
                .bind(akun_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO token_akun (hash, akun_id, jenis, dibuat_pada, kedaluwarsa) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(hash)
            .bind(akun_id)
            .bind(jenis.kode())
            .bind(now)
            .bind(kedaluwarsa)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The account's open token, if any.
    pub async fn token_terbuka(&self, akun_id: Uuid) -> StoreResult<Option<TokenAkun>> {
        let row: Option<TokenAkun> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT hash, akun_id, kedaluwarsa, percobaan FROM token_akun \
                 WHERE akun_id = $1 AND dipakai_pada IS NULL ORDER BY dibuat_pada DESC LIMIT 1",
            )
            .bind(akun_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// Counts a wrong token entry; voids the token once `maks` is reached.
    pub async fn catat_token_salah(
        &self,
        hash: &str,
        maks: i32,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE token_akun SET percobaan = percobaan + 1, \
                 dipakai_pada = CASE WHEN percobaan + 1 >= $2 THEN $3 ELSE dipakai_pada END WHERE hash = $1",
            )
            .bind(hash)
            .bind(maks)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Starts TOTP enrolment: stores the secret (not yet required at login).
    pub async fn mulai_mfa(&self, akun_id: Uuid, rahasia_base32: &str) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query("UPDATE akun SET mfa_rahasia = $2, mfa_aktif = FALSE WHERE id = $1")
                .bind(akun_id)
                .bind(rahasia_base32)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Completes enrolment: MFA required from now on, with these recovery-code hashes (audited).
    pub async fn aktifkan_mfa(
        &self,
        akun_id: Uuid,
        langkah: i64,
        kode_pemulihan_hash: &[String],
        audit: AuditBaru,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE akun SET mfa_aktif = TRUE, mfa_langkah_terakhir = $2 WHERE id = $1",
            )
            .bind(akun_id)
            .bind(langkah)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM kode_pemulihan WHERE akun_id = $1")
                .bind(akun_id)
                .execute(&mut *tx)
                .await?;
            for h in kode_pemulihan_hash {
                sqlx::query("INSERT INTO kode_pemulihan (akun_id, hash) VALUES ($1, $2)")
                    .bind(akun_id)
                    .bind(h)
                    .execute(&mut *tx)
                    .await?;
            }
            crate::tulis_audit!(tx, vec![audit], now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes MFA (an admin's reset): the holder enrols again at next login (audited).
    pub async fn reset_mfa(
        &self,
        akun_id: Uuid,
        audit: AuditBaru,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE akun SET mfa_aktif = FALSE, mfa_rahasia = NULL, mfa_langkah_terakhir = NULL WHERE id = $1",
            )
            .bind(akun_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM kode_pemulihan WHERE akun_id = $1")
                .bind(akun_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sesi WHERE akun_id = $1")
                .bind(akun_id)
                .execute(&mut *tx)
                .await?;
            crate::tulis_audit!(tx, vec![audit], now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Records the TOTP step just accepted, only if it is newer (false: a replay raced us).
    pub async fn catat_langkah_mfa(&self, akun_id: Uuid, langkah: i64) -> StoreResult<bool> {
        let n = on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE akun SET mfa_langkah_terakhir = $2 WHERE id = $1 \
                 AND (mfa_langkah_terakhir IS NULL OR mfa_langkah_terakhir < $2)",
            )
            .bind(akun_id)
            .bind(langkah)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }

    /// Uses up a recovery code; true if it was valid and unused.
    pub async fn pakai_kode_pemulihan(
        &self,
        akun_id: Uuid,
        hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let n = on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE kode_pemulihan SET dipakai_pada = $3 WHERE akun_id = $1 AND hash = $2 AND dipakai_pada IS NULL",
            )
            .bind(akun_id)
            .bind(hash)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }
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

enum Either<'a> {
    Id(Uuid),
    Teks(&'a str),
}
