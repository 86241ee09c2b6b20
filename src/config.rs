//! Non-secret settings, as TOML in the OS config directory. Secrets never go here (see
//! `secrets.rs`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::payconiq::{AuthMode, Environment, EnvironmentKind};
use crate::qr::{QrColour, QrSize};

pub use crate::sale::PayMode;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Settings {
    /// `None` follows the OS locale.
    pub language: Option<Lang>,
    pub environment: EnvironmentKind,
    /// Overrides for Custom (and any preset).
    pub custom: Option<Environment>,
    pub auth_mode: AuthMode,
    pub merchant_id: String,
    pub profile_id: String,
    pub key_id: String,
    pub callback_url: String,
    pub pay_mode: PayMode,
    pub pos_id: String,
    pub shop_id: String,
    pub shop_name: String,
    /// The shop's address and VAT number, heading its reports on paper and in files.
    pub shop_address: String,
    pub shop_vat: String,
    pub qr_size: QrSize,
    pub qr_colour: QrColour,
    pub customer_display: bool,
    /// Where the customer display was last placed (screen coordinates), to reopen it there.
    pub display_position: Option<(f32, f32)>,
    /// The customer display's last size, with its position.
    pub display_size: Option<(f32, f32)>,
    /// The cashier window's last size and place, to reopen it there when it still fits.
    pub window: Option<crate::placement::Place>,
    /// Argon2 hash of the manager PIN; empty until one is set.
    pub manager_pin_hash: String,
    /// Wrong PINs in a row (kept across restarts, so a restart does not reset the lockout).
    pub pin_failures: u32,
    /// Until when the PIN entry is locked (unix seconds).
    pub pin_locked_until: Option<i64>,
    /// Minutes without input before the manager lock re-engages.
    pub lock_after_minutes: u32,
    /// The OneKey Payments (D24) account refunds over D24 deposits go to (its secret key
    /// lives in the keychain).
    pub d24: D24Account,
    /// Where the daily copy of the journal goes (a USB stick, a network share); empty: none.
    pub backup_dir: String,
    /// How many daily copies are kept there.
    pub backup_keep: u32,
    /// The receipt printer (`tcp://host:9100`, `/dev/usb/lp0`, or a system printer's name
    /// for a raw queue); empty: none.
    pub printer: String,
    /// The system printer (CUPS) X and Z reports print on as A4 pages; empty: on the receipt
    /// printer.
    pub report_printer: String,
    /// The shop server this till sends its events to (`kassa shop join`); empty: none. Its
    /// token is in the keychain.
    pub shop_server: String,
    /// Its paper's width in millimetres: 58 or 80.
    pub paper_mm: u32,
    /// Print the customer's receipt as soon as a payment is paid.
    pub print_after_payment: bool,
}

pub use crate::till_account::{D24Account, D24Environment};

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            environment: EnvironmentKind::Sandbox,
            custom: None,
            auth_mode: AuthMode::ApiKey,
            merchant_id: String::new(),
            profile_id: String::new(),
            key_id: "kassa-1".into(),
            callback_url: String::new(),
            pay_mode: PayMode::Dynamic,
            pos_id: "POS00001".into(),
            shop_id: String::new(),
            shop_name: String::new(),
            shop_address: String::new(),
            shop_vat: String::new(),
            printer: String::new(),
            report_printer: String::new(),
            shop_server: String::new(),
            paper_mm: 80,
            print_after_payment: false,
            qr_size: QrSize::L,
            qr_colour: QrColour::Magenta,
            customer_display: false,
            display_position: None,
            display_size: None,
            window: None,
            manager_pin_hash: String::new(),
            pin_failures: 0,
            pin_locked_until: None,
            lock_after_minutes: 5,
            d24: D24Account::default(),
            backup_dir: String::new(),
            backup_keep: 14,
        }
    }
}

/// A settings file that could not be read: where, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsProblem {
    pub path: PathBuf,
    pub detail: String,
}

/// The till profile chosen with `--profile NAME` (a second till on one machine), if any.
static PROFILE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The till profile of this process, if one was chosen.
pub fn profile() -> Option<&'static str> {
    PROFILE.get().map(String::as_str)
}

/// Chooses the till profile for this process (before anything reads a path). A name is letters,
/// digits, `-` and `_`, at most 32 of them.
pub fn set_profile(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 32
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return Err(crate::fl!("profile-bad-name", name = name.to_string()));
    }
    let _ = PROFILE.set(name.to_string());
    Ok(())
}

fn os_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("be", "Kassa", "kassa").map(|d| d.data_dir().into())
}

/// `KASSA_DATA_DIR`, when set.
fn data_dir_override() -> Option<PathBuf> {
    std::env::var_os("KASSA_DATA_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// Kassa's data directory (journal, settings of a profile, sandbox state, logs): `KASSA_DATA_DIR`
/// if set, else the OS's (`~/.local/share/kassa` on Linux); a `--profile NAME` has its own
/// folder `profiles/NAME` inside it.
pub fn data_dir() -> Option<PathBuf> {
    let base = data_dir_override().or_else(os_data_dir)?;
    Some(match PROFILE.get() {
        Some(name) => base.join("profiles").join(name),
        None => base,
    })
}

/// The journal's place in the data directory (`KASSA_DATA_DIR` overrides the directory).
pub fn journal_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join(crate::journal::FILE_NAME))
}

/// Whether this till keeps its settings in its data directory (a profile, or `KASSA_DATA_DIR`)
/// rather than the OS's config folder.
fn own_settings() -> bool {
    PROFILE.get().is_some() || data_dir_override().is_some()
}

/// The keychain service this till's secrets are kept under: the app id, and for a profile or a
/// `KASSA_DATA_DIR` till one of its own, so two tills on one machine never share a key.
pub fn keychain_service() -> String {
    if let Some(name) = PROFILE.get() {
        return format!("{}.profile.{name}", crate::secrets::SERVICE);
    }
    match data_dir_override() {
        Some(dir) => {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(dir.to_string_lossy().as_bytes());
            let short: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
            format!("{}.dir.{short}", crate::secrets::SERVICE)
        }
        None => crate::secrets::SERVICE.to_string(),
    }
}

/// The lock that makes one data directory one till's: held for as long as the till runs.
#[derive(Debug)]
pub struct DataDirLock {
    _file: std::fs::File,
    pub path: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Another Kassa holds it (its process id, when it wrote one).
    Busy {
        dir: PathBuf,
        pid: Option<u32>,
    },
    Io(String),
}

/// The lock file's name inside the data directory.
pub const LOCK_FILE: &str = "kassa.lock";

/// Takes the data directory `dir` for this process (an exclusive OS file lock, released when
/// the process ends, however it ends), or says who has it.
pub fn lock_data_dir(dir: &Path) -> Result<DataDirLock, LockError> {
    use std::io::{Read, Seek, Write};
    private_dir(dir).map_err(|e| LockError::Io(format!("{}: {e}", dir.display())))?;
    let path = dir.join(LOCK_FILE);
    let io = |e: std::io::Error| LockError::Io(format!("{}: {e}", path.display()));
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {
            file.set_len(0).map_err(io)?;
            file.rewind().map_err(io)?;
            write!(file, "{}", std::process::id()).map_err(io)?;
            file.sync_all().map_err(io)?;
            Ok(DataDirLock { _file: file, path })
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Err(LockError::Busy {
                dir: dir.to_path_buf(),
                pid: text.trim().parse().ok(),
            })
        }
        Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
    }
}

impl LockError {
    /// Words for whoever started the second Kassa.
    pub fn explain(&self) -> String {
        match self {
            LockError::Busy { dir, pid } => crate::fl!(
                "already-running",
                dir = dir.display().to_string(),
                pid = pid.map(|p| p.to_string()).unwrap_or_else(|| "?".into())
            ),
            LockError::Io(d) => crate::fl!("lock-failed", detail = d.clone()),
        }
    }
}

pub use kassa_core::files::{private_dir, private_file};

impl Settings {
    /// The receipt printer and its paper, when one is set.
    pub fn receipt_printer(
        &self,
    ) -> Option<Result<(kassa_print::Target, kassa_print::Paper), String>> {
        let printer = self.printer.trim();
        if printer.is_empty() {
            return None;
        }
        let paper = if self.paper_mm == 58 {
            kassa_print::Paper::Mm58
        } else {
            kassa_print::Paper::Mm80
        };
        Some(
            printer
                .parse::<kassa_print::Target>()
                .map(|t| (t, paper))
                .map_err(|e| crate::explain::Explain::explain(&e)),
        )
    }

    /// The system printer reports go to as A4 pages, when one is set.
    pub fn report_printer(&self) -> Option<&str> {
        Some(self.report_printer.trim()).filter(|p| !p.is_empty())
    }

    /// The business the reports are for.
    pub fn shop(&self) -> crate::reports::Shop {
        crate::reports::Shop {
            name: self.shop_name.trim().to_string(),
            address: self.shop_address.trim().to_string(),
            vat: self.shop_vat.trim().to_string(),
        }
    }

    pub fn language(&self) -> Lang {
        self.language.unwrap_or_else(Lang::from_os)
    }

    /// The settings file's path: `settings.toml` in the OS config folder (`~/.config/kassa`), or
    /// in the data directory of a profile or a `KASSA_DATA_DIR` till (its own POS id, PIN and
    /// account).
    pub fn default_path() -> Option<PathBuf> {
        if own_settings() {
            return data_dir().map(|d| d.join("settings.toml"));
        }
        directories::ProjectDirs::from("be", "Kassa", "kassa")
            .map(|d| d.config_dir().join("settings.toml"))
    }

    /// Reads settings; a missing file gives defaults, an unreadable one an error saying why.
    pub fn load(path: &Path) -> Result<Settings, String> {
        match std::fs::read_to_string(path) {
            // Only the parser's first line (what and where): the rest quotes the file, whose
            // lines may hold the PIN's hash.
            Ok(text) => toml::from_str::<Settings>(&text)
                .map(|mut s| {
                    // A size or place no window system takes is never handed to one.
                    s.window = s.window.and_then(crate::placement::sane);
                    let pair = |p: Option<(f32, f32)>, size: bool| {
                        let (a, b) = p?;
                        let place = crate::placement::Place {
                            x: if size { 0.0 } else { a },
                            y: if size { 0.0 } else { b },
                            width: if size { a } else { 1.0 },
                            height: if size { b } else { 1.0 },
                        };
                        crate::placement::sane(place).map(|p| {
                            if size {
                                (p.width, p.height)
                            } else {
                                (p.x, p.y)
                            }
                        })
                    };
                    s.display_position = pair(s.display_position, false);
                    s.display_size = pair(s.display_size, true);
                    s
                })
                .map_err(|e| {
                    let e = e.to_string();
                    format!(
                        "{}: {}",
                        path.display(),
                        e.lines().next().unwrap_or_default()
                    )
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Writes atomically (temporary file, fsync, rename, fsync of the folder) so a crash or a
    /// power cut never leaves half a file.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        use std::io::Write;
        let text = toml::to_string_pretty(self).map_err(|e| e.to_string())?;
        if let Some(dir) = path.parent() {
            private_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let tmp = path.with_extension("toml.tmp");
        let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
        let mut file = std::fs::File::create(&tmp).map_err(|e| err(&tmp, e))?;
        private_file(&tmp).map_err(|e| err(&tmp, e))?;
        file.write_all(text.as_bytes())
            .and_then(|_| file.sync_all())
            .map_err(|e| err(&tmp, e))?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(|e| err(path, e))?;
        #[cfg(unix)]
        if let Some(dir) = path.parent() {
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }

    /// Reads the settings at `path`. An unreadable file gives defaults and the problem: the
    /// till then stops and names the file (it is never overwritten) until someone sets it
    /// aside ([`Settings::set_aside`]).
    pub fn load_checked(path: &Path) -> (Settings, Option<SettingsProblem>) {
        match Settings::load(path) {
            Ok(s) => (s, None),
            Err(detail) => {
                // The parser's first line says what and where; the rest quotes the line (which
                // may hold the PIN's hash) under a caret: neither logged nor shown. The path is
                // said once, by the till.
                let first = detail.lines().next().unwrap_or_default();
                let prefix = format!("{}: ", path.display());
                let detail = first.strip_prefix(&prefix).unwrap_or(first).to_string();
                tracing::error!(path = %path.display(), error = %detail, "settings unreadable");
                let problem = SettingsProblem {
                    path: path.to_path_buf(),
                    detail,
                };
                (Settings::default(), Some(problem))
            }
        }
    }

    /// Moves an unreadable settings file aside (kept, renamed, never overwritten) and returns
    /// where it went; the till then starts from defaults and says so.
    pub fn set_aside(path: &Path) -> Result<PathBuf, String> {
        let stamp = crate::clock::file_stamp(time::OffsetDateTime::now_utc());
        let aside = path.with_extension(format!("toml.damaged-{stamp}"));
        std::fs::rename(path, &aside).map_err(|e| format!("{}: {e}", path.display()))?;
        tracing::warn!(from = %path.display(), to = %aside.display(), "unreadable settings set aside");
        Ok(aside)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_missing_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kassa/settings.toml");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let s = Settings {
            language: Some(Lang::Fr),
            qr_size: QrSize::XL,
            customer_display: true,
            ..Settings::default()
        };
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), s);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600, "settings are the user's only");
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        std::fs::write(&path, "qr-size = 12").unwrap();
        assert!(Settings::load(&path).unwrap_err().contains("settings.toml"));
    }

    /// Window values no window system takes are clamped, or dropped when they are no number.
    #[test]
    fn huge_window_values_are_clamped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        let with = |w: &str, h: &str| {
            std::fs::write(
                &path,
                format!("[window]\nx = -1e30\ny = 5.0\nwidth = {w}\nheight = {h}\n"),
            )
            .unwrap();
            Settings::load(&path).unwrap().window
        };
        let big = with("1e6", "1e38").unwrap();
        assert_eq!((big.x, big.width, big.height), (-16384.0, 16384.0, 16384.0));
        assert_eq!(with("inf", "700.0"), None);
        assert_eq!(with("nan", "700.0"), None);
        assert_eq!(with("-5.0", "0.0").unwrap().width, 1.0);
        // The customer display's remembered place and size too.
        std::fs::write(
            &path,
            "display-position = [1e30, -inf]\ndisplay-size = [1e9, 600.0]\n",
        )
        .unwrap();
        let s = Settings::load(&path).unwrap();
        assert_eq!(s.display_position, None);
        assert_eq!(s.display_size, Some((16384.0, 600.0)));
    }

    /// Random bytes, wrong types and huge numbers: the settings file is never a panic, and
    /// reading it never changes or loses it.
    #[test]
    fn any_settings_file_is_read_or_refused_without_harm() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        let good = toml::to_string_pretty(&Settings::default()).unwrap();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases: Vec<Vec<u8>> = [
            "qr-size = \"XXL\"",
            "language = 42",
            "lock-minutes = 1e308",
            "lock-minutes = -99999999999999999999",
            "[window]\nwidth = \"wide\"",
            "[window]\nwidth = 1e400",
            "printer = { a = 1 }",
            "\u{0}\u{0}\u{0}",
            "= = =",
            "[[[",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        for _ in 0..300 {
            let n = (next() % 200) as usize;
            cases.push((0..n).map(|_| next() as u8).collect());
            // The good file with a few bytes changed.
            let mut bytes = good.clone().into_bytes();
            for _ in 0..3 {
                let i = (next() as usize) % bytes.len();
                bytes[i] = next() as u8;
            }
            cases.push(bytes);
        }
        for case in cases {
            std::fs::write(&path, &case).unwrap();
            let (_, problem) = Settings::load_checked(&path);
            if let Ok(s) = Settings::load(&path)
                && let Some(w) = s.window
            {
                assert!(w.width.is_finite() && w.width <= 16384.0, "{w:?}");
            }
            let _ = problem;
            assert_eq!(
                std::fs::read(&path).unwrap(),
                case,
                "the file is left as it was"
            );
        }
    }
}
