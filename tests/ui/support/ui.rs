//! The till driven through its real iced views (iced_test simulator, tiny-skia): every message a
//! click produces goes through `App::update`, and every task the app returns is run, as the iced
//! runtime would. Each harness has its own journal file, so a "restart" is a new `App` on the
//! same journal and the same (still running) sandbox.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

use futures::StreamExt;
use iced_test::Simulator;
use iced_test::runtime::{Action, task};
use kassa::app::{App, Message, Screen};
use kassa::config::Settings;
use kassa::i18n::Lang;
use kassa::journal::Journal;
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::SandboxConfig;
use kassa::screen::checkout::PollPolicy;
use kassa::services::Services;

/// The cashier window at the smallest size it is meant for.
pub fn screen<'a>(view: iced::Element<'a, Message>) -> Simulator<'a, Message> {
    screen_sized(view, iced::Size::new(1024.0, 768.0))
}

pub fn screen_sized<'a>(
    view: iced::Element<'a, Message>,
    size: iced::Size,
) -> Simulator<'a, Message> {
    let settings = iced::Settings {
        default_font: kassa::theme::FONT,
        ..iced::Settings::default()
    };
    Simulator::with_size(settings, size, view)
}

/// The window sizes tills have: whole 1024×768 and 1366×768 screens, and the window the app
/// opens on them (the screen less a title bar and a panel, see `placement::fit`).
pub fn till_screens() -> Vec<iced::Size> {
    // And the size it first opens at.
    let (w, h) = kassa::placement::FIRST_SIZE;
    let mut sizes = vec![iced::Size::new(w, h)];
    for (w, h) in [(1024.0, 768.0), (1366.0, 768.0)] {
        sizes.push(iced::Size::new(w, h));
        let (fw, fh) = kassa::placement::fit((w, h), (w, h));
        sizes.push(iced::Size::new(fw, fh));
    }
    sizes
}

/// The bounds and visible bounds of the text `wanted` (one ending in `…` matches any text
/// starting with what comes before it).
fn find_text(
    ui: &mut Simulator<'_, Message>,
    wanted: &str,
) -> Result<(iced::Rectangle, Option<iced::Rectangle>), iced_test::Error> {
    use iced_test::selector::Candidate;
    let prefix = wanted.strip_suffix('…');
    ui.find(|c: Candidate<'_>| match c {
        Candidate::Text {
            bounds,
            visible_bounds,
            content,
            ..
        } if prefix.map_or(content == wanted, |p| content.starts_with(p)) => {
            Some((bounds, visible_bounds))
        }
        _ => None,
    })
}

/// The UI language is one setting for the whole process, and every UI test shares this one:
/// a harness reads in English (a shared hold), a test that switches languages holds it alone
/// and gives English back when done.
static LANGUAGE: std::sync::RwLock<()> = std::sync::RwLock::new(());

thread_local! {
    static OWNS_LANGUAGE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Holds on English this thread has (a second one, e.g. a restarted harness, nests).
    static HOLDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A shared hold on English, for as long as it lives (the thread's first hold locks; those
/// nested in it, and the thread that owns the language, need no lock).
pub struct English(#[allow(dead_code)] Option<std::sync::RwLockReadGuard<'static, ()>>);

pub fn english() -> English {
    let first = HOLDS.with(|h| {
        h.set(h.get() + 1);
        h.get() == 1
    });
    if !first || OWNS_LANGUAGE.with(|o| o.get()) {
        return English(None);
    }
    English(Some(LANGUAGE.read().unwrap_or_else(|e| e.into_inner())))
}

impl Drop for English {
    fn drop(&mut self) {
        HOLDS.with(|h| h.set(h.get().saturating_sub(1)));
    }
}

/// This test alone may switch languages until the hold is dropped; English is set back then.
pub struct AnyLanguage(#[allow(dead_code)] std::sync::RwLockWriteGuard<'static, ()>);

pub fn any_language() -> AnyLanguage {
    let guard = LANGUAGE.write().unwrap_or_else(|e| e.into_inner());
    OWNS_LANGUAGE.with(|o| o.set(true));
    AnyLanguage(guard)
}

impl Drop for AnyLanguage {
    fn drop(&mut self) {
        kassa::i18n::set_language(Lang::En);
        OWNS_LANGUAGE.with(|o| o.set(false));
    }
}

pub struct Harness {
    pub app: App,
    pub services: Arc<Services>,
    settings: Settings,
    secrets: Arc<dyn kassa::secrets::SecretStore>,
    settings_path: Option<PathBuf>,
    pub journal_path: PathBuf,
    _dir: Arc<tempfile::TempDir>,
    _english: English,
    queue: VecDeque<Message>,
    /// The cashier window's size for clicks and look-ups.
    pub size: iced::Size,
}

impl Harness {
    pub async fn new() -> Harness {
        Self::with(SandboxConfig::for_tests(), Settings::default()).await
    }

    pub async fn with(cfg: SandboxConfig, settings: Settings) -> Harness {
        Self::stored(
            cfg,
            settings,
            Arc::new(kassa::secrets::MemoryStore::default()),
            None,
        )
        .await
    }

    /// On `cfg`'s sandbox with default settings, secrets kept in `secrets` and settings saved
    /// to a file of the harness's own ([`Harness::settings_file`]), as the till keeps them.
    pub async fn saving(
        cfg: SandboxConfig,
        secrets: Arc<dyn kassa::secrets::SecretStore>,
    ) -> Harness {
        let dir = Arc::new(tempfile::tempdir().unwrap());
        let path = dir.path().join("settings.toml");
        Self::start(cfg, Settings::default(), secrets, Some(path), dir).await
    }

    /// Where [`Harness::saving`] keeps the settings.
    pub fn settings_file(&self) -> &std::path::Path {
        self.settings_path
            .as_deref()
            .expect("a harness made by Harness::saving")
    }

    pub async fn stored(
        cfg: SandboxConfig,
        settings: Settings,
        secrets: Arc<dyn kassa::secrets::SecretStore>,
        path: Option<PathBuf>,
    ) -> Harness {
        let dir = Arc::new(tempfile::tempdir().unwrap());
        Self::start(cfg, settings, secrets, path, dir).await
    }

    async fn start(
        cfg: SandboxConfig,
        settings: Settings,
        secrets: Arc<dyn kassa::secrets::SecretStore>,
        path: Option<PathBuf>,
        dir: Arc<tempfile::TempDir>,
    ) -> Harness {
        // The hold comes first: nothing here may touch the language while a test that
        // switches languages holds it.
        let english = english();
        kassa::i18n::set_language(Lang::En);
        let settings = Settings {
            language: Some(Lang::En),
            ..settings
        };
        let services = Arc::new(
            Services::embedded(cfg, super::quick_options())
                .await
                .unwrap(),
        );
        let journal_path = dir.path().join("journal.sqlite");
        let mut h = Harness {
            app: App::new(settings.clone(), PollPolicy::immediate()),
            services,
            settings,
            secrets,
            settings_path: path,
            journal_path,
            _dir: dir,
            _english: english,
            queue: VecDeque::new(),
            size: iced::Size::new(1024.0, 768.0),
        };
        h.boot().await;
        h
    }

    /// Takes an app that was handed `first` instead of ready services (e.g. a failed start), with
    /// a journal of its own; the services are whatever the app ends up with.
    pub async fn adopt(app: App, first: Message) -> Harness {
        let english = english();
        let dir = Arc::new(tempfile::tempdir().unwrap());
        let journal_path = dir.path().join("journal.sqlite");
        let mut app = app;
        let t = app.open_with(Journal::open(&journal_path));
        let mut h = Harness {
            services: Arc::new(
                Services::embedded(SandboxConfig::for_tests(), super::quick_options())
                    .await
                    .unwrap(),
            ),
            app,
            settings: Settings::default(),
            secrets: Arc::new(kassa::secrets::MemoryStore::default()),
            settings_path: None,
            journal_path,
            _dir: dir,
            _english: english,
            queue: VecDeque::new(),
            size: iced::Size::new(1024.0, 768.0),
        };
        h.run_task(t).await;
        h.send(first).await;
        if let Some(s) = h.app.services() {
            h.services = s.clone();
        }
        h
    }

    /// Starts the app as `App::boot` would: journal and services, then recovery.
    async fn boot(&mut self) {
        // A restart reads the settings file the app wrote, as the real till does.
        if let Some(saved) = self
            .settings_path
            .as_deref()
            .filter(|p| p.exists())
            .and_then(|p| Settings::load(p).ok())
        {
            self.settings = saved;
        }
        self.app = App::new(self.settings.clone(), PollPolicy::immediate())
            .with_storage(self.secrets.clone(), self.settings_path.clone());
        let journal = Journal::open(&self.journal_path);
        let t = self.app.open_with(journal);
        self.run_task(t).await;
        let t = self.app.start_with(self.services.clone());
        self.run_task(t).await;
        self.drain().await;
    }

    /// The till is killed and started again: a new app on the same journal; the provider (the
    /// sandbox) carries on.
    pub async fn restart(&mut self) {
        self.queue.clear();
        self.boot().await;
    }

    /// Whether the app's client now talks to `base`.
    pub async fn services_environment_is(&mut self, base: &str) -> bool {
        self.app
            .services()
            .is_some_and(|s| s.client.account().environment.api_base == base)
    }

    pub fn sandbox(&self) -> &kassa::sandbox::Sandbox {
        self.services.sandbox.as_ref().unwrap()
    }

    /// Clicks the widget showing `label` on the cashier window and processes what follows.
    pub async fn click(&mut self, label: &str) {
        let messages: Vec<Message> = {
            let mut ui = screen_sized(self.app.view_main(), self.size);
            ui.click(label)
                .unwrap_or_else(|e| panic!("no '{label}' to click: {e:?}"));
            ui.into_messages().collect()
        };
        for m in messages {
            self.send(m).await;
        }
    }

    /// Whether the cashier window shows `label` right now.
    pub fn shows(&self, label: &str) -> bool {
        let mut ui = screen_sized(self.app.view_main(), self.size);
        ui.find(label).is_ok()
    }

    /// Opens the manager screens the first time: Manager, then a new PIN entered twice.
    pub async fn choose_pin(&mut self, pin: &str) {
        use kassa::screen::lock::Message as Lock;
        self.click("Manager").await;
        for _ in 0..2 {
            self.send(Message::Lock(Lock::Pin(pin.into()))).await;
            self.send(Message::Lock(Lock::Submit)).await;
        }
    }

    /// From now on, behave as a computer that cannot show a file dialog.
    pub fn no_file_dialogs(&mut self) {
        let app = std::mem::replace(
            &mut self.app,
            App::new(self.settings.clone(), PollPolicy::immediate()),
        );
        self.app = app.without_file_dialogs();
    }

    /// Whether the cashier window shows a text starting with `prefix`.
    pub fn shows_prefix(&self, prefix: &str) -> bool {
        let mut ui = screen_sized(self.app.view_main(), self.size);
        ui.find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Text { content, .. } if content.starts_with(prefix) => {
                Some(())
            }
            _ => None,
        })
        .is_ok()
    }

    /// The texts among `texts` that take more than one line: a button label squeezed until
    /// it wraps. Judged by height, for labels of 14 to 26 px (one line of 26 px is 33.8 px
    /// high, two of 14 px are 36.4).
    pub fn wrapped(&self, texts: &[&str]) -> Vec<String> {
        let mut ui = screen_sized(self.app.view_main(), self.size);
        texts
            .iter()
            .filter_map(|wanted| {
                let (bounds, _) = find_text(&mut ui, wanted).ok()?;
                (bounds.height > 35.0).then(|| {
                    format!(
                        "'{wanted}' wraps ({bounds:?}) in {}×{}",
                        self.size.width, self.size.height
                    )
                })
            })
            .collect()
    }

    /// The texts among `texts` that are missing, or not wholly inside the window and unclipped
    /// (a text ending in `…` matches any text starting with what comes before it).
    pub fn not_in_view(&self, texts: &[&str]) -> Vec<String> {
        let window = iced::Rectangle::new(iced::Point::ORIGIN, self.size);
        let mut ui = screen_sized(self.app.view_main(), self.size);
        let mut wrong = Vec::new();
        for wanted in texts {
            let found = find_text(&mut ui, wanted);
            match found {
                Err(_) => wrong.push(format!("'{wanted}' is not shown")),
                Ok((bounds, visible)) => {
                    let inside = bounds.x >= window.x - 0.5
                        && bounds.y >= window.y - 0.5
                        && bounds.x + bounds.width <= window.width + 0.5
                        && bounds.y + bounds.height <= window.height + 0.5;
                    let unclipped = visible.is_some_and(|v| {
                        (v.x - bounds.x).abs() < 0.5
                            && (v.y - bounds.y).abs() < 0.5
                            && (v.width - bounds.width).abs() < 0.5
                            && (v.height - bounds.height).abs() < 0.5
                    });
                    if !inside || !unclipped || bounds.width < 1.0 {
                        wrong.push(format!(
                            "'{wanted}' at {bounds:?} (visible {visible:?}) in {}×{}",
                            self.size.width, self.size.height
                        ));
                    }
                }
            }
        }
        wrong
    }

    async fn run_task(&mut self, t: iced::Task<Message>) {
        if let Some(mut stream) = task::into_stream(t) {
            while let Some(action) = stream.next().await {
                if let Action::Output(out) = action {
                    self.queue.push_back(out);
                }
            }
        }
    }

    /// Updates the app with `message`, then runs every task that follows until none is left.
    pub async fn send(&mut self, message: Message) {
        self.queue.push_back(message);
        self.drain().await;
    }

    async fn drain(&mut self) {
        self.run_until(|_| false).await;
    }

    /// Processes queued messages (and what their tasks produce) until `done` holds or nothing is
    /// left; returns whether `done` held.
    pub async fn run_until(&mut self, done: impl Fn(&App) -> bool) -> bool {
        while let Some(m) = self.queue.pop_front() {
            let t = self.app.update(m);
            self.run_task(t).await;
            if done(&self.app) {
                return true;
            }
        }
        done(&self.app)
    }

    /// Clicks the text that starts with `prefix` (labels with a time in them).
    pub async fn click_prefix(&mut self, prefix: &str) {
        let full = {
            let mut ui = screen_sized(self.app.view_main(), self.size);
            let found = ui.find(|c: iced_test::selector::Candidate<'_>| match c {
                iced_test::selector::Candidate::Text { content, .. }
                    if content.starts_with(prefix) =>
                {
                    Some(content.to_string())
                }
                _ => None,
            });
            found.unwrap_or_else(|e| panic!("no text starting '{prefix}': {e:?}"))
        };
        self.click(&full).await;
    }

    /// Clicks `label` but only queues what it produces (see [`Harness::run_until`]).
    pub fn queue_click(&mut self, label: &str) {
        let mut ui = screen_sized(self.app.view_main(), self.size);
        ui.click(label)
            .unwrap_or_else(|e| panic!("no '{label}' to click: {e:?}"));
        let messages: Vec<Message> = ui.into_messages().collect();
        self.queue.extend(messages);
    }

    /// Queues `message` without processing it.
    pub fn queue(&mut self, message: Message) {
        self.queue.push_back(message);
    }

    /// One status poll and clock tick, as the subscriptions would cause.
    pub async fn tick(&mut self) {
        self.send(Message::Poll).await;
        self.send(Message::Tick).await;
    }

    pub async fn type_amount(&mut self, keys: &str) {
        for k in keys.chars() {
            self.click(&k.to_string()).await;
        }
    }

    pub fn payment_id(&self) -> String {
        match self.app.screen() {
            Screen::Checkout(c) => c.payment().payment_id.clone(),
            _ => panic!("not on checkout"),
        }
    }

    pub fn status(&self) -> PaymentStatus {
        match self.app.screen() {
            Screen::Checkout(c) => c.status().clone(),
            _ => panic!("not on checkout"),
        }
    }

    /// Ticks until the screen shows `status` (the sandbox settles in milliseconds).
    pub async fn until(&mut self, status: PaymentStatus) {
        for _ in 0..100 {
            self.tick().await;
            if self.status() == status {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("never reached {status}, stuck at {}", self.status());
    }

    pub async fn charge(&mut self, amount: &str) {
        self.type_amount(amount).await;
        self.click("Charge").await;
        assert!(
            matches!(self.app.screen(), Screen::Checkout(_)),
            "checkout opens"
        );
    }
}
