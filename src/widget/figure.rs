//! A figure in a column of a list or report: flush right in the column's width, so the
//! decimals line up down it. The text keeps its own width inside (what the layout tests
//! measure to check the column lines up).

use iced::widget::{Text, container};
use iced::{Element, Length, Right};

pub fn figure<'a, M: 'a>(value: Text<'a>, width: f32) -> Element<'a, M> {
    container(value)
        .width(Length::Fixed(width))
        .align_x(Right)
        .into()
}
