//! Settings of the web layer, with safe defaults.

/// Web settings.
#[derive(Debug, Clone)]
pub struct KonfigurasiWeb {
    /// Name shown on pages and in e-mails.
    pub nama_instance: String,
    /// Cookies only over https (off only for plain-http local use).
    pub cookie_secure: bool,
    /// Served over https (adds HSTS).
    pub https: bool,
    /// Take the client address from X-Forwarded-For (behind a trusted load balancer only).
    pub percaya_proxy: bool,
    /// Minutes a reset/activation token stays valid.
    pub token_menit: i64,
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
    /// Public base URL for links in e-mails (e.g. https://siasn.contoh.go.id).
    pub url_publik: String,
    /// Largest accepted upload, in bytes, per file.
    pub batas_unggah: usize,
    /// Card photos must have a transparent background (the agencies' letters ask for it).
    pub foto_wajib_transparan: bool,
}

impl Default for KonfigurasiWeb {
    fn default() -> Self {
        Self {
            nama_instance: "SIASN".into(),
            cookie_secure: true,
            https: false,
            percaya_proxy: false,
            token_menit: 30,
            token_maks_percobaan: 5,
            sesi_idle_menit: 30,
            sesi_mutlak_jam: 12,
            ingat_saya_hari: 30,
            panjang_sandi_minimum: 8,
            gagal_sebelum_tunda: 3,
            gagal_sebelum_kunci: 10,
            kunci_menit: 15,
            url_publik: "http://127.0.0.1:8080".into(),
            batas_unggah: 2 * 1024 * 1024,
            foto_wajib_transparan: true,
        }
    }
}

impl KonfigurasiWeb {
    /// Session cookie name (`__Host-` needs Secure, so plain-http use drops the prefix).
    pub fn cookie_sesi(&self) -> &'static str {
        if self.cookie_secure {
            "__Host-siasn"
        } else {
            "siasn"
        }
    }

    /// CSRF double-submit cookie name for forms before sign-in.
    pub fn cookie_csrf(&self) -> &'static str {
        if self.cookie_secure {
            "__Host-siasn-csrf"
        } else {
            "siasn-csrf"
        }
    }

    /// A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, Secure when configured.
    pub fn set_cookie(&self, nama: &str, nilai: &str, umur_detik: Option<i64>) -> String {
        let mut c = format!("{nama}={nilai}; Path=/; HttpOnly; SameSite=Lax");
        if self.cookie_secure {
            c.push_str("; Secure");
        }
        if let Some(s) = umur_detik {
            c.push_str(&format!("; Max-Age={s}"));
        }
        c
    }
}
