//! The buttons of every screen: iced's button, made reachable by Tab (see [`super::focus`])
//! and never lower than a finger needs ([`MIN_HEIGHT`], reached through the vertical padding,
//! which is at least [`MIN_PAD`] around a label of 16 px or more).

use iced::widget::{self, row, text};
use iced::{Center, Element, Length, Padding, Theme};

/// The smallest height of anything a finger must hit, in logical pixels (Apple's and
/// Microsoft's touch guidelines).
pub const MIN_HEIGHT: f32 = 44.0;
/// The least padding above and below a label: 12 + 16 × 1.3 + 12 = 44.8 pixels.
pub const MIN_PAD: f32 = 12.0;

/// A button, as iced's, that Tab reaches and Enter presses.
pub struct Button<'a, M> {
    inner: widget::Button<'a, M>,
    on_press: Option<M>,
}

pub fn button<'a, M: Clone + 'a>(content: impl Into<Element<'a, M>>) -> Button<'a, M> {
    Button {
        inner: widget::button(content).padding([MIN_PAD, 16.0]),
        on_press: None,
    }
}

/// A button whose label carries its keyboard shortcut (`hint`, e.g. "F2") in small print.
pub fn with_hint<'a, M: Clone + 'a>(label: String, hint: &'static str) -> Button<'a, M> {
    button(
        row![
            text(label).size(16),
            text(hint).size(12).style(crate::theme::muted)
        ]
        .spacing(8)
        .align_y(Center),
    )
}

impl<'a, M: Clone + 'a> Button<'a, M> {
    pub fn on_press(self, message: M) -> Self {
        self.on_press_maybe(Some(message))
    }

    pub fn on_press_maybe(mut self, message: Option<M>) -> Self {
        self.inner = self.inner.on_press_maybe(message.clone());
        self.on_press = message;
        self
    }

    /// Padding as asked, but never less than [`MIN_PAD`] above and below.
    pub fn padding(mut self, padding: impl Into<Padding>) -> Self {
        let p = padding.into();
        self.inner = self.inner.padding(Padding {
            top: p.top.max(MIN_PAD),
            bottom: p.bottom.max(MIN_PAD),
            ..p
        });
        self
    }

    /// Padding as asked, for a button whose height is set, at least [`MIN_HEIGHT`] (a list's
    /// line of two text lines, which the least padding would squeeze).
    pub fn padding_within(mut self, padding: impl Into<Padding>, height: f32) -> Self {
        self.inner = self
            .inner
            .padding(padding)
            .height(Length::Fixed(height.max(MIN_HEIGHT)));
        self
    }

    pub fn width(mut self, width: impl Into<Length>) -> Self {
        self.inner = self.inner.width(width);
        self
    }

    pub fn height(mut self, height: impl Into<Length>) -> Self {
        self.inner = self.inner.height(height);
        self
    }

    pub fn style(
        mut self,
        style: impl Fn(&Theme, widget::button::Status) -> widget::button::Style + 'a,
    ) -> Self {
        self.inner = self.inner.style(style);
        self
    }
}

impl<'a, M: Clone + 'a> From<Button<'a, M>> for Element<'a, M> {
    fn from(b: Button<'a, M>) -> Element<'a, M> {
        super::focus::focusable(b.inner, b.on_press)
    }
}
