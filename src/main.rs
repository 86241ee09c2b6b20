use std::process::ExitCode;

use clap::Parser;
use kassa::cli::{self, Cli, Command, KeychainCommand, KeysCommand, PrintCommand};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(name) = &cli.profile
        && let Err(e) = kassa::config::set_profile(name)
    {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let Some(command) = cli.command else {
        return run_gui();
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    // The till's language (its settings), as on its screens and its paper; the system's when
    // the till has none set.
    let lang = kassa::config::Settings::default_path()
        .and_then(|p| kassa::config::Settings::load(&p).ok())
        .map_or_else(kassa::i18n::Lang::from_os, |s| s.language());
    kassa::i18n::set_language(lang);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = match command {
        Command::Sandbox {
            port,
            expiry_seconds,
            no_demo,
            void_enabled,
            merchant_jwks,
            retention,
        } => runtime.block_on(async {
            let sandbox = cli::sandbox(cli::SandboxArgs {
                port,
                expiry_seconds,
                no_demo,
                void_enabled,
                merchant_jwks,
                retention,
            })
            .await?;
            println!("{}", cli::sandbox_banner(&sandbox));
            let _ = tokio::signal::ctrl_c().await;
            Ok(String::new())
        }),
        Command::Keys {
            command:
                KeysCommand::Generate {
                    kid,
                    out,
                    jwks_out,
                    force,
                },
        } => cli::keys_generate(&kid, out.as_deref(), jwks_out.as_deref(), force),
        Command::Keychain {
            command: KeychainCommand::Check,
        } => cli::keychain_check(),
        Command::Print {
            command: PrintCommand::Test { printer, paper, a4 },
        } => runtime.block_on(cli::print_test(printer, paper, a4)),
        Command::Print {
            command: PrintCommand::List,
        } => runtime.block_on(cli::print_list()),
        Command::VerifyCallback {
            body,
            signature,
            jwks,
            path,
            profile,
            max_age_minutes,
        } => {
            // Unless told otherwise, the callback must be for what this till is set up with.
            let (path, profile) = cli::callback_expectations(path, profile);
            runtime.block_on(cli::verify_callback(
                &body,
                &signature,
                &jwks,
                cli::CallbackCheck {
                    path: path.as_deref(),
                    profile: profile.as_deref(),
                    max_age: time::Duration::minutes(max_age_minutes.max(0)),
                },
            ))
        }
        Command::Payment { connect, command } => {
            runtime.block_on(cli::api::payment(command, &connect))
        }
        Command::Refund { connect, command } => {
            runtime.block_on(cli::api::refund(command, &connect))
        }
        Command::D24 { connect, command } => runtime.block_on(cli::d24::d24(command, &connect)),
        Command::Payouts {
            connect,
            from,
            to,
            csv,
        } => runtime.block_on(cli::api::payouts(from, to, csv, &connect)),
        Command::Report { command } => runtime.block_on(cli::books::report(command)),
        Command::Journal { command } => runtime.block_on(cli::books::journal(command)),
        Command::Shop { command } => runtime.block_on(cli::shop::shop(command)),
        Command::Qr {
            payload,
            size,
            colour,
            out,
        } => cli::qr(&payload, size, colour, &out),
    };
    match outcome {
        Ok(text) => {
            // A reader that stops early (`| head`) is no error of ours: no panic over it.
            if !text.is_empty() {
                use std::io::Write;
                let _ = writeln!(std::io::stdout(), "{text}");
            }
            ExitCode::SUCCESS
        }
        Err(text) => {
            eprintln!("{text}");
            ExitCode::FAILURE
        }
    }
}

/// The till: one per data directory (a second start says so and exits), settings from its
/// file (an unreadable one stops the till until it is set aside), logs to a rotating file in
/// the data directory.
fn run_gui() -> ExitCode {
    kassa::i18n::set_language(kassa::i18n::Lang::from_os());
    let Some(dir) = kassa::config::data_dir() else {
        eprintln!("{}", kassa::fl!("app-no-data-dir"));
        return ExitCode::FAILURE;
    };
    // Held until the process ends.
    let _lock = match kassa::config::lock_data_dir(&dir) {
        Ok(lock) => lock,
        Err(e) => {
            eprintln!("{}", e.explain());
            if let kassa::config::LockError::Busy { pid: Some(pid), .. } = e {
                kassa::monitors::raise_window_of(pid);
            }
            return ExitCode::from(3);
        }
    };
    let _log = kassa::logging::init_file();
    let (settings, problem) = match kassa::config::Settings::default_path() {
        Some(path) => kassa::config::Settings::load_checked(&path),
        None => (kassa::config::Settings::default(), None),
    };
    if let Some(p) = &problem {
        eprintln!("{}: {}", p.path.display(), p.detail);
    }
    match kassa::app::run(settings, problem) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
