//! Settings of the web layer, with safe defaults; the use cases' own settings are nested.

use siasn_app::KonfigurasiApp;

/// Web settings.
#[derive(Debug, Clone)]
pub struct KonfigurasiWeb {
    /// Cookies only over https (off only for plain-http local use).
    pub cookie_secure: bool,
    /// Served over https (adds HSTS).
    pub https: bool,
    /// Take the client address from X-Forwarded-For (behind a trusted load balancer only).
    pub percaya_proxy: bool,
    /// Connection limits (slow clients, request time, connections per address).
    pub koneksi: crate::BatasKoneksi,
    /// Sign-in attempts per five minutes, per address and per account.
    pub batas_masuk: crate::infra::batas_laju::BatasMasuk,
    /// The use cases' settings (instance name, public URL, lock-out, sessions, uploads...).
    pub app: KonfigurasiApp,
    /// The NATS stream events go to, when configured (readiness checks it).
    pub nats: Option<siasn_app::peristiwa::AliranPeristiwa>,
}

impl Default for KonfigurasiWeb {
    fn default() -> Self {
        Self {
            cookie_secure: true,
            https: false,
            percaya_proxy: false,
            koneksi: crate::BatasKoneksi::default(),
            batas_masuk: crate::infra::batas_laju::BatasMasuk::default(),
            app: KonfigurasiApp::default(),
            nats: None,
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
