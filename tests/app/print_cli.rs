//! `kassa print test` on a virtual network printer (a listener here answering the paper status
//! as an ESC/POS printer does): the page arrives and reads back with the letters and the code;
//! a printer that is not there is said, with a failing exit status.

// The paper's layout (for drawing it) is not looked at here.
#[allow(dead_code)]
#[path = "../../crates/print/tests/print/decode.rs"]
mod decode;

use std::io::{Read, Write};
use std::process::Command;

fn kassa(home: &std::path::Path) -> Command {
    crate::support::kassa_in(home)
}

#[test]
fn a_test_page_reaches_the_printer_and_reads_back() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let printer = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = conn.read(&mut buf).unwrap_or(0);
            if n == 0 {
                break;
            }
            got.extend_from_slice(&buf[..n]);
            if got.ends_with(&[0x10, 0x04, 0x04]) {
                conn.write_all(&[0x12]).unwrap();
            }
        }
        got
    });
    let home = tempfile::tempdir().unwrap();
    let out = kassa(home.path())
        .args([
            "print",
            "test",
            "--printer",
            &format!("tcp://127.0.0.1:{port}"),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Test page printed."));
    let printed = decode::decode(&printer.join().unwrap());
    let text = printed.lines.join("\n");
    assert!(text.contains("é ë ç è à ô ü ß €"), "{text}");
    assert!(text.contains("Test page"), "{text}");
    assert_eq!(printed.qr, ["https://payconiq.com"]);

    let (_held, closed) = kassa::sandbox::testing::closed_port();
    let out = kassa(home.path())
        .args([
            "print",
            "test",
            "--printer",
            &format!("tcp://127.0.0.1:{closed}"),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("no printer answers at"), "{said}");
    let out = kassa(home.path())
        .args(["print", "test", "--printer", "ipp://printer/queue"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is not a printer address"), "{said}");
    // A name is a system printer's: with no print service running, that is what is said.
    let out = kassa(home.path())
        .args(["print", "test", "--printer", "lpt1"])
        .env("CUPS_SERVER", home.path().join("no-cups.sock"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.starts_with("Not printed: this computer has no print service to reach its printers"),
        "{said}"
    );
}

/// A USB printer is a device file Kassa writes the slip into (`/dev/usb/lp0`); a file stands in
/// for it here, and reads back as the printer would print it. A device that is not there (the
/// printer unplugged) is said.
#[test]
fn a_test_page_on_a_usb_printer_device() {
    let home = tempfile::tempdir().unwrap();
    let device = home.path().join("lp0");
    std::fs::write(&device, b"").unwrap();
    let out = kassa(home.path())
        .args(["print", "test", "--paper", "58", "--printer"])
        .arg(&device)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = decode::decode(&std::fs::read(&device).unwrap());
    let text = printed.lines.join("\n");
    assert!(text.contains("é ë ç è à ô ü ß €"), "{text}");
    assert!(
        printed.lines.iter().all(|l| l.chars().count() <= 32),
        "58 mm paper: 32 characters a line\n{text}"
    );
    assert_eq!(printed.qr, ["https://payconiq.com"]);

    let unplugged = home.path().join("lp9");
    let out = kassa(home.path())
        .args(["print", "test", "--printer"])
        .arg(&unplugged)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!(
            "there is no printer device at {} (is it plugged in and switched on?)",
            unplugged.display()
        )),
        "{said}"
    );
}

/// A till whose language is French prints in French from the command line too (the till's
/// language, not the terminal's), and its X report fits 58 mm paper: every line within 32
/// characters, each amount on its label's line.
#[test]
fn the_command_line_prints_in_the_tills_language_and_on_narrow_paper() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let device = home.path().join("lp0");
    std::fs::write(&device, b"").unwrap();
    kassa::config::Settings {
        language: Some(kassa::i18n::Lang::Fr),
        printer: device.display().to_string(),
        paper_mm: 58,
        ..Default::default()
    }
    .save(&data.join("settings.toml"))
    .unwrap();
    let run = |args: &[&str]| {
        let out = kassa(home.path())
            .env("KASSA_DATA_DIR", &data)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(&["print", "test"]).contains("Page de test imprimée."));
    let page = decode::decode(&std::fs::read(&device).unwrap());
    let text = page.lines.join("\n");
    assert!(text.contains("Page de test"), "{text}");
    assert!(
        text.contains("234,50\u{a0}€") || text.contains("234,50 €"),
        "{text}"
    );

    std::fs::write(&device, b"").unwrap();
    run(&["report", "x", "--print"]);
    let report = decode::decode(&std::fs::read(&device).unwrap());
    assert!(
        report.lines.iter().all(|l| l.chars().count() <= 32),
        "{:#?}",
        report.lines
    );
    let net = report
        .lines
        .iter()
        .find(|l| l.starts_with("Recette nette") || l.starts_with("Net"))
        .unwrap_or_else(|| panic!("{:#?}", report.lines));
    assert!(net.ends_with('€'), "the amount on its label's line: {net}");
}
