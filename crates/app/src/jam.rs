//! The clock, injected so lock-outs and expiries can be tested without sleeping.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// A source of the current time.
pub trait Jam: Send + Sync {
    /// Now.
    fn sekarang(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct JamSistem;

impl Jam for JamSistem {
    fn sekarang(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock tests move by hand.
#[derive(Debug, Clone)]
pub struct JamUji(Arc<Mutex<DateTime<Utc>>>);

impl JamUji {
    /// A clock stopped at `t`.
    pub fn pada(t: DateTime<Utc>) -> Self {
        Self(Arc::new(Mutex::new(t)))
    }

    /// Moves the clock forward.
    pub fn maju(&self, d: Duration) {
        if let Ok(mut t) = self.0.lock() {
            *t += d;
        }
    }
}

impl Jam for JamUji {
    fn sekarang(&self) -> DateTime<Utc> {
        self.0.lock().map_or_else(|_| Utc::now(), |t| *t)
    }
}
