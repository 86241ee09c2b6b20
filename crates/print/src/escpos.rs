//! A document as ESC/POS bytes, through the `escpos` crate: initialise, code page PC858, each
//! block, feed and cut. Text goes in as PC858 bytes of [`crate::codepage`]'s own (see
//! [`crate::codepage::encode`] for why). The bytes are collected here and sent by [`crate::transport`] (with
//! time limits of its own; the crate's drivers block without them).

use std::cell::RefCell;
use std::rc::Rc;

use escpos::driver::Driver;
use escpos::printer::Printer;
use escpos::printer_options::PrinterOptions;
use escpos::utils::{
    JustifyMode, PageCode, Protocol, QRCodeCorrectionLevel, QRCodeModel, QRCodeOption,
};

use crate::codepage::{encode as bytes_of, fit};
use crate::document::{Align, Block, Document, Paper, pair_lines, wrap};
use crate::transport::PrintError;

/// Collects what the printer would be sent.
#[derive(Clone, Default)]
struct Buffer(Rc<RefCell<Vec<u8>>>);

impl Driver for Buffer {
    fn name(&self) -> String {
        "buffer".into()
    }
    fn write(&self, data: &[u8]) -> escpos::errors::Result<()> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(())
    }
    fn read(&self, _: &mut [u8]) -> escpos::errors::Result<usize> {
        Ok(0)
    }
    fn flush(&self) -> escpos::errors::Result<()> {
        Ok(())
    }
}

/// The size of a QR code's modules in printer dots: about 0.5 mm at 203 dpi, which a phone
/// reads from the paper at arm's length.
const QR_MODULE_DOTS: u8 = 5;

/// `doc` as ESC/POS bytes for `paper`.
pub fn encode(doc: &Document, paper: Paper) -> Result<Vec<u8>, PrintError> {
    let columns = paper.columns();
    let buffer = Buffer::default();
    let options = PrinterOptions::new(Some(PageCode::PC858), None, columns as u8);
    let mut p = Printer::new(buffer.clone(), Protocol::default(), Some(options));
    let e = |e: escpos::errors::PrinterError| PrintError::Encode(e.to_string());
    p.init().map_err(e)?.page_code(PageCode::PC858).map_err(e)?;
    for block in &doc.blocks {
        match block {
            Block::Text {
                text,
                align,
                bold,
                big,
            } => {
                let justify = match align {
                    Align::Left => JustifyMode::LEFT,
                    Align::Centre => JustifyMode::CENTER,
                    Align::Right => JustifyMode::RIGHT,
                };
                p.justify(justify).map_err(e)?.bold(*bold).map_err(e)?;
                let width = if *big {
                    p.size(2, 2).map_err(e)?;
                    columns / 2
                } else {
                    columns
                };
                for line in wrap(&fit(text), width) {
                    p.custom(&bytes_of(&line)).map_err(e)?.feed().map_err(e)?;
                }
                if *big {
                    p.reset_size().map_err(e)?;
                }
                p.bold(false)
                    .map_err(e)?
                    .justify(JustifyMode::LEFT)
                    .map_err(e)?;
            }
            Block::Pair {
                label,
                figure,
                bold,
            } => {
                p.bold(*bold).map_err(e)?;
                for line in pair_lines(&fit(label), &fit(figure), columns) {
                    p.custom(&bytes_of(&line)).map_err(e)?.feed().map_err(e)?;
                }
                p.bold(false).map_err(e)?;
            }
            Block::Rule => {
                p.custom(&bytes_of(&"-".repeat(columns)))
                    .map_err(e)?
                    .feed()
                    .map_err(e)?;
            }
            Block::Qr { payload } => {
                let option = QRCodeOption::new(
                    QRCodeModel::Model2,
                    QR_MODULE_DOTS,
                    QRCodeCorrectionLevel::M,
                );
                p.justify(JustifyMode::CENTER)
                    .map_err(e)?
                    .qrcode_option(payload, option)
                    .map_err(e)?
                    .justify(JustifyMode::LEFT)
                    .map_err(e)?;
            }
            Block::Feed(n) => {
                p.feeds(*n).map_err(e)?;
            }
        }
    }
    p.feeds(3).map_err(e)?.print_cut().map_err(e)?;
    drop(p);
    Ok(buffer.0.take())
}
