//! The framed QR as an image widget: rendered locally from the deeplink, whole-pixel modules,
//! scaled nearest-neighbour so it stays crisp on any screen.

use iced::widget::image::{self, FilterMethod, Image};
use iced::widget::{container, responsive};
use iced::{ContentFit, Element, Fill, Length, Size};

use crate::qr::{self, QrColour, QrError, QrSize};

/// A rendered code, ready to show. Render once per payment, not per frame.
#[derive(Clone, Debug)]
pub struct FramedQr {
    pub handle: image::Handle,
    pub width: u32,
    pub height: u32,
    /// Pixels per module in the rendered image.
    pub module: u32,
}

impl FramedQr {
    /// Renders `payload` at the pixel size of `size`.
    pub fn new(payload: &str, size: QrSize, colour: QrColour) -> Result<FramedQr, QrError> {
        let img = qr::render(payload, size, colour)?;
        Ok(FramedQr {
            handle: image::Handle::from_rgba(img.width, img.height, img.rgba),
            width: img.width,
            height: img.height,
            module: img.module,
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

    /// The largest scale, at most 1, that fits `space` and keeps every module a whole number of
    /// pixels (`j / module` for a whole `j`): a big code on a small screen shrinks instead of
    /// pushing the amount and the buttons out of the window.
    pub fn scale_to_fit(&self, space: Size) -> f32 {
        let m = self.module.max(1);
        (1..=m)
            .rev()
            .map(|j| j as f32 / m as f32)
            .find(|s| {
                self.width as f32 * s <= space.width && self.height as f32 * s <= space.height
            })
            .unwrap_or(1.0 / m as f32)
    }

    /// Fills the space it is given with the code at the scale that fits, centred.
    pub fn view_fitted<'a, M: 'a>(&self) -> Element<'a, M> {
        let qr = self.clone();
        responsive(move |space| {
            container(qr.view(qr.scale_to_fit(space)))
                .center_x(Fill)
                .center_y(Fill)
                .into()
        })
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinks_by_whole_module_pixels() {
        let qr = FramedQr::new("https://payconiq.com/x", QrSize::XL, QrColour::Black).unwrap();
        assert_eq!(
            qr.scale_to_fit(Size::new(2000.0, 2000.0)),
            1.0,
            "never enlarged"
        );
        let s = qr.scale_to_fit(Size::new(500.0, 450.0));
        assert!(qr.width as f32 * s <= 500.0 && qr.height as f32 * s <= 450.0);
        let module_px = qr.module as f32 * s;
        assert!((module_px - module_px.round()).abs() < 1e-4, "{module_px}");
        assert!(module_px >= 1.0);
    }
}
