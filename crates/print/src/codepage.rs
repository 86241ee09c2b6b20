//! Code page PC858 (PC850 with the euro sign at 0xD5), the one Epson, Star and Bixolon
//! receipt printers share that has every letter of Dutch, French and German and €. Text is
//! checked against it before it is sent: a character it lacks prints as `?` (said, not turned
//! into bytes of another encoding that would print as garbage).

/// The upper half, 0x80 to 0xFF, as the printer draws it.
const UPPER: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', 'É', 'æ', 'Æ',
    'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', 'ø', '£', 'Ø', '×', 'ƒ', 'á', 'í', 'ó', 'ú', 'ñ', 'Ñ',
    'ª', 'º', '¿', '®', '¬', '½', '¼', '¡', '«', '»', '░', '▒', '▓', '│', '┤', 'Á', 'Â', 'À', '©',
    '╣', '║', '╗', '╝', '¢', '¥', '┐', '└', '┴', '┬', '├', '─', '┼', 'ã', 'Ã', '╚', '╔', '╩', '╦',
    '╠', '═', '╬', '¤', 'ð', 'Ð', 'Ê', 'Ë', 'È', '€', 'Í', 'Î', 'Ï', '┘', '┌', '█', '▄', '¦', 'Ì',
    '▀', 'Ó', 'ß', 'Ô', 'Ò', 'õ', 'Õ', 'µ', 'þ', 'Þ', 'Ú', 'Û', 'Ù', 'ý', 'Ý', '¯', '´', '\u{ad}',
    '±', '‗', '¾', '¶', '§', '÷', '¸', '°', '¨', '·', '¹', '³', '²', '■', '\u{a0}',
];

/// The character byte `b` prints as.
pub fn char_of(b: u8) -> char {
    if b < 0x80 {
        b as char
    } else {
        UPPER[usize::from(b - 0x80)]
    }
}

/// `s` (already [`fit`]) as the page's bytes: ASCII as itself, the rest by the table. Kassa
/// encodes text itself: the `escpos` crate's PC858 table has the plain hyphen where the soft
/// hyphen (0xF0) is, and sent every `-` of a date or a rule as 0xF0.
pub fn encode(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            c if c.is_ascii() && !c.is_ascii_control() => c as u8,
            c => UPPER
                .iter()
                .position(|&u| u == c)
                .map_or(b'?', |i| 0x80 + i as u8),
        })
        .collect()
}

/// Whether the printer can print `c`.
pub fn printable(c: char) -> bool {
    (' '..='~').contains(&c) || UPPER.contains(&c)
}

/// `s` with what the page lacks made plain: typographic quotes and dashes as their plain
/// forms, the narrow no-break space as a space, anything else missing as `?`.
pub fn fit(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            c if printable(c) => c,
            '\u{202f}' | '\u{2009}' => ' ',
            '‘' | '’' | '‚' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' | '−' => '-',
            '…' => '.',
            _ => '?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_belgian_letters_and_the_euro_are_on_the_page() {
        for c in ['é', 'ë', 'ç', 'è', 'à', 'ô', 'ü', 'ß', 'É', '€'] {
            assert!(printable(c), "{c}");
        }
        assert_eq!(char_of(0xD5), '€');
        assert_eq!(char_of(0x82), 'é');
        assert_eq!(
            fit("Café “Zoë” – 1\u{202f}234,50\u{a0}€ ő"),
            "Café \"Zoë\" - 1 234,50\u{a0}€ ?"
        );
        // A plain hyphen is a plain hyphen (not the soft one at 0xF0).
        assert_eq!(encode("2026-12-05 €"), b"2026-12-05 \xD5");
        assert_eq!(char_of(0xF0), '\u{ad}');
        assert_eq!(encode("é\u{ad}"), [0x82, 0xF0]);
    }
}
