//! Framed codes the till saves as files: the shop's sticker and invoice QR codes, and the
//! exports every screen shares (through the dialog or a typed path, audited).

use iced::Task;

use super::{App, Message, Screen, manager};
use crate::fl;
use crate::screen::export;
use crate::screen::invoice;
use crate::screen::sticker;
use crate::screen::till::Till;

impl App {
    pub(super) fn sticker(&mut self, message: sticker::Message) -> Task<Message> {
        let Screen::Sticker(s) = &mut self.screen else {
            return Task::none();
        };
        match s.update(message) {
            sticker::Action::None => Task::none(),
            sticker::Action::Close => self.open_settings(),
            sticker::Action::Print(payload) => {
                let doc = crate::receipts::sticker(&self.settings, &payload);
                self.send_to_printer(doc, fl!("print-qr-done"))
            }
            sticker::Action::Export(action) => {
                self.export(action, crate::journal::AuditAction::StickerExported, |m| {
                    Message::Sticker(sticker::Message::Export(m))
                })
            }
        }
    }

    pub(super) fn invoice(&mut self, message: invoice::Message) -> Task<Message> {
        let Screen::Invoice(i) = &mut self.screen else {
            return Task::none();
        };
        let made = i.invoice();
        match i.update(message) {
            invoice::Action::None => Task::none(),
            invoice::Action::Print {
                payload,
                amount,
                description,
            } => {
                let doc = crate::receipts::invoice_qr(
                    &self.settings,
                    &payload,
                    amount,
                    &description,
                    self.lang,
                );
                self.send_to_printer(doc, fl!("print-qr-done"))
            }
            invoice::Action::Close => {
                self.set_screen(Screen::Till(Till::new(self.lang)));
                Task::none()
            }
            invoice::Action::Export(action) => {
                // A code saved is an invoice this till made: its payment will be this till's.
                let keep = match action {
                    crate::screen::export::Action::None => Task::none(),
                    _ => self.keep_invoice(made),
                };
                let export = self.export(
                    action,
                    crate::journal::AuditAction::InvoiceQrExported,
                    |m| Message::Invoice(invoice::Message::Export(m)),
                );
                Task::batch([keep, export])
            }
            invoice::Action::PayInSandbox(payload) => {
                let keep = self.keep_invoice(made);
                let Some(sandbox) = self.services.as_ref().and_then(|s| s.sandbox.as_ref()) else {
                    return Task::none();
                };
                let lang = self.lang;
                let paid = sandbox
                    .scan_template(&payload)
                    .and_then(|p| sandbox.confirm(&p.payment_id, crate::money::Money::default()));
                let r =
                    paid.map(|p| fl!("invoice-paid-sandbox", amount = p.paid_total().format(lang)));
                Task::batch([
                    keep,
                    Task::done(Message::Invoice(invoice::Message::Paid(r))),
                ])
            }
        }
    }

    /// Keeps an invoice code in the journal (once while unpaid), on the till's books.
    fn keep_invoice(&self, made: Option<crate::payconiq::template::Invoice>) -> Task<Message> {
        let (Some(made), Some(journal), Some(books)) = (made, self.journal.clone(), self.books())
        else {
            return Task::none();
        };
        let text = |s: String| Some(s).filter(|s| !s.is_empty());
        let record = crate::journal::InvoiceRecord {
            account: books,
            amount: made.amount,
            description: text(made.description),
            reference: text(made.reference),
            at: time::OffsetDateTime::now_utc(),
        };
        Task::perform(
            async move { journal.record_invoice(record).await.map(|_| ()) },
            Message::Recorded,
        )
    }

    /// Carries out an export asked for by a screen; its outcome goes back as `reply`.
    pub(super) fn export(
        &mut self,
        action: export::Action,
        audit: crate::journal::AuditAction,
        reply: fn(export::Message) -> Message,
    ) -> Task<Message> {
        let (file, typed) = match action {
            export::Action::None => return Task::none(),
            export::Action::Save(file) => (file, None),
            export::Action::SaveTo(file, path) => (file, Some(path)),
        };
        Task::perform(
            manager::save_file(
                file.file_name,
                file.bytes,
                self.file_target(typed),
                self.journal.clone(),
                audit,
            ),
            move |r| reply(export::Message::Saved(r)),
        )
    }
}
