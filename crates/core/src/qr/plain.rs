//! The provider's QR code service image ("The Payconiq QR Code": `_links.qrcode`), as the
//! sandbox serves it: the bare code, no frame. A square PNG exactly as wide as the size letter
//! says (S 180, M 250, L 400, XL 800 pixels), white with the full quiet zone, modules in the
//! brand's darkest magenta or in black; SVG scales, so it has no size ("The sizes only applies
//! to PNG format").

use std::fmt::Write as _;

use qrcode::Color;

use super::{Canvas, QUIET_ZONE, QrColour, QrError, QrSize, WHITE, encode};

/// A PNG of `size.pixels()` square.
pub fn plain_png(payload: &str, size: QrSize, colour: QrColour) -> Result<Vec<u8>, QrError> {
    let code = encode(payload)?;
    let modules = code.width();
    let side = size.pixels() as usize;
    let module = side / (modules + 2 * QUIET_ZONE);
    if module == 0 {
        return Err(QrError::TooSmall {
            width: size.pixels(),
            modules,
            needed: (modules + 2 * QUIET_ZONE) as u32,
        });
    }
    // Leftover pixels widen the quiet zone evenly instead of stretching modules.
    let origin = (side - module * modules) / 2;
    let mut img = Canvas::new(side, side);
    img.rect(0, 0, side, side, WHITE);
    let dark = colour.modules();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c == Color::Dark {
            let (x, y) = (i % modules, i / modules);
            img.rect(
                origin + x * module,
                origin + y * module,
                module,
                module,
                dark,
            );
        }
    }
    super::png(&img.pixels, size.pixels(), size.pixels())
}

/// An SVG in module units, quiet zone included.
pub fn plain_svg(payload: &str, colour: QrColour) -> Result<String, QrError> {
    let code = encode(payload)?;
    let modules = code.width();
    let side = modules + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c == Color::Dark {
            let (x, y) = (QUIET_ZONE + i % modules, QUIET_ZONE + i / modules);
            let _ = write!(path, "M{x} {y}h1v1h-1z");
        }
    }
    let [r, g, b] = colour.modules();
    Ok(format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" shape-rendering="crispEdges">
<rect width="{side}" height="{side}" fill="#FFFFFF"/>
<path fill="#{r:02X}{g:02X}{b:02X}" d="{path}"/>
</svg>
"##
    ))
}
