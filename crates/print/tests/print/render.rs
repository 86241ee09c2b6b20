//! Draws decoded paper ([`super::decode::Piece`]s) as a thermal printer puts it on the roll:
//! 203 dpi, Font A's 12 × 24 dot cells (48 columns on 80 mm, 32 on 58 mm), double size for
//! totals, the QR codes dot for dot, on slightly warm paper. For the README's pictures of a
//! receipt; the glyphs are DejaVu Sans Mono's (`fonts-dejavu-core`), not the printer's ROM font.

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};
use image::{Rgb, RgbImage};

use super::decode::{Justify, Piece};

const CELL_W: u32 = 12;
const CELL_H: u32 = 24;
const MARGIN: u32 = 24;
const PAPER: Rgb<u8> = Rgb([250, 248, 242]);
const INK: [f32; 3] = [28.0, 28.0, 34.0];

fn font(bold: bool) -> FontVec {
    let path = if bold {
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
    } else {
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
    };
    let bytes = std::fs::read(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (packaging/linux/install-deps.sh installs it)"));
    FontVec::try_from_vec(bytes).expect("a font")
}

/// The paper of `columns` characters' width.
pub fn paper(pieces: &[Piece], columns: u32) -> RgbImage {
    let (regular, bold) = (font(false), font(true));
    let width = columns * CELL_W + 2 * MARGIN;
    let height = MARGIN
        + pieces
            .iter()
            .map(|p| match p {
                Piece::Line { big: true, .. } => 2 * CELL_H,
                Piece::Line { .. } => CELL_H,
                Piece::Qr(img) => img.height(),
                Piece::Cut => CELL_H,
            })
            .sum::<u32>()
        + MARGIN;
    let mut img = RgbImage::from_pixel(width, height, PAPER);
    let mut y = MARGIN;
    for piece in pieces {
        match piece {
            Piece::Line {
                text,
                bold: b,
                big,
                justify,
            } => {
                let scale = if *big { 2 } else { 1 };
                let used = text.chars().count() as u32 * CELL_W * scale;
                let free = (columns * CELL_W).saturating_sub(used);
                let x = MARGIN
                    + match justify {
                        Justify::Left => 0,
                        Justify::Centre => free / 2,
                        Justify::Right => free,
                    };
                let f = if *b { &bold } else { &regular };
                draw_text(&mut img, f, text, x, y, scale);
                y += CELL_H * scale;
            }
            Piece::Qr(code) => {
                let x = (width - code.width()) / 2;
                for (cx, cy, p) in code.enumerate_pixels() {
                    if p.0[0] < 128 {
                        img.put_pixel(x + cx, y + cy, Rgb(INK.map(|c| c as u8)));
                    }
                }
                y += code.height();
            }
            Piece::Cut => {
                // The cutter's line, dashed.
                let mid = y + CELL_H / 2;
                for x in (0..width).filter(|x| x % 8 < 4) {
                    img.put_pixel(x, mid, Rgb([170, 170, 170]));
                }
                y += CELL_H;
            }
        }
    }
    img
}

/// `text` in cells of `scale` × 12 × 24 dots from (x, y), anti-aliased into the paper.
fn draw_text(img: &mut RgbImage, font: &FontVec, text: &str, x: u32, y: u32, scale: u32) {
    let px = PxScale::from(22.0 * scale as f32);
    let scaled = font.as_scaled(px);
    let baseline = y as f32 + scaled.ascent() + (CELL_H * scale) as f32 * 0.05;
    for (n, ch) in text.chars().enumerate() {
        if ch == ' ' {
            continue;
        }
        let left = x as f32 + (n as u32 * CELL_W * scale) as f32;
        // Each glyph centred in its cell, as the printer's fixed-width font sits.
        let advance = scaled.h_advance(font.glyph_id(ch));
        let glyph = font.glyph_id(ch).with_scale_and_position(
            px,
            ab_glyph::point(left + ((CELL_W * scale) as f32 - advance) / 2.0, baseline),
        );
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, cover| {
                let (px, py) = (
                    bounds.min.x as i64 + gx as i64,
                    bounds.min.y as i64 + gy as i64,
                );
                if px < 0 || py < 0 || px >= img.width() as i64 || py >= img.height() as i64 {
                    return;
                }
                let p = img.get_pixel_mut(px as u32, py as u32);
                for (c, ink) in p.0.iter_mut().zip(INK) {
                    *c = (*c as f32 * (1.0 - cover) + ink * cover) as u8;
                }
            });
        }
    }
}
