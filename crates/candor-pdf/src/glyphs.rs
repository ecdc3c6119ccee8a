//! The characters a page draws, with where and how large: hayro interprets the content
//! stream and this device keeps only the glyphs (paths and images are ignored, and images
//! are never decoded).

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::page::Page;
use hayro_interpret::util::TransformExt;
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, RenderContent, SoftMask, interpret_page,
};
use kurbo::{BezPath, Point, Rect};

/// One drawn character in page space: points, origin top-left, y growing downwards.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Char {
    pub text: CharText,
    /// Left and right edge of the glyph's advance.
    pub x0: f32,
    pub x1: f32,
    /// The baseline.
    pub y: f32,
    /// The font size as drawn (text matrix and CTM applied).
    pub size: f32,
}

/// A glyph's text: nearly always one character, sometimes a ligature's several.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CharText {
    One(char),
    Many(Box<str>),
}

impl CharText {
    pub fn push_to(&self, out: &mut String) {
        match self {
            CharText::One(c) => push_char(*c, out),
            CharText::Many(s) => s.chars().for_each(|c| push_char(c, out)),
        }
    }

    pub fn is_space(&self) -> bool {
        match self {
            CharText::One(c) => c.is_whitespace(),
            CharText::Many(s) => s.chars().all(char::is_whitespace),
        }
    }
}

/// Ligatures expanded and private-use code points dropped, as readers copy text.
fn push_char(c: char, out: &mut String) {
    match c {
        'ﬀ' => out.push_str("ff"),
        'ﬁ' => out.push_str("fi"),
        'ﬂ' => out.push_str("fl"),
        'ﬃ' => out.push_str("ffi"),
        'ﬄ' => out.push_str("ffl"),
        'ﬅ' | 'ﬆ' => out.push_str("st"),
        // Symbol-font bullets, which many PDFs map into the private use area.
        '\u{F0B7}' | '\u{F0A7}' | '\u{F06C}' | '\u{F0D8}' | '\u{F0FC}' | '\u{F076}' => {
            out.push('•')
        }
        '\u{E000}'..='\u{F8FF}' | '\u{0}'..='\u{8}' | '\u{E}'..='\u{1F}' | '\u{FFFD}' => {}
        _ => out.push(c),
    }
}

/// A page's characters in drawing order; rotated text kept apart.
#[derive(Debug, Default)]
pub(crate) struct PageChars {
    pub height: f32,
    pub chars: Vec<Char>,
    /// Text drawn at an angle (margin notes, stamps), in drawing order, one string per run.
    pub rotated: Vec<String>,
    /// Glyphs with no known Unicode value.
    pub unmapped: usize,
    /// Glyphs drawn, including those past the budget.
    pub glyphs: usize,
}

/// Interprets `page` and collects its characters; stops collecting after `budget` glyphs.
pub(crate) fn page_chars<'a>(
    page: &Page<'a>,
    cache: &InterpreterCache<'a>,
    budget: usize,
) -> PageChars {
    let (width, height) = page.render_dimensions();
    let settings = InterpreterSettings {
        render_content: RenderContent::PAGE,
        ..InterpreterSettings::default()
    };
    let mut context = Context::new(
        page.initial_transform(true).to_kurbo(),
        Rect::new(0.0, 0.0, f64::from(width), f64::from(height)),
        cache,
        page.xref(),
        settings,
    );
    let mut device =
        Collector { page: PageChars { height, ..PageChars::default() }, budget, seen: 0 };
    interpret_page(page, &mut context, &mut device);
    device.page.glyphs = device.seen;
    device.page
}

struct Collector {
    page: PageChars,
    budget: usize,
    seen: usize,
}

impl Collector {
    fn push_rotated(&mut self, text: &str, continues: bool) {
        match self.page.rotated.last_mut() {
            Some(last) if continues => last.push_str(text),
            _ => self.page.rotated.push(text.to_owned()),
        }
    }
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        let mut rotated_run = false;
        for glyph in run.glyphs() {
            self.seen += 1;
            if self.seen > self.budget {
                return;
            }
            let Some(unicode) = glyph.as_unicode() else {
                self.page.unmapped += 1;
                continue;
            };
            let text = match unicode {
                BfString::Char(c) => CharText::One(c),
                BfString::String(s) if s.chars().count() == 1 => {
                    s.chars().next().map_or(CharText::One(' '), CharText::One)
                }
                BfString::String(s) => CharText::Many(s.into_boxed_str()),
            };
            let m = props.transform * glyph.transform();
            let [a, b, c, d, _, _] = m.as_coeffs();
            let size = (c.hypot(d) * 1000.0) as f32;
            let width = (a.hypot(b) * 1000.0) as f32;
            if !size.is_finite() || !width.is_finite() || size <= 0.01 {
                continue;
            }
            if b.abs() > a.abs() * 0.2 || c.abs() > d.abs() * 0.2 || a <= 0.0 {
                let mut s = String::new();
                text.push_to(&mut s);
                self.push_rotated(&s, rotated_run);
                rotated_run = true;
                continue;
            }
            let advance = match &**glyph {
                hayro_interpret::font::Glyph::Outline(o) => o.advance_width(),
                hayro_interpret::font::Glyph::Type3(t) => t.advance_width(),
            }
            .filter(|w| w.is_finite() && *w > 0.0)
            .unwrap_or(500.0);
            let origin = m * Point::ZERO;
            let end = m * Point::new(f64::from(advance), 0.0);
            let (x0, y) = (origin.x as f32, origin.y as f32);
            let x1 = (end.x as f32).max(x0);
            if !x0.is_finite() || !x1.is_finite() || !y.is_finite() {
                continue;
            }
            self.page.chars.push(Char { text, x0, x1, y, size });
        }
    }
}
