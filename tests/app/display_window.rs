//! The customer display on a till with one monitor, as the real windows stand under Xvfb (no
//! window manager: what Kassa asks for is what happens): F6 on the till opens the display beside
//! the cashier window, neither covering the other, and the till keeps the keyboard; closing the
//! display gives the cashier window its room back.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn xdotool(display: &str, args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .env("DISPLAY", display)
        .args(args)
        .output()
        .expect("xdotool is needed for this test: run packaging/linux/install-deps.sh");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The window whose name is `name` or ends in " — {name}", once it is shown (xdotool's
/// patterns do not take the dash itself).
fn window(display: &str, name: &str) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(90);
    while Instant::now() < deadline {
        let found = xdotool(
            display,
            &[
                "search",
                "--onlyvisible",
                "--name",
                &format!("(^| ){name}$"),
            ],
        );
        if let Some(id) = found.lines().next() {
            return Some(id.to_string());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    None
}

/// x, y, width, height of a window on the screen.
fn geometry(display: &str, id: &str) -> [i32; 4] {
    let shell = xdotool(display, &["getwindowgeometry", "--shell", id]);
    let get = |k: &str| {
        shell
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{k} in {shell}"))
    };
    [get("X"), get("Y"), get("WIDTH"), get("HEIGHT")]
}

fn overlap(a: [i32; 4], b: [i32; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Polls `f` until it holds (windows move a frame or two after they are asked to).
fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !f() {
        assert!(Instant::now() < deadline, "never: {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn on_one_monitor_the_display_opens_beside_the_till_and_leaves_it_the_keyboard() {
    let home = tempfile::tempdir().unwrap();
    let x = crate::support::Xvfb::start();
    let d = x.display().to_string();
    let mut app = crate::support::kassa_in(home.path())
        .env("DISPLAY", &d)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(home.path().join("stderr")).unwrap())
        .spawn()
        .unwrap();
    let Some(till) = window(&d, "Kassa") else {
        let _ = app.kill();
        panic!(
            "the till never opened; windows: {:?}; it said: {}",
            xdotool(&d, &["search", "--name", "."]),
            std::fs::read_to_string(home.path().join("stderr")).unwrap_or_default()
        );
    };
    // The first start takes the whole 1024×768 screen (no window manager, so no panel), once
    // the app knows the monitor: then it also takes keys.
    eventually("the till fills the screen", || {
        geometry(&d, &till)[2..] == [1024, 768]
    });
    xdotool(&d, &["windowfocus", "--sync", &till]);
    xdotool(&d, &["key", "F6"]);
    let shown = window(&d, "customer display").expect("F6 opens the display");
    eventually("side by side", || {
        !overlap(geometry(&d, &till), geometry(&d, &shown))
    });
    let (t, s) = (geometry(&d, &till), geometry(&d, &shown));
    assert!(
        s[0] + s[2] <= 1024 && t[0] >= 0,
        "both on the screen: {t:?} {s:?}"
    );
    assert!(s[2] >= 300, "a display a customer can scan from: {s:?}");
    eventually("the till keeps the keyboard", || {
        xdotool(&d, &["getwindowfocus"]) == till
    });
    // F6 again hides it, and the till has the screen back.
    xdotool(&d, &["key", "F6"]);
    eventually("the till has its room back", || {
        geometry(&d, &till)[2] == 1024
    });
    let _ = app.kill();
    let _ = app.wait();
}
