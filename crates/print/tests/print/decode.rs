//! Reads ESC/POS bytes back as a printer would print them: text lines (through code page
//! PC858), and QR codes drawn as the printer draws them (model 2, the command's module size
//! and error correction) then read with a real QR decoder (rqrr). Any command it does not know
//! fails the test: it never skips what it cannot read.

use kassa_print::codepage::char_of;

/// Where a piece of the paper sits, as the printer's justification (ESC a) put it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Justify {
    #[default]
    Left,
    Centre,
    Right,
}

/// The paper as it came out, piece by piece, for drawing it ([`super::render`]).
#[derive(Debug)]
pub enum Piece {
    Line {
        text: String,
        bold: bool,
        /// Double width and height (GS ! 0x11).
        big: bool,
        justify: Justify,
    },
    /// A QR code as the printer draws it: black modules on white, quiet zone included.
    Qr(image::GrayImage),
    Cut,
}

#[derive(Debug, Default)]
pub struct Printed {
    pub lines: Vec<String>,
    /// The same, with how each line looks and the codes between them.
    pub paper: Vec<Piece>,
    /// What each QR code printed decodes to.
    pub qr: Vec<String>,
    pub cuts: usize,
    /// The code page selected (ESC t n), last.
    pub page: Option<u8>,
    /// Asked for its paper status (DLE EOT 4).
    pub status_asked: bool,
}

pub fn decode(bytes: &[u8]) -> Printed {
    let mut out = Printed::default();
    let mut line = String::new();
    let mut qr_size = 3u8;
    let mut qr_level = qrcode::EcLevel::M;
    let mut qr_data: Option<Vec<u8>> = None;
    let (mut bold, mut big, mut justify) = (false, false, Justify::Left);
    let mut i = 0;
    // A line ends: in the text and on the paper as it looks.
    let end_line = |out: &mut Printed, line: &mut String, bold, big, justify| {
        let text = std::mem::take(line);
        out.paper.push(Piece::Line {
            text: text.clone(),
            bold,
            big,
            justify,
        });
        out.lines.push(text);
    };
    let arg = |i: usize| {
        bytes
            .get(i)
            .copied()
            .unwrap_or_else(|| panic!("cut short at {i}"))
    };
    while i < bytes.len() {
        match bytes[i] {
            0x0a => {
                end_line(&mut out, &mut line, bold, big, justify);
                i += 1;
            }
            0x10 if arg(i + 1) == 0x04 => {
                out.status_asked |= arg(i + 2) == 4;
                i += 3;
            }
            0x1b => {
                let cmd = arg(i + 1);
                i += match cmd {
                    b'@' => 2,
                    b't' => {
                        out.page = Some(arg(i + 2));
                        3
                    }
                    b'E' => {
                        bold = arg(i + 2) & 1 == 1;
                        3
                    }
                    b'a' => {
                        justify = match arg(i + 2) {
                            1 | 49 => Justify::Centre,
                            2 | 50 => Justify::Right,
                            _ => Justify::Left,
                        };
                        3
                    }
                    // Underline, double strike, font, upside down, rotate, smoothing, print
                    // mode, line spacing.
                    b'-' | b'G' | b'M' | b'{' | b'V' | b'!' | b'3' => 3,
                    b'2' => 2,
                    b'd' => {
                        for _ in 0..arg(i + 2) {
                            end_line(&mut out, &mut line, bold, big, justify);
                        }
                        3
                    }
                    other => panic!("unknown ESC {other:#04x} at {i}"),
                };
            }
            0x1d => {
                let cmd = arg(i + 1);
                i += match cmd {
                    b'!' => {
                        big = arg(i + 2) & 0x11 == 0x11;
                        3
                    }
                    b'B' | b'b' => 3,
                    b'V' => {
                        out.cuts += 1;
                        out.paper.push(Piece::Cut);
                        match arg(i + 2) {
                            0x41 | 0x42 | 0x61 | 0x62 | 0x67 | 0x68 => 4,
                            _ => 3,
                        }
                    }
                    b'(' if arg(i + 2) == b'k' => {
                        let len = usize::from(arg(i + 3)) + 256 * usize::from(arg(i + 4));
                        let body = &bytes[i + 5..i + 5 + len];
                        match (body[0], body[1]) {
                            (0x31, 0x41) => {} // model
                            (0x31, 0x43) => qr_size = body[2],
                            (0x31, 0x45) => {
                                qr_level = match body[2] {
                                    48 => qrcode::EcLevel::L,
                                    49 => qrcode::EcLevel::M,
                                    50 => qrcode::EcLevel::Q,
                                    _ => qrcode::EcLevel::H,
                                }
                            }
                            (0x31, 0x50) => qr_data = Some(body[3..].to_vec()),
                            (0x31, 0x51) => {
                                let data = qr_data.take().expect("QR printed before its data");
                                let drawn = draw_qr(&data, qr_level, qr_size);
                                out.qr.push(read_qr(drawn.clone()));
                                out.paper.push(Piece::Qr(drawn));
                            }
                            other => panic!("unknown QR function {other:?}"),
                        }
                        5 + len
                    }
                    other => panic!("unknown GS {other:#04x} at {i}"),
                };
            }
            b if b >= 0x20 => {
                line.push(char_of(b));
                i += 1;
            }
            other => panic!("unknown control byte {other:#04x} at {i}"),
        }
    }
    if !line.is_empty() {
        end_line(&mut out, &mut line, bold, big, justify);
    }
    out
}

/// Draws the code as the printer would: `module` dots a module, a quiet zone of four.
fn draw_qr(data: &[u8], level: qrcode::EcLevel, module: u8) -> image::GrayImage {
    let code = qrcode::QrCode::with_error_correction_level(data, level).expect("a QR code");
    let n = code.width();
    let m = u32::from(module.max(1));
    let side = (n as u32 + 8) * m;
    let colors = code.to_colors();
    image::GrayImage::from_fn(side, side, |x, y| {
        let (cx, cy) = ((x / m) as i64 - 4, (y / m) as i64 - 4);
        let dark = cx >= 0
            && cy >= 0
            && (cx as usize) < n
            && (cy as usize) < n
            && colors[cy as usize * n + cx as usize] == qrcode::Color::Dark;
        image::Luma([if dark { 0 } else { 255 }])
    })
}

/// Reads a drawn code back with a QR decoder.
fn read_qr(img: image::GrayImage) -> String {
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one code");
    grids[0].decode().expect("the code reads").1
}
