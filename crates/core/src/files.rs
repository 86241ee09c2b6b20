//! Files and folders for the user only: settings, journal, logs and backups are nobody
//! else's business.

use std::path::Path;

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
