//! `kassa report` and `kassa journal`: the books from the command line, for back-office scripts
//! and accountants. Reports print the same figures as the Shift screen (`--csv` the same CSV);
//! taking a Z asks for the manager PIN as the screen does; reading asks nothing.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::pin::{self, PinArgs};
use crate::explain::Explain;
use crate::fl;
use crate::journal::{Door, Journal, ledger};
use crate::reports::{self, ShiftReport};

#[derive(Args, Debug, Clone, Default)]
pub struct Books {
    /// Whose books: `sandbox`, or an account as the journal names it (API base#profile).
    /// Default: the account the till is set up with.
    #[arg(long)]
    pub account: Option<String>,
    /// Print CSV, as the Shift screen saves it.
    #[arg(long)]
    pub csv: bool,
    /// Also print the report on paper: as A4 pages on the report printer when one is set,
    /// else on the receipt printer.
    #[arg(long)]
    pub print: bool,
}

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// The X report of the open shift (nothing closes).
    X {
        #[command(flatten)]
        books: Books,
    },
    /// Close the open shift under the next Z number (asks the manager PIN), or with --number
    /// print an earlier Z again as it was taken (closes nothing, asks nothing).
    Z {
        #[arg(long)]
        number: Option<i64>,
        #[command(flatten)]
        books: Books,
        #[command(flatten)]
        pin: PinArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum JournalCommand {
    /// Walk the journal's hash chain and name the first row that does not fit (the till's
    /// journal, or FILE, e.g. a backup).
    Verify { file: Option<PathBuf> },
    /// Copy the journal into DIR (safe while the till runs) and verify the copy.
    Backup {
        dir: PathBuf,
        /// Keep only the newest N copies in DIR.
        #[arg(long)]
        keep: Option<usize>,
    },
    /// Put a backup in place of the till's journal (Kassa must be closed; the current journal
    /// is kept aside, never overwritten). Asks the manager PIN when one is set.
    Restore {
        file: PathBuf,
        #[command(flatten)]
        pin: PinArgs,
    },
}

type Outcome = Result<String, String>;

fn journal_path() -> Result<PathBuf, String> {
    crate::config::journal_path().ok_or_else(|| fl!("app-no-data-dir"))
}

fn open_journal() -> Result<Journal, String> {
    Journal::open(&journal_path()?).map_err(|e| e.explain())
}

fn show(report: &ShiftReport, csv: bool, shop: &crate::reports::Shop) -> String {
    if csv {
        return report.csv(shop).trim_end().to_string();
    }
    let lang = crate::i18n::current_language();
    reports::pdf::lines(report, lang, shop, time::OffsetDateTime::now_utc()).join("\n")
}

/// The report as the terminal shows it and, when asked, on paper (a Z taken is taken even
/// when the printer fails: the failure is said on standard error, the report still printed
/// to the terminal, and the exit status says it).
async fn shown(report: &ShiftReport, books: &Books, settings: &crate::config::Settings) -> Outcome {
    let text = show(report, books.csv, &settings.shop());
    if !books.print {
        return Ok(text);
    }
    let lang = crate::i18n::current_language();
    match super::run_print(crate::receipts::report_job(settings, report, lang)).await {
        Ok(done) => Ok(format!("{text}\n{done}")),
        Err(why) => {
            super::show::output(&text);
            Err(why)
        }
    }
}

/// Takes payments made with the till's invoice codes into the journal first, as the screens
/// do, when the account can be reached (else says so on standard error and goes on).
async fn sync_invoices(journal: &Journal, account: &str) {
    // Nothing to look for: no connection, no note.
    let since = time::OffsetDateTime::now_utc() - crate::invoices::INVOICE_LIFE;
    if journal
        .open_invoices(account, since)
        .await
        .is_ok_and(|open| open.is_empty())
    {
        return;
    }
    let synced = match super::api::client(&super::api::Connect::default()).await {
        Ok(client) => crate::invoices::sync(&client, journal, account)
            .await
            .map_err(|e| e.explain()),
        Err(e) => Err(e),
    };
    if let Err(e) = synced {
        super::show::note(&fl!("cli-report-invoices-unchecked", detail = e));
    }
}

pub async fn report(command: ReportCommand) -> Outcome {
    let settings = super::api::till_settings()?;
    let explain = |e: crate::journal::JournalError| e.explain();
    let account_of = |b: &Books| {
        b.account
            .clone()
            .unwrap_or_else(|| crate::services::books(&settings))
    };
    // An account typed by hand must be one the journal keeps books for: a typo would open
    // (and could close) books of its own.
    let checked = |journal: &Journal, b: &Books| {
        let journal = journal.clone();
        let given = b.account.clone();
        async move {
            match given {
                Some(a) if a != crate::journal::SANDBOX => {
                    match journal.knows_account(&a).await.map_err(|e| e.explain())? {
                        true => Ok(()),
                        false => Err(fl!("cli-report-unknown-account", account = a)),
                    }
                }
                _ => Ok(()),
            }
        }
    };
    match command {
        ReportCommand::X { books } => {
            let journal = open_journal()?;
            checked(&journal, &books).await?;
            sync_invoices(&journal, &account_of(&books)).await;
            let r = reports::x_report(&journal, &account_of(&books))
                .await
                .map_err(explain)?;
            shown(&r, &books, &settings).await
        }
        ReportCommand::Z {
            number: Some(n),
            books,
            ..
        } => {
            let journal = open_journal()?;
            checked(&journal, &books).await?;
            let r = reports::reprint_z(&journal, &account_of(&books), n)
                .await
                .map_err(explain)?
                .ok_or_else(|| fl!("shift-no-such-z", number = n.to_string()))?;
            shown(&r, &books, &settings).await
        }
        ReportCommand::Z {
            number: None,
            books,
            pin: pin_args,
        } => {
            let journal = open_journal()?;
            checked(&journal, &books).await?;
            pin::ask(&settings, &journal, &pin_args).await?;
            sync_invoices(&journal, &account_of(&books)).await;
            let r = reports::take_z(&journal, &account_of(&books), Door::CommandLine, None)
                .await
                .map_err(explain)?;
            shown(&r, &books, &settings).await
        }
    }
}

pub async fn journal(command: JournalCommand) -> Outcome {
    match command {
        JournalCommand::Verify { file } => {
            let path = match file {
                Some(f) => f,
                None => journal_path()?,
            };
            let verdict = crate::journal::verify_file(&path)?;
            verdict_text(&path, &verdict)
        }
        JournalCommand::Backup { dir, keep } => {
            let source = journal_path()?;
            if !source.is_file() {
                return Err(fl!("cli-journal-none", path = source.display().to_string()));
            }
            let backup = tokio::task::spawn_blocking(move || Journal::backup(&source, &dir, keep))
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| fl!("cli-backup-failed", detail = e.to_string()))?;
            let mut out = fl!(
                "cli-backup-made",
                path = backup.path.display().to_string(),
                entries = backup.verdict.checked.to_string()
            );
            for old in &backup.removed {
                out += &format!(
                    "\n{}",
                    fl!("cli-backup-removed", path = old.display().to_string())
                );
            }
            Ok(out)
        }
        JournalCommand::Restore {
            file,
            pin: pin_args,
        } => {
            let dir = crate::config::data_dir().ok_or_else(|| fl!("app-no-data-dir"))?;
            // No till may have the journal open while it is replaced.
            let _lock = crate::config::lock_data_dir(&dir).map_err(|e| e.explain())?;
            let to = journal_path()?;
            // Replacing the books is a manager's act (a till set up afresh has no PIN yet).
            let settings = super::api::till_settings()?;
            if !settings.manager_pin_hash.is_empty() {
                let current = Journal::open(&to).map_err(|e| e.explain())?;
                pin::ask(&settings, &current, &pin_args).await?;
            }
            let aside = Journal::restore(&file, &to)
                .map_err(|e| fl!("cli-restore-failed", detail = e.to_string()))?;
            // The restored books say so themselves, in their chain.
            let restored = Journal::open(&to).map_err(|e| e.explain())?;
            restored
                .audit_from(
                    crate::journal::AuditAction::JournalRestored {
                        from: file.display().to_string(),
                    },
                    Door::CommandLine,
                )
                .await
                .map_err(|e| e.explain())?;
            let mut out = fl!(
                "cli-restored",
                from = file.display().to_string(),
                to = to.display().to_string()
            );
            if let Some(aside) = aside {
                out += &format!(
                    "\n{}",
                    fl!("cli-restore-aside", path = aside.display().to_string())
                );
            }
            Ok(out)
        }
    }
}

fn verdict_text(path: &std::path::Path, v: &ledger::Verdict) -> Outcome {
    match &v.problem {
        None => {
            let mut out = fl!(
                "cli-verify-ok",
                path = path.display().to_string(),
                entries = v.checked.to_string(),
                head = v.head.clone().unwrap_or_default()
            );
            // Compare with the paper: the chain hash each account's last Z printed.
            for (account, number, hash) in &v.last_z {
                out += &format!(
                    "\n{}",
                    fl!(
                        "cli-verify-last-z",
                        number = number.to_string(),
                        account = reports::words::account_name(account),
                        hash = hash[..hash.len().min(16)].to_string()
                    )
                );
            }
            Ok(out)
        }
        Some(p) => Err(fl!(
            "cli-verify-failed",
            path = path.display().to_string(),
            problem = p.to_string(),
            entries = v.checked.to_string()
        )),
    }
}
