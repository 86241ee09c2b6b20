//! Reads ESC/POS bytes back as a printer would print them: text lines (through code page
//! PC858), and QR codes drawn as the printer draws them (model 2, the command's module size
//! and error correction) then read with a real QR decoder (rqrr). Any command it does not know
//! fails the test: it never skips what it cannot read.

use kassa_print::codepage::char_of;

#[derive(Debug, Default)]
pub struct Printed {
    pub lines: Vec<String>,
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
    let mut i = 0;
    let arg = |i: usize| {
        bytes
            .get(i)
            .copied()
            .unwrap_or_else(|| panic!("cut short at {i}"))
    };
    while i < bytes.len() {
        match bytes[i] {
            0x0a => {
                out.lines.push(std::mem::take(&mut line));
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
                    // Bold, justify, underline, double strike, font, upside down, rotate,
                    // smoothing, print mode, line spacing.
                    b'E' | b'a' | b'-' | b'G' | b'M' | b'{' | b'V' | b'!' | b'3' => 3,
                    b'2' => 2,
                    b'd' => {
                        for _ in 0..arg(i + 2) {
                            out.lines.push(std::mem::take(&mut line));
                        }
                        3
                    }
                    other => panic!("unknown ESC {other:#04x} at {i}"),
                };
            }
            0x1d => {
                let cmd = arg(i + 1);
                i += match cmd {
                    b'!' | b'B' | b'b' => 3,
                    b'V' => {
                        out.cuts += 1;
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
                                out.qr.push(read_qr(&data, qr_level, qr_size));
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
        out.lines.push(line);
    }
    out
}

/// Draws the code as the printer would and reads it back with a QR decoder.
fn read_qr(data: &[u8], level: qrcode::EcLevel, module: u8) -> String {
    let code = qrcode::QrCode::with_error_correction_level(data, level).expect("a QR code");
    let n = code.width();
    let m = u32::from(module.max(1));
    let side = (n as u32 + 8) * m;
    let colors = code.to_colors();
    let img = image::GrayImage::from_fn(side, side, |x, y| {
        let (cx, cy) = ((x / m) as i64 - 4, (y / m) as i64 - 4);
        let dark = cx >= 0
            && cy >= 0
            && (cx as usize) < n
            && (cy as usize) < n
            && colors[cy as usize * n + cx as usize] == qrcode::Color::Dark;
        image::Luma([if dark { 0 } else { 255 }])
    });
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one code");
    grids[0].decode().expect("the code reads").1
}
