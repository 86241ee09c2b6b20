//! `kassa shop join` and `kassa shop status` as a shop meets them: the till's token in a real
//! Secret Service (a private D-Bus session with gnome-keyring), a shop server on a real
//! PostgreSQL; the status says whether the provider's callbacks reach the till, and that it
//! reads at the usual pace when the server does not receive them.

#![cfg(target_os = "linux")]

#[path = "../../crates/server/tests/server/pg.rs"]
mod pg;

use std::process::Command;

/// A shop server on `database`, in this process, on `port` (0: any), receiving callbacks when
/// `jwks` is given.
async fn serve(
    database: &str,
    port: u16,
    jwks: Option<String>,
) -> (String, tokio::task::JoinHandle<()>) {
    let listener = crate::support::bind_again(port).await;
    let url = format!("http://{}", listener.local_addr().unwrap());
    let pool = kassa_server::db::pool(database, 4).unwrap();
    let receiver = jwks.map(|j| {
        kassa_server::callbacks::configured(Some(&url), &[j])
            .unwrap()
            .unwrap()
    });
    let router = kassa_server::http::router(kassa_server::http::AppState::new(
        pool,
        kassa_core::clock::zone(),
        receiver,
    ));
    let task = tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (url, task)
}

/// `kassa ARGS…` run one after the other in one keychain session, in English: each one's
/// standard output, or the whole run's output when one failed.
fn in_keychain(home: &std::path::Path, runs: &[&[&str]]) -> Result<Vec<String>, String> {
    let kassa = env!("CARGO_BIN_EXE_kassa");
    let mut script = String::from(
        "printf 'kassa-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null",
    );
    for args in runs {
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        script.push_str(&format!(
            " && '{kassa}' {} && echo '--8<--'",
            quoted.join(" ")
        ));
    }
    let out = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", &script])
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("share"))
        .env("XDG_RUNTIME_DIR", home)
        .env("KASSA_DATA_DIR", home.join("data"))
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    if !out.status.success() {
        return Err(format!(
            "stdout: {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(stdout
        .split("--8<--")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect())
}

#[tokio::test(flavor = "multi_thread")]
async fn shop_status_says_whether_callbacks_reach_the_till() {
    let pg = pg::Pg::start();
    let database = pg.database("shop_cli");
    let pool = kassa_server::db::pool(&database, 2).unwrap();
    kassa_server::db::migrate(&pool).await.unwrap();

    // A server that does not receive callbacks.
    let (url, plain) = serve(&database, 0, None).await;
    let code = kassa_server::tills::add(&pool, "Toog").await.unwrap();
    let home = tempfile::tempdir().unwrap();
    let said = tokio::task::block_in_place(|| {
        in_keychain(
            home.path(),
            &[&["shop", "join", &url, &code], &["shop", "status"]],
        )
    })
    .unwrap();
    assert!(
        said[0].contains("Joined shop “Shop” as till “Toog”"),
        "{said:?}"
    );
    assert!(
        said[1].contains(
            "The server does not receive the provider's callbacks (it has no public URL): payments are read at the usual pace."
        ),
        "{said:?}"
    );
    plain.abort();

    // The same shop, now receiving them: the till follows them.
    let port: u16 = url.rsplit(':').next().unwrap().parse().unwrap();
    let (url, _receiving) = serve(&database, port, Some("http://127.0.0.1:9/jwks".into())).await;
    let said =
        tokio::task::block_in_place(|| in_keychain(home.path(), &[&["shop", "status"]])).unwrap();
    assert!(
        said[0].contains(&format!(
            "The server receives the provider's callbacks at {url}/callbacks/payconiq and this till can follow them"
        )) && said[0].contains("No callback has come yet."),
        "{said:?}"
    );

    // Joining while the till runs on the same data folder: refused, nothing spent.
    let running = kassa::config::lock_data_dir(&home.path().join("data")).unwrap();
    let code = kassa_server::tills::add(&pool, "Terras").await.unwrap();
    let refused =
        tokio::task::block_in_place(|| in_keychain(home.path(), &[&["shop", "join", &url, &code]]))
            .unwrap_err();
    assert!(
        refused.contains("The till is running on this data folder: close it, run this again"),
        "{refused}"
    );
    drop(running);
    let said =
        tokio::task::block_in_place(|| in_keychain(home.path(), &[&["shop", "join", &url, &code]]))
            .unwrap();
    assert!(
        said[0].contains("Joined shop “Shop” as till “Terras”"),
        "the code was not spent by the refused try: {said:?}"
    );
}
