//! The top level: which screen is up, the windows (cashier and customer display), and the
//! routing of screen `Action`s to services as `Task`s whose results come back as `Message`s.

mod manager;
mod view;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use iced::{Subscription, Task, keyboard, window};

use crate::config::{PayMode, Settings};
use crate::fl;
use crate::i18n::Lang;
use crate::money::Money;
use crate::payconiq::model::{CreatePayment, CreatePosPayment, Payment};
use crate::payconiq::{EnvironmentKind, Error};
use crate::screen::checkout::{self, Checkout, PollPolicy};
use crate::screen::lock::{self, Lock};
use crate::screen::phone::{self, Phone};
use crate::screen::settings::{self as settings_screen, Settings as SettingsScreen};
use crate::screen::sticker::{self, Sticker};
use crate::screen::till::{self, Till};
use crate::screen::today::{self, Today};
use crate::secrets::{OsKeychain, SecretStore};
use crate::services::Services;
use crate::theme;

/// The Linux application id; also the window class and the desktop file's StartupWMClass.
pub const APP_ID: &str = "be.kassa.Kassa";

pub struct App {
    settings: Settings,
    lang: Lang,
    services: Option<Arc<Services>>,
    screen: Screen,
    phone: Phone,
    poll: PollPolicy,
    charging: bool,
    main_window: Option<window::Id>,
    display_window: Option<window::Id>,
    startup_error: Option<String>,
    secrets: Arc<dyn SecretStore>,
    settings_path: Option<PathBuf>,
    /// When the manager last did something while unlocked; `None` when locked.
    manager_active: Option<Instant>,
    /// Why the configured account could not be used (the till fell back to the sandbox).
    account_problem: Option<String>,
}

pub enum Screen {
    Starting,
    Till(Till),
    Checkout(Box<Checkout>),
    Lock(Lock),
    Settings(Box<SettingsScreen>),
    Sticker(Sticker),
    Today(Today),
}

#[derive(Debug, Clone)]
pub enum Message {
    Started(Result<Arc<Services>, String>),
    Till(till::Message),
    Checkout(checkout::Message),
    Phone(phone::Message),
    Created(Result<Box<Payment>, Error>),
    Keyboard(keyboard::Event),
    Tick,
    ToggleDisplay,
    OpenManager,
    OpenToday,
    Today(today::Message),
    Sticker(sticker::Message),
    Lock(lock::Message),
    Settings(settings_screen::Message),
    /// Re-engages the manager lock after inactivity.
    LockCheck,
    /// Settings to apply, once their secrets reached the keychain (or why they did not).
    Apply(Box<crate::config::Settings>, Result<(), String>),
    /// A window moved (the customer display's place is remembered).
    WindowMoved(window::Id, iced::Point),
    MainOpened(window::Id),
    DisplayOpened(window::Id),
    WindowClosed(window::Id),
}

impl App {
    /// Boots the real app: opens the cashier window and starts the services.
    pub fn boot(settings: Settings) -> (App, Task<Message>) {
        let lang = settings.language();
        crate::i18n::set_language(lang);
        let (_, open) = window::open(main_window_settings());
        let mut app = App::new(settings, PollPolicy::default());
        app.lang = lang;
        app.secrets = Arc::new(OsKeychain::new());
        app.settings_path = crate::config::Settings::default_path();
        let start = Task::perform(
            Services::start(app.settings.clone(), app.secrets.clone()),
            |r| Message::Started(r.map(Arc::new)),
        );
        (app, Task::batch([open.map(Message::MainOpened), start]))
    }

    /// An app without windows or services yet (tests hand it services themselves).
    pub fn new(settings: Settings, poll: PollPolicy) -> App {
        App {
            lang: settings.language(),
            settings,
            services: None,
            screen: Screen::Starting,
            phone: Phone::default(),
            poll,
            charging: false,
            main_window: None,
            display_window: None,
            startup_error: None,
            // Tests and keychain-less starts get a store that forgets on exit.
            secrets: Arc::new(crate::secrets::MemoryStore::default()),
            settings_path: None,
            manager_active: None,
            account_problem: None,
        }
    }

    /// Where secrets go and where settings are saved (tests point these at temporary places).
    pub fn with_storage(
        mut self,
        secrets: Arc<dyn SecretStore>,
        settings_path: Option<PathBuf>,
    ) -> App {
        self.secrets = secrets;
        self.settings_path = settings_path;
        self
    }

    pub fn services(&self) -> Option<&Arc<Services>> {
        self.services.as_ref()
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn title(&self, window: window::Id) -> String {
        if Some(window) == self.display_window {
            fl!("display-title")
        } else {
            fl!("app-title")
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Started(Ok(services)) => {
                self.services = Some(services);
                if matches!(self.screen, Screen::Starting) {
                    self.screen = Screen::Till(Till::new(self.lang));
                }
                if self.settings.customer_display && self.display_window.is_none() {
                    return self.open_display();
                }
                Task::none()
            }
            Message::Started(Err(e)) => {
                tracing::error!(error = %e, "could not start");
                let fall_back = !self.is_sandbox() && self.account_problem.is_none();
                match (&self.services, &mut self.screen) {
                    // A restart after saving settings failed: keep the running services and
                    // say why on the settings screen.
                    (Some(_), Screen::Settings(s)) => {
                        s.update(settings_screen::Message::Done(Err(fl!(
                            "app-start-failed",
                            detail = e
                        ))));
                    }
                    // The configured account cannot be used (no keychain, missing key…): say so
                    // and keep the till working on the sandbox.
                    (None, _) if fall_back => {
                        self.account_problem = Some(e);
                        return Task::perform(
                            Services::embedded(
                                crate::sandbox::SandboxConfig::default(),
                                Default::default(),
                            ),
                            |r| Message::Started(r.map(Arc::new)),
                        );
                    }
                    _ => self.startup_error = Some(e),
                }
                Task::none()
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
                }
            }
            Message::Created(result) => {
                self.charging = false;
                match result {
                    Ok(payment) => {
                        let qr = (self.settings.pay_mode == PayMode::Dynamic)
                            .then(|| {
                                Checkout::render_qr(
                                    &payment,
                                    self.settings.qr_size,
                                    self.settings.qr_colour,
                                )
                            })
                            .flatten();
                        tracing::info!(payment_id = %payment.payment_id, amount = %payment.amount, "payment created");
                        self.screen = Screen::Checkout(Box::new(Checkout::new(
                            *payment, qr, self.lang, self.poll,
                        )));
                        Task::none()
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "payment not created");
                        if let Screen::Till(till) = &mut self.screen {
                            till.set_problem(e.explain());
                        }
                        Task::none()
                    }
                }
            }
            Message::Checkout(m) => self.checkout(m),
            Message::Tick => self.checkout(checkout::Message::Tick),
            Message::Phone(m) => self.phone(m),
            Message::OpenManager => self.open_manager(),
            Message::OpenToday => {
                self.screen = Screen::Today(Today::new(self.lang));
                self.load_today()
            }
            Message::Today(m) => {
                let Screen::Today(t) = &mut self.screen else {
                    return Task::none();
                };
                match t.update(m) {
                    today::Action::None => Task::none(),
                    today::Action::Load => self.load_today(),
                    today::Action::Close => {
                        self.screen = Screen::Till(Till::new(self.lang));
                        Task::none()
                    }
                }
            }
            Message::Sticker(m) => self.sticker(m),
            Message::Lock(m) => self.lock(m),
            Message::Settings(m) => {
                self.manager_active = self.manager_active.map(|_| Instant::now());
                self.settings(m)
            }
            Message::LockCheck => self.check_lock(),
            Message::Apply(settings, stored) => self.apply_saved(*settings, stored),
            Message::Keyboard(event) => match &self.screen {
                Screen::Till(_) if !self.charging => {
                    self.update(Message::Till(till::Message::Keyboard(event)))
                }
                Screen::Checkout(_) => self.checkout(checkout::Message::Keyboard(event)),
                _ => Task::none(),
            },
            Message::ToggleDisplay => match self.display_window {
                Some(id) => window::close(id),
                None => self.open_display(),
            },
            Message::MainOpened(id) => {
                self.main_window = Some(id);
                Task::none()
            }
            Message::DisplayOpened(id) => {
                self.display_window = Some(id);
                Task::none()
            }
            Message::WindowMoved(id, at) => {
                tracing::debug!(?id, ?at, "window moved");
                if Some(id) == self.display_window {
                    self.settings.display_position = Some((at.x, at.y));
                }
                Task::none()
            }
            Message::WindowClosed(id) => {
                if Some(id) == self.display_window {
                    self.display_window = None;
                    // Remember where the display stood, for next time.
                    if let Err(e) = self.save_settings() {
                        tracing::warn!(error = %e, "could not save the display position");
                    }
                    Task::none()
                } else if Some(id) == self.main_window {
                    iced::exit()
                } else {
                    Task::none()
                }
            }
        }
    }

    fn open_display(&mut self) -> Task<Message> {
        // Where it stood last time (often the second monitor); else beside the till.
        let position = match self.settings.display_position {
            Some((x, y)) => window::Position::Specific(iced::Point::new(x, y)),
            None => window::Position::Default,
        };
        let (_, open) = window::open(window::Settings {
            size: iced::Size::new(900.0, 700.0),
            position,
            ..base_window_settings()
        });
        open.map(Message::DisplayOpened)
    }

    fn charge(
        &mut self,
        amount: Money,
        description: Option<String>,
        reference: Option<String>,
    ) -> Task<Message> {
        let Some(services) = self.services.clone() else {
            return Task::none();
        };
        if self.charging {
            return Task::none();
        }
        self.charging = true;
        // Every payment carries a unique till reference, so an unknown outcome can be looked up.
        let reference = reference.unwrap_or_else(till_reference);
        let request = CreatePayment::new(amount)
            .description(description.unwrap_or_default())
            .reference(reference)
            .callback_url(Some(self.settings.callback_url.clone()));
        match self.settings.pay_mode {
            PayMode::Dynamic => Task::perform(
                async move { services.client.create_payment(&request).await.map(Box::new) },
                Message::Created,
            ),
            PayMode::Sticker => {
                let pos = CreatePosPayment {
                    payment: request,
                    pos_id: self.settings.pos_id.clone(),
                    shop_id: Some(self.settings.shop_id.clone()).filter(|s| !s.is_empty()),
                    shop_name: Some(self.settings.shop_name.clone()).filter(|s| !s.is_empty()),
                };
                Task::perform(
                    async move { services.client.create_pos_payment(&pos).await.map(Box::new) },
                    Message::Created,
                )
            }
        }
    }

    fn checkout(&mut self, message: checkout::Message) -> Task<Message> {
        let (Screen::Checkout(c), Some(services)) = (&mut self.screen, self.services.clone())
        else {
            return Task::none();
        };
        let client = services.client.clone();
        match c.update(message) {
            checkout::Action::None => Task::none(),
            checkout::Action::Fetch(id) => Task::perform(
                async move { client.get_payment(&id).await.map(Box::new) },
                |r| Message::Checkout(checkout::Message::Fetched(r)),
            ),
            checkout::Action::Cancel(id) => {
                Task::perform(async move { client.cancel_payment(&id).await }, |r| {
                    Message::Checkout(checkout::Message::OpDone(r))
                })
            }
            checkout::Action::Void(id) => {
                Task::perform(async move { client.void_payment(&id).await }, |r| {
                    Message::Checkout(checkout::Message::OpDone(r))
                })
            }
            checkout::Action::Acknowledge(id, ack) => Task::perform(
                async move { client.acknowledge_payment(&id, &ack).await },
                |r| Message::Checkout(checkout::Message::OpDone(r)),
            ),
            checkout::Action::Close => {
                self.screen = Screen::Till(Till::new(self.lang));
                Task::none()
            }
            checkout::Action::Retry {
                amount,
                description,
            } => {
                self.screen = Screen::Till(Till::with(self.lang, amount, description));
                Task::none()
            }
        }
    }

    fn phone(&mut self, message: phone::Message) -> Task<Message> {
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
                self.checkout(checkout::Message::Tick)
            }
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let mut subs = vec![
            keyboard::listen().map(Message::Keyboard),
            window::close_events().map(Message::WindowClosed),
            window::events().filter_map(|(id, event)| match event {
                window::Event::Moved(at) => Some(Message::WindowMoved(id, at)),
                _ => None,
            }),
        ];
        // Ticks only while something on screen changes: never on the till, never once final.
        if let Screen::Checkout(c) = &self.screen
            && c.is_live()
        {
            subs.push(iced::time::every(c.tick_interval()).map(|_| Message::Tick));
        }
        if self.manager_active.is_some() {
            subs.push(
                iced::time::every(std::time::Duration::from_secs(15)).map(|_| Message::LockCheck),
            );
        }
        Subscription::batch(subs)
    }

    /// Today's payments, newest first, since local midnight.
    fn load_today(&self) -> Task<Message> {
        let Some(services) = self.services.clone() else {
            return Task::none();
        };
        let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
        let now = time::OffsetDateTime::now_utc().to_offset(offset);
        let criteria = crate::payconiq::model::SearchCriteria {
            from: Some(now.replace_time(time::Time::MIDNIGHT)),
            to: Some(now),
            ..Default::default()
        };
        Task::perform(
            async move {
                services
                    .client
                    .search_all(&criteria, 2_000)
                    .await
                    .map_err(|e| e.explain())
            },
            |r| Message::Today(today::Message::Loaded(r)),
        )
    }

    fn sticker(&mut self, message: sticker::Message) -> Task<Message> {
        let Screen::Sticker(s) = &mut self.screen else {
            return Task::none();
        };
        match s.update(message) {
            sticker::Action::None => Task::none(),
            sticker::Action::Close => self.open_manager(),
            sticker::Action::Save(export) => Task::perform(
                manager::save_with_dialog(export.file_name, export.bytes),
                |r| Message::Sticker(sticker::Message::Saved(r)),
            ),
        }
    }

    /// Whether the till is on a sandbox: the configured one, or the fallback.
    fn is_sandbox(&self) -> bool {
        match &self.services {
            Some(s) => s.sandbox.is_some(),
            None => self.settings.environment == EnvironmentKind::Sandbox,
        }
    }

    /// For tests: hand the app its services as the boot task would.
    pub fn start_with(&mut self, services: Arc<Services>) {
        let _ = self.update(Message::Started(Ok(services)));
    }
}

/// `K` + date + random: unique per till and day, within the API's 35 characters.
pub fn till_reference() -> String {
    let now = time::OffsetDateTime::now_utc();
    // 48 random bits: a collision within one day's sales is out of reach.
    let random: u64 = rand::random::<u64>() & 0xFFFF_FFFF_FFFF;
    format!(
        "K{:02}{:02}{:02}-{:012X}",
        now.year() % 100,
        u8::from(now.month()),
        now.day(),
        random
    )
}

fn base_window_settings() -> window::Settings {
    window::Settings {
        #[cfg(target_os = "linux")]
        platform_specific: window::settings::PlatformSpecific {
            application_id: APP_ID.to_string(),
            ..Default::default()
        },
        ..window::Settings::default()
    }
}

fn main_window_settings() -> window::Settings {
    window::Settings {
        size: iced::Size::new(1100.0, 820.0),
        min_size: Some(iced::Size::new(760.0, 640.0)),
        ..base_window_settings()
    }
}

/// Runs the GUI until the cashier window closes.
pub fn run(settings: Settings) -> iced::Result {
    iced::daemon(move || App::boot(settings.clone()), App::update, App::view)
        .title(App::title)
        .theme(|_: &App, _| theme::theme())
        .subscription(App::subscription)
        .run()
}
