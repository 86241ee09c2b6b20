//! The framed QR as an image widget: rendered locally from the deeplink, whole-pixel modules,
//! scaled nearest-neighbour so it stays crisp on any screen.

use iced::widget::image::{self, FilterMethod, Image};
use iced::{ContentFit, Element, Length};

use crate::qr::{self, QrColour, QrError, QrSize};

/// A rendered code, ready to show. Render once per payment, not per frame.
#[derive(Clone, Debug)]
pub struct FramedQr {
    pub handle: image::Handle,
    pub width: u32,
    pub height: u32,
}

impl FramedQr {
    /// Renders `payload` at the pixel size of `size`.
    pub fn new(payload: &str, size: QrSize, colour: QrColour) -> Result<FramedQr, QrError> {
        let img = qr::render(payload, size, colour)?;
        Ok(FramedQr {
            handle: image::Handle::from_rgba(img.width, img.height, img.rgba),
            width: img.width,
            height: img.height,
        })
    }

    /// Shown at `scale` × its size, never blurred.
    pub fn view<'a, M: 'a>(&self, scale: f32) -> Element<'a, M> {
        Image::new(self.handle.clone())
            .filter_method(FilterMethod::Nearest)
            .content_fit(ContentFit::Contain)
            .width(Length::Fixed(self.width as f32 * scale))
            .height(Length::Fixed(self.height as f32 * scale))
            .into()
    }
}
