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

    /// Prints the receipt of payment `payment_id`, remembering it for a reprint.
    pub(super) fn print(&mut self, payment_id: String, doc: Document) -> Task<Message> {
        self.last_receipt = Some((payment_id.clone(), doc.clone()));
        self.printing_for = Some((payment_id, false));
        self.send_to_printer(doc)
    }

    /// The last receipt again, marked as a reprint.
    pub(super) fn reprint(&mut self) -> Task<Message> {
        match &self.last_receipt {
            Some((payment_id, doc)) => {
                let again = crate::receipts::reprint(doc);
                self.printing_for = Some((payment_id.clone(), true));
                self.send_to_printer(again)
            }
            None => Task::none(),
        }
    }

    pub(super) fn send_to_printer(&mut self, doc: Document) -> Task<Message> {
        match crate::receipts::job(&self.settings, doc) {
            None => Task::none(),
            Some(Err(why)) => {
                self.print_note = Some(Err(fl!("print-failed", why = why)));
                Task::none()
            }
            Some(Ok(job)) => {
                self.printing = true;
                self.print_note = None;
                Task::perform(job, Message::Printed)
            }
        }
    }

    /// The settings' test page, on the printer as the form has it (saved or not).
    pub(super) fn print_test(&mut self, draft: &crate::config::Settings) -> Task<Message> {
        use crate::screen::settings::Message as S;
        let doc = crate::receipts::test_page(draft, self.lang);
        let said = |r: Result<(), String>| {
            Message::Settings(S::Done(
                r.map(|()| fl!("print-done"))
                    .map_err(|why| fl!("print-failed", why = why)),
            ))
        };
        match crate::receipts::job(draft, doc) {
            None => Task::done(said(Err(fl!("print-no-printer")))),
            Some(Err(why)) => Task::done(said(Err(why))),
            Some(Ok(job)) => Task::perform(job, said),
        }
    }

    pub(super) fn printed(&mut self, result: Result<(), String>) -> Task<Message> {
        self.printing = false;
        if let Err(e) = &result {
            tracing::warn!(error = %e, "a slip was not printed");
        }
        // A receipt printed is in the sale's audit (a reprint says so).
        let audit = match (self.printing_for.take(), &result) {
            (Some((payment_id, reprint)), Ok(())) => {
                self.audit(crate::journal::AuditAction::ReceiptPrinted {
                    payment_id,
                    reprint,
                })
            }
            _ => Task::none(),
        };
        self.print_note = Some(match result {
            Ok(()) => Ok(fl!("print-done")),
            Err(why) => Err(fl!("print-failed", why = why)),
        });
        audit
    }

    /// The code of the payment on screen, on paper.
    pub(super) fn print_qr(&mut self) -> Task<Message> {
        let Screen::Checkout(c) = &self.screen else {
            return Task::none();
        };
        match crate::receipts::payment_qr(&self.settings, c.payment(), self.lang) {
            Some(doc) => self.send_to_printer(doc),
            None => Task::none(),
        }
    }

    /// The paid payment on screen's receipt.
    pub(super) fn print_receipt(&mut self) -> Task<Message> {
        let Screen::Checkout(c) = &self.screen else {
            return Task::none();
        };
        let doc = crate::receipts::sale(&self.settings, c.payment(), self.lang);
        let id = c.payment().payment_id.clone();
        self.print(id, doc)
    }
}
