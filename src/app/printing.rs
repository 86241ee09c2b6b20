//! Printing from the till: the customer's receipt after a payment (on request, or at once when
//! set), a reprint of the last one, and the settings' test page. Off the UI thread with time
//! limits: a printer that is off or stuck gives the cashier a message, never holds the sale.

use iced::Task;
use kassa_print::Document;

use super::{App, Message, Screen};
use crate::fl;

impl App {
    /// Whether a receipt printer is set.
    pub(super) fn has_printer(&self) -> bool {
        self.settings.receipt_printer().is_some()
    }

    /// The last receipt again (marked a reprint when it was printed before).
    pub(super) fn reprint(&mut self) -> Task<Message> {
        match self.last_receipt.clone() {
            Some(payment) => self.receipt_of(payment),
            None => Task::none(),
        }
    }

    /// Prints `doc` (not a receipt) on the receipt printer, saying `done` when it is printed.
    pub(super) fn send_to_printer(&mut self, doc: Document, done: String) -> Task<Message> {
        self.printing_for = None;
        let job = crate::receipts::job(&self.settings, doc, done);
        self.run_print_job(job)
    }

    /// Runs a print job off the UI thread; its outcome comes back as [`Message::Printed`].
    pub(super) fn run_print_job(
        &mut self,
        job: Option<Result<crate::receipts::Job, String>>,
    ) -> Task<Message> {
        match job {
            None => Task::none(),
            Some(Err(why)) => {
                let receipt = self.printing_for.take().is_some();
                self.print_note = Some(Err(not_printed(why, receipt)));
                Task::none()
            }
            Some(Ok(job)) => {
                self.printing = true;
                self.print_note = None;
                Task::perform(job, Message::Printed)
            }
        }
    }

    /// The settings' test page, on the printer as the form has it (saved or not): the
    /// receipt printer's, or with `a4` the report printer's.
    pub(super) fn print_test(
        &mut self,
        draft: &crate::config::Settings,
        a4: bool,
    ) -> Task<Message> {
        use crate::screen::settings::Message as S;
        let said = |r: Result<String, String>| {
            Message::Settings(S::Done(
                r.map_err(|why| fl!("print-failed-plain", why = why)),
            ))
        };
        let job = if a4 {
            let lines = crate::receipts::a4_test_page(draft, self.lang);
            crate::receipts::a4_job(draft, fl!("receipt-test-title"), lines).map(Ok)
        } else {
            let page = crate::receipts::test_page(draft, self.lang);
            crate::receipts::job(draft, page, fl!("print-test-done"))
        };
        let none = if a4 {
            fl!("print-no-report-printer")
        } else {
            fl!("print-no-printer")
        };
        match job {
            None => Task::done(said(Err(none))),
            Some(Err(why)) => Task::done(said(Err(why))),
            Some(Ok(job)) => Task::perform(job, said),
        }
    }

    pub(super) fn printed(&mut self, result: Result<String, String>) -> Task<Message> {
        self.printing = false;
        if let Err(e) = &result {
            tracing::warn!(error = %e, "a slip was not printed");
        }
        // A receipt printed is in the sale's audit (a reprint says so).
        let receipt = self.printing_for.is_some();
        let audit = match (self.printing_for.take(), &result) {
            (Some((payment_id, reprint)), Ok(_)) => {
                self.audit(crate::journal::AuditAction::ReceiptPrinted {
                    payment_id,
                    reprint,
                })
            }
            _ => Task::none(),
        };
        self.print_note = Some(match result {
            Ok(done) => Ok(done),
            Err(why) => Err(not_printed(why, receipt)),
        });
        audit
    }

    /// The code of the payment on screen, on paper.
    pub(super) fn print_qr(&mut self) -> Task<Message> {
        let Screen::Checkout(c) = &self.screen else {
            return Task::none();
        };
        match crate::receipts::payment_qr(&self.settings, c.payment(), self.lang) {
            Some(doc) => self.send_to_printer(doc, fl!("print-qr-done")),
            None => Task::none(),
        }
    }

    /// The paid payment on screen's receipt.
    pub(super) fn print_receipt(&mut self) -> Task<Message> {
        let Screen::Checkout(c) = &self.screen else {
            return Task::none();
        };
        let payment = Box::new(c.payment().clone());
        self.receipt_of(payment)
    }

    /// `payment`'s receipt, once the journal has said which shift it is in and whether a copy
    /// was printed before.
    pub(super) fn receipt_of(
        &mut self,
        payment: Box<crate::payconiq::model::Payment>,
    ) -> Task<Message> {
        let Some(journal) = self.journal.clone() else {
            return Task::done(Message::ReceiptFor {
                payment,
                shift: None,
                reprint: false,
            });
        };
        let id = payment.payment_id.clone();
        Task::perform(
            async move {
                let shift = journal.shift_of_payment(&id).await.ok().flatten();
                let reprint = journal.receipt_printed(&id).await.unwrap_or(false);
                (shift, reprint)
            },
            move |(shift, reprint)| Message::ReceiptFor {
                payment,
                shift,
                reprint,
            },
        )
    }

    /// Prints `payment`'s receipt, naming `shift`, remembered for Reprint last receipt.
    pub(super) fn receipt_for(
        &mut self,
        payment: Box<crate::payconiq::model::Payment>,
        shift: Option<i64>,
        reprint: bool,
    ) -> Task<Message> {
        let mut doc = crate::receipts::sale(&self.settings, &payment, shift, self.lang);
        if reprint {
            doc = crate::receipts::reprint(&doc);
        }
        let job = crate::receipts::job(&self.settings, doc, fl!("print-done"));
        self.printing_for = Some((payment.payment_id.clone(), reprint));
        self.last_receipt = Some(payment);
        self.run_print_job(job)
    }
}

/// A slip not printed, in words true of it: for a receipt, that the sale is safe and it can be
/// printed later; for anything else (a code, a report, a refund slip) only why.
fn not_printed(why: String, receipt: bool) -> String {
    if receipt {
        fl!("print-failed", why = why)
    } else {
        fl!("print-failed-plain", why = why)
    }
}
