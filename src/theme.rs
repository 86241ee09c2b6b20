//! Kassa's palette and named style classes. Views pick a class (`theme::primary`), never a
//! colour. Magenta is the Payconiq brand colour: used for the QR frame and the primary action,
//! not sprinkled elsewhere.

use iced::widget::{button, container, text};
use iced::{Background, Border, Color, Shadow, Theme};

pub const MAGENTA: Color = Color::from_rgb8(0xFF, 0x47, 0x85);
pub const MAGENTA_DARK: Color = Color::from_rgb8(0x7B, 0x31, 0x4A);
pub const INK: Color = Color::from_rgb8(0x1F, 0x1B, 0x24);
pub const MUTED: Color = Color::from_rgb8(0x6B, 0x66, 0x72);
pub const SURFACE: Color = Color::from_rgb8(0xF6, 0xF4, 0xF7);
pub const CARD: Color = Color::WHITE;
pub const SUCCESS: Color = Color::from_rgb8(0x1E, 0x8E, 0x5A);
pub const DANGER: Color = Color::from_rgb8(0xC6, 0x28, 0x28);
pub const WARNING: Color = Color::from_rgb8(0xB2, 0x6A, 0x00);
/// The ring round the button Tab has reached: dark, so it shows on the magenta Charge too.
pub const FOCUS: Color = Color::from_rgb8(0x1F, 0x4E, 0xB4);
pub const SANDBOX: Color = Color::from_rgb8(0xFF, 0xE8, 0xA3);

/// The text face, built in (iced's `fira-sans` feature) rather than whatever sans-serif the
/// system has: text is as wide on every till as in the layout tests, which measure with it.
pub const FONT: iced::Font = iced::Font::with_name("Fira Sans");

/// The application theme: light, with the brand colour as primary.
pub fn theme() -> Theme {
    Theme::custom(
        "Kassa".to_string(),
        iced::theme::Palette {
            background: SURFACE,
            text: INK,
            primary: MAGENTA,
            success: SUCCESS,
            warning: WARNING,
            danger: DANGER,
        },
    )
}

fn filled(bg: Color, fg: Color, status: button::Status) -> button::Style {
    let bg = match status {
        button::Status::Hovered => darken(bg, 0.08),
        button::Status::Pressed => darken(bg, 0.16),
        button::Status::Disabled => Color { a: 0.4, ..bg },
        button::Status::Active => bg,
    };
    // A disabled button must look it, also on a white card: its words fade too.
    let fg = match status {
        button::Status::Disabled => Color { a: 0.4, ..fg },
        _ => fg,
    };
    button::Style {
        background: Some(Background::Color(bg)),
        text_color: fg,
        border: Border::default().rounded(10),
        shadow: Shadow::default(),
        snap: true,
    }
}

fn darken(c: Color, by: f32) -> Color {
    Color::from_rgb(c.r * (1.0 - by), c.g * (1.0 - by), c.b * (1.0 - by))
}

/// The main action of a screen (Charge, Complete sale).
pub fn primary(_: &Theme, status: button::Status) -> button::Style {
    filled(MAGENTA, Color::WHITE, status)
}

/// Actions that lose something (Cancel payment, Void).
pub fn danger(_: &Theme, status: button::Status) -> button::Style {
    filled(DANGER, Color::WHITE, status)
}

/// Everything else.
pub fn secondary(_: &Theme, status: button::Status) -> button::Style {
    let mut s = filled(CARD, INK, status);
    s.border = Border::default()
        .rounded(10)
        .width(1)
        .color(Color::from_rgb8(0xD9, 0xD4, 0xDD));
    s
}

/// The chosen option of a segmented choice: the brand colour, also while it takes no press.
pub fn chosen(theme: &Theme, _: button::Status) -> button::Style {
    primary(theme, button::Status::Active)
}

/// A clickable line of a list: flat, shaded under the pointer.
pub fn row(_: &Theme, status: button::Status) -> button::Style {
    let mut s = filled(CARD, INK, status);
    s.border = Border::default().rounded(6);
    s
}

/// Keypad keys.
pub fn key(_: &Theme, status: button::Status) -> button::Style {
    let mut s = filled(CARD, INK, status);
    s.border = Border::default()
        .rounded(12)
        .width(1)
        .color(Color::from_rgb8(0xE2, 0xDE, 0xE6));
    s
}

/// A bar of a chart.
pub fn bar(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(MAGENTA)),
        border: Border::default().rounded(2),
        ..container::Style::default()
    }
}

/// A white panel on the grey background.
pub fn card(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(CARD)),
        border: Border::default().rounded(14),
        ..container::Style::default()
    }
}

/// The "Sandbox — no real money" banner.
pub fn sandbox_banner(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(SANDBOX)),
        text_color: Some(INK),
        ..container::Style::default()
    }
}

/// The "offline — retrying" strip.
pub fn offline_banner(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(WARNING)),
        text_color: Some(Color::WHITE),
        border: Border::default().rounded(8),
        ..container::Style::default()
    }
}

/// The customer display's full-screen background.
pub fn display(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(CARD)),
        text_color: Some(INK),
        ..container::Style::default()
    }
}

pub fn muted(_: &Theme) -> text::Style {
    text::Style { color: Some(MUTED) }
}

pub fn error(_: &Theme) -> text::Style {
    text::Style {
        color: Some(DANGER),
    }
}

pub fn success(_: &Theme) -> text::Style {
    text::Style {
        color: Some(SUCCESS),
    }
}

/// Something the cashier must not overlook (an unknown outcome, a sale needing attention).
pub fn warning(_: &Theme) -> text::Style {
    text::Style {
        color: Some(WARNING),
    }
}

/// The "needs attention" panel on the till.
pub fn attention(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::from_rgb8(0xFF, 0xF4, 0xE0))),
        text_color: Some(INK),
        border: Border::default().rounded(8).color(WARNING).width(1),
        ..container::Style::default()
    }
}

pub fn brand(_: &Theme) -> text::Style {
    text::Style {
        color: Some(MAGENTA_DARK),
    }
}
