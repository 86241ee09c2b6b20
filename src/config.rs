//! Non-secret settings, as TOML in the OS config directory. Secrets never go here (see
//! `secrets.rs`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::payconiq::{AuthMode, Environment, EnvironmentKind};
use crate::qr::{QrColour, QrSize};

/// How the customer pays at this till.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayMode {
    /// A fresh QR code per payment, on screen.
    #[default]
    Dynamic,
    /// The shop's static sticker; payments are created for its POS id.
    Sticker,
}

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
    pub qr_size: QrSize,
    pub qr_colour: QrColour,
    pub customer_display: bool,
    /// Where the customer display was last placed (screen coordinates), to reopen it there.
    pub display_position: Option<(f32, f32)>,
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
}

/// Where D24 refunds go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum D24Environment {
    /// The embedded sandbox's D24 side (only while the till runs on the sandbox).
    #[default]
    Sandbox,
    Staging,
    /// The production host D24 gives at onboarding.
    Production,
    Custom,
}

impl D24Environment {
    pub const ALL: [D24Environment; 4] = [
        D24Environment::Sandbox,
        D24Environment::Staging,
        D24Environment::Production,
        D24Environment::Custom,
    ];

    /// Whether the base URL is typed (production is given at onboarding).
    pub fn typed_url(self) -> bool {
        matches!(self, D24Environment::Production | D24Environment::Custom)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct D24Account {
    pub environment: D24Environment,
    /// For production and custom.
    pub base_url: String,
    /// X-Login (the API key).
    pub login: String,
}

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
            qr_size: QrSize::L,
            qr_colour: QrColour::Magenta,
            customer_display: false,
            display_position: None,
            window: None,
            manager_pin_hash: String::new(),
            pin_failures: 0,
            pin_locked_until: None,
            lock_after_minutes: 5,
            d24: D24Account::default(),
        }
    }
}

/// Kassa's data directory (journal, sandbox state, logs): `KASSA_DATA_DIR` if set, else the OS's
/// (`~/.local/share/kassa` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("KASSA_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("be", "Kassa", "kassa").map(|d| d.data_dir().into()),
    }
}

/// Creates `dir` (and missing parents) readable by the user only (0700 on Unix): settings,
/// journal and logs are nobody else's business. A directory that already exists is left as it
/// is (`KASSA_DATA_DIR` may name a shared one; its files are still narrowed one by one).
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Narrows a file to the user only (0600 on Unix).
pub fn private_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

impl Settings {
    pub fn language(&self) -> Lang {
        self.language.unwrap_or_else(Lang::from_os)
    }

    /// The settings file's path (`…/kassa/settings.toml`).
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("be", "Kassa", "kassa")
            .map(|d| d.config_dir().join("settings.toml"))
    }

    /// Reads settings; a missing file gives defaults, an unreadable one an error saying why.
    pub fn load(path: &Path) -> Result<Settings, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Writes atomically (temp file, then rename) so a crash never leaves half a file.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let text = toml::to_string_pretty(self).map_err(|e| e.to_string())?;
        if let Some(dir) = path.parent() {
            private_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let tmp = path.with_extension("toml.tmp");
        std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
        private_file(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
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
}
