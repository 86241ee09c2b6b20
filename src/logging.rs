//! Logs for the GUI go to a daily-rotated file in the OS data directory (a week is kept).
//! Secrets never reach a log: they are `Secret`/`SigningKey`, whose formatting is redacted.

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};

/// The log directory (`…/kassa/logs`).
pub fn log_dir() -> Option<std::path::PathBuf> {
    crate::config::data_dir().map(|d| d.join("logs"))
}

/// Starts file logging; keep the guard alive for the program's life so lines get flushed.
pub fn init_file() -> Option<WorkerGuard> {
    let dir = log_dir()?;
    // Logs name payments and references: the user's only (0700; files inside inherit the
    // protection).
    crate::config::private_dir(&dir).ok()?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("kassa")
        .filename_suffix("log")
        .max_log_files(7)
        .build(&dir)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = tracing_subscriber::EnvFilter::try_from_env("KASSA_LOG")
        .unwrap_or_else(|_| "info,wgpu=warn,iced=warn".into());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(writer)
        .try_init()
        .ok()?;
    Some(guard)
}
