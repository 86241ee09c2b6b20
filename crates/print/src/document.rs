//! A slip as blocks (lines of text, label-and-amount pairs, rules, a QR code), laid out for the
//! paper's width when it is encoded. The app builds it with the words in the till's language.

/// Where a line of text sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Text, wrapped at the paper's width; `big` is double width and height (a total).
    Text {
        text: String,
        align: Align,
        bold: bool,
        big: bool,
    },
    /// A label and its figure, the figure flush right (on a line of its own when both do not
    /// fit on one).
    Pair {
        label: String,
        figure: String,
        bold: bool,
    },
    /// A line across the paper.
    Rule,
    /// A QR code of `payload`, centred.
    Qr { payload: String },
    /// Empty lines.
    Feed(u8),
}

/// Receipt paper: 58 mm (32 characters in the standard font) or 80 mm (48).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    Mm58,
    #[default]
    Mm80,
}

impl Paper {
    pub fn columns(self) -> usize {
        match self {
            Paper::Mm58 => 32,
            Paper::Mm80 => 48,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn new() -> Document {
        Document::default()
    }

    pub fn text(mut self, text: impl Into<String>, align: Align) -> Document {
        self.blocks.push(Block::Text {
            text: text.into(),
            align,
            bold: false,
            big: false,
        });
        self
    }

    pub fn title(mut self, text: impl Into<String>) -> Document {
        self.blocks.push(Block::Text {
            text: text.into(),
            align: Align::Centre,
            bold: true,
            big: false,
        });
        self
    }

    pub fn big(mut self, text: impl Into<String>, align: Align) -> Document {
        self.blocks.push(Block::Text {
            text: text.into(),
            align,
            bold: true,
            big: true,
        });
        self
    }

    pub fn pair(mut self, label: impl Into<String>, figure: impl Into<String>) -> Document {
        self.blocks.push(Block::Pair {
            label: label.into(),
            figure: figure.into(),
            bold: false,
        });
        self
    }

    pub fn total(mut self, label: impl Into<String>, figure: impl Into<String>) -> Document {
        self.blocks.push(Block::Pair {
            label: label.into(),
            figure: figure.into(),
            bold: true,
        });
        self
    }

    pub fn rule(mut self) -> Document {
        self.blocks.push(Block::Rule);
        self
    }

    pub fn qr(mut self, payload: impl Into<String>) -> Document {
        self.blocks.push(Block::Qr {
            payload: payload.into(),
        });
        self
    }

    pub fn feed(mut self, lines: u8) -> Document {
        self.blocks.push(Block::Feed(lines));
        self
    }
}

/// `text` cut into lines of at most `width` characters, at spaces where it can be.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        // A word longer than a line is cut.
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A label and its figure on lines of `width`: together with the figure flush right, or the
/// label (wrapped) then the figure flush right on a line of its own.
pub fn pair_lines(label: &str, figure: &str, width: usize) -> Vec<String> {
    let (l, f) = (label.chars().count(), figure.chars().count());
    if l + 1 + f <= width {
        return vec![format!("{label}{}{figure}", " ".repeat(width - l - f))];
    }
    let mut lines = wrap(label, width);
    lines.push(format!("{}{figure}", " ".repeat(width.saturating_sub(f))));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_the_paper() {
        assert_eq!(
            wrap("Bakkerij Peeters Grote Markt", 12),
            ["Bakkerij", "Peeters", "Grote Markt"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(pair_lines("Paid", "€12.50", 16), ["Paid      €12.50"]);
        assert_eq!(
            pair_lines("Geannuleerd of teruggedraaid", "€ 19,99", 16),
            ["Geannuleerd of", "teruggedraaid", "         € 19,99"]
        );
    }
}
