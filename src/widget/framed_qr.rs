//! The framed QR as an image widget: rendered locally from the deeplink, whole-pixel modules,
//! scaled nearest-neighbour so it stays crisp on any screen.

use iced::widget::image::{self, FilterMethod, Image};
use iced::widget::{container, responsive};
use iced::{ContentFit, Element, Fill, Length, Size};

use std::sync::{Arc, Mutex};

use crate::qr::{self, QrColour, QrError, QrSize};

/// A rendered code, ready to show. Render once per payment, not per frame; drawn again only
/// for a new size on screen (see [`FramedQr::view_fitted`]).
#[derive(Clone, Debug)]
pub struct FramedQr {
    pub handle: image::Handle,
    pub width: u32,
    pub height: u32,
    /// Pixels per module in the rendered image.
    pub module: u32,
    payload: String,
    colour: QrColour,
    /// Drawings at the widths the screens asked for (the checkout and the customer display),
    /// newest last.
    fitted: Arc<Mutex<Vec<(u32, image::Handle, u32)>>>,
}

/// How many fitted drawings are kept (one per window showing the code, and a spare).
const FITTED_KEPT: usize = 3;

impl FramedQr {
    /// Renders `payload` at the pixel size of `size`.
    pub fn new(payload: &str, size: QrSize, colour: QrColour) -> Result<FramedQr, QrError> {
        let img = qr::render(payload, size, colour)?;
        Ok(FramedQr {
            handle: image::Handle::from_rgba(img.width, img.height, img.rgba),
            width: img.width,
            height: img.height,
            module: img.module,
            payload: payload.to_string(),
            colour,
            fitted: Arc::default(),
        })
    }

    /// The widest drawing that fits `space` (the frame is 1.1 times as high as wide).
    pub fn width_to_fit(space: Size) -> u32 {
        (space.width.min(space.height / qr::HEIGHT_PER_WIDTH))
            .max(0.0)
            .floor() as u32
    }

    /// The code drawn `width` pixels wide: modules whole pixels, the lettering set at that size
    /// (never an enlarged image). `None` when the code cannot be drawn that small.
    pub fn drawn_at(&self, width: u32) -> Option<(image::Handle, u32, u32)> {
        let mut kept = self.fitted.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, handle, height)) = kept.iter().find(|(w, ..)| *w == width) {
            return Some((handle.clone(), width, *height));
        }
        let img = qr::render_width(&self.payload, width, self.colour).ok()?;
        let handle = image::Handle::from_rgba(img.width, img.height, img.rgba);
        if kept.len() >= FITTED_KEPT {
            kept.remove(0);
        }
        kept.push((width, handle.clone(), img.height));
        Some((handle, img.width, img.height))
    }

    /// The code as large as fits `space`, drawn at that size (the image of the configured size,
    /// shrunk by whole module pixels, when the space is too small to draw the code in).
    pub fn fitted_in<'a, M: 'a>(&self, space: Size) -> Element<'a, M> {
        match self.drawn_at(Self::width_to_fit(space)) {
            Some((handle, width, height)) => Image::new(handle)
                .filter_method(FilterMethod::Nearest)
                .width(Length::Fixed(width as f32))
                .height(Length::Fixed(height as f32))
                .into(),
            None => self.view(self.scale_to_fit(space)),
        }
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

    /// Fills the space it is given with the code as large as fits, centred.
    pub fn view_fitted<'a, M: 'a>(&self) -> Element<'a, M> {
        let qr = self.clone();
        responsive(move |space| {
            container(qr.fitted_in(space))
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
