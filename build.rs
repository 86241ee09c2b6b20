//! Puts the git commit into release builds, for `kassa --version`. Debug builds say "dev" and
//! never rerun this, so a commit does not rebuild every test binary.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let commit = if release {
        // Rerun when HEAD moves (a commit, a checkout).
        for path in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
            if std::path::Path::new(path).exists() {
                println!("cargo:rerun-if-changed={path}");
            }
        }
        std::process::Command::new("git")
            .args(["rev-parse", "--short=12", "HEAD"])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|c| !c.is_empty())
            // A source tarball without .git: the packager may say which commit it was.
            .or_else(|| std::env::var("KASSA_COMMIT").ok())
            .unwrap_or_else(|| "unknown commit".into())
    } else {
        "dev build".into()
    };
    println!("cargo:rustc-env=KASSA_COMMIT={commit}");
}
