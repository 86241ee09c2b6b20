//! Choosing a file to save or open: the native dialog where one can be shown, and a plain
//! answer where none can, so the screen can offer a typed path instead of "nothing chosen".
//!
//! On Linux rfd asks the desktop portal and falls back to zenity; on a desktop with neither
//! (a stock Debian without GNOME or KDE) it fails silently, which is why this module looks first.

use std::path::{Path, PathBuf};

/// Why no file came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// This computer cannot show a file dialog (no portal backend, no zenity).
    NoDialog,
    /// The dialog was closed without choosing.
    NotChosen,
    /// The file could not be read or written.
    Io(String),
}

/// Whether a file dialog can be shown here. Blocking (it may ask the session bus).
pub fn available() -> bool {
    #[cfg(target_os = "linux")]
    {
        on_path("zenity") || portal_file_chooser()
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

#[cfg(target_os = "linux")]
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            std::fs::metadata(dir.join(program)).is_ok_and(|m| {
                use std::os::unix::fs::PermissionsExt;
                m.is_file() && m.permissions().mode() & 0o111 != 0
            })
        })
    })
}

/// Whether the session bus has a desktop portal whose file chooser has a backend.
#[cfg(target_os = "linux")]
fn portal_file_chooser() -> bool {
    let Ok(conn) = zbus::blocking::Connection::session() else {
        return false;
    };
    let Ok(proxy) = zbus::blocking::Proxy::new(
        &conn,
        "org.freedesktop.portal.Desktop",
        "/org/freedesktop/portal/desktop",
        "org.freedesktop.portal.FileChooser",
    ) else {
        return false;
    };
    proxy.get_property::<u32>("version").is_ok()
}

async fn check_available() -> Result<(), FileError> {
    match tokio::task::spawn_blocking(available).await {
        Ok(true) => Ok(()),
        _ => Err(FileError::NoDialog),
    }
}

/// Asks where to save `bytes` (suggesting `file_name`) and writes them there.
pub async fn save(file_name: &str, bytes: Vec<u8>) -> Result<PathBuf, FileError> {
    check_available().await?;
    let file = rfd::AsyncFileDialog::new()
        .set_directory(start_dir())
        .set_file_name(suggested_name(file_name).await)
        .save_file()
        .await
        .ok_or(FileError::NotChosen)?;
    file.write(&bytes)
        .await
        .map_err(|e| FileError::Io(e.to_string()))?;
    Ok(file.path().to_path_buf())
}

/// Asks for a file to open (of the kinds `extensions` names) and reads it.
pub async fn open(kind: &str, extensions: &[&str]) -> Result<(PathBuf, Vec<u8>), FileError> {
    check_available().await?;
    let file = rfd::AsyncFileDialog::new()
        .set_directory(start_dir())
        .add_filter(kind, extensions)
        .pick_file()
        .await
        .ok_or(FileError::NotChosen)?;
    Ok((file.path().to_path_buf(), file.read().await))
}

/// A path typed by the user: `~` means the home directory; relative paths are taken from the
/// home directory (the app's working directory means nothing to a cashier).
pub fn typed_path(typed: &str) -> Option<PathBuf> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let path = match (typed.strip_prefix("~"), &home) {
        (Some(rest), Some(home)) => home.join(rest.trim_start_matches(['/', '\\'])),
        _ => PathBuf::from(typed),
    };
    match (path.is_relative(), home) {
        (true, Some(home)) => Some(home.join(path)),
        _ => Some(path),
    }
}

/// Writes `bytes` to a typed path; an existing directory gets `file_name` inside it.
pub fn save_typed(typed: &str, file_name: &str, bytes: &[u8]) -> Result<PathBuf, FileError> {
    let mut path = typed_path(typed).ok_or(FileError::NotChosen)?;
    if path.is_dir() {
        path.push(file_name);
    }
    std::fs::write(&path, bytes).map_err(|e| FileError::Io(format!("{}: {e}", path.display())))?;
    Ok(path)
}

/// Reads a typed path.
pub fn open_typed(typed: &str) -> Result<(PathBuf, Vec<u8>), FileError> {
    let path = typed_path(typed).ok_or(FileError::NotChosen)?;
    let bytes =
        std::fs::read(&path).map_err(|e| FileError::Io(format!("{}: {e}", path.display())))?;
    Ok((path, bytes))
}

/// The name the save dialog starts with. rfd's zenity fallback passes only the name to
/// zenity, which then starts in the app's working directory and ignores the folder asked for:
/// there the whole path goes in the name. A portal takes a folder and a bare name.
async fn suggested_name(file_name: &str) -> String {
    #[cfg(target_os = "linux")]
    {
        let portal = tokio::task::spawn_blocking(portal_file_chooser)
            .await
            .unwrap_or(false);
        if !portal {
            return suggested(file_name);
        }
    }
    file_name.to_string()
}

/// Where files usually go: the documents folder (the one the desktop names, else a
/// `Documents` folder in home), else home; never the app's working directory, which means
/// nothing to a cashier.
fn start_dir() -> PathBuf {
    directories::UserDirs::new()
        .map(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().join("Documents")).filter(|d| d.is_dir()))
                .unwrap_or_else(|| u.home_dir().to_path_buf())
        })
        .unwrap_or_default()
}

/// A suggested path for `file_name`, in [`start_dir`].
pub fn suggested(file_name: &str) -> String {
    start_dir().join(file_name).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_are_read_from_home_and_directories_get_the_name() {
        assert_eq!(typed_path("  "), None);
        let dir = tempfile::tempdir().unwrap();
        let typed = dir.path().display().to_string();
        let saved = save_typed(&typed, "sticker.png", b"png").unwrap();
        assert_eq!(saved, dir.path().join("sticker.png"));
        let file = dir.path().join("k.pem").display().to_string();
        save_typed(&file, "ignored", b"key").unwrap();
        assert_eq!(open_typed(&file).unwrap().1, b"key");
        let missing = dir.path().join("nope/x").display().to_string();
        assert!(matches!(
            save_typed(&missing, "x", b""),
            Err(FileError::Io(_))
        ));
        if let Some(home) = directories::BaseDirs::new() {
            assert_eq!(typed_path("~/a.png"), Some(home.home_dir().join("a.png")));
            assert_eq!(typed_path("a.png"), Some(home.home_dir().join("a.png")));
        }
    }
}
