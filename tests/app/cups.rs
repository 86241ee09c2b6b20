//! The system's printers for real: a private CUPS scheduler (Debian's `cupsd`, with its own
//! configuration, spool and socket in a throwaway folder, so the machine's own printing is
//! untouched) with the `cups-pdf` virtual printer. Kassa prints to it through `lp` as on a
//! shop's computer; the PDF that comes out is read back with `pdftotext`. All three are
//! installed by `packaging/linux/install-deps.sh`; `cups-pdf`'s backend runs as root, as
//! `.ci/run` does.

#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use kassa::journal::{Attempt, Journal, SANDBOX};
use kassa::money::Money;
use kassa::payconiq::model::Payment;
use time::OffsetDateTime;

const QUEUE: &str = "KassaPDF";
const PIN: &str = "2468";

/// A private scheduler with the cups-pdf printer `KassaPDF`; dropped, it stops.
struct Cups {
    dir: tempfile::TempDir,
    child: Child,
}

impl Cups {
    fn start() -> Cups {
        for tool in [
            "/usr/sbin/cupsd",
            "/usr/sbin/lpadmin",
            "/usr/bin/lp",
            "/usr/bin/pdftotext",
        ] {
            assert!(
                Path::new(tool).exists(),
                "{tool} is missing: run packaging/linux/install-deps.sh first"
            );
        }
        assert!(
            Path::new("/usr/lib/cups/backend/cups-pdf").exists(),
            "cups-pdf is missing: run packaging/linux/install-deps.sh first"
        );
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for sub in ["spool/tmp", "cache", "state", "log", "conf"] {
            std::fs::create_dir_all(d.join(sub)).unwrap();
        }
        // The scheduler's user (lp) walks into the folder.
        set_mode(d, 0o755);
        std::fs::write(
            d.join("conf/cupsd.conf"),
            format!(
                "Listen {}\nLogLevel warn\nWebInterface no\nBrowsing no\n\
                 <Location />\n  Order allow,deny\n  Allow all\n</Location>\n\
                 <Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
                d.join("cups.sock").display()
            ),
        )
        .unwrap();
        std::fs::write(
            d.join("conf/cups-files.conf"),
            format!(
                "ServerRoot {d}/conf\nRequestRoot {d}/spool\nTempDir {d}/spool/tmp\n\
                 CacheDir {d}/cache\nStateDir {d}/state\nErrorLog {d}/log/error_log\n\
                 AccessLog {d}/log/access_log\nPageLog {d}/log/page_log\n\
                 ServerBin /usr/lib/cups\nDataDir /usr/share/cups\nSystemGroup root\n\
                 User lp\nGroup lp\n",
                d = d.display()
            ),
        )
        .unwrap();
        let child = Command::new("/usr/sbin/cupsd")
            .arg("-f")
            .arg("-c")
            .arg(d.join("conf/cupsd.conf"))
            .arg("-s")
            .arg(d.join("conf/cups-files.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let cups = Cups { dir, child };
        let started = Instant::now();
        while !cups.socket().exists() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "cupsd never listened: {}",
                cups.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let added = Command::new("/usr/sbin/lpadmin")
            .env("CUPS_SERVER", cups.socket())
            .args(["-p", QUEUE, "-v", "cups-pdf:/", "-E", "-P"])
            .arg(ppd())
            .output()
            .unwrap();
        assert!(added.status.success(), "lpadmin: {}", text(&added));
        cups
    }

    fn socket(&self) -> PathBuf {
        self.dir.path().join("cups.sock")
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log/error_log")).unwrap_or_default()
    }

    /// `kassa` in its own home and data folder, printing through this scheduler.
    fn kassa(&self, home: &Path) -> Command {
        let mut c = crate::support::kassa_in(home);
        c.env("KASSA_DATA_DIR", home.join("data"))
            .env("CUPS_SERVER", self.socket());
        c
    }
}

impl Drop for Cups {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// cups-pdf's PPD, wherever Debian put it.
fn ppd() -> PathBuf {
    [
        "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd",
        "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
    .expect("cups-pdf's PPD")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Where cups-pdf puts a job of this user: `PDF` in the home the system's user list gives
/// (not `$HOME`: the backend looks the user up).
fn pdf_folder() -> PathBuf {
    let out = Command::new("sh")
        .args(["-c", "getent passwd \"$(id -u)\" | cut -d: -f6"])
        .output()
        .unwrap();
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("PDF")
}

/// Waits for the PDF of the job titled `title` (cups-pdf writes spaces as `_`) made after
/// `since`, and reads its text; the file is removed.
fn printed_pdf(cups: &Cups, title: &str, since: SystemTime) -> String {
    let prefix = title.replace(' ', "_");
    let folder = pdf_folder();
    let started = Instant::now();
    loop {
        let found = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .find(|e| {
                e.file_name().to_string_lossy().starts_with(&prefix)
                    && e.metadata()
                        .and_then(|m| m.modified())
                        .is_ok_and(|t| t >= since)
            });
        if let Some(entry) = found {
            // cups-pdf writes the file, then closes it: wait for it to stop growing.
            std::thread::sleep(Duration::from_millis(500));
            let out = Command::new("pdftotext")
                .args(["-layout"])
                .arg(entry.path())
                .arg("-")
                .output()
                .unwrap();
            assert!(out.status.success(), "pdftotext: {}", text(&out));
            let _ = std::fs::remove_file(entry.path());
            return String::from_utf8_lossy(&out.stdout).into_owned();
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no PDF called {prefix}… in {} within a minute; cupsd says:\n{}",
            folder.display(),
            cups.log()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn paid(reference: &str, cents: i64, tip: i64) -> Payment {
    serde_json::from_value(serde_json::json!({
        "paymentId": format!("id-{reference}"), "status": "SUCCEEDED", "amount": cents,
        "totalAmount": cents + tip, "tippingAmount": tip
    }))
    .unwrap()
}

async fn sale(j: &Journal, reference: &str, cents: i64, tip: i64) {
    j.record_attempt(Attempt {
        reference: reference.into(),
        amount: Money::from_cents(cents),
        description: None,
        pos_id: None,
        account: SANDBOX.into(),
        at: OffsetDateTime::now_utc(),
    })
    .await
    .unwrap();
    j.record_created(reference, &paid(reference, cents, tip))
        .await
        .unwrap();
}

/// A till with a manager PIN whose reports print on `KassaPDF`.
fn till(home: &Path) {
    let settings = kassa::config::Settings {
        manager_pin_hash: kassa::pin::hash(PIN).unwrap(),
        shop_name: "Frituur Sint-Genoveva".into(),
        report_printer: QUEUE.into(),
        ..Default::default()
    };
    settings.save(&home.join("data/settings.toml")).unwrap();
}

fn run_with_pin(mut c: Command) -> Output {
    use std::io::Write;
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{PIN}\n").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_z_report_and_the_test_page_arrive_as_pdfs_with_their_figures() {
    let cups = Cups::start();
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("data")).unwrap();
    till(home.path());
    {
        let j = Journal::open(&home.path().join("data/journal.sqlite")).unwrap();
        sale(&j, "K1", 1250, 0).await;
        sale(&j, "K2", 3000, 150).await;
    }

    // The system's printers, as the settings list them.
    let list = cups
        .kassa(home.path())
        .args(["print", "list"])
        .output()
        .unwrap();
    assert!(list.status.success(), "{}", text(&list));
    assert_eq!(String::from_utf8_lossy(&list.stdout).trim(), QUEUE);

    // The installer's A4 test page: the shop and the Belgian letters come out as themselves.
    let since = SystemTime::now() - Duration::from_secs(1);
    let test = cups
        .kassa(home.path())
        .args(["print", "test", "--a4"])
        .output()
        .unwrap();
    assert!(test.status.success(), "{}", text(&test));
    let page = printed_pdf(&cups, "Test page", since);
    for expected in ["Frituur Sint-Genoveva", "é ë ç è à ô ü ß €", "€1,234.50"] {
        assert!(page.contains(expected), "'{expected}' in\n{page}");
    }

    // The Z taken from the command line, printed on the report printer.
    let since = SystemTime::now() - Duration::from_secs(1);
    let mut z = cups.kassa(home.path());
    z.args(["report", "z", "--pin-stdin", "--print"]);
    let z = run_with_pin(z);
    assert!(z.status.success(), "{}", text(&z));
    assert!(
        text(&z).contains("Sent to the printer “KassaPDF”."),
        "{}",
        text(&z)
    );
    let report = printed_pdf(&cups, "Kassa Z 1", since);
    assert!(report.contains("Z report no. 1"), "{report}");
    assert!(report.contains("Frituur Sint-Genoveva"), "{report}");
    // The figures as the terminal showed them: every line of the report with a euro in it.
    let shown = String::from_utf8_lossy(&z.stdout).into_owned();
    let figures: Vec<&str> = shown.lines().filter(|l| l.contains('€')).collect();
    assert!(figures.iter().any(|l| l.contains("€44.00")), "{shown}");
    let on_paper = squeeze(&report);
    for line in figures {
        assert!(on_paper.contains(&squeeze(line)), "'{line}' in\n{report}");
    }

    // Printed again, the same Z says it is a reprint.
    let since = SystemTime::now() - Duration::from_secs(1);
    let again = cups
        .kassa(home.path())
        .args(["report", "z", "--number", "1", "--print"])
        .output()
        .unwrap();
    assert!(again.status.success(), "{}", text(&again));
    let reprint = printed_pdf(&cups, "Kassa Z 1", since);
    assert!(reprint.to_uppercase().contains("REPRINT"), "{reprint}");

    // A printer the system does not have is said, and nothing pretends to print.
    let missing = cups
        .kassa(home.path())
        .args(["print", "test", "--a4", "--printer", "Kantoor"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(
        text(&missing).contains("this computer has no printer called “Kantoor”"),
        "{}",
        text(&missing)
    );
}

/// `text` with every run of white space made one space (pdftotext lays columns out again).
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
