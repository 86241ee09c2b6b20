//! `kassa-server`: the shop server's command line. The database comes from `DATABASE_URL`
//! (or `--database-url`); logs go to standard error (`RUST_LOG` to choose how much).

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kassa_server::{ServerError, db, http, tills};

#[derive(Parser, Debug)]
#[command(
    name = "kassa-server",
    version,
    about = "Kassa's shop server: one set of books for every till of a shop, on PostgreSQL."
)]
struct Cli {
    /// The PostgreSQL database (postgres://user:password@host/db). Never logged.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Bring the database's schema up to this version (safe to run again, and from several
    /// instances at once).
    Migrate,
    /// Serve the tills.
    Serve {
        /// Where to listen.
        #[arg(long, env = "KASSA_SERVER_LISTEN", default_value = "127.0.0.1:8440")]
        listen: std::net::SocketAddr,
        /// The URL tills and the provider reach this server at (behind a proxy, the proxy's).
        #[arg(long, env = "KASSA_SERVER_PUBLIC_URL")]
        public_url: Option<String>,
        /// Connections to the database.
        #[arg(long, default_value_t = 16)]
        pool: usize,
        /// The shop's time zone, for day reports asked without one (default: this machine's).
        #[arg(long, env = "KASSA_SERVER_TIMEZONE")]
        timezone: Option<String>,
        /// The provider's published keys, for the callbacks' signatures (comma-separated:
        /// production, or preprod's https://jwks.preprod.bancontact.net/, or both).
        #[arg(
            long,
            env = "KASSA_SERVER_PROVIDER_JWKS",
            value_delimiter = ',',
            default_value = "https://jwks.bancontact.net/"
        )]
        provider_jwks: Vec<String>,
    },
    /// The payment profiles whose callbacks are the shop's (tills add theirs when they link).
    Profile {
        #[command(subcommand)]
        command: ProfileCommand,
    },
    /// The shop's tills.
    Till {
        #[command(subcommand)]
        command: TillCommand,
    },
    /// The shop's reports.
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
    /// The shop's sales or refunds of a period as CSV, for the accountant.
    Export {
        #[arg(value_enum)]
        what: ExportWhat,
        /// First day (YYYY-MM-DD, the shop's clock).
        #[arg(long)]
        from: String,
        /// Last day, included.
        #[arg(long)]
        to: String,
        /// CSV (the only format; kept for scripts that say so).
        #[arg(long)]
        csv: bool,
        /// The shop's time zone (default: this machine's).
        #[arg(long, env = "KASSA_SERVER_TIMEZONE")]
        timezone: Option<String>,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ExportWhat {
    Sales,
    Refunds,
}

#[derive(Subcommand, Debug)]
enum ReportCommand {
    /// The day report: the Z reports every till took that day, per till and in all.
    Day {
        /// The day (YYYY-MM-DD, the shop's clock).
        #[arg(long)]
        date: String,
        #[arg(long)]
        csv: bool,
        /// The shop's time zone (default: this machine's).
        #[arg(long, env = "KASSA_SERVER_TIMEZONE")]
        timezone: Option<String>,
    },
}

fn zone(name: Option<&str>) -> Result<jiff::tz::TimeZone, ServerError> {
    match name {
        None => Ok(kassa_core::clock::zone()),
        Some(n) => jiff::tz::TimeZone::get(n)
            .map_err(|_| ServerError::BadRequest(format!("not a time zone: '{n}'"))),
    }
}

#[derive(Subcommand, Debug)]
enum ProfileCommand {
    /// Accept the provider's callbacks for this payment profile.
    Add { profile_id: String },
    /// The profiles whose callbacks are accepted.
    List,
    /// Stop accepting the provider's callbacks for this payment profile (a till selling on it
    /// names it again when it links).
    Remove { profile_id: String },
}

#[derive(Subcommand, Debug)]
enum TillCommand {
    /// Add a till and print its one-time join code (valid 24 hours); for a till that has not
    /// joined yet, a new code.
    Add { name: String },
    /// The shop's tills: joined, last seen, revoked.
    List,
    /// Refuse a till from now on (what it sent is kept).
    Revoke { name: String },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        // Colours on a terminal only: journald and log files get plain text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("kassa-server: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(out) => {
            if !out.is_empty() {
                println!("{out}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kassa-server: {e}");
            ExitCode::FAILURE
        }
    }
}

/// On this machine's clock (its time zone database, as the tills' clocks).
fn local(t: Option<time::OffsetDateTime>) -> String {
    t.map(kassa_core::clock::date_time)
        .unwrap_or_else(|| "-".into())
}

async fn run(cli: Cli) -> Result<String, ServerError> {
    let url = cli.database_url.ok_or_else(|| {
        ServerError::BadRequest("no database: set DATABASE_URL or give --database-url".into())
    })?;
    match cli.command {
        Command::Migrate => {
            let pool = db::pool(&url, 1)?;
            let applied = db::migrate(&pool).await?;
            Ok(if applied.is_empty() {
                "The schema is up to date.".into()
            } else {
                format!("Migrated: {applied:?}.")
            })
        }
        Command::Serve {
            listen,
            public_url,
            pool,
            timezone,
            provider_jwks,
        } => {
            let zone = zone(timezone.as_deref())?;
            let receiver =
                kassa_server::callbacks::configured(public_url.as_deref(), &provider_jwks)?;
            let pool = db::pool(&url, pool)?;
            db::ready(&pool).await?;
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .map_err(|e| ServerError::BadRequest(format!("cannot listen on {listen}: {e}")))?;
            let at = listener
                .local_addr()
                .map_err(|e| ServerError::BadRequest(e.to_string()))?;
            // Tests and scripts read this line to find the port.
            println!("kassa-server listening on http://{at}");
            match &receiver {
                Some(r) => {
                    tracing::info!(callbacks = %r.url, jwks = ?provider_jwks, "receiving the provider's callbacks");
                    // Said at once when the provider's keys cannot be read, not at the first
                    // callback.
                    let r = r.clone();
                    tokio::spawn(async move {
                        if let Err(e) = r.check_keys().await {
                            tracing::warn!(error = %e, "the provider's key set cannot be read now: callbacks are answered 503 (the provider sends them again) until it can");
                        }
                    });
                }
                None => tracing::warn!(
                    "no --public-url: the provider's callbacks are not received, tills poll"
                ),
            }
            let state = http::AppState::new(pool, zone, receiver);
            kassa_server::stream::listen(db::config(&url)?, &state);
            let (bell, streams) = (state.bell.clone(), state.streams.clone());
            axum::serve(listener, http::router(state))
                // Ctrl-C, or systemd's SIGTERM: requests in flight are answered first.
                .with_graceful_shutdown(async move {
                    let mut term =
                        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                            .ok();
                    tokio::select! {
                        _ = tokio::signal::ctrl_c() => {}
                        _ = async {
                            match term.as_mut() {
                                Some(t) => { t.recv().await; }
                                None => std::future::pending::<()>().await,
                            }
                        } => {}
                    }
                    // The tills' streams never end by themselves: ended now (rung, so they
                    // see it at once), the tills read the provider until a server is back.
                    streams.close_all();
                    bell.send_modify(|n| *n = n.wrapping_add(1));
                })
                .await
                .map_err(|e| ServerError::BadRequest(e.to_string()))?;
            Ok(String::new())
        }
        Command::Report {
            command:
                ReportCommand::Day {
                    date,
                    csv,
                    timezone,
                },
        } => {
            let tz = zone(timezone.as_deref())?;
            let pool = db::pool(&url, 1)?;
            db::ready(&pool).await?;
            let shop = kassa_server::tills::first_shop(&pool).await?;
            let report = kassa_server::books::day_report(&pool, shop, &date, &tz).await?;
            Ok(if csv {
                kassa_server::books::csv(&report).trim_end().to_string()
            } else {
                kassa_server::books::text(&report)
            })
        }
        Command::Export {
            what,
            from,
            to,
            csv: _,
            timezone,
        } => {
            let tz = zone(timezone.as_deref())?;
            let pool = db::pool(&url, 1)?;
            db::ready(&pool).await?;
            let what = match what {
                ExportWhat::Sales => kassa_server::books::Export::Sales,
                ExportWhat::Refunds => kassa_server::books::Export::Refunds,
            };
            let out = kassa_server::books::export(&pool, what, &from, &to, &tz).await?;
            Ok(out.trim_end().to_string())
        }
        Command::Profile { command } => {
            let pool = db::pool(&url, 1)?;
            db::ready(&pool).await?;
            match command {
                ProfileCommand::Add { profile_id } => {
                    let shop = tills::first_shop(&pool).await?;
                    tills::add_profile(&pool, shop, &profile_id, "admin").await?;
                    Ok(format!(
                        "Callbacks for payment profile {} are accepted.",
                        profile_id.trim()
                    ))
                }
                ProfileCommand::Remove { profile_id } => {
                    tills::remove_profile(&pool, &profile_id).await?;
                    Ok(format!(
                        "Callbacks for payment profile {} are no longer accepted (a till that sells on it names it again when it links: revoke or re-set that till first).",
                        profile_id.trim()
                    ))
                }
                ProfileCommand::List => {
                    let mut out = format!("{:<32} {:<24} {}", "PROFILE", "ADDED BY", "ADDED");
                    for (id, by, at) in tills::profiles(&pool).await? {
                        out.push_str(&format!("\n{id:<32} {by:<24} {}", local(Some(at))));
                    }
                    Ok(out)
                }
            }
        }
        Command::Till { command } => {
            let pool = db::pool(&url, 1)?;
            db::ready(&pool).await?;
            match command {
                TillCommand::Add { name } => {
                    let code = tills::add(&pool, &name).await?;
                    // The address tills reach the server at, when it is known here.
                    let url = std::env::var("KASSA_SERVER_PUBLIC_URL")
                        .ok()
                        .filter(|u| !u.trim().is_empty())
                        .unwrap_or_else(|| "URL".into());
                    Ok(format!(
                        "Till '{}' added. On the till, within 24 hours:\n  kassa shop join {url} {code}",
                        name.trim()
                    ))
                }
                TillCommand::List => {
                    let rows = tills::list(&pool).await?;
                    let mut out = format!(
                        "{:<24} {:<17} {:<17} {:>8}  {}",
                        "TILL", "JOINED", "LAST SEEN", "EVENTS", "STATE"
                    );
                    for r in rows {
                        let state = match (r.revoked_at, r.joined_at) {
                            (Some(_), _) => "revoked",
                            (None, Some(_)) => "joined",
                            (None, None) => "waiting to join",
                        };
                        out.push_str(&format!(
                            "\n{:<24} {:<17} {:<17} {:>8}  {state}",
                            r.name,
                            local(r.joined_at),
                            local(r.last_seen_at),
                            r.last_seq.unwrap_or(0)
                        ));
                    }
                    Ok(out)
                }
                TillCommand::Revoke { name } => {
                    tills::revoke(&pool, &name).await?;
                    Ok(format!("Till '{}' revoked.", name.trim()))
                }
            }
        }
    }
}
