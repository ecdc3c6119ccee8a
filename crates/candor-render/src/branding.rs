//! The organisation's branding as the renderers apply it: name, logo, colours and font.
//!
//! The branding travels with the prepared [`Images`](crate::Images) of a document
//! (`Images::set_branding`): the logo is one more prepared picture, and every renderer —
//! `export_pdf`, `typst_world`/`typst_project`, the SVG preview and `write_html` — already
//! takes the images, so none of their signatures changed. An unset branding (the default)
//! leaves every output byte-identical to Candor's own look.
//!
//! Colours are applied as given: the caller (candor-core) checks them against
//! [`LIGHT_BACKDROPS`] and [`DARK_BACKDROPS`] first and hands in the accessible alternative of
//! any colour that fails. Values that are not `#rrggbb` are ignored, so nothing but a colour
//! ever reaches the typst source or the stylesheet.

use std::io::Cursor;

use crate::images::{ImageError, ImageFormat, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE, PreparedImage};

/// A body font of the bundled ones (assets/fonts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BrandFont {
    /// Inter: Latin, Greek and Cyrillic; the default.
    #[default]
    Inter,
    /// Atkinson Hyperlegible (Braille Institute): letters designed to be told apart by
    /// readers with low vision; Latin script (other scripts fall back to Inter).
    Atkinson,
}

impl BrandFont {
    /// Every choice, in the order shown to users.
    pub const ALL: &'static [BrandFont] = &[BrandFont::Inter, BrandFont::Atkinson];

    /// The short name users type (`inter`).
    pub fn name(self) -> &'static str {
        match self {
            BrandFont::Inter => "inter",
            BrandFont::Atkinson => "atkinson",
        }
    }

    /// The font family name, as typst and CSS know it.
    pub fn family(self) -> &'static str {
        match self {
            BrandFont::Inter => "Inter",
            BrandFont::Atkinson => "Atkinson Hyperlegible",
        }
    }

    /// The font called `name` (either case); `None` if it is not bundled.
    pub fn parse(name: &str) -> Option<BrandFont> {
        let wanted = name.trim().to_ascii_lowercase();
        BrandFont::ALL
            .iter()
            .copied()
            .find(|f| f.name() == wanted || f.family().to_ascii_lowercase() == wanted)
    }
}

/// The branding applied to one rendering. `Default` is Candor's own look.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Branding {
    /// Shown in the title block (as the logo's alternative text when there is a logo) and in
    /// the footer.
    pub organisation: Option<String>,
    /// A logo made by [`prepare_logo`] (PNG).
    pub logo: Option<PreparedImage>,
    /// Headings, the title and the title rule, `#rrggbb`; already accessible on the light
    /// backgrounds.
    pub primary: Option<String>,
    /// Links, highlights, card rules and icon arrays, `#rrggbb`; already accessible.
    pub accent: Option<String>,
    /// The primary colour for the HTML dark theme (accessible on [`DARK_BACKDROPS`]); without
    /// it the dark theme keeps its own colours.
    pub dark_primary: Option<String>,
    /// The accent colour for the HTML dark theme.
    pub dark_accent: Option<String>,
    /// The body font; `None` keeps the template's (Inter in the PDF, the reader's own font in
    /// HTML).
    pub font: Option<BrandFont>,
}

impl Branding {
    /// Whether anything is set (an unset branding changes no output).
    pub fn is_set(&self) -> bool {
        *self != Branding::default()
    }

    /// The organisation's name, trimmed, if not empty.
    pub(crate) fn organisation(&self) -> Option<&str> {
        self.organisation.as_deref().map(str::trim).filter(|o| !o.is_empty())
    }
}

/// A colour if it is exactly `#rrggbb` (lower-cased), else `None`.
pub(crate) fn colour(value: &Option<String>) -> Option<String> {
    let value = value.as_deref()?;
    let hex = value.strip_prefix('#')?;
    (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| value.to_ascii_lowercase())
}

/// The light backgrounds brand colours appear on, `(where, #rrggbb)`: the PDF page and risk
/// card fill (templates/companion/companion.typ) and the HTML light theme's `--bg`,
/// `--surface`, `--code-bg` and `--thead-bg` (templates/companion/html/style.css). Brand
/// colours are used for text (links, headings) on all of them, so they need 4.5:1.
pub const LIGHT_BACKDROPS: &[(&str, &str)] = &[
    ("PDF page", "#ffffff"),
    ("PDF risk card", "#f3f6fa"),
    ("HTML page", "#fbfaf7"),
    ("HTML code background", "#efede8"),
    ("HTML table header", "#eef1f4"),
];

/// The HTML dark theme's backgrounds (`--bg`, `--surface`, `--code-bg`, `--thead-bg`).
pub const DARK_BACKDROPS: &[(&str, &str)] = &[
    ("HTML dark page", "#15171b"),
    ("HTML dark surface", "#1e2126"),
    ("HTML dark code background", "#292d34"),
    ("HTML dark table header", "#262a31"),
];

/// Widest logo kept, in pixels; wider logos are scaled down (about 5 cm at 300 dpi).
pub const MAX_LOGO_WIDTH: u32 = 600;
/// Tallest logo kept, in pixels.
pub const MAX_LOGO_HEIGHT: u32 = 300;

/// Makes a logo safe and small: PNG, JPEG or WebP bytes are checked against
/// [`MAX_IMAGE_BYTES`] and [`MAX_IMAGE_SIDE`], decoded, scaled down to fit
/// [`MAX_LOGO_WIDTH`]×[`MAX_LOGO_HEIGHT`] and re-encoded as PNG, which drops every piece of
/// metadata (EXIF, text chunks, colour profiles). SVG logos are refused: rasterising them
/// would need a second renderer, and embedding them would carry their scripts and links.
pub fn prepare_logo(bytes: &[u8]) -> Result<PreparedImage, ImageError> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(ImageError::TooLarge { size: bytes.len(), limit: MAX_IMAGE_BYTES });
    }
    let format = image::guess_format(bytes).map_err(|_| {
        if crate::images::looks_like_svg(bytes) {
            ImageError::SvgLogo
        } else {
            ImageError::UnknownFormat
        }
    })?;
    if !matches!(
        format,
        image::ImageFormat::Png | image::ImageFormat::Jpeg | image::ImageFormat::WebP
    ) {
        return Err(ImageError::UnknownFormat);
    }
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
    let mut picture = decoder.decode().map_err(|e| ImageError::Decode(e.to_string()))?;
    if picture.width() > MAX_LOGO_WIDTH || picture.height() > MAX_LOGO_HEIGHT {
        picture =
            picture.resize(MAX_LOGO_WIDTH, MAX_LOGO_HEIGHT, image::imageops::FilterType::Lanczos3);
    }
    let picture = image::DynamicImage::ImageRgba8(picture.to_rgba8());
    let mut data = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut data);
    picture.write_with_encoder(encoder).map_err(|e| ImageError::Decode(e.to_string()))?;
    Ok(PreparedImage {
        format: ImageFormat::Png,
        data,
        width: picture.width(),
        height: picture.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbaImage::from_pixel(width, height, image::Rgba([20, 90, 140, 255]));
        let mut data = Vec::new();
        image::DynamicImage::ImageRgba8(picture)
            .write_to(&mut Cursor::new(&mut data), image::ImageFormat::Png)
            .unwrap();
        data
    }

    /// A PNG with a tEXt chunk and an eXIf chunk inserted after IHDR.
    fn png_with_metadata() -> Vec<u8> {
        let plain = png(40, 20);
        let chunk = |kind: &[u8], body: &[u8]| {
            let mut c = (body.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(body);
            let mut crc_input = kind.to_vec();
            crc_input.extend_from_slice(body);
            c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
            c
        };
        let ihdr_end = 8 + 4 + 4 + 13 + 4;
        let mut out = plain[..ihdr_end].to_vec();
        out.extend(chunk(b"tEXt", b"Author\0Secret Person GPS 51.5N"));
        out.extend(chunk(b"eXIf", b"MM\0*\0\0\0\x08\0\0SecretCamera"));
        out.extend_from_slice(&plain[ihdr_end..]);
        out
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn logo_metadata_is_stripped() {
        let input = png_with_metadata();
        assert!(contains(&input, b"Secret Person") && contains(&input, b"eXIf"));
        // The test input is a valid PNG the decoder reads.
        let logo = prepare_logo(&input).unwrap();
        assert_eq!((logo.format, logo.width, logo.height), (ImageFormat::Png, 40, 20));
        for gone in [&b"Secret"[..], b"tEXt", b"eXIf", b"iTXt", b"zTXt"] {
            assert!(!contains(&logo.data, gone), "{}", String::from_utf8_lossy(gone));
        }
        assert_eq!(prepare_logo(&input).unwrap(), logo, "deterministic");
    }

    #[test]
    fn large_logos_are_scaled_down_keeping_their_shape() {
        let logo = prepare_logo(&png(2400, 600)).unwrap();
        assert_eq!((logo.width, logo.height), (600, 150));
        let tall = prepare_logo(&png(300, 900)).unwrap();
        assert_eq!((tall.width, tall.height), (100, 300));
    }

    #[test]
    fn bad_logos_are_refused_with_reasons() {
        let svg = b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>";
        let err = prepare_logo(svg).unwrap_err().to_string();
        assert!(err.contains("SVG logos are not accepted"), "{err}");
        assert!(matches!(prepare_logo(svg), Err(ImageError::SvgLogo)));
        assert!(matches!(prepare_logo(b"not an image at all"), Err(ImageError::UnknownFormat)));
        let mut corrupt = png(50, 50);
        corrupt.truncate(60);
        assert!(matches!(prepare_logo(&corrupt), Err(ImageError::Decode(_))), "truncated PNG");
        // A header claiming 20 000 × 20 000 pixels is refused before decoding.
        let mut huge = png(1, 1);
        huge[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        huge[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        let crc = crc32(&huge[12..29]);
        huge[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = prepare_logo(&huge).unwrap_err();
        assert!(matches!(err, ImageError::TooManyPixels { width: 20_000, .. }), "{err}");
        let too_big = vec![0u8; MAX_IMAGE_BYTES + 1];
        assert!(matches!(prepare_logo(&too_big), Err(ImageError::TooLarge { .. })));
    }

    fn branded() -> crate::Images {
        let mut images = crate::Images::new();
        images.set_branding(Branding {
            organisation: Some("Acme <Health> & Co".into()),
            logo: Some(prepare_logo(&png(120, 40)).unwrap()),
            primary: Some("#7A1F5C".into()),
            accent: Some("#0b6e4f".into()),
            dark_primary: Some("#e9a3cf".into()),
            dark_accent: Some("#6fe0b8".into()),
            font: Some(BrandFont::Inter),
        });
        images
    }

    fn document() -> candor_model::Document {
        candor_import::parse_companion(
            "---\ntitle: Branded\nlang: en-GB\nmodel: M-1\n---\n\n# Part\n\nA [link](https://example.org).\n",
        )
        .value
    }

    #[test]
    fn branding_reaches_the_typst_project_and_the_pdf() {
        let doc = document();
        let plain = crate::typst_project(&doc, &crate::Images::new());
        let project = crate::typst_project(&doc, &branded());
        let file = |p: &crate::TypstProject, name: &str| {
            p.files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        };
        let main = file(&project, "main.typ").unwrap();
        assert!(
            main.contains(
                "brand: (organisation: \"Acme <Health> & Co\", logo: \"/images/logo.png\")"
            ),
            "{main}"
        );
        assert!(main.contains("footer: \"Acme <Health> & Co · M-1"), "{main}");
        let template = file(&project, "companion.typ").unwrap();
        assert!(template.contains("#let heading-ink = rgb(\"#7a1f5c\")"));
        assert!(
            template.contains("#let accent = rgb(\"#0b6e4f\")") && !template.contains("#1f5fa8")
        );
        assert_eq!(file(&plain, "companion.typ").unwrap(), crate::typst::TEMPLATE_FOR_TESTS);
        assert!(project.files.iter().any(|(n, _)| n == "images/logo.png"));
        let pdf =
            crate::export_pdf(&doc, &branded(), crate::PdfStandard::Ua1).unwrap().value.unwrap();
        let again =
            crate::export_pdf(&doc, &branded(), crate::PdfStandard::Ua1).unwrap().value.unwrap();
        assert_eq!(pdf, again, "deterministic");
        let text =
            crate::laid_out_text(&crate::compile(&crate::typst_world(&doc, &branded())).unwrap());
        assert!(text[0].contains("Acme"), "{}", text[0]);
        assert_eq!(crate::export_svg_pages(&doc, &branded()).unwrap().len(), 1);
    }

    #[test]
    fn atkinson_hyperlegible_is_embedded_when_chosen() {
        assert_eq!(BrandFont::parse("Atkinson Hyperlegible"), Some(BrandFont::Atkinson));
        assert_eq!(BrandFont::parse("atkinson"), Some(BrandFont::Atkinson));
        let mut images = crate::Images::new();
        images.set_branding(Branding { font: Some(BrandFont::Atkinson), ..Branding::default() });
        let pdf = crate::export_pdf(&document(), &images, crate::PdfStandard::Ua1)
            .unwrap()
            .value
            .unwrap();
        assert!(contains(&pdf, b"AtkinsonHyperlegible"), "the chosen font is embedded");
        let plain = crate::export_pdf(&document(), &crate::Images::new(), crate::PdfStandard::Ua1)
            .unwrap()
            .value
            .unwrap();
        assert!(!contains(&plain, b"AtkinsonHyperlegible"));
    }

    #[test]
    fn branding_reaches_the_html_and_default_output_is_unchanged() {
        let doc = document();
        let options = crate::HtmlOptions::default();
        let plain = crate::write_html(&doc, &crate::Images::new(), &options);
        assert!(!plain.contains("brand"));
        let mut unbranded = crate::Images::new();
        unbranded.set_branding(Branding::default());
        assert_eq!(crate::write_html(&doc, &unbranded, &options), plain);
        let html = crate::write_html(&doc, &branded(), &options);
        assert!(html.contains("@media screen and (prefers-color-scheme: light) { :root { --brand-primary: #7a1f5c; --link: #0b6e4f;"), "{html}");
        assert!(html.contains("(prefers-color-scheme: dark) { :root { --brand-primary: #e9a3cf;"));
        assert!(html.contains("<p class=\"brand\"><img src=\"data:image/png;base64,"));
        assert!(html.contains("width=\"120\" height=\"40\" alt=\"Acme &lt;Health&gt; &amp; Co\">"));
        assert!(html.contains("<p class=\"brand-name\">Acme &lt;Health&gt; &amp; Co</p>"));
        assert!(html.contains("font-family: \"Inter\""));
        assert_eq!(html, crate::write_html(&doc, &branded(), &options), "deterministic");
        // Anything but #rrggbb never reaches the stylesheet or the template.
        let mut evil = crate::Images::new();
        evil.set_branding(Branding {
            accent: Some("red} body{display:none".into()),
            ..Branding::default()
        });
        let html = crate::write_html(&doc, &evil, &options);
        assert!(!html.contains("display:none"));
        assert_eq!(crate::typst::template(evil.branding()), crate::typst::TEMPLATE_FOR_TESTS);
    }

    #[test]
    fn fonts_and_colours_parse() {
        assert_eq!(BrandFont::parse("Inter"), Some(BrandFont::Inter));
        assert_eq!(BrandFont::parse(" inter "), Some(BrandFont::Inter));
        assert_eq!(BrandFont::parse("comic sans"), None);
        assert_eq!(colour(&Some("#ABCdef".into())), Some("#abcdef".into()));
        assert_eq!(colour(&Some("red\"); evil".into())), None);
        assert_eq!(colour(&None), None);
        assert!(!Branding::default().is_set());
    }
}
