//! Puts the git commit into release builds, for `kassa --version`. Debug builds say "dev" and
//! never rerun this, so a commit does not rebuild every test binary. Windows builds also get
//! the icon and version information in kassa.exe.

include!("packaging/windows/resource.rs");

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "windows") {
        windows_exe_resources();
    }
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

/// Compiles packaging/windows/kassa.rc into kassa.exe (not the test binaries). Without the
/// icon (packaging/icons.sh not run) the build goes on with a warning: a developer's debug
/// build needs no icon, and packaging/build.sh always draws it first.
fn windows_exe_resources() {
    let root = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let (template, icon) = (
        root.join("packaging/windows/kassa.rc"),
        root.join("target/icons/kassa.ico"),
    );
    for path in [&template, &icon] {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    if !icon.exists() {
        println!("cargo:warning=kassa.exe without its icon: run packaging/icons.sh first");
        return;
    }
    let script = windows_resource(
        &std::fs::read_to_string(&template).expect("packaging/windows/kassa.rc"),
        &icon,
        env!("CARGO_PKG_VERSION"),
    );
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("kassa.rc");
    std::fs::write(&out, script).expect("write kassa.rc");
    compile_resources(&out);
}

#[cfg(windows)]
fn compile_resources(script: &std::path::Path) {
    embed_resource::compile_for(script, ["kassa"], embed_resource::NONE)
        .manifest_optional()
        .expect("compile kassa.rc");
}

/// Cross builds from another OS: no resource compiler is set up for them.
#[cfg(not(windows))]
fn compile_resources(_: &std::path::Path) {
    println!("cargo:warning=kassa.exe without its icon: build on Windows for the resources");
}
