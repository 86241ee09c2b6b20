//! The top level: which screen is up, the windows (cashier and customer display), and the
//! routing of screen `Action`s to services as `Task`s whose results come back as `Message`s.

mod backups;
mod codes;
mod keys;
mod manager;
mod payment;
mod pin_lock;
mod printing;
mod records;
mod refunds;
mod sales;
pub mod shop_link;
pub mod shop_stream;
mod stopped;
mod update;
mod view;
mod windows;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use iced::{Subscription, Task, keyboard, window};

use crate::config::Settings;
use crate::fl;
use crate::i18n::Lang;
use crate::journal::{Entry, Journal, JournalError};
use crate::payconiq::EnvironmentKind;
use crate::payconiq::model::Payment;

use crate::recovery::{RecoveryError, Resolution};
use crate::sale::CreateError;
use crate::screen::attention;
use crate::screen::checkout::{self, Checkout, PollPolicy};

use crate::screen::invoice::{self, Invoice};
use crate::screen::lock::{self, Lock};
use crate::screen::phone::{self, Phone};
use crate::screen::settings::{self as settings_screen, Settings as SettingsScreen};
use crate::screen::sticker::{self, Sticker};
use crate::screen::till::{self, Till};
use crate::screen::today::{self, Today};
use crate::screen::unknown::{self, Unknown};
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
    /// The journal, once open; every sale is recorded there before it is sent.
    journal: Option<Journal>,
    /// Where the journal lives (`None` when a test hands one over).
    journal_path: Option<PathBuf>,
    /// Why the journal cannot be used (the till then refuses to charge).
    journal_problem: Option<JournalError>,
    /// Whether the journal's open sales were looked up since start.
    recovered: bool,
    /// The reference of the sale whose create is under way.
    charging: Option<String>,
    /// The sale being charged names the shop server's callback URL.
    charging_followed: bool,
    /// The whole shop's sales on screen are to be read again shortly (callbacks came).
    shop_reload_due: bool,
    /// Sales the till lost sight of, until they are settled.
    attention: crate::recovery::Watchlist,
    /// The look-up under way or waiting to run for each watched sale; dropped, it is aborted.
    lookups: std::collections::HashMap<String, iced::task::Handle>,
    /// Work belonging to the current screen (status reads, operations): aborted when it goes.
    screen_tasks: Vec<iced::task::Handle>,
    main_window: Option<window::Id>,
    display_window: Option<window::Id>,
    startup_error: Option<String>,
    secrets: Arc<dyn SecretStore>,
    settings_path: Option<PathBuf>,
    /// When the manager last did something while unlocked; `None` when locked.
    manager_active: Option<Instant>,
    /// Why the configured account cannot be used: the till refuses to charge until it can (it
    /// never falls back to the sandbox).
    account_problem: Option<String>,
    /// The settings file could not be read: the till stops (and never writes it) until it is
    /// set aside.
    settings_problem: Option<crate::config::SettingsProblem>,
    /// The configured account is being tried again.
    retrying: bool,
    /// The last daily journal backup, when it failed.
    backup_failed: Option<crate::journal::BackupFailure>,
    /// A daily backup is being made.
    backing_up: bool,
    /// How the embedded sandbox runs: kept in the data directory for the real till, in memory
    /// for tests.
    sandbox_config: crate::sandbox::SandboxConfig,
    /// How long after an unanswered create its payment may still appear.
    create_window: time::Duration,
    /// Whether native file dialogs may be tried (tests of the typed-path fallback turn them
    /// off; the real dialog is tested under Xvfb in tests/app/file_dialog.rs).
    file_dialogs: bool,
    /// Whether the cashier window fills the screen without decorations (F11).
    full_screen: bool,
    /// No window place is remembered: the first start, which fills a till's screen.
    first_start: bool,
    /// The size of the monitor the cashier window opened on.
    monitor: Option<iced::Size>,
    /// The link to the shop server, when the till is in a shop.
    shop: Option<shop_link::ShopLink>,
    /// The last receipt printed (or tried), for "Reprint last receipt".
    last_receipt: Option<Box<crate::payconiq::model::Payment>>,
    /// The receipt on its way to the printer: its payment, and whether it is a reprint.
    printing_for: Option<(String, bool)>,
    /// How the last print ended, for the cashier.
    print_note: Option<Result<String, String>>,
    /// A slip is on its way to the printer.
    printing: bool,
    /// The payment whose receipt was printed on its own (print after each payment).
    printed_for: Option<String>,
    /// The payment on screen was opened from Today's sales (its Back goes there).
    detail_from_today: bool,
    /// A customer display window was asked for and is not open yet.
    display_opening: bool,
    /// Counts the screens shown, so a new one starts with no button focused.
    screen_generation: u64,
    /// The sale to open once the manager has given the PIN (opened from Today's sales).
    after_unlock: Option<(Option<String>, Option<String>)>,
    /// Where the cashier window stood before it made room for the customer display on the
    /// same monitor (restored when the display closes).
    room_made: Option<crate::placement::Place>,
}

pub enum Screen {
    Starting,
    Till(Till),
    Checkout(Box<Checkout>),
    Lock(Lock),
    Settings(Box<SettingsScreen>),
    Sticker(Sticker),
    Today(Today),
    /// A create got no clear answer; its reference is being looked up.
    Unknown(Unknown),
    /// An invoice QR for a customer who pays later.
    Invoice(Box<Invoice>),
    /// The manager's payment history.
    History(Box<crate::screen::history::History>),
    /// One payment, its refunds and actions (manager).
    Detail(Box<crate::screen::detail::Detail>),
    /// X and Z shift reports (manager).
    Shift(Box<crate::screen::shift::Shift>),
    /// Payouts and their reconciliation (manager).
    Payouts(Box<crate::screen::payouts::Payouts>),
    /// Refunds by provider; D24 deposits refunded here (manager).
    Refund(Box<crate::screen::refund::Refund>),
}

#[derive(Debug, Clone)]
pub enum Message {
    Started(Result<Arc<Services>, String>),
    /// Tries the configured account again (after the keychain was unlocked, say).
    RetryAccount,
    /// Sets an unreadable settings file aside, forgets this till's stored keys and starts from
    /// default settings.
    StartAfresh,
    /// The settings were set aside (or why not).
    StartedAfresh(Result<std::path::PathBuf, String>),
    JournalOpened(Result<Journal, JournalError>),
    /// Moves a damaged journal aside and starts a new one.
    JournalSetAside,
    /// Tries the journal again after a problem (space freed, permissions fixed).
    JournalRetry,
    /// A journal write that nobody waits for finished (failures are logged and shown).
    Recorded(Result<(), JournalError>),
    Till(till::Message),
    Checkout(checkout::Message),
    Phone(phone::Message),
    /// The create for the sale with this reference ended.
    Charged(String, Result<Box<Payment>, CreateError>),
    /// The journal's sales that were not settled when the till last stopped.
    OpenSales(Result<Vec<Entry>, JournalError>),
    /// Start following a sale whose create got no clear answer.
    Track(Result<Option<Entry>, JournalError>),
    /// A look-up of the sale with this reference ended.
    Resolved(String, Result<Resolution, RecoveryError>),
    /// Time to look the sale with this reference up again.
    ResolveAgain(String),
    Attention(attention::Message),
    Unknown(unknown::Message),
    Keyboard(keyboard::Event),
    /// A key typed on one of the windows.
    WindowKey(window::Id, keyboard::Event),
    /// The countdown clock (and operations waiting to be retried).
    Tick,
    /// Time to read the status of the payment on screen.
    Poll,
    ToggleDisplay,
    OpenManager,
    OpenToday,
    Today(today::Message),
    OpenInvoice,
    Invoice(invoice::Message),
    History(crate::screen::history::Message),
    Detail(crate::screen::detail::Message),
    Shift(crate::screen::shift::Message),
    Refund(crate::screen::refund::Message),
    Payouts(crate::screen::payouts::Message),
    Sticker(sticker::Message),
    Lock(lock::Message),
    Settings(settings_screen::Message),
    /// Re-engages the manager lock after inactivity.
    LockCheck,
    /// Locks the manager's screens now ("Lock now", F8).
    LockNow,
    /// Full screen on or off (F11).
    ToggleFullScreen,
    /// Print the paid payment's receipt.
    PrintReceipt,
    /// The receipt of this payment, rung up in this shift, is ready to print (a reprint when
    /// one was printed before).
    ReceiptFor {
        payment: Box<crate::payconiq::model::Payment>,
        shift: Option<i64>,
        reprint: bool,
    },
    /// Print the last receipt again.
    Reprint,
    /// Print the payment's code, for a counter without a customer display.
    PrintQr,
    /// A slip was printed (or why not).
    Printed(Result<String, String>),
    /// The shop server's client, or why the till has none.
    ShopLinked(Result<kassa_core::shop::ShopClient, String>),
    /// Send the journal's waiting events to the shop server.
    ShopPush,
    /// A push ended: events sent, or why not; events still waiting; the server's name for
    /// this till when it was asked.
    ShopPushed(
        Result<u64, crate::shop::PushProblem>,
        i64,
        Option<Box<shop_link::Linked>>,
    ),
    /// Read the whole shop's sales on screen again (callbacks came for them).
    ShopViewsReload,
    /// The shop server's stream of the provider's callbacks.
    ShopStream(shop_stream::StreamEvent),
    /// Time to make the daily journal backup if it is due.
    BackupCheck,
    /// The daily backup's state kept beside the journal, and how the copy ended when one was
    /// due.
    BackedUp(
        Box<crate::journal::BackupState>,
        Option<Result<PathBuf, crate::journal::BackupError>>,
    ),
    /// Wrong PINs in a row as the journal counts them, and when the last was.
    PinFailures(Option<(u32, Option<time::OffsetDateTime>)>),
    /// Settings to apply, once their secrets reached the keychain (or why they did not).
    Apply(Box<crate::config::Settings>, Result<(), String>),
    /// A window moved (the places of both windows are remembered).
    WindowMoved(window::Id, iced::Point),
    /// A window took a new size.
    WindowResized(window::Id, iced::Size),
    /// The size of the monitor the cashier window opened on.
    MonitorSize(window::Id, Option<iced::Size>),
    MainOpened(window::Id),
    DisplayOpened(window::Id),
    WindowClosed(window::Id),
}

impl App {
    /// Boots the real app: opens the cashier window and starts the services.
    pub fn boot(settings: Settings) -> (App, Task<Message>) {
        let lang = settings.language();
        crate::i18n::set_language(lang);
        let (_, open) = window::open(windows::main_window_settings(settings.window));
        let mut app = App::new(settings, PollPolicy::default());
        app.lang = lang;
        app.first_start = app.settings.window.is_none();
        app.sandbox_config = crate::sandbox::SandboxConfig::persistent(
            crate::config::data_dir().map(|d| d.join("sandbox.json")),
        );
        app.secrets = Arc::new(OsKeychain::new());
        app.settings_path = crate::config::Settings::default_path();
        let start = Task::perform(
            Services::start(
                app.settings.clone(),
                app.secrets.clone(),
                app.sandbox_config.clone(),
            ),
            |r| Message::Started(r.map(Arc::new)),
        );
        app.journal_path = crate::config::journal_path();
        let journal = Task::perform(
            open_journal(app.journal_path.clone()),
            Message::JournalOpened,
        );
        (
            app,
            Task::batch([open.map(Message::MainOpened), start, journal]),
        )
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
            journal: None,
            journal_path: None,
            journal_problem: None,
            recovered: false,
            charging: None,
            charging_followed: false,
            shop_reload_due: false,
            attention: Default::default(),
            lookups: Default::default(),
            screen_tasks: Vec::new(),
            main_window: None,
            display_window: None,
            startup_error: None,
            // Tests and keychain-less starts get a store that forgets on exit.
            secrets: Arc::new(crate::secrets::MemoryStore::default()),
            settings_path: None,
            manager_active: None,
            account_problem: None,
            settings_problem: None,
            retrying: false,
            backup_failed: None,
            backing_up: false,
            sandbox_config: crate::sandbox::SandboxConfig::default(),
            create_window: crate::recovery::CREATE_WINDOW,
            file_dialogs: true,
            full_screen: false,
            first_start: false,
            monitor: None,
            room_made: None,
            after_unlock: None,
            screen_generation: 0,
            display_opening: false,
            detail_from_today: false,
            last_receipt: None,
            shop: None,
            printing_for: None,
            print_note: None,
            printing: false,
            printed_for: None,
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

    /// Stops the till because the settings file could not be read.
    pub fn with_settings_problem(mut self, problem: Option<crate::config::SettingsProblem>) -> App {
        self.settings_problem = problem;
        self
    }

    /// Why the configured account cannot take payments now, if it cannot.
    pub fn account_problem(&self) -> Option<&str> {
        self.account_problem.as_deref()
    }

    pub fn services(&self) -> Option<&Arc<Services>> {
        self.services.as_ref()
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The screen on show, for tests that drive one directly.
    pub fn screen_mut(&mut self) -> &mut Screen {
        &mut self.screen
    }

    pub fn title(&self, window: window::Id) -> String {
        if Some(window) == self.display_window {
            fl!("display-title")
        } else {
            app_title()
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let mut subs = vec![
            // Keys typed on the cashier window only: the customer display takes none.
            // Esc also when a field took it (a field only lets go of the focus with it): it
            // leaves the screen with one press, the PIN screen's focused field included.
            iced::event::listen_with(|event, status, window| match event {
                iced::Event::Keyboard(k)
                    if status == iced::event::Status::Ignored || keys::is_escape(&k) =>
                {
                    Some(Message::WindowKey(window, k))
                }
                _ => None,
            }),
            window::close_events().map(Message::WindowClosed),
            window::events().filter_map(|(id, event)| match event {
                window::Event::Moved(at) => Some(Message::WindowMoved(id, at)),
                window::Event::Resized(size) => Some(Message::WindowResized(id, size)),
                _ => None,
            }),
        ];
        subs.extend(self.shop_subscriptions());
        // The daily journal backup, checked every hour.
        if !self.settings.backup_dir.trim().is_empty() {
            subs.push(
                iced::time::every(std::time::Duration::from_secs(3600))
                    .map(|_| Message::BackupCheck),
            );
        }
        // Ticks only while something on screen changes: never on the till, never once final.
        if let Some(pace) = self.poll_interval() {
            // Status reads at exactly the policy's pace; a one-second clock for the countdown.
            subs.push(iced::time::every(pace).map(|_| Message::Poll));
            subs.push(iced::time::every(std::time::Duration::from_secs(1)).map(|_| Message::Tick));
        }
        // A refund settling on the detail screen is followed until it ends.
        if matches!(&self.screen, Screen::Detail(d) if d.following()) {
            subs.push(
                iced::time::every(std::time::Duration::from_secs(1))
                    .map(|_| Message::Detail(crate::screen::detail::Message::Follow)),
            );
        }
        // A D24 refund is followed (or its lost answer asked for again) while it is on screen.
        if matches!(&self.screen, Screen::Refund(r) if r.following()) {
            subs.push(
                iced::time::every(std::time::Duration::from_secs(1))
                    .map(|_| Message::Refund(crate::screen::refund::Message::Tick)),
            );
        }
        if self.manager_active.is_some() {
            subs.push(
                iced::time::every(std::time::Duration::from_secs(15)).map(|_| Message::LockCheck),
            );
        }
        Subscription::batch(subs)
    }

    /// Whether the till is on a sandbox: the configured one, or the fallback.
    fn is_sandbox(&self) -> bool {
        match &self.services {
            Some(s) => s.sandbox.is_some(),
            None => self.settings.environment == EnvironmentKind::Sandbox,
        }
    }

    /// The pace of status reads while a live payment is on screen (`None`: no reads).
    pub fn poll_interval(&self) -> Option<std::time::Duration> {
        match &self.screen {
            Screen::Checkout(c) if c.is_live() => {
                let pace = c.poll_interval().max(std::time::Duration::from_millis(50));
                // Callbacks come by the stream: the reads are only a safety net.
                Some(if self.followed(&c.payment().payment_id) {
                    pace.max(shop_stream::STREAM_POLL)
                } else {
                    pace
                })
            }
            _ => None,
        }
    }

    /// For tests: hand the app its services as the boot task would.
    pub fn start_with(&mut self, services: Arc<Services>) -> Task<Message> {
        self.update(Message::Started(Ok(services)))
    }

    /// Shortens the wait before an unanswered create counts as never made (tests, drills).
    pub fn set_create_window(&mut self, window: time::Duration) {
        self.create_window = window;
    }

    /// Behaves as on a computer that cannot show a file dialog.
    pub fn without_file_dialogs(mut self) -> App {
        self.file_dialogs = false;
        self
    }

    /// For tests: hand the app its journal as the boot task would.
    pub fn open_with(&mut self, journal: Result<Journal, JournalError>) -> Task<Message> {
        self.update(Message::JournalOpened(journal))
    }
}

/// Opens the journal off the UI thread.
pub(super) async fn open_journal(path: Option<PathBuf>) -> Result<Journal, JournalError> {
    let Some(path) = path else {
        return Err(JournalError::Other("no data directory".into()));
    };
    tokio::task::spawn_blocking(move || Journal::open(&path))
        .await
        .map_err(|e| JournalError::Other(e.to_string()))?
}

/// Runs the GUI until the cashier window closes.
/// "Kassa", and the profile's name when this till is one (two tills on one machine).
pub(crate) fn app_title() -> String {
    match crate::config::profile() {
        Some(name) => format!("{} — {name}", fl!("app-title")),
        None => fl!("app-title"),
    }
}

/// Runs the till. `settings_problem`: the settings file could not be read.
pub fn run(
    settings: Settings,
    settings_problem: Option<crate::config::SettingsProblem>,
) -> iced::Result {
    iced::daemon(
        move || {
            let (app, task) = App::boot(settings.clone());
            (app.with_settings_problem(settings_problem.clone()), task)
        },
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(|_: &App, _| theme::theme())
    .default_font(theme::FONT)
    .subscription(App::subscription)
    .run()
}
