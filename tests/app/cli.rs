//! The `kassa` command line, run as a user would run it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use kassa::payconiq::jws::{Claims, PROVIDER_ISSUER, SigningKey};

fn kassa() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kassa"));
    // Messages in English whatever the machine's locale; no till settings of the machine's.
    cmd.env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent/kassa-test-config");
    cmd
}

fn decode_png(path: &std::path::Path) -> String {
    let img = image::open(path).expect("a PNG was written").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    grids[0].decode().expect("decodes").1
}

#[test]
fn qr_command_writes_a_framed_code_that_scans_back() {
    let dir = tempfile::tempdir().unwrap();
    let payload = "https://pay.bancontact.net/l/1/5bb37284e35e2b29e363df22/POS00001";
    for (size, colour, px) in [("S", "magenta", 180), ("XL", "black", 800)] {
        let out = dir.path().join(format!("sticker-{size}.png"));
        let status = kassa()
            .args([
                "qr",
                "--payload",
                payload,
                "--size",
                size,
                "--colour",
                colour,
                "--out",
            ])
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(image::image_dimensions(&out).unwrap().0, px);
        assert_eq!(decode_png(&out), payload);
    }
    let svg = dir.path().join("sticker.svg");
    assert!(
        kassa()
            .args(["qr", "--payload", payload, "--out"])
            .arg(&svg)
            .status()
            .unwrap()
            .success()
    );
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<?xml"));

    let bad = kassa()
        .args(["qr", "--payload", payload, "--out", "x.gif"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains(".png or .svg"));
    let bad = kassa()
        .args([
            "qr",
            "--payload",
            payload,
            "--size",
            "XXL",
            "--out",
            "x.png",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[test]
fn verify_callback_says_valid_or_exactly_why_not() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::generate("es.signature.ext.payconiq.com").unwrap();
    let jwks = dir.path().join("jwks.json");
    std::fs::write(&jwks, key.public_jwks().to_string()).unwrap();
    let body = dir.path().join("body.json");
    let content = br#"{"paymentId":"5ba37c3d0989e3000758b9d8","status":"SUCCEEDED","amount":122}"#;
    std::fs::write(&body, content).unwrap();
    let url = "https://shop.example/payconiq/callback";
    let signature = key
        .sign(
            &Claims::now(url, PROVIDER_ISSUER, "5cc6e4c88b6e691156d1376d"),
            content,
        )
        .unwrap();

    let run = |sig: &str, path: &str| {
        kassa()
            .args([
                "verify-callback",
                "--signature",
                sig,
                "--path",
                path,
                "--body",
            ])
            .arg(&body)
            .arg("--jwks")
            .arg(&jwks)
            .output()
            .unwrap()
    };
    let ok = run(&signature, url);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        String::from_utf8_lossy(&ok.stdout)
            .starts_with("Valid: signed by key es.signature.ext.payconiq.com")
    );

    let wrong_path = run(&signature, "https://elsewhere.example/cb");
    assert!(!wrong_path.status.success());
    assert!(String::from_utf8_lossy(&wrong_path.stderr).contains("path"));

    std::fs::write(
        &body,
        br#"{"paymentId":"5ba37c3d0989e3000758b9d8","status":"SUCCEEDED","amount":123}"#,
    )
    .unwrap();
    let tampered = run(&signature, url);
    assert!(!tampered.status.success());
    assert!(String::from_utf8_lossy(&tampered.stderr).contains("does not match"));
}

/// verify-callback refuses another profile, a stale iat, a JWKS with private keys and keys
/// fetched over plain http from elsewhere.
#[test]
fn verify_callback_refuses_another_profile_a_stale_signature_and_unsafe_key_sets() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::generate("es.signature.ext.payconiq.com").unwrap();
    let jwks = dir.path().join("jwks.json");
    std::fs::write(&jwks, key.public_jwks().to_string()).unwrap();
    let body = dir.path().join("body.json");
    let content = br#"{"paymentId":"5ba37c3d0989e3000758b9d8","status":"SUCCEEDED","amount":122}"#;
    std::fs::write(&body, content).unwrap();
    let url = "https://shop.example/payconiq/callback";
    let profile = "5cc6e4c88b6e691156d1376d";
    let sign = |iat: time::OffsetDateTime| {
        let claims = Claims {
            iat,
            ..Claims::now(url, PROVIDER_ISSUER, profile)
        };
        key.sign(&claims, content).unwrap()
    };
    let run = |sig: &str, extra: &[&str], jwks: &std::path::Path| {
        kassa()
            .args([
                "verify-callback",
                "--signature",
                sig,
                "--path",
                url,
                "--body",
            ])
            .arg(&body)
            .arg("--jwks")
            .arg(jwks)
            .args(extra)
            .output()
            .unwrap()
    };
    let fresh = sign(time::OffsetDateTime::now_utc());
    assert!(run(&fresh, &["--profile", profile], &jwks).status.success());
    let other = run(&fresh, &["--profile", "000000000000000000000000"], &jwks);
    assert!(!other.status.success());
    assert!(String::from_utf8_lossy(&other.stderr).contains("sub"));

    // Older than the provider's retry period (24 h + 5 min) is refused; a tighter window too.
    let stale = sign(time::OffsetDateTime::now_utc() - time::Duration::hours(25));
    let out = run(&stale, &[], &jwks);
    assert!(!out.status.success(), "stale accepted");
    let hour_old = sign(time::OffsetDateTime::now_utc() - time::Duration::hours(1));
    assert!(run(&hour_old, &[], &jwks).status.success());
    assert!(
        !run(&hour_old, &["--max-age-minutes", "30"], &jwks)
            .status
            .success()
    );

    // A key set carrying private key material is refused, with the reason.
    let mut leaked = key.public_jwks();
    leaked["keys"][0]["d"] = serde_json::json!("c2VjcmV0");
    let leaked_file = dir.path().join("leaked.json");
    std::fs::write(&leaked_file, leaked.to_string()).unwrap();
    let out = run(&fresh, &[], &leaked_file);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("private key material"));

    // Plain http to another host is refused before any request.
    let out = kassa()
        .args(["verify-callback", "--signature", &fresh, "--body"])
        .arg(&body)
        .args(["--jwks", "http://keys.example.com/jwks"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("https"));
}

/// Without --path and --profile, the callback must be for what the till is set up with; a
/// "valid" verdict says what it could not check.
#[test]
fn verify_callback_holds_a_callback_to_the_tills_settings() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::generate("es.signature.ext.payconiq.com").unwrap();
    let jwks = dir.path().join("jwks.json");
    std::fs::write(&jwks, key.public_jwks().to_string()).unwrap();
    let body = dir.path().join("body.json");
    std::fs::write(&body, b"{}").unwrap();
    let ours = "https://shop.example/payconiq/callback";
    let profile = "5cc6e4c88b6e691156d1376d";
    let sign = |path: &str, sub: &str| {
        key.sign(&Claims::now(path, PROVIDER_ISSUER, sub), b"{}")
            .unwrap()
    };
    let run = |config: &std::path::Path, sig: &str| {
        kassa()
            .env("XDG_CONFIG_HOME", config)
            .args(["verify-callback", "--signature", sig, "--body"])
            .arg(&body)
            .arg("--jwks")
            .arg(&jwks)
            .output()
            .unwrap()
    };
    let settings = dir.path().join("config/kassa");
    std::fs::create_dir_all(&settings).unwrap();
    std::fs::write(
        settings.join("settings.toml"),
        format!("callback-url = \"{ours}\"\nprofile-id = \"{profile}\"\n"),
    )
    .unwrap();
    let config = dir.path().join("config");
    let ok = run(&config, &sign(ours, profile));
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(!String::from_utf8_lossy(&ok.stdout).contains("Not checked"));
    let elsewhere = run(&config, &sign("https://attacker.example/cb", profile));
    assert!(!elsewhere.status.success());
    let other_profile = run(&config, &sign(ours, "000000000000000000000000"));
    assert!(!other_profile.status.success());

    // No settings: valid, but it says what was not checked.
    let bare = run(&dir.path().join("none"), &sign(ours, profile));
    assert!(bare.status.success());
    let text = String::from_utf8_lossy(&bare.stdout);
    assert!(text.contains("Not checked: the callback URL"), "{text}");
    assert!(text.contains("Not checked: the payment profile"), "{text}");
}

#[test]
fn keys_generate_exports_when_asked_and_prints_the_public_jwks() {
    let dir = tempfile::tempdir().unwrap();
    let pem = dir.path().join("merchant.pem");
    let jwks = dir.path().join("jwks.json");
    let out = kassa()
        .args(["keys", "generate", "--kid", "shop-2026", "--out"])
        .arg(&pem)
        .arg("--jwks-out")
        .arg(&jwks)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"kid\": \"shop-2026\"") && !stdout.contains("PRIVATE"));
    let key = SigningKey::import(&std::fs::read_to_string(&pem).unwrap(), "shop-2026").unwrap();
    let hosted: serde_json::Value = serde_json::from_slice(&std::fs::read(&jwks).unwrap()).unwrap();
    assert_eq!(hosted["keys"][0], key.public_jwk());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&pem).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    // Never overwrites an existing key file.
    let again = kassa()
        .args(["keys", "generate", "--out"])
        .arg(&pem)
        .output()
        .unwrap();
    assert!(!again.status.success());
}

#[test]
fn sandbox_command_prints_where_it_listens_and_serves() {
    /// Stops the sandbox even when an assertion fails.
    struct Running(std::process::Child);
    impl Drop for Running {
        fn drop(&mut self) {
            self.0.kill().ok();
            self.0.wait().ok();
        }
    }
    let mut child = Running(
        kassa()
            .args(["sandbox", "--no-demo"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    let base = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            l.trim()
                .strip_prefix("API base:")
                .map(|b| b.trim().to_string())
        })
        .expect("the banner names the API base");
    let jwks: serde_json::Value = reqwest::blocking_get(&format!("{base}/jwks"));
    assert_eq!(jwks["keys"][0]["kid"], kassa::sandbox::SANDBOX_KID);
    // The D24 side: its base URL, login and secret key, the same as GET /sandbox says.
    let mut d24 = std::collections::HashMap::new();
    for line in lines.map_while(Result::ok) {
        if let Some((label, value)) = line.trim().split_once(':')
            && label.starts_with("D24")
        {
            d24.insert(label.to_string(), value.trim().to_string());
        }
        if d24.len() == 4 {
            break;
        }
    }
    let info = reqwest::blocking_get(&format!("{base}/sandbox"));
    assert_eq!(d24["D24 base"], info["d24"]["baseUrl"].as_str().unwrap());
    assert_eq!(d24["D24 X-Login"], info["d24"]["login"].as_str().unwrap());
    assert_eq!(
        d24["D24 secret"],
        info["d24"]["secretKey"].as_str().unwrap()
    );
    assert_eq!(d24["D24 base"], format!("{base}/d24"));
}

mod reqwest {
    /// A tiny blocking GET on a throwaway runtime (the test itself is synchronous).
    pub fn blocking_get(url: &str) -> serde_json::Value {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async { ::reqwest::get(url).await.unwrap().json().await.unwrap() })
    }
}

#[test]
fn version_names_the_build() {
    let out = kassa().arg("--version").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    // "kassa 0.1.0 (<commit>)" in release builds, "(dev build)" in debug ones.
    assert!(
        text.starts_with(&format!("kassa {} (", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
}

/// `kassa shop` before a till is in a shop: said so; a server over plain http on another
/// machine is refused before anything is asked of it or of the keychain.
#[test]
fn the_shop_commands_say_what_is_missing() {
    let home = tempfile::tempdir().unwrap();
    let out = crate::support::kassa_in(home.path())
        .env("KASSA_DATA_DIR", home.path().join("data"))
        .args(["shop", "status"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("This till is not in a shop: join one with `kassa shop join URL CODE`."),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = crate::support::kassa_in(home.path())
        .env("KASSA_DATA_DIR", home.path().join("data"))
        .args(["shop", "join", "http://shop.example.be", "ABCD-EFGH-JKMN"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "The shop server must be reached over https (plain http only on this computer): http://shop.example.be"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Key files are never written over and never mixed: the same file for both, a JWKS file that
/// exists, and key ids a JWKS cannot carry cleanly are refused before anything is written.
#[test]
fn keys_generate_never_clobbers_or_mixes_files() {
    let dir = tempfile::tempdir().unwrap();
    let both = dir.path().join("both.pem");
    let out = kassa()
        .args(["keys", "generate", "--kid", "k1", "--out"])
        .arg(&both)
        .arg("--jwks-out")
        .arg(dir.path().join(".").join("both.pem"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("name the same file"));
    assert!(!both.exists(), "nothing written");
    let hosted = dir.path().join("jwks.json");
    std::fs::write(&hosted, "the shop's hosted key set").unwrap();
    let out = kassa()
        .args(["keys", "generate", "--kid", "k1", "--out"])
        .arg(dir.path().join("new.pem"))
        .arg("--jwks-out")
        .arg(&hosted)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists already"));
    assert_eq!(
        std::fs::read_to_string(&hosted).unwrap(),
        "the shop's hosted key set"
    );
    assert!(!dir.path().join("new.pem").exists());
    for kid in ["", &"k".repeat(65), "bad\u{1b}[31mkid", "with space"] {
        let out = kassa()
            .args(["keys", "generate", "--kid", kid, "--out"])
            .arg(dir.path().join("kid.pem"))
            .output()
            .unwrap();
        assert!(!out.status.success(), "{kid:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("The key id must be"),
            "{kid:?}"
        );
    }
}

/// verify-callback reads files, not devices or pipes: `/dev/zero` and a FIFO are refused at
/// once (neither read into memory nor waited on), and so is a body too large to be one.
#[cfg(unix)]
#[test]
fn verify_callback_refuses_devices_pipes_and_huge_files() {
    let dir = tempfile::tempdir().unwrap();
    let body = dir.path().join("body.json");
    std::fs::write(&body, "{}").unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = dir.path().join("huge.json");
    std::fs::write(&huge, vec![b' '; 200 * 1024]).unwrap();
    let run = |body: &std::path::Path, jwks: &std::path::Path| {
        let started = std::time::Instant::now();
        let out = kassa()
            .args(["verify-callback", "--signature", "a..b", "--body"])
            .arg(body)
            .arg("--jwks")
            .arg(jwks)
            .output()
            .unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let zero = std::path::Path::new("/dev/zero");
    assert!(run(&body, zero).contains("is not a regular file"));
    assert!(run(zero, &body).contains("is not a regular file"));
    assert!(run(&body, &fifo).contains("is not a regular file"));
    assert!(run(&huge, &body).contains("is larger than 64 KiB"));
}
