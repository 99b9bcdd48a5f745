//! Delivering queued e-mail: over SMTP (`SIASN_SMTP_URL`), or, with no SMTP configured, into an
//! outbox folder so the demo works with nothing installed. Failures are retried with growing
//! pauses; requests never wait for delivery. Runs beside the server on every app server: claims
//! are optimistic, so each message goes out once.

use std::path::PathBuf;

use chrono::Duration;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use siasn_store::email::EmailKeluar;

use crate::App;

/// Pauses before the 2nd, 3rd, ... attempt; after the last one the message is given up.
const JEDA_COBA_LAGI_MENIT: [i64; 5] = [1, 5, 15, 60, 360];

/// Where messages go.
#[derive(Clone)]
pub enum Pengirim {
    /// An SMTP server.
    Smtp {
        /// The transport.
        transport: AsyncSmtpTransport<Tokio1Executor>,
        /// Sender address.
        dari: Mailbox,
    },
    /// `.eml` files in a folder.
    Folder {
        /// The folder.
        folder: PathBuf,
        /// Sender address.
        dari: Mailbox,
    },
}

impl Pengirim {
    /// From `SIASN_SMTP_URL` (`smtp://host:port`, `smtp://user:pass@host:587?tls=required`,
    /// `smtps://...`), or the outbox folder when there is none.
    pub fn dari_konfigurasi(
        smtp_url: Option<&str>,
        outbox: PathBuf,
        dari: &str,
    ) -> Result<Self, String> {
        let dari: Mailbox = dari
            .parse()
            .map_err(|e| format!("alamat pengirim '{dari}' tidak valid: {e}"))?;
        match smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| format!("SIASN_SMTP_URL tidak valid: {e}"))?
                    .timeout(Some(std::time::Duration::from_secs(20)))
                    .build();
                Ok(Self::Smtp { transport, dari })
            }
            None => {
                std::fs::create_dir_all(&outbox).map_err(|e| {
                    format!("folder outbox {} tidak dapat dibuat: {e}", outbox.display())
                })?;
                Ok(Self::Folder {
                    folder: outbox,
                    dari,
                })
            }
        }
    }

    fn dari(&self) -> &Mailbox {
        match self {
            Self::Smtp { dari, .. } | Self::Folder { dari, .. } => dari,
        }
    }

    async fn kirim(&self, e: &EmailKeluar) -> Result<(), String> {
        let ke: Mailbox =
            e.ke.parse()
                .map_err(|err| format!("alamat tujuan tidak valid: {err}"))?;
        let message = Message::builder()
            .from(self.dari().clone())
            .to(ke)
            .subject(e.subjek.clone())
            .message_id(Some(format!("<{}@siasn>", e.id)))
            .body(e.isi.clone())
            .map_err(|err| format!("pesan tidak dapat disusun: {err}"))?;
        match self {
            Self::Smtp { transport, .. } => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|err| err.to_string()),
            Self::Folder { folder, .. } => {
                let path = folder.join(format!("{}.eml", e.id));
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|err| err.to_string())?;
                // The file name is the message id; the content (which may hold a token) is not logged.
                tracing::info!(file = %path.display(), "e-mail written to the outbox folder");
                Ok(())
            }
        }
    }
}

/// The sender loop: wakes when a message is queued, and every few seconds for retries.
pub async fn jalankan(app: App, pengirim: Pengirim) {
    let bangun = app.bel_surel();
    loop {
        let now = app.sekarang();
        match app
            .store()
            .klaim_email(now, now + Duration::minutes(2), 20)
            .await
        {
            Ok(batch) => {
                for e in batch {
                    kirim_satu(&app, &pengirim, &e).await;
                }
            }
            Err(err) => tracing::warn!(error = %err, "cannot read the e-mail queue"),
        }
        tokio::select! {
            () = bangun.notified() => {},
            () = tokio::time::sleep(std::time::Duration::from_secs(5)) => {},
        }
    }
}

async fn kirim_satu(app: &App, pengirim: &Pengirim, e: &EmailKeluar) {
    let hasil = pengirim.kirim(e).await;
    let now = app.sekarang();
    let catat = match hasil {
        Ok(()) => app.store().email_terkirim(e.id, now).await,
        Err(galat) => {
            let coba_lagi = JEDA_COBA_LAGI_MENIT
                .get(usize::try_from(e.percobaan).unwrap_or(usize::MAX))
                .map(|m| now + Duration::minutes(*m));
            tracing::warn!(id = %e.id, attempt = e.percobaan + 1, error = %galat, retry = coba_lagi.is_some(), "e-mail delivery failed");
            app.store().email_gagal(e.id, &galat, coba_lagi).await
        }
    };
    if let Err(err) = catat {
        tracing::warn!(error = %err, "cannot record e-mail delivery");
    }
}
