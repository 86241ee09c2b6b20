//! The money path at the top level: charging with a journal record, following sales the till
//! lost sight of (start-up recovery, unknown create outcomes), and today's sales from the
//! journal first.

use iced::Task;

use super::{App, Message, Screen};
use crate::config::PayMode;
use crate::explain::Explain;
use crate::fl;
use crate::journal::{AuditAction, Entry, Journal, JournalError, account_key};
use crate::money::Money;
use crate::payconiq::model::{Payment, SearchCriteria};
use crate::recovery::{self, Next, RecoveryError, Resolution, Watched};
use crate::sale::{self, CreateError, Sale};
use crate::screen::attention;
use crate::screen::checkout::Checkout;
use crate::screen::till::Till;
use crate::screen::today;
use crate::screen::unknown::Unknown;
use crate::services::Services;

impl App {
    /// Replaces the screen; the work the old one started is aborted with it.
    pub(super) fn set_screen(&mut self, screen: Screen) {
        self.screen_tasks.clear();
        self.screen_generation = self.screen_generation.wrapping_add(1);
        // Back at the till the manager screens are locked behind whoever leaves them, from
        // wherever they left (a manager screen, the change-PIN screen, Today's sales).
        if matches!(screen, Screen::Till(_)) {
            self.manager_active = None;
        }
        // How the last slip went is old news on another screen and for a new sale (not
        // something to read as this one's); from the checkout back to the till it stays, so a
        // "print it again later" is still there to act on.
        let back_at_till =
            matches!(screen, Screen::Till(_)) && matches!(self.screen, Screen::Checkout(_));
        if !self.printing && !back_at_till {
            self.print_note = None;
        }
        // Back on the till: the last customer's tip does not wait for the next one.
        if matches!(screen, Screen::Till(_)) {
            self.phone.new_sale();
        }
        self.screen = screen;
    }

    pub fn journal(&self) -> Option<&Journal> {
        self.journal.as_ref()
    }

    pub fn attention_items(&self) -> &[Watched] {
        self.attention.items()
    }

    /// Records a manager action; failures are logged and shown, never block the action.
    pub(super) fn audit(&self, action: AuditAction) -> Task<Message> {
        let Some(journal) = self.journal.clone() else {
            return Task::none();
        };
        Task::perform(
            async move { journal.audit(action).await },
            Message::Recorded,
        )
    }

    pub(super) fn journal_opened(
        &mut self,
        result: Result<Journal, JournalError>,
    ) -> Task<Message> {
        match result {
            Ok(journal) => {
                self.journal = Some(journal);
                self.journal_problem = None;
                let backup = self.backup_if_due();
                let shop = self.connect_shop();
                Task::batch([self.recover(), backup, shop])
            }
            Err(e) => {
                tracing::error!(error = %e, "journal unavailable; the till will not charge");
                self.journal_problem = Some(e);
                Task::none()
            }
        }
    }

    /// Sets a damaged journal aside (kept, renamed) and opens a new one.
    pub(super) fn set_journal_aside(&mut self) -> Task<Message> {
        let Some(JournalError::Corrupt { path, .. }) = self.journal_problem.clone() else {
            return Task::none();
        };
        Task::perform(
            async move {
                let aside = Journal::set_aside(&path)?;
                let journal = tokio::task::spawn_blocking(move || Journal::open(&path))
                    .await
                    .map_err(|e| JournalError::Other(e.to_string()))??;
                journal
                    .audit(AuditAction::JournalSetAside {
                        to: aside.display().to_string(),
                    })
                    .await?;
                Ok(journal)
            },
            Message::JournalOpened,
        )
    }

    /// After a journal problem: an open journal is trusted again (its next write says whether
    /// the problem is gone); one that never opened is opened again.
    pub(super) fn retry_journal(&mut self) -> Task<Message> {
        self.journal_problem = None;
        match (&self.journal, &self.journal_path) {
            (None, Some(path)) => Task::perform(
                super::open_journal(Some(path.clone())),
                Message::JournalOpened,
            ),
            _ => Task::none(),
        }
    }

    /// Why the till cannot charge now, if it cannot.
    pub fn cannot_charge(&self) -> Option<String> {
        match (&self.journal, &self.journal_problem) {
            (_, Some(e)) => Some(e.explain()),
            (None, None) => Some(fl!("journal-opening")),
            (Some(_), None) => None,
        }
    }

    pub(super) fn charge(
        &mut self,
        amount: Money,
        description: Option<String>,
        reference: Option<String>,
    ) -> Task<Message> {
        let Some(services) = self.services.clone() else {
            return Task::none();
        };
        // Stopped (settings unreadable): nothing is charged whatever the keyboard says.
        if self.charging.is_some() || self.settings_problem.is_some() {
            return Task::none();
        }
        // No record, no charge: a sale the till cannot remember is a sale it cannot recover.
        let Some(journal) = self
            .journal
            .clone()
            .filter(|_| self.journal_problem.is_none())
        else {
            let why = self.cannot_charge();
            if let (Screen::Till(till), Some(why)) = (&mut self.screen, why) {
                till.set_problem(why);
            }
            return Task::none();
        };
        let reference = reference.unwrap_or_else(sale::till_reference);
        self.charging = Some(reference.clone());
        self.charging_followed =
            self.settings.callback_url.is_empty() && self.callback_url().is_some();
        let sale = Sale {
            amount,
            description,
            reference: reference.clone(),
            // The merchant's own when set; else the shop server's, when it receives
            // callbacks: it streams them to this till.
            callback_url: Some(self.settings.callback_url.clone())
                .filter(|u| !u.is_empty())
                .or_else(|| self.callback_url()),
            mode: self.settings.pay_mode,
            pos_id: self.settings.pos_id.clone(),
            shop_id: Some(self.settings.shop_id.clone()).filter(|s| !s.is_empty()),
            shop_name: Some(self.settings.shop_name.clone()).filter(|s| !s.is_empty()),
        };
        // Not a screen task: a create that left must finish and be recorded, whatever the
        // screen does meanwhile.
        Task::perform(
            async move {
                sale::create_recorded(&services.client, &journal, sale)
                    .await
                    .map(Box::new)
            },
            move |r| Message::Charged(reference.clone(), r),
        )
    }

    pub(super) fn charged(
        &mut self,
        reference: String,
        result: Result<Box<Payment>, CreateError>,
    ) -> Task<Message> {
        if self.charging.as_deref() == Some(reference.as_str()) {
            self.charging = None;
        }
        match result {
            Ok(payment) => {
                tracing::info!(payment_id = %payment.payment_id, amount = %payment.amount, "payment created");
                if std::mem::take(&mut self.charging_followed) {
                    self.follow_payment(&payment.payment_id);
                }
                if matches!(self.screen, Screen::Till(_)) {
                    self.open_checkout(*payment);
                } else {
                    // Never replace an unrelated screen: the sale waits on the till.
                    self.lookups.remove(&reference);
                    self.attention
                        .waiting(entry_for(&reference, &payment), payment);
                }
                Task::none()
            }
            Err(CreateError::Unknown(e)) => {
                tracing::warn!(%reference, error = %e, "create outcome unknown; following it by reference");
                if matches!(self.screen, Screen::Till(_))
                    && let Some(till) = self.till_sale()
                {
                    self.set_screen(Screen::Unknown(Unknown::new(
                        reference.clone(),
                        till.0,
                        till.1,
                        self.lang,
                    )));
                }
                let Some(journal) = self.journal.clone() else {
                    return Task::none();
                };
                Task::perform(
                    async move { journal.entry(&reference).await },
                    Message::Track,
                )
            }
            Err(e) => {
                tracing::warn!(%reference, error = ?e, "payment not created");
                // A journal that cannot write stops the till until it can (a reused reference
                // is only this sale's problem).
                if let CreateError::Journal(je) = &e
                    && !matches!(je, JournalError::Duplicate(_))
                {
                    self.journal_problem = Some(je.clone());
                }
                if let Screen::Till(till) = &mut self.screen {
                    till.set_problem(e.explain());
                }
                Task::none()
            }
        }
    }

    /// The amount and description on the till, for the unknown-outcome screen.
    fn till_sale(&self) -> Option<(Money, Option<String>)> {
        match &self.screen {
            Screen::Till(t) => t.sale(),
            _ => None,
        }
    }

    pub(super) fn open_checkout(&mut self, payment: Payment) {
        // In sticker mode the customer scans the shop's sticker, not a code on screen.
        let qr = (self.settings.pay_mode == PayMode::Dynamic)
            .then(|| Checkout::render_qr(&payment, self.settings.qr_size, self.settings.qr_colour))
            .flatten();
        self.phone.new_sale();
        self.set_screen(Screen::Checkout(Box::new(Checkout::new(
            payment, qr, self.lang, self.poll,
        ))));
    }

    /// Once both the journal and the services are up: every sale not settled when the till
    /// last stopped is looked up.
    pub(super) fn recover(&mut self) -> Task<Message> {
        let (Some(journal), Some(_)) = (self.journal.clone(), &self.services) else {
            return Task::none();
        };
        if self.recovered {
            return Task::none();
        }
        self.recovered = true;
        let sales = Task::perform(
            {
                let journal = journal.clone();
                async move { journal.open_entries().await }
            },
            Message::OpenSales,
        );
        // Refunds whose answer was lost are sent again with their own key (never twice).
        let services = self.services.clone();
        let refunds = Task::perform(
            async move {
                match services {
                    Some(s) => crate::refund::recover(&s.client, &journal)
                        .await
                        .map(|_| ()),
                    None => Ok(()),
                }
            },
            Message::Recorded,
        );
        Task::batch([sales, refunds])
    }

    /// Whether a journal entry was made on the account the till now uses.
    fn on_this_account(&self, entry: &Entry) -> bool {
        self.books()
            .is_some_and(|b| recovery::belongs_to(entry, &b))
    }

    /// The books of the account the till runs on ([`account_key`]), once it has started.
    pub(super) fn books(&self) -> Option<String> {
        let account = self.services.as_ref()?.client.account();
        Some(account_key(
            &account.environment.api_base,
            &account.profile_id,
        ))
    }

    pub(super) fn open_sales(&mut self, result: Result<Vec<Entry>, JournalError>) -> Task<Message> {
        let entries = match result {
            Ok(entries) => entries,
            Err(e) => {
                self.journal_problem = Some(e);
                return Task::none();
            }
        };
        let mut tasks = Vec::new();
        for entry in entries {
            if !self.on_this_account(&entry) {
                tracing::info!(reference = %entry.reference, "open sale from another account; not looked up here");
                continue;
            }
            tracing::info!(reference = %entry.reference, "recovering an open sale");
            tasks.push(self.follow(entry));
        }
        Task::batch(tasks)
    }

    pub(super) fn track(&mut self, result: Result<Option<Entry>, JournalError>) -> Task<Message> {
        match result {
            // The client searched once already when the create went unanswered: the next
            // look-up waits its turn instead of repeating that search at once.
            Ok(Some(entry)) => {
                let reference = entry.reference.clone();
                self.attention.watch(entry);
                self.resolve_after(&reference, recovery::backoff(0))
            }
            Ok(None) => Task::none(),
            Err(e) => {
                self.journal_problem = Some(e);
                Task::none()
            }
        }
    }

    /// Adds `entry` to the sales needing attention and looks it up.
    fn follow(&mut self, entry: Entry) -> Task<Message> {
        let reference = entry.reference.clone();
        self.attention.watch(entry);
        self.resolve(&reference)
    }

    /// Looks the sale with `reference` up again after `wait`.
    fn resolve_after(&mut self, reference: &str, wait: std::time::Duration) -> Task<Message> {
        if !self.attention.contains(reference) {
            return Task::none();
        }
        let for_ref = reference.to_string();
        let (task, handle) = Task::perform(tokio::time::sleep(wait), move |_| {
            Message::ResolveAgain(for_ref.clone())
        })
        .abortable();
        self.lookups
            .insert(reference.to_string(), handle.abort_on_drop());
        task
    }

    pub(super) fn resolve(&mut self, reference: &str) -> Task<Message> {
        let (Some(journal), Some(services)) = (self.journal.clone(), self.services.clone()) else {
            return Task::none();
        };
        let Some(item) = self
            .attention
            .items()
            .iter()
            .find(|i| i.entry.reference == reference)
        else {
            return Task::none();
        };
        let entry = item.entry.clone();
        let window = self.create_window;
        let for_ref = reference.to_string();
        let (task, handle) = Task::perform(
            async move {
                let client = &services.client;
                let now = time::OffsetDateTime::now_utc();
                recovery::resolve_once(client, &journal, &entry, now, window).await
            },
            move |r| Message::Resolved(for_ref.clone(), r),
        )
        .abortable();
        self.lookups
            .insert(reference.to_string(), handle.abort_on_drop());
        task
    }

    pub(super) fn resolved(
        &mut self,
        reference: String,
        result: Result<Resolution, RecoveryError>,
    ) -> Task<Message> {
        // The look-up is over; a next one (if any) is scheduled below.
        self.lookups.remove(&reference);
        let on_unknown = matches!(&self.screen, Screen::Unknown(u) if u.reference == reference);
        let idle_till = matches!(self.screen, Screen::Till(_)) && self.charging.is_none();
        let next = self
            .attention
            .learnt(&reference, result, |live| on_unknown || (live && idle_till));
        match next {
            Next::Nothing => Task::none(),
            Next::Open(payment) => {
                self.open_checkout(*payment);
                Task::none()
            }
            Next::NotCreated(entry) => {
                if on_unknown {
                    let mut till = Till::with(self.lang, entry.amount, entry.description);
                    till.set_problem(fl!("unknown-not-created"));
                    self.set_screen(Screen::Till(till));
                }
                Task::none()
            }
            Next::Again { after, problem } => {
                if let Screen::Unknown(u) = &mut self.screen
                    && u.reference == reference
                {
                    u.checked(problem.map(|e| e.explain()));
                }
                self.resolve_after(&reference, after)
            }
        }
    }

    pub(super) fn attention(&mut self, message: attention::Message) -> Task<Message> {
        match message {
            attention::Message::Reopen(reference) => {
                if !matches!(self.screen, Screen::Till(_)) || self.charging.is_some() {
                    return Task::none();
                }
                if let Some(p) = self.attention.reopen(&reference) {
                    self.lookups.remove(&reference);
                    self.open_checkout(*p);
                    // Read the status now rather than at the next poll.
                    return self.checkout(crate::screen::checkout::Message::Poll);
                }
                Task::none()
            }
            attention::Message::Dismiss(reference) => {
                self.attention.dismiss(&reference);
                if !self.attention.contains(&reference) {
                    self.lookups.remove(&reference);
                }
                Task::none()
            }
        }
    }

    /// Today's sales: the journal at once (works offline), then what the API adds.
    /// Cancels a payment still waiting that no checkout follows (a crash left it, another till
    /// or a sticker made it): a counter task, no PIN. Written to the audit log.
    pub(super) fn cancel_left_behind(&mut self, payment_id: String) -> Task<Message> {
        let Some(services) = self.services.clone() else {
            return Task::none();
        };
        let journal = self.journal.clone();
        Task::perform(
            async move {
                let action = crate::journal::AuditAction::Cancel {
                    payment_id: payment_id.clone(),
                };
                let r = super::manager::audited(
                    journal,
                    action,
                    services.client.cancel_payment(&payment_id),
                )
                .await
                .map_err(|e| e.explain());
                (payment_id, r)
            },
            |(id, r)| Message::Today(today::Message::Cancelled(id, r)),
        )
    }

    pub(super) fn load_today(&self) -> Task<Message> {
        let from = crate::clock::today_start();
        let journal = self.journal.clone();
        let books = self.books();
        let services = self.services.clone();
        let local = Task::perform(
            async move {
                // Payments made with this till's invoice codes become its sales first.
                sync_invoices(services.as_deref(), journal.as_ref(), books.as_deref()).await;
                match journal {
                    Some(j) => j
                        .entries_since(from)
                        .await
                        .map(|e| crate::history::only_these_books(e, books.as_deref()))
                        .map_err(|e| e.explain()),
                    None => Ok(Vec::new()),
                }
            },
            |r| Message::Today(today::Message::JournalLoaded(r)),
        );
        let Some(services) = self.services.clone() else {
            return local;
        };
        let criteria = SearchCriteria {
            from: Some(from),
            to: Some(time::OffsetDateTime::now_utc() + time::Duration::minutes(1)),
            ..Default::default()
        };
        let remote = Task::perform(
            async move {
                services
                    .client
                    .search_all(&criteria, 2_000)
                    .await
                    .map_err(|e| e.explain())
            },
            |r| Message::Today(today::Message::ApiLoaded(r)),
        );
        Task::batch([local, remote, self.load_today_shop()])
    }

    /// The whole shop's sales of today, in a shop (the server's view, callbacks included).
    pub(super) fn load_today_shop(&self) -> Task<Message> {
        let Some(client) = self.shop_client() else {
            return Task::none();
        };
        let ms = crate::clock::millis;
        let from = crate::clock::today_start();
        let period = (ms(from), ms(time::OffsetDateTime::now_utc()) + 60_000);
        let books = self.books();
        Task::perform(
            async move {
                client
                    .all_sales_in(period, 2_000)
                    .await
                    .map(|s| super::shop_link::only_these_books(s, books.as_deref()))
                    .map_err(|e| crate::shop::explain(&e))
            },
            |r| Message::Today(today::Message::ShopLoaded(r)),
        )
    }
}

/// Takes payments made with this till's invoice codes into the journal (see `invoices.rs`); a
/// failed look-up is logged (the next one tries again).
pub(super) async fn sync_invoices(
    services: Option<&Services>,
    journal: Option<&Journal>,
    books: Option<&str>,
) {
    if let (Some(s), Some(j), Some(b)) = (services, journal, books)
        && let Err(e) = crate::invoices::sync(&s.client, j, b).await
    {
        tracing::warn!(error = %e, "invoice payments not looked up");
    }
}

/// A journal-shaped entry for a payment this session created (before the journal is re-read).
fn entry_for(reference: &str, payment: &Payment) -> Entry {
    Entry {
        reference: reference.to_string(),
        session: 0,
        amount: payment.amount,
        description: payment.description.clone(),
        pos_id: None,
        account: None,
        attempted_at: payment
            .created_at
            .unwrap_or_else(time::OffsetDateTime::now_utc),
        payment_id: Some(payment.payment_id.clone()),
        created_at: payment.created_at,
        last: None,
    }
}
