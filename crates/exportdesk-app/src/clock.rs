//! The one place that knows what time it is. Everything below the app layer is handed dates.

use chrono::NaiveDateTime;

pub trait Clock: Send + Sync {
    /// Local wall-clock time (the shop works in Korean local time).
    fn now(&self) -> NaiveDateTime;
}

/// The computer's clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        chrono::Local::now().naive_local()
    }
}

/// A clock that always says the same time, for tests and reproducible runs
/// (`EXPORTDESK_TODAY=2026-11-27`).
pub struct FixedClock(pub NaiveDateTime);

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        self.0
    }
}

impl FixedClock {
    /// `YYYY-MM-DD` at 09:00, or `YYYY-MM-DDTHH:MM:SS`.
    pub fn parse(s: &str) -> Option<FixedClock> {
        let s = s.trim();
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
            .ok()
            .or_else(|| {
                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .ok()?
                    .and_hms_opt(9, 0, 0)
            })
            .map(FixedClock)
    }
}

/// The clock to use: `EXPORTDESK_TODAY` when set (tests, demos), else the system clock.
pub fn from_env() -> Box<dyn Clock> {
    match std::env::var("EXPORTDESK_TODAY")
        .ok()
        .and_then(|s| FixedClock::parse(&s))
    {
        Some(c) => Box::new(c),
        None => Box::new(SystemClock),
    }
}
