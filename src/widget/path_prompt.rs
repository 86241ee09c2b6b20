//! Where no file dialog can be shown: say so, and take a typed path instead.

use crate::widget::action::button;
use iced::widget::{column, row, text, text_input};
use iced::{Element, Fill};

use crate::fl;
use crate::theme;

/// The prompt: why, the path field (pre-filled with a suggestion), and the two buttons.
pub fn view<'a, M: Clone + 'a>(
    path: &str,
    on_input: impl Fn(String) -> M + 'a,
    submit: (String, M),
    cancel: M,
) -> Element<'a, M> {
    column![
        text(fl!("file-no-dialog")).size(15).style(theme::error),
        text_input(&fl!("file-path"), path)
            .on_input(on_input)
            .on_submit(submit.1.clone())
            .padding(8)
            .width(Fill),
        row![
            button(text(submit.0))
                .padding([8, 14])
                .style(theme::primary)
                .on_press(submit.1),
            button(text(fl!("file-cancel")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(cancel),
        ]
        .spacing(8),
    ]
    .spacing(8)
    .into()
}

/// What to tell the user about a file that was not read or written.
pub fn problem(e: &crate::file_dialog::FileError) -> String {
    use crate::file_dialog::FileError;
    match e {
        FileError::NoDialog => fl!("file-no-dialog"),
        FileError::NotChosen => fl!("settings-no-file"),
        FileError::Io(detail) => fl!("file-io", detail = detail.clone()),
    }
}
