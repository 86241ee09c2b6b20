//! Where every `Message` goes: the one `update` of the application.

use super::*;

impl App {
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Started(Ok(services)) => {
                self.services = Some(services);
                self.account_problem = None;
                self.retrying = false;
                if matches!(self.screen, Screen::Starting) {
                    self.set_screen(Screen::Till(Till::new(self.lang)));
                }
                let display = if self.settings.customer_display && self.display_window.is_none() {
                    self.open_display()
                } else {
                    Task::none()
                };
                Task::batch([display, self.recover()])
            }
            Message::JournalOpened(result) => self.journal_opened(result),
            Message::JournalSetAside => self.set_journal_aside(),
            Message::JournalRetry => self.retry_journal(),
            Message::Recorded(result) => {
                if let Err(e) = result {
                    tracing::error!(error = %e, "journal write failed");
                    self.journal_problem = Some(e);
                }
                Task::none()
            }
            Message::Charged(reference, result) => self.charged(reference, result),
            Message::OpenSales(result) => self.open_sales(result),
            Message::Track(result) => self.track(result),
            Message::Resolved(reference, result) => self.resolved(reference, result),
            Message::ResolveAgain(reference) => self.resolve(&reference),
            Message::Attention(m) => self.attention(m),
            Message::Unknown(m) => {
                let Screen::Unknown(u) = &mut self.screen else {
                    return Task::none();
                };
                match u.update(m) {
                    unknown::Action::None => {}
                    unknown::Action::Leave => self.set_screen(Screen::Till(Till::new(self.lang))),
                }
                Task::none()
            }
            Message::Started(Err(e)) => {
                tracing::error!(error = %e, "could not start");
                self.retrying = false;
                // Whatever ran before belongs to settings that are no longer the till's: it
                // must not go on taking payments under the new ones.
                if self.services.take().is_some()
                    && let Screen::Settings(s) = &mut self.screen
                {
                    s.update(settings_screen::Message::Done(Err(fl!(
                        "app-start-failed",
                        detail = e.clone()
                    ))));
                }
                // The configured account cannot be used (keychain locked or empty, a key
                // missing): the till stops and says why. Never the sandbox instead: a customer
                // would "pay" play money and walk out with the goods.
                if self.settings.environment != EnvironmentKind::Sandbox {
                    self.account_problem = Some(e);
                } else {
                    self.startup_error = Some(e);
                }
                Task::none()
            }
            Message::RetryAccount => {
                self.retrying = true;
                Task::perform(
                    Services::start(
                        self.settings.clone(),
                        self.secrets.clone(),
                        self.sandbox_config.clone(),
                    ),
                    |r| Message::Started(r.map(Arc::new)),
                )
            }
            Message::Till(m) => {
                let Screen::Till(till) = &mut self.screen else {
                    return Task::none();
                };
                match till.update(m) {
                    till::Action::None => Task::none(),
                    till::Action::Charge {
                        amount,
                        description,
                        reference,
                    } => self.charge(amount, description, reference),
                    // The field takes the focus, its cursor after the letter already typed.
                    till::Action::FocusDescription => Task::batch([
                        iced::widget::operation::focus(Till::description_id()),
                        iced::widget::operation::move_cursor_to_end(Till::description_id()),
                    ]),
                }
            }
            Message::Checkout(m) => self.checkout(m),
            Message::Tick => self.checkout(checkout::Message::Tick),
            Message::Poll => self.checkout(checkout::Message::Poll),
            Message::Phone(m) => self.phone(m),
            Message::OpenManager => self.open_manager(),
            Message::OpenToday => self.open_today(),
            Message::Today(m) => {
                let Screen::Today(t) = &mut self.screen else {
                    return Task::none();
                };
                match t.update(m) {
                    today::Action::None => Task::none(),
                    today::Action::Load => self.load_today(),
                    today::Action::Close => {
                        self.set_screen(Screen::Till(Till::new(self.lang)));
                        Task::none()
                    }
                    today::Action::CancelPayment(id) => self.cancel_left_behind(id),
                    today::Action::Open {
                        payment_id,
                        reference,
                    } => self.open_payment(payment_id, reference),
                }
            }
            Message::Sticker(m) => self.sticker(m),
            Message::OpenInvoice => {
                let (base, profile) = match &self.services {
                    Some(s) => {
                        let account = s.client.account();
                        (
                            account.environment.payload_base.clone(),
                            account.profile_id.clone(),
                        )
                    }
                    None => (String::new(), String::new()),
                };
                let sandbox = self.is_sandbox();
                let invoice =
                    Invoice::new(self.lang, &base, &profile, self.settings.qr_colour, sandbox)
                        .with_printer(self.has_printer());
                self.set_screen(Screen::Invoice(Box::new(invoice)));
                Task::none()
            }
            Message::Invoice(m) => self.invoice(m),
            Message::History(m) => {
                self.manager_active = self.manager_active.map(|_| Instant::now());
                self.history(m)
            }
            Message::Detail(m) => {
                self.manager_active = self.manager_active.map(|_| Instant::now());
                self.detail(m)
            }
            Message::Refund(m) => {
                self.manager_active = self.manager_active.map(|_| Instant::now());
                self.refund(m)
            }
            Message::Shift(m) => {
                self.manager_active = self.manager_active.map(|_| Instant::now());
                self.shift(m)
            }
            Message::Payouts(m) => {
                self.manager_active = self.manager_active.map(|_| Instant::now());
                self.payouts(m)
            }
            Message::Lock(m) => self.lock(m),
            Message::Settings(m) => {
                self.manager_active = self.manager_active.map(|_| Instant::now());
                self.settings(m)
            }
            Message::LockCheck => self.check_lock(),
            Message::PinFailures(known) => self.pin_failures(known),
            Message::StartAfresh => self.start_afresh(),
            Message::StartedAfresh(result) => self.started_afresh(result),
            Message::BackupCheck => self.backup_if_due(),
            Message::ShopLinked(made) => self.shop_linked(made),
            Message::ShopPush => self.push_to_shop(),
            Message::ShopPushed(pushed, waiting, till) => self.shop_pushed(pushed, waiting, till),
            Message::ShopStream(event) => self.shop_stream(event),
            Message::ShopViewsReload => self.reload_shop_views(),
            Message::BackedUp(state, outcome) => self.backed_up(*state, outcome),
            Message::Apply(settings, stored) => self.apply_saved(*settings, stored),
            Message::Keyboard(event) => self.keyboard(event),
            Message::WindowKey(id, event) => {
                if Some(id) == self.display_window {
                    Task::none()
                } else {
                    self.keyboard(event)
                }
            }
            Message::LockNow => self.lock_now(),
            Message::ToggleFullScreen => self.toggle_full_screen(),
            Message::PrintReceipt => self.print_receipt(),
            Message::ReceiptFor {
                payment,
                shift,
                reprint,
            } => self.receipt_for(payment, shift, reprint),
            Message::Reprint => self.reprint(),
            Message::PrintQr => self.print_qr(),
            Message::Printed(result) => self.printed(result),
            Message::ToggleDisplay => match self.display_window {
                Some(id) => window::close(id),
                None => self.open_display(),
            },
            Message::MainOpened(id) => {
                self.main_window = Some(id);
                window::monitor_size(id).map(move |size| Message::MonitorSize(id, size))
            }
            Message::MonitorSize(id, Some(monitor)) => self.fit_to_monitor(id, monitor),
            Message::MonitorSize(_, None) => Task::none(),
            Message::WindowResized(id, size) => {
                if Some(id) == self.display_window {
                    self.settings.display_size = Some((size.width, size.height));
                } else if Some(id) == self.main_window {
                    let place = self.main_place();
                    self.settings.window = Some(crate::placement::Place {
                        width: size.width,
                        height: size.height,
                        ..place
                    });
                }
                Task::none()
            }
            Message::DisplayOpened(id) => self.display_opened(id),
            Message::WindowMoved(id, at) => {
                tracing::debug!(?id, ?at, "window moved");
                if Some(id) == self.display_window {
                    self.settings.display_position = Some((at.x, at.y));
                } else if Some(id) == self.main_window {
                    let place = self.main_place();
                    self.settings.window = Some(crate::placement::Place {
                        x: at.x,
                        y: at.y,
                        ..place
                    });
                }
                Task::none()
            }
            Message::WindowClosed(id) => {
                if Some(id) == self.display_window {
                    let restore = self.display_closed();
                    // Remember where the display stood, for next time.
                    if let Err(e) = self.save_settings() {
                        tracing::warn!(error = %e, "could not save the display position");
                    }
                    restore
                } else if Some(id) == self.main_window {
                    // Reopen at this size and place next time.
                    if let Err(e) = self.save_settings() {
                        tracing::warn!(error = %e, "could not save the window place");
                    }
                    iced::exit()
                } else {
                    Task::none()
                }
            }
        }
    }
}
