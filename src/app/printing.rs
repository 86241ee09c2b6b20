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
        self.send_to_printer(doc, fl!("print-done"))
    }

    /// The last receipt again, marked as a reprint.
    pub(super) fn reprint(&mut self) -> Task<Message> {
        match &self.last_receipt {
            Some((payment_id, doc)) => {
                let again = crate::receipts::reprint(doc);
                self.printing_for = Some((payment_id.clone(), true));
                self.send_to_printer(again, fl!("print-done"))
            }
            None => Task::none(),
        }
    }

    /// Prints `doc` on the receipt printer, saying `done` when it is printed.
    pub(super) fn send_to_printer(&mut self, doc: Document, done: String) -> Task<Message> {
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
                self.print_note = Some(Err(self.not_printed(why)));
                Task::none()
            }
            Some(Ok(job)) => {
                self.printing = true;
                self.print_note = None;
                Task::perform(job, Message::Printed)
            }
        }
    }

    /// A slip not printed, in words true where the cashier is: at the till, that the sale is
    /// safe; elsewhere (a report, a refund slip) only why.
    fn not_printed(&self, why: String) -> String {
        match self.screen {
            Screen::Till(_) | Screen::Checkout(_) => fl!("print-failed", why = why),
            _ => fl!("print-failed-plain", why = why),
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
        match job {
            None => Task::done(said(Err(fl!("print-no-printer")))),
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
            Err(why) => Err(self.not_printed(why)),
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

    /// The paid payment on screen's receipt, once the journal has said which shift it is in.
    pub(super) fn print_receipt(&mut self) -> Task<Message> {
        let Screen::Checkout(c) = &self.screen else {
            return Task::none();
        };
        let payment = Box::new(c.payment().clone());
        let Some(journal) = self.journal.clone() else {
            return Task::done(Message::ReceiptFor(payment, None));
        };
        let id = payment.payment_id.clone();
        Task::perform(
            async move { journal.shift_of_payment(&id).await.ok().flatten() },
            move |shift| Message::ReceiptFor(payment, shift),
        )
    }

    /// Prints `payment`'s receipt, naming `shift`.
    pub(super) fn receipt_for(
        &mut self,
        payment: &crate::payconiq::model::Payment,
        shift: Option<i64>,
    ) -> Task<Message> {
        let doc = crate::receipts::sale(&self.settings, payment, shift, self.lang);
        self.print(payment.payment_id.clone(), doc)
    }
}
