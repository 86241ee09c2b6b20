use std::process::ExitCode;

use clap::Parser;
use kassa::cli::{self, Cli, Command, KeysCommand};

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    kassa::i18n::set_language(kassa::i18n::Lang::from_os());
    let args = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = match args.command {
        None => {
            Err("The till window arrives with the GUI; use a subcommand (see --help).".to_string())
        }
        Some(Command::Sandbox {
            port,
            expiry_seconds,
            no_demo,
            void_enabled,
            merchant_jwks,
        }) => runtime.block_on(async {
            let sandbox =
                cli::sandbox(port, expiry_seconds, no_demo, void_enabled, merchant_jwks).await?;
            println!("{}", cli::sandbox_banner(&sandbox));
            let _ = tokio::signal::ctrl_c().await;
            Ok(String::new())
        }),
        Some(Command::Keys {
            command: KeysCommand::Generate { kid, out, jwks_out },
        }) => cli::keys_generate(&kid, out.as_deref(), jwks_out.as_deref()),
        Some(Command::VerifyCallback {
            body,
            signature,
            jwks,
            path,
        }) => runtime.block_on(cli::verify_callback(
            &body,
            &signature,
            &jwks,
            path.as_deref(),
        )),
        Some(Command::Qr {
            payload,
            size,
            colour,
            out,
        }) => cli::qr(&payload, size, colour, &out),
    };
    match outcome {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            ExitCode::SUCCESS
        }
        Err(text) => {
            eprintln!("{text}");
            ExitCode::FAILURE
        }
    }
}
