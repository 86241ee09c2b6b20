//! Files the command line reads and writes, with errors that name the file.

use std::path::Path;

use crate::fl;

/// Reads `path` whole when it is a regular file of at most `limit` bytes: a device
/// (`/dev/zero`), a pipe (which would block) or something larger is refused, never read into
/// memory first.
pub fn read_capped(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| read_error(path, e))?;
    if !meta.is_file() {
        return Err(fl!("cli-not-a-file", path = path.display().to_string()));
    }
    let too_big = || {
        fl!(
            "cli-file-too-big",
            path = path.display().to_string(),
            limit = (limit / 1024).max(1)
        )
    };
    if meta.len() > limit as u64 {
        return Err(too_big());
    }
    let mut out = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit as u64 + 1).read_to_end(&mut out))
        .map_err(|e| read_error(path, e))?;
    // It may have grown since it was looked at.
    if out.len() > limit {
        return Err(too_big());
    }
    Ok(out)
}

pub fn read_error(path: &Path, e: std::io::Error) -> String {
    fl!(
        "cli-read-failed",
        path = path.display().to_string(),
        detail = e.to_string()
    )
}

pub fn write_error(path: &Path, e: std::io::Error) -> String {
    fl!(
        "cli-write-failed",
        path = path.display().to_string(),
        detail = e.to_string()
    )
}
