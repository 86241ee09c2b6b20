//! Saving a framed code as PNG or SVG (the shop's sticker, an invoice QR): through the native
//! dialog, or to a typed path where no dialog can be shown. Screens embed an [`Exporter`].

use crate::widget::action::button;
use iced::Element;
use iced::widget::{column, row, text};

use crate::file_dialog::FileError;
use crate::fl;
use crate::qr::{self, QrColour, QrSize};
use crate::theme;
use crate::widget::path_prompt;

/// A file to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Default)]
pub struct Exporter {
    /// The last export asked for: kept to save it to a typed path when no dialog can show.
    pending: Option<Export>,
    /// The typed path, while no dialog can be shown.
    typed: Option<String>,
    info: Option<String>,
    problem: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    SavePng,
    SaveSvg,
    Saved(Result<String, FileError>),
    TypedPath(String),
    SaveTyped,
    CancelTyped,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Ask where with the native dialog.
    Save(Export),
    /// Save to a path the user typed (no dialog could be shown).
    SaveTo(Export, String),
}

/// What to export: the payload, drawn at `size` in `colour`, named `name`.png/.svg.
#[derive(Debug, Clone)]
pub struct Code<'a> {
    pub payload: &'a str,
    pub size: QrSize,
    pub colour: QrColour,
    pub name: String,
}

impl Exporter {
    /// For a framed code: Save PNG/SVG draw it; the other messages are the save's outcome.
    pub fn update(&mut self, message: Message, code: Code<'_>) -> Action {
        let bytes = match message {
            Message::SavePng => qr::render(code.payload, code.size, code.colour)
                .and_then(|q| q.to_png())
                .map(|b| (format!("{}.png", code.name), b)),
            Message::SaveSvg => qr::to_svg(code.payload, code.size, code.colour)
                .map(|s| (format!("{}.svg", code.name), s.into_bytes())),
            other => return self.outcome(other),
        };
        match bytes {
            Ok((file_name, bytes)) => self.save(Export { file_name, bytes }),
            Err(e) => {
                self.problem = Some(e.to_string());
                Action::None
            }
        }
    }

    /// Saves any file (a report, a CSV): through the dialog, or the typed path when no dialog
    /// can be shown.
    pub fn save(&mut self, export: Export) -> Action {
        self.pending = Some(export.clone());
        self.info = None;
        self.problem = None;
        match &self.typed {
            // The dialog is known to be missing: the typed path is the way.
            Some(_) => Action::None,
            None => Action::Save(export),
        }
    }

    /// The outcome of a save, and the typed-path prompt's messages.
    pub fn outcome(&mut self, message: Message) -> Action {
        match message {
            Message::Saved(Ok(info)) => {
                self.info = Some(info);
                self.problem = None;
                self.typed = None;
            }
            Message::Saved(Err(FileError::NoDialog)) => {
                let name = self.pending.as_ref().map_or("", |e| e.file_name.as_str());
                self.typed = Some(crate::file_dialog::suggested(name));
                self.info = None;
                self.problem = None;
            }
            Message::Saved(Err(e)) => {
                self.problem = Some(path_prompt::problem(&e));
                self.info = None;
            }
            Message::TypedPath(p) => self.typed = Some(p),
            Message::SaveTyped => {
                if let (Some(export), Some(path)) = (&self.pending, &self.typed) {
                    return Action::SaveTo(export.clone(), path.clone());
                }
            }
            Message::CancelTyped => self.typed = None,
            Message::SavePng | Message::SaveSvg => {}
        }
        Action::None
    }

    /// The typed-path prompt when needed, and the outcome (for screens with their own buttons).
    pub fn status(&self) -> Element<'_, Message> {
        self.tail(column![].spacing(10)).into()
    }

    fn tail<'a>(
        &'a self,
        mut col: iced::widget::Column<'a, Message>,
    ) -> iced::widget::Column<'a, Message> {
        if let Some(path) = &self.typed {
            let what = self.pending.as_ref().map_or("", |e| e.file_name.as_str());
            col = col
                .push(text(what.to_string()).size(14))
                .push(path_prompt::view(
                    path,
                    Message::TypedPath,
                    (fl!("file-save-here"), Message::SaveTyped),
                    Message::CancelTyped,
                ));
        }
        if let Some(info) = &self.info {
            col = col.push(text(info.clone()).style(theme::success));
        }
        if let Some(p) = &self.problem {
            col = col.push(text(p.clone()).style(theme::error));
        }
        col
    }

    /// The two save buttons, the typed-path prompt when needed, and the outcome.
    pub fn view(&self, enabled: bool) -> Element<'_, Message> {
        let col = column![
            row![
                button(text(fl!("sticker-save-png")))
                    .padding([10, 16])
                    .style(theme::primary)
                    .on_press_maybe(enabled.then_some(Message::SavePng)),
                button(text(fl!("sticker-save-svg")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press_maybe(enabled.then_some(Message::SaveSvg)),
            ]
            .spacing(10)
            // In a narrow side panel the second button goes below rather than its label
            // breaking in two.
            .wrap()
            .vertical_spacing(10)
        ]
        .spacing(10);
        self.tail(col).into()
    }
}
