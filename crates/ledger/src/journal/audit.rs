//! The audit log of manager actions: what was done and when. It names what changed, never the
//! value of a secret.

use rusqlite::params;
use time::OffsetDateTime;

use super::{Journal, JournalError, from_ms, now_ms};

/// A manager action worth keeping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditAction {
    Unlock,
    /// A failed PIN entry.
    UnlockRefused,
    PinSet,
    /// Too many wrong PINs: the entry is locked for this long.
    PinLockedOut {
        failures: u32,
        seconds: u64,
    },
    /// Settings saved; the names of the fields that changed.
    SettingsChanged(Vec<String>),
    ApiKeyStored,
    D24SecretStored,
    SigningKeyImported,
    SigningKeyGenerated,
    JwksExported,
    StickerExported,
    InvoiceQrExported,
    /// The till joined a shop server.
    ShopJoined {
        server: String,
    },
    /// A sale's receipt printed (again, when `reprint`).
    ReceiptPrinted {
        payment_id: String,
        reprint: bool,
    },
    /// A void-enabled payment voided at the till (the customer's money goes back).
    Void {
        payment_id: String,
    },
    /// A refund asked for (its outcome is in the refunds table).
    Refund {
        payment_id: String,
        amount: crate::money::Money,
    },
    /// A refund over a D24 deposit asked for (its outcome is in the D24 refunds table).
    D24Refund {
        deposit_id: u64,
        amount: String,
    },
    /// The customer's IBAN read for a manual refund.
    RefundIbanAsked {
        payment_id: String,
    },
    /// A shift closed with this Z report number.
    ZReport {
        number: i64,
    },
    ShiftReportExported,
    PayoutsExported,
    /// A payment still waiting, cancelled from Today's sales (left behind, another till's).
    Cancel {
        payment_id: String,
    },
    /// A payment left waiting for acknowledgement, completed.
    Acknowledge {
        payment_id: String,
    },
    /// A damaged journal moved aside and a new one started.
    JournalSetAside {
        to: String,
    },
    /// The journal replaced by a backup (its path).
    JournalRestored {
        from: String,
    },
    /// An unreadable settings file moved aside, this till's keys forgotten, defaults started.
    SettingsSetAside {
        to: String,
    },
    /// How an action audited as it was asked (a void, cancel, acknowledge) ended: "done", or
    /// what went wrong (one that timed out may still have happened).
    Outcome {
        action: Box<AuditAction>,
        outcome: String,
    },
}

impl AuditAction {
    pub fn cancel(payment_id: String) -> AuditAction {
        AuditAction::Cancel { payment_id }
    }

    pub fn void(payment_id: String) -> AuditAction {
        AuditAction::Void { payment_id }
    }

    pub fn acknowledge(payment_id: String) -> AuditAction {
        AuditAction::Acknowledge { payment_id }
    }

    fn parts(&self) -> (&'static str, String) {
        match self {
            AuditAction::Unlock => ("unlock", String::new()),
            AuditAction::UnlockRefused => ("unlock-refused", String::new()),
            AuditAction::PinSet => ("pin-set", String::new()),
            AuditAction::PinLockedOut { failures, seconds } => (
                "pin-locked-out",
                format!("{failures} wrong PINs in a row; locked for {seconds} s"),
            ),
            AuditAction::SettingsChanged(fields) => ("settings-changed", fields.join(", ")),
            AuditAction::ApiKeyStored => ("api-key-stored", String::new()),
            AuditAction::D24SecretStored => ("d24-secret-stored", String::new()),
            AuditAction::SigningKeyImported => ("signing-key-imported", String::new()),
            AuditAction::SigningKeyGenerated => ("signing-key-generated", String::new()),
            AuditAction::JwksExported => ("jwks-exported", String::new()),
            AuditAction::StickerExported => ("sticker-exported", String::new()),
            AuditAction::InvoiceQrExported => ("invoice-qr-exported", String::new()),
            AuditAction::ShopJoined { server } => ("shop-joined", server.clone()),
            AuditAction::ReceiptPrinted {
                payment_id,
                reprint,
            } => (
                "receipt-printed",
                if *reprint {
                    format!("{payment_id} reprint")
                } else {
                    payment_id.clone()
                },
            ),
            AuditAction::Void { payment_id } => ("void", payment_id.clone()),
            AuditAction::Cancel { payment_id } => ("cancel", payment_id.clone()),
            AuditAction::ZReport { number } => ("z-report", number.to_string()),
            AuditAction::ShiftReportExported => ("shift-report-exported", String::new()),
            AuditAction::PayoutsExported => ("payouts-exported", String::new()),
            AuditAction::Refund { payment_id, amount } => (
                "refund",
                format!("{payment_id} {}", amount.to_decimal_string()),
            ),
            AuditAction::D24Refund { deposit_id, amount } => {
                ("d24-refund", format!("deposit {deposit_id} {amount}"))
            }
            AuditAction::RefundIbanAsked { payment_id } => {
                ("refund-iban-asked", payment_id.clone())
            }
            AuditAction::Acknowledge { payment_id } => ("acknowledge", payment_id.clone()),
            AuditAction::JournalSetAside { to } => ("journal-set-aside", to.clone()),
            AuditAction::SettingsSetAside { to } => ("settings-set-aside", to.clone()),
            AuditAction::JournalRestored { from } => ("journal-restored", from.clone()),
            AuditAction::Outcome { action, outcome } => {
                let (name, detail) = action.parts();
                ("outcome", format!("{name} {detail}: {outcome}"))
            }
        }
    }
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: OffsetDateTime,
    pub action: String,
    pub detail: String,
}

impl Journal {
    pub async fn audit(&self, action: AuditAction) -> Result<(), JournalError> {
        self.audit_from(action, super::Door::Screen).await
    }

    /// Audits `action`, saying when it came from the command line.
    pub async fn audit_from(
        &self,
        action: AuditAction,
        door: super::Door,
    ) -> Result<(), JournalError> {
        let (name, mut detail) = action.parts();
        if door == super::Door::CommandLine {
            detail = if detail.is_empty() {
                "[command line]".into()
            } else {
                format!("{detail} [command line]")
            };
        }
        self.run(move |conn| {
            conn.execute(
                "INSERT INTO audit (at, action, detail) VALUES (?1, ?2, ?3)",
                params![now_ms(), name, detail],
            )
            .map(|_| ())
        })
        .await
    }

    /// Wrong PINs in a row since the last right one (or a new PIN), at the till or on the
    /// command line, and when the last was: the one lock-out both share.
    pub async fn pin_failures(&self) -> Result<(u32, Option<OffsetDateTime>), JournalError> {
        self.run(|conn| {
            conn.query_row(
                "SELECT COUNT(*), MAX(at) FROM audit WHERE action = 'unlock-refused' AND id >
                    COALESCE((SELECT MAX(id) FROM audit WHERE action IN ('unlock', 'pin-set')), 0)",
                [],
                |r| {
                    Ok((
                        r.get::<_, u32>(0)?,
                        r.get::<_, Option<i64>>(1)?.map(from_ms),
                    ))
                },
            )
        })
        .await
    }

    /// The audit log, newest first.
    /// Whether the customer's receipt of `payment_id` has been printed (a copy printed now is
    /// a reprint, and says so).
    pub async fn receipt_printed(&self, payment_id: &str) -> Result<bool, JournalError> {
        let id = payment_id.to_string();
        self.run(move |conn| {
            conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM audit WHERE action = 'receipt-printed'
                    AND (detail = ?1 OR detail = ?1 || ' reprint'))",
                [&id],
                |r| r.get(0),
            )
        })
        .await
    }

    pub async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, JournalError> {
        self.run(move |conn| {
            let mut stmt =
                conn.prepare("SELECT at, action, detail FROM audit ORDER BY id DESC LIMIT ?1")?;
            stmt.query_map([limit], |r| {
                Ok(AuditEntry {
                    at: from_ms(r.get(0)?),
                    action: r.get(1)?,
                    detail: r.get(2)?,
                })
            })?
            .collect()
        })
        .await
    }
}
