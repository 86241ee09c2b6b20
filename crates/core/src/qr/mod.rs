//! The framed Payconiq QR code, drawn locally: a magenta (#FF4785) frame with a band on top
//! for the brand, a white panel with the full quiet zone, and modules in dark magenta
//! (#7B314A) or black. Modules are whole pixels (nearest neighbour), so the code stays crisp.
//!
//! The frame is our own drawing, not the provider's artwork; its lettering is set in Inter Bold
//! (OFL), anti-aliased at the size drawn, and as outlines in SVG.

use std::fmt::Write as _;
use std::str::FromStr;

use qrcode::{Color, EcLevel, QrCode};

mod plain;
pub use plain::{plain_png, plain_svg};

pub const FRAME: [u8; 3] = [0xFF, 0x47, 0x85];
pub const DARK_MAGENTA: [u8; 3] = [0x7B, 0x31, 0x4A];
pub const BLACK: [u8; 3] = [0, 0, 0];
const WHITE: [u8; 3] = [0xFF, 0xFF, 0xFF];
/// Modules of white around the code, as the QR standard requires.
pub const QUIET_ZONE: usize = 4;

/// The recommended sizes: width in pixels and scanning distance.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum QrSize {
    /// 180 px, 15 cm.
    S,
    /// 250 px, 20 cm.
    #[default]
    M,
    /// 400 px, 30 cm.
    L,
    /// 800 px, 40 cm.
    XL,
}

impl QrSize {
    pub const ALL: [QrSize; 4] = [QrSize::S, QrSize::M, QrSize::L, QrSize::XL];

    pub fn pixels(self) -> u32 {
        match self {
            QrSize::S => 180,
            QrSize::M => 250,
            QrSize::L => 400,
            QrSize::XL => 800,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            QrSize::S => "S",
            QrSize::M => "M",
            QrSize::L => "L",
            QrSize::XL => "XL",
        }
    }
}

/// As a size picker shows it: "M (400 px)".
impl std::fmt::Display for QrSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({} px)", self.label(), self.pixels())
    }
}

impl FromStr for QrSize {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        QrSize::ALL
            .into_iter()
            .find(|q| q.label().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("size must be S, M, L or XL, not '{s}'"))
    }
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum QrColour {
    #[default]
    Magenta,
    Black,
}

impl QrColour {
    pub fn modules(self) -> [u8; 3] {
        match self {
            QrColour::Magenta => DARK_MAGENTA,
            QrColour::Black => BLACK,
        }
    }
}

impl FromStr for QrColour {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "magenta" => Ok(QrColour::Magenta),
            "black" => Ok(QrColour::Black),
            _ => Err(format!("colour must be magenta or black, not '{s}'")),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    #[error("the payload is empty")]
    Empty,
    #[error("the payload does not fit in a QR code: {0}")]
    TooLong(String),
    #[error(
        "{width} px is too small for this payload ({modules} modules need at least {needed} px)"
    )]
    TooSmall {
        width: u32,
        modules: usize,
        needed: u32,
    },
    #[error("could not encode the image: {0}")]
    Encode(String),
}

/// The frame's height over its width: band (2 borders), panel, bottom border (1), a border a
/// tenth of the width.
pub const HEIGHT_PER_WIDTH: f32 = 1.1;

/// Where everything goes, in pixels, for one payload at one width.
#[derive(Clone, Copy, Debug)]
struct Layout {
    width: usize,
    height: usize,
    /// Frame thickness at the sides and bottom (10% of the width).
    border: usize,
    /// Height of the brand band above the panel.
    band: usize,
    /// Side of the white panel.
    panel: usize,
    module: usize,
    /// Where the first module (after the quiet zone) starts.
    origin_x: usize,
    origin_y: usize,
}

fn layout(modules: usize, width: u32) -> Result<Layout, QrError> {
    let w = width as usize;
    let border = w / 10;
    let band = border * 2;
    let panel = w.saturating_sub(2 * border);
    let module = panel / (modules + 2 * QUIET_ZONE);
    if module == 0 {
        let needed = ((modules + 2 * QUIET_ZONE) as f64 / 0.8).ceil() as u32;
        return Err(QrError::TooSmall {
            width,
            modules,
            needed,
        });
    }
    // Leftover pixels widen the quiet zone evenly instead of stretching modules.
    let slack = panel - module * modules;
    Ok(Layout {
        width: w,
        height: band + panel + border,
        border,
        band,
        panel,
        module,
        origin_x: border + slack / 2,
        origin_y: band + slack / 2,
    })
}

fn encode(payload: &str) -> Result<QrCode, QrError> {
    if payload.is_empty() {
        return Err(QrError::Empty);
    }
    QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|e| QrError::TooLong(e.to_string()))
}

/// An RGBA image of a framed code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FramedQr {
    pub width: u32,
    pub height: u32,
    /// The side of one module, in pixels (a screen may shrink the image by whole pixels of it).
    pub module: u32,
    pub rgba: Vec<u8>,
}

impl FramedQr {
    pub fn to_png(&self) -> Result<Vec<u8>, QrError> {
        png(&self.rgba, self.width, self.height)
    }
}

fn png(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, QrError> {
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    image::ImageEncoder::write_image(
        encoder,
        rgba,
        width,
        height,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| QrError::Encode(e.to_string()))?;
    Ok(out)
}

/// Renders at one of the recommended sizes.
pub fn render(payload: &str, size: QrSize, colour: QrColour) -> Result<FramedQr, QrError> {
    render_width(payload, size.pixels(), colour)
}

/// Renders `width` pixels wide (the height follows from the frame).
pub fn render_width(payload: &str, width: u32, colour: QrColour) -> Result<FramedQr, QrError> {
    let code = encode(payload)?;
    let modules = code.width();
    let l = layout(modules, width)?;
    let mut img = Canvas::new(l.width, l.height);
    let radius = l.border / 2;
    img.rounded_rect(0, 0, l.width, l.height, radius, FRAME);
    img.rect(l.border, l.band, l.panel, l.panel, WHITE);
    draw_wordmark(&mut img, &l);
    let dark = colour.modules();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c == Color::Dark {
            let (x, y) = (i % modules, i / modules);
            img.rect(
                l.origin_x + x * l.module,
                l.origin_y + y * l.module,
                l.module,
                l.module,
                dark,
            );
        }
    }
    Ok(FramedQr {
        width: l.width as u32,
        height: l.height as u32,
        module: l.module as u32,
        rgba: img.pixels,
    })
}

/// The same drawing as SVG, sharp at any print size.
pub fn to_svg(payload: &str, size: QrSize, colour: QrColour) -> Result<String, QrError> {
    let code = encode(payload)?;
    let modules = code.width();
    let l = layout(modules, size.pixels())?;
    let hex = |c: [u8; 3]| format!("#{:02X}{:02X}{:02X}", c[0], c[1], c[2]);
    let mut path = String::new();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c == Color::Dark {
            let (x, y) = (
                l.origin_x + (i % modules) * l.module,
                l.origin_y + (i / modules) * l.module,
            );
            let _ = write!(path, "M{x} {y}h{m}v{m}h-{m}z", m = l.module);
        }
    }
    Ok(format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" shape-rendering="crispEdges">
<rect width="{w}" height="{h}" rx="{r}" fill="{frame}"/>
<path fill="#FFFFFF" d="{wordmark}" shape-rendering="geometricPrecision"/>
<rect x="{b}" y="{band}" width="{p}" height="{p}" fill="#FFFFFF"/>
<path fill="{dark}" d="{path}"/>
</svg>
"##,
        w = l.width,
        h = l.height,
        r = l.border / 2,
        frame = hex(FRAME),
        wordmark = wordmark_path(&l),
        b = l.border,
        band = l.band,
        p = l.panel,
        dark = hex(colour.modules()),
    ))
}

/// A plain RGBA canvas with the two shapes the frame needs.
struct Canvas {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(width: usize, height: usize) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![0; width * height * 4],
        }
    }

    fn put(&mut self, x: usize, y: usize, c: [u8; 3]) {
        if x < self.width && y < self.height {
            let at = (y * self.width + x) * 4;
            self.pixels[at..at + 4].copy_from_slice(&[c[0], c[1], c[2], 0xFF]);
        }
    }

    /// Lays `c` over what is there with `coverage` (0 to 1), for anti-aliased edges.
    fn blend(&mut self, x: usize, y: usize, c: [u8; 3], coverage: f32) {
        if x < self.width && y < self.height {
            let at = (y * self.width + x) * 4;
            let a = coverage.clamp(0.0, 1.0);
            for (i, channel) in c.iter().enumerate() {
                let under = f32::from(self.pixels[at + i]);
                self.pixels[at + i] = (under + (f32::from(*channel) - under) * a).round() as u8;
            }
        }
    }

    fn rect(&mut self, x0: usize, y0: usize, w: usize, h: usize, c: [u8; 3]) {
        for y in y0..(y0 + h).min(self.height) {
            for x in x0..(x0 + w).min(self.width) {
                self.put(x, y, c);
            }
        }
    }

    fn rounded_rect(&mut self, x0: usize, y0: usize, w: usize, h: usize, r: usize, c: [u8; 3]) {
        let inside = |x: usize, y: usize| {
            let cx = x.clamp(r, w.saturating_sub(r + 1).max(r));
            let cy = y.clamp(r, h.saturating_sub(r + 1).max(r));
            let (dx, dy) = (x.abs_diff(cx), y.abs_diff(cy));
            dx * dx + dy * dy <= r * r
        };
        for y in 0..h {
            for x in 0..w {
                if inside(x, y) {
                    self.put(x0 + x, y0 + y, c);
                }
            }
        }
    }
}

/// The brand's lettering in a real typeface: Inter Bold (SIL Open Font Licence, see
/// `assets/fonts/`), cut down to the eight letters it needs.
const WORDMARK_FONT: &[u8] = include_bytes!("../../../../assets/fonts/Inter-Bold-PAYCONIQ.ttf");
const WORD: &str = "PAYCONIQ";

/// The lettering laid out in the band: each letter's glyph at its place, in pixels.
struct Wordmark {
    font: ab_glyph::FontRef<'static>,
    scale: ab_glyph::PxScale,
    /// (glyph, x of its origin) along the baseline.
    glyphs: Vec<(ab_glyph::GlyphId, f32)>,
    baseline: f32,
}

impl Wordmark {
    /// Capitals 42 % of the band high (narrower when the word would not fit the panel),
    /// centred, sitting a little low as the band includes the frame's top edge.
    fn new(l: &Layout) -> Option<Wordmark> {
        use ab_glyph::{Font, ScaleFont};
        let font = ab_glyph::FontRef::try_from_slice(WORDMARK_FONT).ok()?;
        let cap_units = font
            .outline(font.glyph_id('I'))
            .map(|o| (o.bounds.max.y - o.bounds.min.y).abs())?;
        let units_per_em = font.units_per_em()?;
        // Em size in pixels for capitals of the wanted height.
        let wanted_cap = l.band as f32 * 0.42;
        let mut em = wanted_cap * units_per_em / cap_units;
        let advance = |em: f32| -> f32 {
            let f = font.as_scaled(ab_glyph::PxScale::from(
                em * font.height_unscaled() / units_per_em,
            ));
            let ids: Vec<_> = WORD.chars().map(|c| font.glyph_id(c)).collect();
            ids.iter().map(|id| f.h_advance(*id)).sum::<f32>()
                + ids.windows(2).map(|w| f.kern(w[0], w[1])).sum::<f32>()
        };
        let room = l.panel as f32 * 0.92;
        let wide = advance(em);
        if wide > room {
            em *= room / wide;
        }
        let scale = ab_glyph::PxScale::from(em * font.height_unscaled() / units_per_em);
        let scaled = font.as_scaled(scale);
        let cap = cap_units * em / units_per_em;
        let mut x = (l.width as f32 - advance(em)) / 2.0;
        let mut glyphs = Vec::new();
        let mut last = None;
        for c in WORD.chars() {
            let id = font.glyph_id(c);
            if let Some(prev) = last {
                x += scaled.kern(prev, id);
            }
            glyphs.push((id, x));
            x += scaled.h_advance(id);
            last = Some(id);
        }
        let baseline = (l.band as f32 - cap) / 2.0 + l.border as f32 / 4.0 + cap;
        Some(Wordmark {
            font,
            scale,
            glyphs,
            baseline,
        })
    }
}

/// Draws the lettering anti-aliased, white over the frame.
fn draw_wordmark(img: &mut Canvas, l: &Layout) {
    use ab_glyph::Font;
    let Some(w) = Wordmark::new(l) else {
        return;
    };
    for (id, x) in &w.glyphs {
        let glyph = id.with_scale_and_position(w.scale, ab_glyph::point(*x, w.baseline));
        if let Some(outlined) = w.font.outline_glyph(glyph) {
            let b = outlined.px_bounds();
            outlined.draw(|gx, gy, coverage| {
                let (px, py) = (b.min.x as i64 + gx as i64, b.min.y as i64 + gy as i64);
                if px >= 0 && py >= 0 {
                    img.blend(px as usize, py as usize, WHITE, coverage);
                }
            });
        }
    }
}

/// The lettering as SVG path data: the same outlines, so the file needs no font.
fn wordmark_path(l: &Layout) -> String {
    use ab_glyph::Font;
    let Some(w) = Wordmark::new(l) else {
        return String::new();
    };
    // Font units to pixels (the scale is the pixel height of ascent to descent).
    let px_per_unit = w.scale.y / w.font.height_unscaled();
    let mut d = String::new();
    for (id, x0) in &w.glyphs {
        let Some(outline) = w.font.outline(*id) else {
            continue;
        };
        let at = |p: ab_glyph::Point| (x0 + p.x * px_per_unit, w.baseline - p.y * px_per_unit);
        let mut pen: Option<ab_glyph::Point> = None;
        for curve in &outline.curves {
            use ab_glyph::OutlineCurve::*;
            let (start, end) = match curve {
                Line(a, b) => (*a, *b),
                Quad(a, _, c) => (*a, *c),
                Cubic(a, _, _, d) => (*a, *d),
            };
            if pen != Some(start) {
                let (x, y) = at(start);
                let _ = write!(d, "M{x:.2} {y:.2}");
            }
            let _ = match curve {
                Line(_, b) => {
                    let (x, y) = at(*b);
                    write!(d, "L{x:.2} {y:.2}")
                }
                Quad(_, c1, e) => {
                    let ((x1, y1), (x, y)) = (at(*c1), at(*e));
                    write!(d, "Q{x1:.2} {y1:.2} {x:.2} {y:.2}")
                }
                Cubic(_, c1, c2, e) => {
                    let ((x1, y1), (x2, y2), (x, y)) = (at(*c1), at(*c2), at(*e));
                    write!(d, "C{x1:.2} {y1:.2} {x2:.2} {y2:.2} {x:.2} {y:.2}")
                }
            };
            pen = Some(end);
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes a rendered frame the way a phone camera would see it (grayscale).
    pub(crate) fn decode(qr: &FramedQr) -> String {
        let gray = image::GrayImage::from_fn(qr.width, qr.height, |x, y| {
            let at = ((y * qr.width + x) * 4) as usize;
            let [r, g, b, a] = [
                qr.rgba[at],
                qr.rgba[at + 1],
                qr.rgba[at + 2],
                qr.rgba[at + 3],
            ];
            let lum = if a == 0 {
                255
            } else {
                (r as u32 * 299 + g as u32 * 587 + b as u32 * 114) / 1000
            };
            image::Luma([lum as u8])
        });
        let mut prepared = rqrr::PreparedImage::prepare(gray);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "exactly one code in the frame");
        grids[0].decode().expect("the code decodes").1
    }

    #[test]
    fn every_size_and_colour_scans_back_to_the_payload() {
        let payload = "https://pay.bancontact.net/pay/2/5bdb1685b93d1c000bde96f2";
        for size in QrSize::ALL {
            for colour in [QrColour::Magenta, QrColour::Black] {
                let qr = render(payload, size, colour).unwrap();
                assert_eq!(qr.width, size.pixels());
                assert_eq!(decode(&qr), payload, "{size:?} {colour:?}");
            }
        }
    }

    #[test]
    fn frame_is_magenta_and_modules_are_dark_magenta() {
        let qr = render(
            "https://payconiq.com/l/1/abc/POS1",
            QrSize::L,
            QrColour::Magenta,
        )
        .unwrap();
        let px = |x: u32, y: u32| {
            let at = ((y * qr.width + x) * 4) as usize;
            [qr.rgba[at], qr.rgba[at + 1], qr.rgba[at + 2]]
        };
        // Inside the bottom frame border.
        assert_eq!(px(qr.width / 2, qr.height - 5), FRAME);
        let colours: std::collections::HashSet<[u8; 3]> = qr
            .rgba
            .chunks(4)
            .filter(|p| p[3] == 0xFF)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        assert!(colours.contains(&DARK_MAGENTA) && colours.contains(&WHITE));
        assert!(!colours.contains(&BLACK));
    }

    #[test]
    fn refuses_what_cannot_be_drawn() {
        assert_eq!(
            render("", QrSize::M, QrColour::Magenta),
            Err(QrError::Empty)
        );
        let long = "x".repeat(2000);
        assert!(matches!(
            render(&long, QrSize::S, QrColour::Black),
            Err(QrError::TooSmall { .. })
        ));
        assert!(matches!(
            render(&"x".repeat(5000), QrSize::XL, QrColour::Black),
            Err(QrError::TooLong(_))
        ));
    }

    #[test]
    fn svg_has_the_frame_the_lettering_as_outlines_and_one_path_of_modules() {
        let svg = to_svg("https://payconiq.com/pay/2/abc", QrSize::M, QrColour::Black).unwrap();
        assert!(svg.contains("fill=\"#FF4785\"") && svg.contains("fill=\"#000000\""));
        assert_eq!(svg.matches("<path").count(), 2, "lettering and modules");
        assert!(!svg.contains("<text"), "no font needed to show it");
        let lettering = svg.split("<path fill=\"#FFFFFF\" d=\"").nth(1).unwrap();
        assert!(
            lettering.contains('C') || lettering.contains('Q'),
            "curves, not blocks"
        );
    }

    #[test]
    fn the_lettering_is_smooth_type_at_every_width() {
        let payload = "https://payconiq.com/l/1/abc/POS1";
        for width in [150, 180, 250, 333, 400, 517, 800, 1000] {
            let qr = render_width(payload, width, QrColour::Magenta).unwrap();
            let l = layout(25, width).unwrap();
            let band: Vec<[u8; 3]> = (0..l.band as u32)
                .flat_map(|y| (0..qr.width).map(move |x| (x, y)))
                .map(|(x, y)| {
                    let at = ((y * qr.width + x) * 4) as usize;
                    [qr.rgba[at], qr.rgba[at + 1], qr.rgba[at + 2]]
                })
                .collect();
            let white = band.iter().filter(|p| **p == WHITE).count();
            // Anti-aliased edges: shades between the frame and white, as type has.
            let edges = band
                .iter()
                .filter(|p| **p != WHITE && **p != FRAME && p[0] == 0xFF)
                .count();
            assert!(
                white > 0 && edges > white / 20,
                "{width}: {white} white, {edges} edge"
            );
            // The lettering's rows: capitals about 42 % of the band high.
            let rows: Vec<u32> = (0..l.band as u32)
                .filter(|y| band[(*y * qr.width) as usize..][..qr.width as usize].contains(&WHITE))
                .collect();
            let high = (rows.last().unwrap() - rows[0] + 1) as f32 / l.band as f32;
            assert!((0.36..0.52).contains(&high), "{width}: {high}");
            assert_eq!(decode(&qr), payload, "{width}");
        }
    }
}
