//! Settings of the use cases, with safe defaults.

/// Settings of the use cases.
#[derive(Debug, Clone)]
pub struct KonfigurasiApp {
    /// Name shown on pages and in e-mails.
    pub nama_instance: String,
    /// Public base URL for links in e-mails and QR codes (e.g. https://siasn.contoh.go.id).
    pub url_publik: String,
    /// Minutes a reset/activation token stays valid.
    pub token_menit: i64,
    /// Days a proposal may wait at one verification stage before the queue marks it late.
    pub tenggat_verifikasi_hari: u32,
    /// Wrong entries before a token is void.
    pub token_maks_percobaan: i32,
    /// Idle minutes before a session ends.
    pub sesi_idle_menit: i64,
    /// Hours after which a session ends whatever the activity.
    pub sesi_mutlak_jam: i64,
    /// Days a "remember me" session lasts.
    pub ingat_saya_hari: i64,
    /// Minimum password length (never below the documented 6).
    pub panjang_sandi_minimum: usize,
    /// Failures before each further attempt waits.
    pub gagal_sebelum_tunda: i32,
    /// Failures before the account locks.
    pub gagal_sebelum_kunci: i32,
    /// Minutes an account stays locked.
    pub kunci_menit: i64,
    /// Largest accepted upload, in bytes, per file.
    pub batas_unggah: usize,
    /// Card photos must have a transparent background (the agencies' letters ask for it).
    pub foto_wajib_transparan: bool,
    /// Officials' certificates may be issued by the instance CA (demo, an agency trying the
    /// system); when false only imported PKCS#12 certificates sign.
    pub ttd_ca_instans: bool,
    /// An RFC 3161 timestamp authority: every signature is stamped (PAdES B-T) when set.
    pub ttd_tsa_url: Option<String>,
    /// The passphrase of an imported instance seal (PKCS#12); never stored in the database.
    pub ttd_frasa_segel: Option<String>,
}

impl Default for KonfigurasiApp {
    fn default() -> Self {
        Self {
            nama_instance: "SIASN".into(),
            url_publik: "http://127.0.0.1:8080".into(),
            token_menit: 30,
            tenggat_verifikasi_hari: 5,
            token_maks_percobaan: 5,
            sesi_idle_menit: 30,
            sesi_mutlak_jam: 12,
            ingat_saya_hari: 30,
            panjang_sandi_minimum: 8,
            gagal_sebelum_tunda: 3,
            gagal_sebelum_kunci: 10,
            kunci_menit: 15,
            batas_unggah: 2 * 1024 * 1024,
            foto_wajib_transparan: true,
            ttd_ca_instans: true,
            ttd_tsa_url: None,
            ttd_frasa_segel: None,
        }
    }
}

impl KonfigurasiApp {
    /// The lock-out policy.
    pub fn kebijakan_kunci(&self) -> siasn_domain::akun::penguncian::KebijakanKunci {
        siasn_domain::akun::penguncian::KebijakanKunci {
            gagal_sebelum_tunda: self.gagal_sebelum_tunda,
            gagal_sebelum_kunci: self.gagal_sebelum_kunci,
            lama_kunci: chrono::Duration::minutes(self.kunci_menit),
        }
    }

    /// How long sessions live.
    pub fn batas_sesi(&self) -> siasn_domain::akun::sesi::BatasSesi {
        siasn_domain::akun::sesi::BatasSesi {
            idle: chrono::Duration::minutes(self.sesi_idle_menit),
            mutlak: chrono::Duration::hours(self.sesi_mutlak_jam),
            ingat_saya: chrono::Duration::days(self.ingat_saya_hari),
        }
    }
}
