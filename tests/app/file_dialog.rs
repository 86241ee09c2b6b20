//! The real file dialog path, headless: under Xvfb with no desktop portal, Kassa's save goes
//! through rfd to zenity; the test types a path into that real dialog with xdotool and checks
//! the file. And with neither zenity nor a portal, Kassa knows no dialog can be shown (so the
//! screens offer a typed path instead of "no file was chosen").
//!
//! Needs `Xvfb`, `zenity` and `xdotool` (installed by packaging/linux/install-deps.sh). Each
//! check runs in a child process, so the display and PATH are set before anything reads them.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn xdotool(display: &str, args: &[&str]) -> bool {
    Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("xdotool is needed for this test: run packaging/linux/install-deps.sh")
        .success()
}

/// The arguments of the zenity processes running now.
fn zenity_args() -> Vec<String> {
    let mut args = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let parts: Vec<String> = cmdline
            .split(|b| *b == 0)
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect();
        if parts.first().is_some_and(|p| p.ends_with("zenity")) {
            args.extend(parts);
        }
    }
    args
}

fn child(name: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        &format!("file_dialog::{name}"),
        "--exact",
        "--ignored",
        "--nocapture",
    ])
    .env("KASSA_DIALOG_CHILD", "1")
    // No session bus: no portal answers, as on a desktop without one.
    .env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/kassa-test-bus",
    );
    cmd
}

#[test]
fn saving_goes_through_the_real_dialog_under_xvfb() {
    let x = crate::support::Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("chosen-sticker.png");
    // A home with a Documents folder (and no desktop naming one): the dialog starts there.
    let home = tempfile::tempdir().unwrap();
    let documents = home.path().join("Documents");
    std::fs::create_dir(&documents).unwrap();
    let mut saver = child("save_child")
        .env("DISPLAY", &x.1)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .spawn()
        .unwrap();
    // Wait for the dialog window, give it the keyboard (there is no window manager to do so),
    // then type where to save, as a user would.
    let start = Instant::now();
    let window = loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", "zenity"])
            .env("DISPLAY", &x.1)
            .output()
            .expect("xdotool is needed for this test: run packaging/linux/install-deps.sh");
        if let Some(id) = String::from_utf8_lossy(&found.stdout).lines().next() {
            break id.to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no dialog window appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    std::thread::sleep(Duration::from_millis(800));
    let suggested = documents.join("sticker.png").display().to_string();
    assert!(
        zenity_args().iter().any(|a| a.ends_with(&suggested)),
        "the dialog starts in Documents with the name filled in: {:?}",
        zenity_args()
    );
    assert!(xdotool(&x.1, &["windowfocus", "--sync", &window]));
    assert!(xdotool(&x.1, &["key", "ctrl+a"]));
    assert!(xdotool(
        &x.1,
        &["type", "--delay", "20", &target.display().to_string()]
    ));
    assert!(xdotool(&x.1, &["key", "Return"]));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = saver.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = saver.kill();
            panic!("the dialog did not close after the path was typed");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the save through the dialog failed");
    assert_eq!(std::fs::read(&target).unwrap(), b"kassa sticker bytes");
}

#[test]
#[ignore = "run by saving_goes_through_the_real_dialog_under_xvfb"]
fn save_child() {
    if std::env::var_os("KASSA_DIALOG_CHILD").is_none() {
        return;
    }
    assert!(kassa::file_dialog::available(), "zenity is on PATH");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let saved = rt
        .block_on(kassa::file_dialog::save(
            "sticker.png",
            b"kassa sticker bytes".to_vec(),
        ))
        .unwrap();
    println!("saved to {}", saved.display());
}

#[test]
fn without_zenity_or_a_portal_no_dialog_is_promised() {
    let status = child("no_dialog_child")
        .env("PATH", "/nonexistent")
        .env_remove("DISPLAY")
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
#[ignore = "run by without_zenity_or_a_portal_no_dialog_is_promised"]
fn no_dialog_child() {
    if std::env::var_os("KASSA_DIALOG_CHILD").is_none() {
        return;
    }
    assert!(!kassa::file_dialog::available());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let r = rt.block_on(kassa::file_dialog::save("x.png", vec![1]));
    assert_eq!(r, Err(kassa::file_dialog::FileError::NoDialog));
}
