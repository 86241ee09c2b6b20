//! The shop's static QR sticker (manager): the `l/1` payload for the profile and POS id, framed
//! at XL, saved as PNG or SVG for printing.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Fill};

use crate::file_dialog::FileError;
use crate::fl;
use crate::qr::{self, QrColour, QrSize};
use crate::theme;
use crate::widget::framed_qr::FramedQr;
use crate::widget::path_prompt;

#[derive(Debug)]
pub struct Sticker {
    payload: Option<String>,
    colour: QrColour,
    preview: Option<FramedQr>,
    info: Option<String>,
    problem: Option<String>,
    /// The last export asked for: kept to save it to a typed path when no dialog can show.
    pending: Option<Export>,
    /// The typed path, while no dialog can be shown.
    typed: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    SavePng,
    SaveSvg,
    Saved(Result<String, FileError>),
    TypedPath(String),
    SaveTyped,
    CancelTyped,
    Close,
}

/// A file to write, chosen by the user in a native dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Save(Export),
    /// Save to a path the user typed (no dialog could be shown).
    SaveTo(Export, String),
    Close,
}

impl Sticker {
    /// `payload` is `None` when the profile id or POS id is missing.
    pub fn new(payload: Option<String>, colour: QrColour) -> Sticker {
        let preview = payload
            .as_deref()
            .and_then(|p| FramedQr::new(p, QrSize::XL, colour).ok());
        Sticker {
            payload,
            colour,
            preview,
            info: None,
            problem: None,
            pending: None,
            typed: None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        let Some(payload) = self.payload.clone() else {
            return if matches!(message, Message::Close) {
                Action::Close
            } else {
                Action::None
            };
        };
        let mut export = |name: &str, bytes: Result<Vec<u8>, qr::QrError>| match bytes {
            Ok(bytes) => {
                let export = Export {
                    file_name: name.into(),
                    bytes,
                };
                self.pending = Some(export.clone());
                match &self.typed {
                    // The dialog is known to be missing: the typed path is the way.
                    Some(_) => Action::None,
                    None => Action::Save(export),
                }
            }
            Err(_) => Action::None,
        };
        match message {
            Message::SavePng => export(
                "payconiq-sticker.png",
                qr::render(&payload, QrSize::XL, self.colour).and_then(|q| q.to_png()),
            ),
            Message::SaveSvg => export(
                "payconiq-sticker.svg",
                qr::to_svg(&payload, QrSize::XL, self.colour).map(String::into_bytes),
            ),
            Message::Saved(Ok(info)) => {
                self.info = Some(info);
                self.problem = None;
                self.typed = None;
                Action::None
            }
            Message::Saved(Err(FileError::NoDialog)) => {
                let name = self.pending.as_ref().map_or("", |e| e.file_name.as_str());
                self.typed = Some(crate::file_dialog::suggested(name));
                self.info = None;
                self.problem = None;
                Action::None
            }
            Message::Saved(Err(e)) => {
                self.problem = Some(path_prompt::problem(&e));
                self.info = None;
                Action::None
            }
            Message::TypedPath(p) => {
                self.typed = Some(p);
                Action::None
            }
            Message::SaveTyped => match (&self.pending, &self.typed) {
                (Some(export), Some(path)) => Action::SaveTo(export.clone(), path.clone()),
                _ => Action::None,
            },
            Message::CancelTyped => {
                self.typed = None;
                Action::None
            }
            Message::Close => Action::Close,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut side = column![text(fl!("sticker-title")).size(24).style(theme::brand)].spacing(12);
        let mut preview = None;
        match (&self.payload, &self.preview) {
            (Some(payload), Some(qr)) => {
                preview = Some(qr.view_fitted());
                side = side
                    .push(text(payload.clone()).size(14).style(theme::muted))
                    .push(
                        button(text(fl!("sticker-save-png")))
                            .padding([10, 16])
                            .style(theme::primary)
                            .on_press(Message::SavePng),
                    )
                    .push(
                        button(text(fl!("sticker-save-svg")))
                            .padding([10, 16])
                            .style(theme::secondary)
                            .on_press(Message::SaveSvg),
                    );
                if let Some(path) = &self.typed {
                    let what = self.pending.as_ref().map_or("", |e| e.file_name.as_str());
                    side = side
                        .push(text(what.to_string()).size(14))
                        .push(path_prompt::view(
                            path,
                            Message::TypedPath,
                            (fl!("file-save-here"), Message::SaveTyped),
                            Message::CancelTyped,
                        ));
                }
            }
            _ => side = side.push(text(fl!("sticker-missing-ids")).style(theme::error)),
        }
        if let Some(info) = &self.info {
            side = side.push(text(info.clone()).style(theme::success));
        }
        if let Some(p) = &self.problem {
            side = side.push(text(p.clone()).style(theme::error));
        }
        side = side.push(
            button(text(fl!("settings-close")))
                .padding([10, 16])
                .style(theme::secondary)
                .on_press(Message::Close),
        );
        // The preview takes what room is left; the buttons stay beside it, always in view.
        let body = row![]
            .push(preview)
            .push(scrollable(side.width(Fill)).width(300))
            .spacing(24);
        container(body)
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(theme::card)
            .into()
    }
}
