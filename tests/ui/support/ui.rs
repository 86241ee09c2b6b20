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

/// Every window size the screens are tested at: [`till_screens`], a 1920×1080 counter screen,
/// and the same at 150 % (HiDPI scale 1.5 lays out 1280×720 logical pixels).
pub fn all_screens() -> Vec<iced::Size> {
    let mut sizes = till_screens();
    sizes.push(iced::Size::new(1920.0, 1080.0));
    sizes.push(iced::Size::new(1920.0 / 1.5, 1080.0 / 1.5));
    // A 1024×768 screen shared with the customer display (see `placement::share`).
    let monitor = kassa::placement::Place {
        x: 0.0,
        y: 0.0,
        width: 1024.0,
        height: 768.0,
    };
    let (cashier, _) = kassa::placement::share(monitor);
    sizes.push(iced::Size::new(cashier.width, cashier.height));
    sizes
}

/// What a view lays out, as the layout tests judge it.
#[derive(Default)]
pub struct Laid {
    /// Texts and their bounds.
    pub texts: Vec<(String, iced::Rectangle)>,
    /// What Tab can reach (buttons and fields), its id when it has one, and whether it has the
    /// focus.
    pub focusables: Vec<(Option<iced::widget::Id>, iced::Rectangle, bool)>,
    /// Text fields.
    pub inputs: Vec<iced::Rectangle>,
    /// What each text field shows (its value, or its placeholder when empty).
    pub input_texts: Vec<String>,
    /// Containers (iced's buttons among them).
    pub containers: Vec<iced::Rectangle>,
    /// Containers with an id, by it.
    pub named: Vec<(iced::widget::Id, iced::Rectangle)>,
    /// Disabled buttons (Tab passes them by).
    pub disabled: Vec<iced::Rectangle>,
}

impl Laid {
    pub fn of(ui: &mut Simulator<'_, Message>) -> Laid {
        use iced_test::selector::Candidate;
        let mut laid = Laid::default();
        let _ = ui.find(|c: Candidate<'_>| -> Option<()> {
            match c {
                Candidate::Text {
                    bounds, content, ..
                } => laid.texts.push((content.to_string(), bounds)),
                Candidate::Focusable {
                    id, bounds, state, ..
                } => laid
                    .focusables
                    .push((id.cloned(), bounds, state.is_focused())),
                Candidate::TextInput { bounds, state, .. } => {
                    laid.inputs.push(bounds);
                    laid.input_texts.push(state.text().to_string());
                }
                Candidate::Container { bounds, id, .. } => {
                    laid.containers.push(bounds);
                    if let Some(id) = id {
                        laid.named.push((id.clone(), bounds));
                    }
                }
                Candidate::Custom { bounds, state, .. }
                    if state.is::<kassa::widget::focus::Disabled>() =>
                {
                    laid.disabled.push(bounds)
                }
                _ => {}
            }
            None
        });
        laid
    }

    /// The bounds of the text `wanted`.
    pub fn text(&self, wanted: &str) -> Option<iced::Rectangle> {
        self.texts
            .iter()
            .find(|(t, _)| t == wanted)
            .map(|(_, b)| *b)
    }

    /// The buttons: what Tab reaches that is not a text field, and the disabled ones.
    pub fn buttons(&self) -> Vec<iced::Rectangle> {
        self.focusables
            .iter()
            .map(|(_, b, _)| *b)
            .filter(|b| !self.inputs.contains(b))
            .chain(self.disabled.iter().copied())
            .collect()
    }

    /// The texts inside `area`, joined (a button's label and hint).
    pub fn label(&self, area: iced::Rectangle) -> String {
        self.texts
            .iter()
            .filter(|(_, b)| contains(area, *b))
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The smallest focusable (a button) holding the text `wanted`.
    pub fn button(&self, wanted: &str) -> Option<iced::Rectangle> {
        let text = self.text(wanted)?;
        self.buttons()
            .into_iter()
            .filter(|b| contains(*b, text))
            .min_by(|a, b| (a.width * a.height).total_cmp(&(b.width * b.height)))
    }

    /// The smallest container holding the text `wanted` (a keypad key, which Tab skips).
    pub fn container(&self, wanted: &str) -> Option<iced::Rectangle> {
        let text = self.text(wanted)?;
        self.containers
            .iter()
            .copied()
            .filter(|c| contains(*c, text))
            .min_by(|a, b| (a.width * a.height).total_cmp(&(b.width * b.height)))
    }

    /// The container with the id `name`.
    pub fn named(&self, name: &'static str) -> Option<iced::Rectangle> {
        let id = iced::widget::Id::new(name);
        self.named.iter().find(|(i, _)| *i == id).map(|(_, b)| *b)
    }

    /// The focused widget: its label (or `#id` for a field).
    pub fn focused(&self) -> Option<String> {
        let (id, bounds, _) = self.focusables.iter().find(|(_, _, f)| *f)?;
        Some(match id {
            Some(id) if self.inputs.contains(bounds) => format!("#{}", id_name(id)),
            _ => self.label(*bounds),
        })
    }
}

/// The amounts of money in `s`: each run of digits, marks and spaces around a `€`, without the
/// punctuation of the sentence around it.
pub fn amounts(s: &str) -> Vec<String> {
    let part = |c: char| {
        c.is_ascii_digit() || matches!(c, '€' | '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '-')
    };
    let mut out = Vec::new();
    let mut run = String::new();
    for c in s.chars().chain(std::iter::once('|')) {
        if part(c) {
            run.push(c);
            continue;
        }
        let token = run.trim_matches(|c: char| matches!(c, ' ' | ',' | '.'));
        if token.contains('€') && token.chars().any(|c| c.is_ascii_digit()) {
            out.push(token.to_string());
        }
        run.clear();
    }
    out
}

/// Whether `token` is money written as `lang` writes it (what `Money::format` makes of it).
pub fn is_money_in(token: &str, lang: Lang) -> bool {
    let (sign, digits) = match token.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, token),
    };
    kassa::money::Money::parse_unchecked(digits)
        .is_ok_and(|m| kassa::money::Money::from_cents(sign * m.cents()).format(lang) == token)
}

/// The name an `Id::new(name)` was given (ids print as `Id(Custom(.., "name"))`).
fn id_name(id: &iced::widget::Id) -> String {
    let debug = format!("{id:?}");
    debug
        .split('"')
        .nth(1)
        .map_or(debug.clone(), str::to_string)
}

pub fn contains(outer: iced::Rectangle, inner: iced::Rectangle) -> bool {
    inner.x >= outer.x - 0.5
        && inner.y >= outer.y - 0.5
        && inner.x + inner.width <= outer.x + outer.width + 0.5
        && inner.y + inner.height <= outer.y + outer.height + 0.5
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

    /// The till's keychain (a stand-in here).
    pub fn secrets(&self) -> Arc<dyn kassa::secrets::SecretStore> {
        self.secrets.clone()
    }

    /// The till's client for its shop server, from its settings and keychain.
    pub fn shop_client(&self) -> kassa_core::shop::ShopClient {
        kassa::shop::client(&self.settings, self.secrets.as_ref())
            .expect("a till in a shop")
            .unwrap()
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

    /// The till is started again on `other`'s provider (its sandbox and account): two tills
    /// of one shop on one Payconiq account.
    pub async fn share_provider_with(&mut self, other: &Harness) {
        self.services = other.services.clone();
        self.restart().await;
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

    /// The cashier window as laid out now, at [`Harness::size`].
    pub fn laid(&self) -> Laid {
        let mut ui = screen_sized(self.app.view_main(), self.size);
        Laid::of(&mut ui)
    }

    /// Every text on the cashier window now, for a failing test to say what it saw.
    pub fn texts(&self) -> Vec<String> {
        self.laid().texts.into_iter().map(|(t, _)| t).collect()
    }

    /// Writes the cashier window as it looks now to `$KASSA_SHOTS/{name}-{w}x{h}.png` when
    /// that variable is set (the README's screenshots: `KASSA_SHOTS=assets/screenshots cargo
    /// test --test ui layout`); does nothing otherwise.
    pub fn shoot(&self, name: &str) {
        let Some(dir) = std::env::var_os("KASSA_SHOTS") else {
            return;
        };
        let tmp = tempfile::tempdir().unwrap();
        let mut ui = screen_sized(self.app.view_main(), self.size);
        let snapshot = ui.snapshot(&kassa::theme::theme()).unwrap();
        let _ = snapshot.matches_image(tmp.path().join("shot.png")).unwrap();
        // The simulator names the file after its renderer.
        let written = std::fs::read_dir(tmp.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let to = std::path::Path::new(&dir).join(format!(
            "{name}-{}x{}.png",
            self.size.width as u32, self.size.height as u32
        ));
        std::fs::copy(written, to).unwrap();
    }

    /// The amounts on screen not written as `lang` writes money, and amounts prefilled in
    /// fields without its decimal mark.
    pub fn wrong_money(&self, lang: Lang) -> Vec<String> {
        let laid = self.laid();
        let mut wrong: Vec<String> = laid
            .texts
            .iter()
            .flat_map(|(t, _)| amounts(t).into_iter().map(move |a| (t, a)))
            .filter(|(_, a)| !is_money_in(a, lang))
            .map(|(t, a)| format!("'{a}' in '{t}' ({lang:?})"))
            .collect();
        for typed in &laid.input_texts {
            let plain = typed.trim();
            let number = plain.len() > 3
                && plain
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && matches!(plain.chars().rev().nth(2), Some('.' | ','));
            if number
                && kassa::money::Money::parse(plain)
                    .map(|m| m.input(lang))
                    .ok()
                    .as_deref()
                    != Some(plain)
            {
                wrong.push(format!("field prefilled '{plain}' ({lang:?})"));
            }
        }
        wrong
    }

    /// Amounts in one column that do not share their right edge: in a list or a report the
    /// figures line up. (Texts that are one amount each; two are in one column when their
    /// horizontal extents overlap.)
    pub fn misaligned_money(&self) -> Vec<String> {
        let laid = self.laid();
        let figures: Vec<&(String, iced::Rectangle)> = laid
            .texts
            .iter()
            .filter(|(t, _)| amounts(t) == [t.as_str()])
            .collect();
        let mut wrong = Vec::new();
        for (i, (a, ra)) in figures.iter().enumerate() {
            for (b, rb) in &figures[i + 1..] {
                let overlap = ra.x < rb.x + rb.width && rb.x < ra.x + ra.width;
                let (right_a, right_b) = (ra.x + ra.width, rb.x + rb.width);
                if overlap && (right_a - right_b).abs() > 0.5 {
                    wrong.push(format!("'{a}' ends at {right_a}, '{b}' at {right_b}"));
                }
            }
        }
        wrong
    }

    /// The buttons lower than a finger needs ([`kassa::widget::action::MIN_HEIGHT`]).
    pub fn small_buttons(&self) -> Vec<String> {
        let laid = self.laid();
        laid.buttons()
            .into_iter()
            .filter(|b| b.height < kassa::widget::action::MIN_HEIGHT - 0.01)
            .map(|b| {
                format!(
                    "'{}' is {:.1} px high in {}×{}",
                    laid.label(b),
                    b.height,
                    self.size.width,
                    self.size.height
                )
            })
            .collect()
    }

    /// The screen on show, to drive it directly (a test of what a screen asks the app for).
    pub fn app_screen_mut(&mut self) -> &mut Screen {
        self.app.screen_mut()
    }

    /// Whether the cashier window shows `label` right now.
    pub fn shows(&self, label: &str) -> bool {
        let mut ui = screen_sized(self.app.view_main(), self.size);
        ui.find(label).is_ok()
    }

    /// Opens the manager screens the first time: Manager, then a new PIN entered twice.
    pub async fn choose_pin(&mut self, pin: &str) {
        self.choose_pin_as("Manager", pin).await;
    }

    /// [`Harness::choose_pin`] with the Manager button's label in the till's language.
    pub async fn choose_pin_as(&mut self, manager: &str, pin: &str) {
        use kassa::screen::lock::Message as Lock;
        self.click(manager).await;
        for _ in 0..2 {
            self.send(Message::Lock(Lock::Pin(pin.into()))).await;
            self.send(Message::Lock(Lock::Submit)).await;
        }
    }

    /// A till that speaks `lang`, its settings saved as the real till keeps them; the caller
    /// holds the language ([`any_language`]).
    pub async fn speaking(lang: Lang) -> Harness {
        let mut h = Self::saving(
            SandboxConfig::for_tests(),
            Arc::new(kassa::secrets::MemoryStore::default()),
        )
        .await;
        kassa::i18n::set_language(lang);
        h.settings.language = Some(lang);
        h.settings.save(h.settings_file()).unwrap();
        h.restart().await;
        h.no_file_dialogs();
        h
    }

    /// Opens the manager screens again with the PIN chosen before (closing them locked them).
    pub async fn unlock(&mut self, pin: &str) {
        use kassa::screen::lock::Message as Lock;
        self.click("Manager").await;
        assert!(
            matches!(self.app.screen(), Screen::Lock(_)),
            "the PIN is asked"
        );
        self.send(Message::Lock(Lock::Pin(pin.into()))).await;
        self.send(Message::Lock(Lock::Submit)).await;
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

    /// Updates the app with `message` and lets the task that follows run on its own, as iced
    /// runs it beside the window, while the test goes on using the till; its messages come
    /// back from the handle, for [`Harness::send`].
    pub fn detached(&mut self, message: Message) -> tokio::task::JoinHandle<Vec<Message>> {
        let t = self.app.update(message);
        tokio::spawn(async move {
            let mut out = Vec::new();
            if let Some(mut stream) = task::into_stream(t) {
                while let Some(action) = stream.next().await {
                    if let Action::Output(m) = action {
                        out.push(m);
                    }
                }
            }
            out
        })
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

    /// Processes one queued message and runs its task to the end; `false` when none was
    /// queued.
    pub async fn step(&mut self) -> bool {
        let Some(m) = self.queue.pop_front() else {
            return false;
        };
        let t = self.app.update(m);
        self.run_task(t).await;
        true
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

    /// The next queued message, taken out unprocessed.
    pub fn take_queued(&mut self) -> Option<Message> {
        self.queue.pop_front()
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
