//! The manager's records: payment history and one payment's detail, with its refunds. Routing
//! and the requests only; the rules are in `history.rs` and `refund.rs`.

use std::sync::Arc;

use iced::Task;
use time::OffsetDateTime;

use super::manager::{audit_when, audited};
use super::{App, Message, Screen};
use crate::explain::Explain;
use crate::fl;
use crate::journal::Door;
use crate::journal::{AuditAction, Journal};
use crate::payconiq::model::{Acknowledge, SearchCriteria};
use crate::payconiq::reconciliation::PayoutFilter;
use crate::payouts::Lines;
use crate::refund::{self, RefundError};
use crate::reports;
use crate::screen::detail::{self, Detail, Loaded};
use crate::screen::history::{self, History};
use crate::screen::payouts::{self as payouts_screen, Payouts};
use crate::screen::shift::{self, Shift};
use crate::screen::till::Till;
use crate::services::Services;

/// The most payments the history loads from the search API for one period.
pub(super) const HISTORY_LIMIT: usize = 20_000;

impl App {
    pub(super) fn open_history(&mut self) -> Task<Message> {
        let mut screen = History::new(self.lang);
        if self.shop_client().is_some() {
            screen = screen.in_shop(self.shop_till());
        }
        let (from, to) = screen.period();
        self.set_screen(Screen::History(Box::new(screen)));
        self.load_history(from, to)
    }

    fn load_history(&self, from: OffsetDateTime, to: OffsetDateTime) -> Task<Message> {
        let reminders = match self.journal.clone() {
            Some(j) => Task::perform(
                async move {
                    let cutoff = OffsetDateTime::now_utc() - crate::refund::RESEND_WINDOW;
                    if let Err(e) = j.flag_unanswered_before(cutoff).await {
                        tracing::warn!(error = %e, "overdue refunds not marked");
                    }
                    j.refunds_to_retry().await.unwrap_or_default()
                },
                |r| Message::History(history::Message::Reminders(r)),
            ),
            None => Task::none(),
        };
        let journal = self.journal.clone();
        let books = self.books();
        let local = Task::perform(
            async move {
                match journal {
                    Some(j) => j
                        .entries_since(from)
                        .await
                        .map(|mut e| {
                            e.retain(|e| e.attempted_at < to);
                            crate::history::only_these_books(e, books.as_deref())
                        })
                        .map_err(|e| e.explain()),
                    None => Ok(Vec::new()),
                }
            },
            |r| Message::History(history::Message::JournalLoaded(r)),
        );
        let local = Task::batch([local, reminders, self.load_shop_sales(from, to)]);
        let Some(services) = self.services.clone() else {
            return local;
        };
        let criteria = SearchCriteria {
            from: Some(from),
            to: Some(to),
            ..Default::default()
        };
        let remote = Task::perform(
            async move {
                services
                    .client
                    .search_all(&criteria, HISTORY_LIMIT)
                    .await
                    .map_err(|e| e.explain())
            },
            |r| Message::History(history::Message::ApiLoaded(r)),
        );
        Task::batch([local, remote])
    }

    pub(super) fn open_today(&mut self) -> Task<Message> {
        let today = crate::screen::today::Today::new(self.lang).in_shop(self.shop_till());
        self.set_screen(Screen::Today(today));
        self.load_today()
    }

    /// One payment: its refunds, its journal record and what can be done with it (manager).
    pub(super) fn show_payment(
        &mut self,
        payment_id: Option<String>,
        reference: Option<String>,
    ) -> Task<Message> {
        self.detail_from_today = false;
        let can_sign = self
            .services
            .as_ref()
            .is_some_and(|s| s.client.account().signing_key.is_some());
        let mut d = Detail::new(self.lang, payment_id, reference, can_sign)
            .with_printer(self.has_printer());
        let load = d.load();
        self.set_screen(Screen::Detail(Box::new(d)));
        self.detail_action(load)
    }

    pub(super) fn history(&mut self, message: history::Message) -> Task<Message> {
        let Screen::History(h) = &mut self.screen else {
            return Task::none();
        };
        match h.update(message) {
            history::Action::None => Task::none(),
            history::Action::Load(from, to) => self.load_history(from, to),
            history::Action::Open {
                payment_id,
                reference,
            } => self.show_payment(payment_id, reference),
            history::Action::Settings => self.open_settings(),
            history::Action::Refund => self.open_refund(),
            history::Action::Payouts => {
                let (screen, first) = Payouts::new(self.lang, OffsetDateTime::now_utc().date());
                self.set_screen(Screen::Payouts(Box::new(screen)));
                self.payouts_action(first)
            }
            history::Action::Shift => {
                let shop = self.settings.shop();
                // Reports print on the report printer (A4) or the receipt printer.
                let can_print = self.has_printer() || self.settings.report_printer().is_some();
                let shift = Shift::new(self.lang, shop)
                    .with_printer(can_print)
                    .in_shop(self.shop_client().is_some());
                self.set_screen(Screen::Shift(Box::new(shift)));
                self.shift_action(shift::Action::LoadX)
            }
            history::Action::Close => {
                self.set_screen(Screen::Till(Till::new(self.lang)));
                Task::none()
            }
        }
    }

    pub(super) fn payouts(&mut self, message: payouts_screen::Message) -> Task<Message> {
        let Screen::Payouts(p) = &mut self.screen else {
            return Task::none();
        };
        let action = p.update(message);
        self.payouts_action(action)
    }

    fn payouts_action(&mut self, action: payouts_screen::Action) -> Task<Message> {
        let Some(services) = self.services.clone() else {
            return Task::none();
        };
        match action {
            payouts_screen::Action::None => Task::none(),
            payouts_screen::Action::Back => self.open_history(),
            payouts_screen::Action::Fetch(dates) => Task::perform(
                async move {
                    crate::payouts::payouts_on_dates(&services.client, &dates)
                        .await
                        .map_err(|e| e.explain())
                },
                |r| Message::Payouts(payouts_screen::Message::Fetched(r)),
            ),
            payouts_screen::Action::Drill(payout) => {
                let journal = self.journal.clone();
                let shop = self.shop_client();
                Task::perform(
                    async move {
                        let client = &services.client;
                        let filter = PayoutFilter::Payout(payout.payout_id.clone());
                        let payments = crate::payouts::lines(client, Lines::Payments, &filter)
                            .await
                            .map_err(|e| e.explain())?;
                        let refunds = crate::payouts::lines(client, Lines::Refunds, &filter)
                            .await
                            .map_err(|e| e.explain())?;
                        let ids = payments
                            .iter()
                            .filter_map(|l| l.payment_id.clone())
                            .collect();
                        let ids: Vec<String> = ids;
                        let mut known = match journal {
                            Some(j) => j
                                .known_payment_ids(ids.clone())
                                .await
                                .map_err(|e| e.explain())?,
                            None => Default::default(),
                        };
                        // In a shop, a payment of any of its tills is the shop's own.
                        let shop = match shop {
                            Some(s) => {
                                Some(s.tills_of(&ids).await.map_err(|e| crate::shop::explain(&e)))
                            }
                            None => None,
                        };
                        if let Some(Ok(tills)) = &shop {
                            known.extend(tills.keys().cloned());
                        }
                        let mismatches =
                            crate::payouts::reconcile(&payout, &payments, &refunds, &known);
                        Ok(payouts_screen::Drill {
                            payout: *payout,
                            payments,
                            refunds,
                            mismatches,
                            shop,
                        })
                    },
                    |r| Message::Payouts(payouts_screen::Message::Drilled(Box::new(r))),
                )
            }
            payouts_screen::Action::Export(action) => {
                self.export(action, AuditAction::PayoutsExported, |m| {
                    Message::Payouts(payouts_screen::Message::Export(m))
                })
            }
        }
    }

    pub(super) fn shift(&mut self, message: shift::Message) -> Task<Message> {
        let Screen::Shift(s) = &mut self.screen else {
            return Task::none();
        };
        let action = s.update(message);
        self.shift_action(action)
    }

    fn shift_action(&mut self, action: shift::Action) -> Task<Message> {
        let loaded = |r: Result<reports::ShiftReport, String>| {
            Message::Shift(shift::Message::Loaded(r.map(Box::new)))
        };
        let (Some(journal), Some(books)) = (self.journal.clone(), self.books()) else {
            return match action {
                shift::Action::Back => self.open_history(),
                _ => Task::done(loaded(Err(fl!("journal-needed")))),
            };
        };
        let services = self.services.clone();
        match action {
            shift::Action::None => Task::none(),
            shift::Action::Back => self.open_history(),
            shift::Action::LoadX => {
                // The list of Z reports too: one may have been taken elsewhere meanwhile.
                let past = self.shift_action(shift::Action::LoadPast);
                let x = Task::perform(
                    async move {
                        super::sales::sync_invoices(
                            services.as_deref(),
                            Some(&journal),
                            Some(&books),
                        )
                        .await;
                        reports::x_report(&journal, &books)
                            .await
                            .map_err(|e| e.explain())
                    },
                    loaded,
                );
                Task::batch([x, past])
            }
            shift::Action::CloseShift(expect) => Task::perform(
                async move {
                    super::sales::sync_invoices(services.as_deref(), Some(&journal), Some(&books))
                        .await;
                    reports::take_z(&journal, &books, Door::Screen, expect).await
                },
                |r| match r {
                    Ok(report) => Message::Shift(shift::Message::Loaded(Ok(Box::new(report)))),
                    // Closed elsewhere meanwhile: say so, and show the shift open now.
                    Err(e @ crate::journal::JournalError::ShiftMoved(_)) => {
                        Message::Shift(shift::Message::Moved(e.explain()))
                    }
                    Err(e) => Message::Shift(shift::Message::Loaded(Err(e.explain()))),
                },
            ),
            shift::Action::LoadPast => Task::perform(
                async move { journal.z_list(&books).await.map_err(|e| e.explain()) },
                |r| Message::Shift(shift::Message::Past(r)),
            ),
            shift::Action::Reprint(number) => Task::perform(
                async move {
                    reports::reprint_z(&journal, &books, number)
                        .await
                        .map_err(|e| e.explain())?
                        .ok_or_else(|| fl!("shift-no-such-z", number = number.to_string()))
                },
                loaded,
            ),
            shift::Action::LoadShopDay(date) => {
                let Some(client) = self.shop_client() else {
                    return Task::none();
                };
                let zone = crate::clock::zone();
                let tz = zone.iana_name().map(str::to_string);
                Task::perform(
                    async move {
                        client
                            .day_report(&date, tz.as_deref())
                            .await
                            .map(Box::new)
                            .map_err(|e| crate::shop::explain(&e))
                    },
                    |r| {
                        Message::Shift(shift::Message::ShopDay(
                            crate::screen::shop_day::Message::Loaded(r),
                        ))
                    },
                )
            }
            shift::Action::Print(report) => {
                let job = crate::receipts::report_job(&self.settings, &report, self.lang);
                self.run_print_job(job)
            }
            shift::Action::Export(action) => {
                self.export(action, AuditAction::ShiftReportExported, |m| {
                    Message::Shift(shift::Message::Export(m))
                })
            }
        }
    }

    pub(super) fn detail(&mut self, message: detail::Message) -> Task<Message> {
        let Screen::Detail(d) = &mut self.screen else {
            return Task::none();
        };
        let action = d.update(message);
        self.detail_action(action)
    }

    fn detail_action(&mut self, action: detail::Action) -> Task<Message> {
        let (Some(services), journal) = (self.services.clone(), self.journal.clone()) else {
            return Task::none();
        };
        let done = |r: Result<String, String>| Message::Detail(detail::Message::Done(r));
        match action {
            detail::Action::None => Task::none(),
            // Opened from Today's sales: back there (it is the cashier's list).
            detail::Action::Back if std::mem::take(&mut self.detail_from_today) => {
                self.open_today()
            }
            detail::Action::Back => self.open_history(),
            detail::Action::Copy(text) => iced::clipboard::write(text),
            detail::Action::PrintReceipt(payment) => self.receipt_of(payment),
            detail::Action::PrintRefund(refund, state) => {
                let doc = crate::receipts::refund(&self.settings, &refund, &state, self.lang);
                self.send_to_printer(doc, fl!("print-refund-done"))
            }
            detail::Action::Settings => self.open_settings(),
            detail::Action::Load {
                payment_id,
                reference,
                resend,
            } => Task::perform(
                load_detail(
                    services,
                    journal,
                    self.shop_client(),
                    payment_id,
                    reference,
                    resend,
                ),
                |r| Message::Detail(detail::Message::Loaded(Box::new(r))),
            ),
            detail::Action::Refund {
                payment,
                refunds,
                amount,
                description,
            } => {
                let Some(journal) = journal else {
                    return Task::done(done(Err(fl!("journal-needed"))));
                };
                let lang = self.lang;
                Task::perform(
                    async move {
                        let r = refund::request(
                            &services.client,
                            &journal,
                            &payment,
                            &refunds,
                            amount,
                            description,
                        )
                        .await;
                        // A refund whose answer was lost may have been made: audited too.
                        let asked = matches!(r, Ok(_) | Err(RefundError::Unknown { .. }));
                        let action = AuditAction::Refund {
                            payment_id: payment.payment_id.clone(),
                            amount,
                        };
                        audit_when(Some(journal), asked, action).await;
                        match r {
                            Ok(_) => Ok(fl!("refund-sent", amount = amount.format(lang))),
                            Err(RefundError::Unknown { .. }) => Err(fl!("refund-unknown")),
                            Err(RefundError::Api(e)) => Err(e.explain()),
                            Err(RefundError::Journal(e)) => Err(e.explain()),
                            Err(RefundError::Refused(_)) => Err(fl!("refund-nothing")),
                            Err(RefundError::InFlight) => Err(fl!("refund-in-flight")),
                            Err(RefundError::CheckByHand { .. }) => {
                                Err(fl!("refund-check-by-hand"))
                            }
                        }
                    },
                    done,
                )
            }
            detail::Action::Iban(id) => Task::perform(
                async move {
                    let r = services
                        .client
                        .refund_iban(&id)
                        .await
                        .map_err(|e| e.explain());
                    audit_when(
                        journal,
                        r.is_ok(),
                        AuditAction::RefundIbanAsked { payment_id: id },
                    )
                    .await;
                    r
                },
                |r| Message::Detail(detail::Message::IbanKnown(r)),
            ),
            detail::Action::Cancel(id) => Task::perform(
                async move {
                    let action = AuditAction::Cancel {
                        payment_id: id.clone(),
                    };
                    audited(journal, action, services.client.cancel_payment(&id))
                        .await
                        .map(|()| fl!("detail-cancelled"))
                        .map_err(|e| e.explain())
                },
                done,
            ),
            detail::Action::Void(id) => Task::perform(
                async move {
                    let action = AuditAction::Void {
                        payment_id: id.clone(),
                    };
                    audited(journal, action, services.client.void_payment(&id))
                        .await
                        .map(|()| fl!("final-voided-why"))
                        // The void table's one code for "not waiting any more": voided or
                        // completed already; the detail read back shows which.
                        .map_err(|e| match e.code() {
                            Some("PAYMENT_NOT_PENDING") => fl!("error-void-not-pending"),
                            _ => e.explain(),
                        })
                },
                done,
            ),
            detail::Action::Complete(payment) => Task::perform(
                async move {
                    let ack = Acknowledge::for_payment(&payment);
                    let id = payment.payment_id.clone();
                    let action = AuditAction::Acknowledge {
                        payment_id: id.clone(),
                    };
                    audited(
                        journal,
                        action,
                        services.client.acknowledge_payment(&id, &ack),
                    )
                    .await
                    .map(|()| fl!("detail-done"))
                    .map_err(|e| e.explain())
                },
                done,
            ),
        }
    }
}

/// Reads a payment from the API and the journal; settling refunds are followed, and (with
/// `resend`: when the screen opens, or on Refresh) unanswered ones are sent again with their own
/// key, before the list is read. The screen's automatic reloads do not re-send.
async fn load_detail(
    services: Arc<Services>,
    journal: Option<Journal>,
    shop: Option<kassa_core::shop::ShopClient>,
    payment_id: Option<String>,
    reference: Option<String>,
    resend: bool,
) -> Result<Loaded, String> {
    let client = &services.client;
    // The journal's record, by reference or, for an id typed in, by payment id: the till's own
    // sale is its own whichever way it was opened.
    let entry = match (&journal, &reference, &payment_id) {
        (Some(j), Some(r), _) => j.entry(r).await.map_err(|e| e.explain())?,
        (Some(j), None, Some(id)) => j.entry_for_payment(id).await.map_err(|e| e.explain())?,
        _ => None,
    };
    let id = payment_id.or_else(|| entry.as_ref().and_then(|e| e.payment_id.clone()));
    let mut loaded = Loaded::default();
    if let Some(id) = &id {
        match client.get_payment(id).await {
            Ok(p) => loaded.payment = Some(p),
            Err(e) => loaded.problem = Some(e.explain()),
        }
    }
    if let (Some(j), Some(e)) = (&journal, &entry) {
        loaded.events = j.history(&e.reference).await.map_err(|e| e.explain())?;
    }
    if let (Some(j), Some(id)) = (&journal, &id) {
        loaded.refunds = refund::settle_for(client, j, id, resend)
            .await
            .map_err(|e| e.explain())?;
    }
    // In a shop, refunds made on the other tills count too (the balance is the shop's);
    // another till's sale cannot be refunded while they cannot be read.
    if let (Some(shop), Some(id)) = (shop, &id) {
        match shop.refunds_of(id).await {
            Ok(theirs) => {
                let elsewhere: Vec<_> = theirs
                    .iter()
                    .filter(|r| !loaded.refunds.iter().any(|mine| mine.key == r.key))
                    .map(crate::shop::refund_entry)
                    .collect();
                loaded.refunds.extend(elsewhere);
            }
            Err(e) => {
                loaded.shop_offline =
                    Some(fl!("detail-shop-offline", why = crate::shop::explain(&e)))
            }
        }
    }
    if loaded.payment.is_none() && entry.is_none() && loaded.problem.is_none() {
        return Err(fl!("detail-not-found"));
    }
    Ok(loaded)
}
