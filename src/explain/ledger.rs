//! The books' errors in words for the cashier or manager, in the current language.

use kassa_ledger::d24_flow::FlowError;
use kassa_ledger::journal::JournalError;
use kassa_ledger::recovery::RecoveryError;
use kassa_ledger::sale::CreateError;
use kassa_ledger::till_account::{AccountProblem, D24Problem};

use super::Explain;
use crate::fl;

impl Explain for JournalError {
    /// Words for the cashier or manager, in the UI language.
    fn explain(&self) -> String {
        match self {
            JournalError::Corrupt { path, .. } => {
                fl!("journal-corrupt", path = path.display().to_string())
            }
            JournalError::Full(_) => fl!("journal-full"),
            JournalError::ReadOnly(d) => fl!("journal-read-only", detail = d.clone()),
            JournalError::Newer(_) => fl!("journal-newer"),
            JournalError::Duplicate(r) => fl!("journal-duplicate", reference = r.clone()),
            JournalError::ShiftMoved(z) => fl!(
                "shift-moved",
                number = z.map(|n| n.to_string()).unwrap_or_else(|| "?".into())
            ),
            JournalError::Closed | JournalError::Other(_) => {
                fl!("journal-other", detail = self.to_string())
            }
        }
    }
}

impl Explain for CreateError {
    fn explain(&self) -> String {
        match self {
            CreateError::Journal(e) => e.explain(),
            CreateError::NotCreated(e) | CreateError::Unknown(e) => e.explain(),
        }
    }
}

impl Explain for RecoveryError {
    fn explain(&self) -> String {
        match self {
            RecoveryError::Api(e) => e.explain(),
            RecoveryError::Journal(e) => e.explain(),
        }
    }
}

impl Explain for FlowError {
    fn explain(&self) -> String {
        match self {
            FlowError::Journal(e) => e.explain(),
            FlowError::D24(e) => e.explain(),
            FlowError::InFlight => fl!("refund-in-flight"),
            FlowError::SandboxBooks => fl!("d24-sandbox-books"),
        }
    }
}

impl Explain for AccountProblem {
    fn explain(&self) -> String {
        match self {
            AccountProblem::MissingIds => fl!("settings-missing-ids"),
            AccountProblem::MissingApiKey => fl!("settings-missing-api-key"),
            AccountProblem::MissingSigningKey => fl!("settings-missing-signing-key"),
            AccountProblem::SigningKey(detail) => detail.clone(),
        }
    }
}

impl Explain for D24Problem {
    fn explain(&self) -> String {
        match self {
            D24Problem::MissingUrl => fl!("d24-missing-url"),
            D24Problem::MissingLogin => fl!("d24-missing-login"),
            D24Problem::MissingSecret => fl!("d24-missing-secret"),
        }
    }
}
