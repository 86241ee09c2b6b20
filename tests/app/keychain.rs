//! The OS keychain for real: a private D-Bus session with gnome-keyring's Secret Service (both
//! installed by `packaging/linux/install-deps.sh`), in which `kassa keychain check` stores,
//! reads back and deletes an API key.

#![cfg(target_os = "linux")]

use std::process::Command;

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
        .unwrap_or(false)
}

#[test]
fn a_real_secret_service_stores_reads_and_deletes_the_api_key() {
    for tool in ["dbus-run-session", "gnome-keyring-daemon"] {
        assert!(
            on_path(tool),
            "{tool} is missing: run packaging/linux/install-deps.sh first"
        );
    }
    let home = tempfile::tempdir().unwrap();
    // The daemon creates and unlocks a fresh login keyring in the throwaway HOME.
    let script = format!(
        "printf 'kassa-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec '{}' keychain check",
        env!("CARGO_BIN_EXE_kassa")
    );
    let out = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", &script])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_RUNTIME_DIR", home.path())
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stdout: {stdout}\nstderr: {stderr}");
    assert!(stdout.contains("stored, read back and deleted"), "{stdout}");
}

#[test]
fn without_a_keychain_the_check_says_so_plainly() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .args(["keychain", "check"])
        .env("HOME", home.path())
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/kassa-bus",
        )
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("The OS keychain does not work here"),
        "{stderr}"
    );
    assert!(
        stderr.contains("No keychain service is running"),
        "words to act on: {stderr}"
    );
    assert!(
        !stderr.contains("default store"),
        "not the library's words: {stderr}"
    );
}
