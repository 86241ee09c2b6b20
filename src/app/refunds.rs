//! The Refund screen's actions: building the D24 client (off the UI thread: the keychain),
//! resending or rereading what the journal holds open, sending, following.

use iced::Task;

use super::{App, Message, Screen};
use crate::d24::flow;
use crate::explain::Explain;
use crate::fl;
use crate::screen::refund;
use crate::screen::till::Till;

fn to_screen(m: refund::Message) -> Message {
    Message::Refund(m)
}

impl App {
    pub(super) fn open_refund(&mut self) -> Task<Message> {
        self.set_screen(Screen::Refund(Box::default()));
        let settings = self.settings.clone();
        let store = self.secrets.clone();
        let services = self.services.clone();
        let journal = self.journal.clone();
        let deposits = Task::done(to_screen(refund::Message::Deposits(
            self.sandbox_deposits(),
        )));
        let ready = Task::perform(
            async move {
                let client = tokio::task::spawn_blocking(move || {
                    crate::services::d24_client(
                        &settings,
                        &*store,
                        services.as_ref().and_then(|s| s.sandbox.as_ref()),
                    )
                })
                .await
                .map_err(|e| e.to_string())??;
                let journal = journal.ok_or_else(|| fl!("journal-needed"))?;
                // Lost answers are asked for again and settling refunds read, as at start-up.
                let recent = match flow::recover(&client, &journal).await {
                    Ok(_) => journal.d24_refunds().await.map_err(|e| e.explain())?,
                    Err(e) => return Err(e.explain()),
                };
                Ok((client, recent))
            },
            |r| to_screen(refund::Message::Ready(r)),
        );
        Task::batch([deposits, ready])
    }

    /// The embedded sandbox's D24 deposits, when refunds go there (nothing otherwise).
    fn sandbox_deposits(&self) -> Vec<crate::sandbox::d24::DepositSummary> {
        let on_sandbox = self.settings.d24.environment == crate::config::D24Environment::Sandbox;
        match self.services.as_ref().and_then(|s| s.sandbox.as_ref()) {
            Some(sandbox) if on_sandbox => sandbox.d24_deposits(),
            _ => Vec::new(),
        }
    }

    pub(super) fn refund(&mut self, message: refund::Message) -> Task<Message> {
        let Screen::Refund(r) = &mut self.screen else {
            return Task::none();
        };
        let action = r.update(message);
        match action {
            refund::Action::None => Task::none(),
            refund::Action::Deposits => Task::done(to_screen(refund::Message::Deposits(
                self.sandbox_deposits(),
            ))),
            refund::Action::History => self.open_history(),
            refund::Action::Settings => self.open_settings(),
            refund::Action::Close => {
                self.set_screen(Screen::Till(Till::new(self.lang)));
                Task::none()
            }
            // Nothing is sent without the journal to keep it, and the books to count it in.
            _ => match (self.journal.clone(), self.books()) {
                (Some(journal), Some(books)) => refund_request(action, journal, books),
                _ => Task::done(to_screen(refund::Message::Sent(Err((
                    None,
                    fl!("journal-needed"),
                ))))),
            },
        }
    }
}

/// The Refund screen's calls to D24, each through the journal.
fn refund_request(
    action: refund::Action,
    journal: crate::journal::Journal,
    books: String,
) -> Task<Message> {
    match action {
        refund::Action::Send {
            client,
            request,
            method,
            currency,
        } => Task::perform(
            async move {
                flow::request(&client, &journal, &books, &request, method, &currency)
                    .await
                    .map_err(|(entry, e)| (entry, e.explain()))
            },
            |r| to_screen(refund::Message::Sent(r)),
        ),
        refund::Action::Resume(client, entry) => Task::perform(
            async move {
                flow::resume(&client, &journal, &entry)
                    .await
                    .map_err(|(entry, e)| (entry, e.explain()))
            },
            |r| to_screen(refund::Message::Sent(r)),
        ),
        refund::Action::Check(client, entry) => Task::perform(
            async move {
                flow::check(&client, &journal, &entry)
                    .await
                    .map_err(|e| e.explain())
            },
            |r| to_screen(refund::Message::Checked(r)),
        ),
        _ => Task::none(),
    }
}
