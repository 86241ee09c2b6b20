//! The payment on screen: its status reads and merchant operations (cancel, void, acknowledge),
//! each answer naming the payment it is for and aborted with the screen; the journal hears each
//! new status; the sandbox phone acts on the payment shown.

use iced::Task;

use super::{App, Message, Screen};
use crate::journal::AuditAction;
use crate::screen::checkout;
use crate::screen::phone;
use crate::screen::till::Till;

impl App {
    pub(super) fn checkout(&mut self, message: checkout::Message) -> Task<Message> {
        let (Screen::Checkout(c), Some(services)) = (&mut self.screen, self.services.clone())
        else {
            return Task::none();
        };
        let client = services.client.clone();
        // What the API says goes to the journal before the screen shows it. Only news: a
        // poll repeating the same status costs the writer thread nothing; a callback only
        // counts when it moves the payment forward.
        let news = match &message {
            checkout::Message::Fetched(_, Ok(p)) if p.status != *c.status() => Some(p),
            checkout::Message::Pushed(p) if p.status.advances(c.status()) => Some(p),
            _ => None,
        };
        // Whether callbacks keep up: news by a callback proves they come; news found by a
        // read first says they do not (or not in time).
        let proof = match &message {
            checkout::Message::Pushed(p) => Some((p.payment_id.clone(), true)),
            checkout::Message::Fetched(id, Ok(p)) if p.status.advances(c.status()) => {
                Some((id.clone(), false))
            }
            _ => None,
        };
        let record = match (news, &self.journal) {
            (Some(p), Some(journal)) => {
                let (journal, p) = (journal.clone(), p.clone());
                Task::perform(
                    async move { journal.record_status(&p).await.map(|_| ()) },
                    Message::Recorded,
                )
            }
            _ => Task::none(),
        };
        let journal = self.journal.clone();
        let task: Task<Message> = match c.update(message) {
            checkout::Action::None => Task::none(),
            checkout::Action::Fetch(id) => {
                let for_id = id.clone();
                Task::perform(
                    async move { client.get_payment(&id).await.map(Box::new) },
                    move |r| Message::Checkout(checkout::Message::Fetched(for_id.clone(), r)),
                )
            }
            checkout::Action::Cancel(id) => {
                op_task(id, journal, AuditAction::cancel, move |id| async move {
                    client.cancel_payment(&id).await
                })
            }
            checkout::Action::Void(id) => {
                op_task(id, journal, AuditAction::void, move |id| async move {
                    client.void_payment(&id).await
                })
            }
            checkout::Action::Acknowledge(id, ack) => op_task(
                id,
                journal,
                AuditAction::acknowledge,
                move |id| async move { client.acknowledge_payment(&id, &ack).await },
            ),
            checkout::Action::Close => {
                self.set_screen(Screen::Till(Till::new(self.lang)));
                Task::none()
            }
            checkout::Action::Retry {
                amount,
                description,
            } => {
                self.set_screen(Screen::Till(Till::with(self.lang, amount, description)));
                Task::none()
            }
        };
        if let Some((id, by_callback)) = proof {
            self.callbacks_seen(&id, by_callback);
        }
        // The receipt on its own once paid, when the shop wants one after every payment.
        let receipt = match &self.screen {
            Screen::Checkout(c)
                if self.settings.print_after_payment
                    && *c.status() == crate::payconiq::model::PaymentStatus::Succeeded
                    && self.printed_for.as_deref() != Some(c.payment().payment_id.as_str()) =>
            {
                self.printed_for = Some(c.payment().payment_id.clone());
                self.print_receipt()
            }
            _ => Task::none(),
        };
        Task::batch([record, self.screen_task(task), receipt])
    }

    pub(super) fn phone(&mut self, message: phone::Message) -> Task<Message> {
        let action = self.phone.update(message);
        let Some(sandbox) = self.services.as_ref().and_then(|s| s.sandbox.as_ref()) else {
            return Task::none();
        };
        match action {
            phone::Action::None => Task::none(),
            phone::Action::SetVoidEnabled(on) => {
                sandbox.set_void_enabled(on);
                Task::none()
            }
            phone::Action::Customer(act) => {
                let Screen::Checkout(c) = &self.screen else {
                    return Task::none();
                };
                let id = c.payment().payment_id.clone();
                let result = if c.qr().is_none() && act == crate::sandbox::CustomerAction::Scan {
                    sandbox.scan_sticker(&self.settings.pos_id)
                } else {
                    sandbox.customer(&id, act)
                };
                self.phone.set_problem(result.err());
                // Show the change at once rather than at the next poll.
                self.checkout(checkout::Message::Poll)
            }
        }
    }

    /// Runs `task` as work of the current screen: aborted when the screen goes, so an answer
    /// for a checkout that is gone is never processed.
    fn screen_task(&mut self, task: Task<Message>) -> Task<Message> {
        if task.units() == 0 {
            return task;
        }
        let (task, handle) = task.abortable();
        // Reads and operations run one at a time each: older handles belong to finished work.
        if self.screen_tasks.len() >= 4 {
            self.screen_tasks.remove(0);
        }
        self.screen_tasks.push(handle.abort_on_drop());
        task
    }
}

/// A cancel, void or acknowledge whose answer names the payment it is for.
/// A cancel, void or acknowledge of the payment on screen, audited as asked and as it ended.
fn op_task<F, Fut>(
    id: String,
    journal: Option<crate::journal::Journal>,
    audit: fn(String) -> AuditAction,
    op: F,
) -> Task<Message>
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Result<(), crate::payconiq::Error>> + Send + 'static,
{
    let for_id = id.clone();
    let action = audit(id.clone());
    let run = super::manager::audited(journal, action, op(id));
    Task::perform(run, move |r| {
        Message::Checkout(checkout::Message::OpDone(for_id.clone(), r))
    })
}
