//! A shift report as a receipt-style PDF: an 80 mm wide page in Courier (one of the PDF base
//! fonts, so nothing is embedded and every reader and printer has it), a line per figure.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
use time::OffsetDateTime;

use super::{Kind, ShiftReport, Shop};
use crate::fl;
use crate::i18n::Lang;

/// 80 mm, the width of till receipt paper, in points.
const WIDTH: f32 = 226.8;
const MARGIN: f32 = 14.0;
const SIZE: f32 = 8.5;
const LEADING: f32 = 11.0;
/// Characters per line at that size (Courier is 0.6 em wide).
const COLUMNS: usize = ((WIDTH - 2.0 * MARGIN) / (SIZE * 0.6)) as usize;

/// Text in the PDF's WinAnsi encoding (Latin-1 plus €); anything else becomes `?`.
fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '€' => 0x80,
            '\u{202F}' | '\u{2009}' => b' ',
            '−' | '–' | '—' => b'-',
            '·' => 0xB7,
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

/// `left` and `right` on one line of `cols` characters, the right part flush with the margin.
fn spread(left: &str, right: &str, cols: usize) -> String {
    let used = left.chars().count() + right.chars().count();
    if used >= cols {
        return format!("{left} {right}");
    }
    format!("{left}{}{right}", " ".repeat(cols - used))
}

/// A label and its figure: on one line with the figure flush right, or, when both do not fit
/// with a space between, the label (wrapped) and then the figure flush right on a line of its
/// own, so the amount column stays straight.
fn figure_line(label: &str, figure: &str, cols: usize) -> Vec<String> {
    if label.chars().count() + 1 + figure.chars().count() <= cols {
        return vec![spread(label, figure, cols)];
    }
    let mut out = wrap(label, cols);
    out.push(spread("", figure, cols));
    out
}

/// A long line cut into lines of the paper's width, at spaces where it can be.
fn wrap(s: &str, cols: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in s.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > cols {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

fn centred(s: &str, cols: usize) -> String {
    let pad = cols.saturating_sub(s.chars().count()) / 2;
    format!("{}{s}", " ".repeat(pad))
}

/// The report's lines, as on its PDF.
pub fn lines(r: &ShiftReport, lang: Lang, shop: &Shop, printed: OffsetDateTime) -> Vec<String> {
    lines_at(r, lang, shop, printed, COLUMNS)
}

/// The report's lines, `cols` characters wide (the receipt paper's width, or an A4 page's
/// column).
pub fn lines_at(
    r: &ShiftReport,
    lang: Lang,
    shop: &Shop,
    printed: OffsetDateTime,
    cols: usize,
) -> Vec<String> {
    let rule = "-".repeat(cols);
    let centred = |s: &str| centred(s, cols);
    let wrap = |s: &str| wrap(s, cols);
    let spread = |l: &str, r: &str| spread(l, r, cols);
    let figure_line = |l: &str, f: &str| figure_line(l, f, cols);
    let title = match r.kind {
        Kind::X => fl!("shift-x"),
        Kind::Z(n) => format!("{} {n}", fl!("shift-z-short")),
    };
    // Headed with who the shop is: name, address, VAT number (each when set).
    let mut out = vec![centred(if shop.name.is_empty() {
        "Kassa"
    } else {
        &shop.name
    })];
    out.extend(wrap(&shop.address).iter().map(|l| centred(l)));
    if !shop.vat.is_empty() {
        out.push(centred(&fl!("shift-vat", vat = shop.vat.clone())));
    }
    out.push(centred(&title));
    if r.reprint {
        out.push(centred(&fl!("shift-reprint")));
    }
    out.push(String::new());
    out.extend(wrap(&format!(
        "{}: {}",
        fl!("shift-account-label"),
        super::words::account_name(&r.account)
    )));
    out.push(spread(&fl!("shift-session"), &r.number.to_string()));
    out.push(spread(
        &fl!("shift-from"),
        &crate::clock::date_time(r.opened_at),
    ));
    out.push(spread(
        &fl!("shift-until"),
        &crate::clock::date_time(r.until),
    ));
    out.push(rule.clone());
    for (key, count, amount) in r.rows() {
        if key == "net" {
            out.push(rule.clone());
        }
        let label = super::words::label(key);
        let left = match count {
            Some(c) => format!("{label} ({c})"),
            None => label,
        };
        out.extend(figure_line(&left, &amount.format(lang)));
    }
    out.push(rule.clone());
    let notes = super::words::notes(r, lang);
    if !notes.is_empty() {
        for note in notes {
            out.extend(wrap(&note));
        }
        out.push(rule);
    }
    if let Some(hash) = &r.chain_hash {
        out.push(spread(&fl!("shift-chain"), &hash[..hash.len().min(16)]));
    }
    out.push(spread(
        &fl!("shift-printed"),
        &crate::clock::date_time(printed),
    ));
    out
}

/// The report as a one-page PDF, as long as its lines need.
pub fn pdf(r: &ShiftReport, lang: Lang, shop: &Shop, printed: OffsetDateTime) -> Vec<u8> {
    let lines = lines(r, lang, shop, printed);
    let height = 2.0 * MARGIN + LEADING * lines.len() as f32;
    document(&[lines.as_slice()], WIDTH, height, MARGIN, SIZE, LEADING)
}

/// Characters a line on an A4 page: the report's column, wide enough that no label wraps.
pub const A4_COLUMNS: usize = 60;

/// A4 in points, for the system's printers.
const A4: (f32, f32) = (595.3, 841.9);
const A4_MARGIN: f32 = 56.7;
const A4_SIZE: f32 = 10.0;
const A4_LEADING: f32 = 13.0;

/// `lines` (a report's, or any page of the receipt's width) on A4 pages for an office printer:
/// the same column a little larger, top left, on as many pages as it takes.
pub fn a4(lines: &[String]) -> Vec<u8> {
    let per_page = ((A4.1 - 2.0 * A4_MARGIN) / A4_LEADING) as usize;
    let pages: Vec<&[String]> = lines.chunks(per_page.max(1)).collect();
    document(&pages, A4.0, A4.1, A4_MARGIN, A4_SIZE, A4_LEADING)
}

/// A PDF of `pages` of lines in Courier, each page `width` × `height` points.
fn document(
    pages: &[&[String]],
    width: f32,
    height: f32,
    margin: f32,
    size: f32,
    leading: f32,
) -> Vec<u8> {
    let (catalog, tree, font) = (Ref::new(1), Ref::new(2), Ref::new(3));
    let font_name = Name(b"F1");
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    let ids: Vec<(Ref, Ref)> = (0..pages.len().max(1) as i32)
        .map(|i| (Ref::new(4 + 2 * i), Ref::new(5 + 2 * i)))
        .collect();
    pdf.pages(tree)
        .kids(ids.iter().map(|(page, _)| *page))
        .count(ids.len() as i32);
    pdf.type1_font(font)
        .base_font(Name(b"Courier"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    for (n, (page, content_id)) in ids.iter().enumerate() {
        let mut p = pdf.page(*page);
        p.media_box(Rect::new(0.0, 0.0, width, height));
        p.parent(tree);
        p.contents(*content_id);
        p.resources().fonts().pair(font_name, font);
        p.finish();
        let mut content = Content::new();
        content.begin_text();
        content.set_font(font_name, size);
        content.next_line(margin, height - margin - size);
        content.set_leading(leading);
        for line in pages.get(n).copied().unwrap_or_default() {
            content.show(Str(&win_ansi(line)));
            content.next_line_using_leading();
        }
        content.end_text();
        pdf.stream(*content_id, &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_accents_survive_the_encoding() {
        assert_eq!(
            win_ansi("€ 1,50 é"),
            [0x80, b' ', b'1', b',', b'5', b'0', b' ', 0xE9]
        );
        assert_eq!(win_ansi("ж"), b"?");
        let line = spread("Paid (2)", "€16.50", COLUMNS);
        assert_eq!(line.chars().count(), COLUMNS);
        assert!(line.ends_with("€16.50"));
        // A label too long for the line: the figure stays in its column, on the next line.
        let long = figure_line("Geannuleerd of teruggedraaid (3)", "€ 19,99", COLUMNS);
        assert_eq!(long.last().unwrap().chars().count(), COLUMNS);
        assert!(long.last().unwrap().ends_with("€ 19,99"));
        assert!(long.iter().all(|l| l.chars().count() <= COLUMNS));
    }

    #[test]
    fn a_report_is_headed_with_the_shops_name_address_and_vat_number() {
        crate::i18n::set_language(Lang::En);
        let none = super::super::Tally::default();
        let epoch = OffsetDateTime::UNIX_EPOCH;
        let report = ShiftReport {
            kind: Kind::Z(4),
            session: 4,
            number: 4,
            account: "sandbox".into(),
            opened_at: epoch,
            until: epoch,
            paid: none,
            tips: Default::default(),
            cancelled: none,
            expired: none,
            failed: none,
            open: none,
            refunded: none,
            refunds_undone: none,
            carried: Vec::new(),
            d24: Vec::new(),
            reprint: false,
            chain_hash: None,
        };
        let shop = Shop {
            name: "Bakkerij Peeters".into(),
            address: "Grote Markt 1, 2000 Antwerpen".into(),
            vat: "BE0123456789".into(),
        };
        let printed = lines(&report, Lang::En, &shop, epoch);
        let head: Vec<&str> = printed.iter().take(4).map(|l| l.trim()).collect();
        assert_eq!(
            head,
            [
                "Bakkerij Peeters",
                "Grote Markt 1, 2000 Antwerpen",
                "VAT BE0123456789",
                "Z report no. 4"
            ]
        );
        let bare = lines(&report, Lang::En, &Shop::default(), epoch);
        assert_eq!(
            bare[0].trim(),
            "Kassa",
            "no shop set: the app's name, nothing blank"
        );
    }
}
