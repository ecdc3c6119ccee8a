//! Images are decoded under size limits, stripped of metadata and re-encoded before they
//! reach any output.

use std::collections::BTreeMap;
use std::io::Cursor;

use crate::branding::Branding;

/// The format an image is embedded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Svg,
}

impl ImageFormat {
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Svg => "image/svg+xml",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Svg => "svg",
        }
    }
}

/// An image ready to embed: re-encoded bytes without metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedImage {
    pub format: ImageFormat,
    pub data: Vec<u8>,
    /// Pixel size (for SVG, the size it declares, rounded).
    pub width: u32,
    pub height: u32,
}

/// The prepared images of one document, keyed by the `src` written in the Markdown, and the
/// branding to apply (its logo is one more picture; see [`crate::Branding`]).
#[derive(Debug, Clone, Default)]
pub struct Images(BTreeMap<String, PreparedImage>, Branding);

/// The key under which the branding's logo is found by [`Images::get`]; no Markdown `src`
/// holds a NUL character.
pub(crate) const LOGO_SRC: &str = "\0candor-logo";

impl Images {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, src: impl Into<String>, image: PreparedImage) {
        self.0.insert(src.into(), image);
    }

    pub fn get(&self, src: &str) -> Option<&PreparedImage> {
        match src {
            LOGO_SRC => self.1.logo.as_ref(),
            _ => self.0.get(src),
        }
    }

    /// Applies `branding` to every output rendered with these images.
    pub fn set_branding(&mut self, branding: Branding) {
        self.1 = branding;
    }

    /// The branding to apply; the default when none was set.
    pub fn branding(&self) -> &Branding {
        &self.1
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &PreparedImage)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// Why an image cannot be embedded.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// The bytes are not a PNG, JPEG, WebP or SVG image.
    #[error("not a PNG, JPEG, WebP or SVG image")]
    UnknownFormat,
    /// The file is larger than Candor accepts.
    #[error("the file is {size} bytes; images may be at most {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// The picture has more pixels than Candor accepts.
    #[error("the image is {width}×{height} pixels; images may be at most {limit}×{limit}")]
    TooManyPixels { width: u32, height: u32, limit: u32 },
    /// The image data is damaged.
    #[error("the image cannot be decoded: {0}")]
    Decode(String),
    /// An SVG file given as a logo (logos must be raster images).
    #[error("SVG logos are not accepted; export the logo as PNG, at least 600 pixels wide")]
    SvgLogo,
}

/// Largest image file accepted.
pub const MAX_IMAGE_BYTES: usize = 32 * 1024 * 1024;
/// Largest width or height accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 10_000;

/// Decodes `bytes`, checks the limits and re-encodes without metadata (EXIF, location,
/// colour profiles and comments are all dropped).
///
/// PNG and WebP become PNG; JPEG stays JPEG; SVG is kept as vector data with its
/// `<metadata>` removed (it is embedded only as an image, so scripts in it never run).
pub fn prepare_image(bytes: &[u8]) -> Result<PreparedImage, ImageError> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(ImageError::TooLarge { size: bytes.len(), limit: MAX_IMAGE_BYTES });
    }
    if looks_like_svg(bytes) {
        return prepare_svg(bytes);
    }
    let format = image::guess_format(bytes).map_err(|_| ImageError::UnknownFormat)?;
    let out_format = match format {
        image::ImageFormat::Png | image::ImageFormat::WebP => ImageFormat::Png,
        image::ImageFormat::Jpeg => ImageFormat::Jpeg,
        _ => return Err(ImageError::UnknownFormat),
    };
    let reader = || image::ImageReader::with_format(Cursor::new(bytes), format);
    let (width, height) =
        reader().into_dimensions().map_err(|e| ImageError::Decode(e.to_string()))?;
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(ImageError::TooManyPixels { width, height, limit: MAX_IMAGE_SIDE });
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    let mut decoder = reader();
    decoder.limits(limits);
    let picture = decoder.decode().map_err(|e| ImageError::Decode(e.to_string()))?;
    let mut data = Vec::new();
    match out_format {
        ImageFormat::Jpeg => {
            let rgb = picture.to_rgb8();
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut data, 90);
            rgb.write_with_encoder(encoder).map_err(|e| ImageError::Decode(e.to_string()))?;
        }
        _ => {
            let encoder = image::codecs::png::PngEncoder::new(&mut data);
            picture.write_with_encoder(encoder).map_err(|e| ImageError::Decode(e.to_string()))?;
        }
    }
    Ok(PreparedImage { format: out_format, data, width, height })
}

pub(crate) fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let Ok(text) =
        std::str::from_utf8(head).or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
    else {
        return false;
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with("<?xml") || text.starts_with("<svg") || text.starts_with("<!--"))
        && text.contains("<svg")
}

fn prepare_svg(bytes: &[u8]) -> Result<PreparedImage, ImageError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ImageError::Decode("the SVG file is not UTF-8 text".into()))?;
    let mut clean = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<metadata") {
        clean.push_str(&rest[..start]);
        match rest[start..].find("</metadata>") {
            Some(end) => rest = &rest[start + end + "</metadata>".len()..],
            None => {
                rest = "";
            }
        }
    }
    clean.push_str(rest);
    let (width, height) = svg_size(&clean);
    Ok(PreparedImage { format: ImageFormat::Svg, data: clean.into_bytes(), width, height })
}

/// The `width` and `height` the root element declares, in whole units (0 when absent).
fn svg_size(svg: &str) -> (u32, u32) {
    let Some(start) = svg.find("<svg") else { return (0, 0) };
    let tag = &svg[start..svg[start..].find('>').map_or(svg.len(), |e| start + e)];
    let attr = |name: &str| -> u32 {
        let key = format!(" {name}=\"");
        tag.find(&key)
            .map(|i| &tag[i + key.len()..])
            .and_then(|v| v.split('"').next())
            .map(|v| v.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%'))
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v > 0.0 && *v < 1e6)
            .map_or(0, |v| v.round() as u32)
    };
    (attr("width"), attr("height"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_pixel(width, height, image::Rgb([200, 30, 30]));
        let mut data = Vec::new();
        picture.write_with_encoder(image::codecs::png::PngEncoder::new(&mut data)).unwrap();
        data
    }

    #[test]
    fn png_is_reencoded() {
        let prepared = prepare_image(&png(3, 2)).unwrap();
        assert_eq!((prepared.format, prepared.width, prepared.height), (ImageFormat::Png, 3, 2));
    }

    #[test]
    fn jpeg_metadata_is_dropped() {
        let picture = image::RgbImage::from_pixel(8, 8, image::Rgb([10, 200, 30]));
        let mut jpeg = Vec::new();
        picture
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90))
            .unwrap();
        // Splice an EXIF APP1 segment with a GPS marker right after SOI.
        let exif = b"Exif\0\0GPSLatitude 52.52N";
        let mut with_exif = jpeg[..2].to_vec();
        with_exif.extend_from_slice(&[0xFF, 0xE1]);
        with_exif.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        with_exif.extend_from_slice(exif);
        with_exif.extend_from_slice(&jpeg[2..]);
        let prepared = prepare_image(&with_exif).unwrap();
        assert_eq!(prepared.format, ImageFormat::Jpeg);
        let found = prepared.data.windows(11).any(|w| w == b"GPSLatitude");
        assert!(!found, "EXIF survived re-encoding");
    }

    #[test]
    fn huge_dimensions_are_refused_before_decoding() {
        // A PNG header claiming 100000 x 100000 pixels, with no pixel data behind it.
        let mut header = png(1, 1);
        header[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        header[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let err = prepare_image(&header).unwrap_err();
        assert!(matches!(err, ImageError::TooManyPixels { .. } | ImageError::Decode(_)), "{err}");
    }

    #[test]
    fn garbage_and_svg() {
        assert!(matches!(prepare_image(b"hello"), Err(ImageError::UnknownFormat)));
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><metadata>secret</metadata><rect width="40" height="20"/></svg>"#;
        let prepared = prepare_image(svg).unwrap();
        assert_eq!((prepared.format, prepared.width, prepared.height), (ImageFormat::Svg, 40, 20));
        assert!(!String::from_utf8(prepared.data).unwrap().contains("secret"));
    }
}
