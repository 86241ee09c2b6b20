//! The app as a user starts it: the `kassa` binary's command line (books, API, D24, PIN),
//! callbacks, the keychain, the file dialog and local time (each in a child process), the
//! packaging scripts. One binary (modules below).

#[path = "../common/mod.rs"]
mod support;

mod books_cli;
mod callbacks;
mod cli;
mod cli_api;
mod cups;
mod display_window;
mod file_dialog;
mod keychain;
mod local_time;
mod packaging;
mod print_cli;
mod shop_cli;
