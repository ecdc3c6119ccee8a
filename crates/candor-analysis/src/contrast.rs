//! Colour contrast by WCAG 2.2: relative luminance, contrast ratio, and the brand colours of
//! a project checked against the backgrounds of the templates, with an accessible alternative
//! (same hue and saturation, lightness moved as little as possible) for each colour that fails.

use std::fmt;

use candor_model::{Diagnostic, Span};

/// An sRGB colour, written `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    /// Reads `#rrggbb` (either case); `None` for anything else.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb { r: byte(0)?, g: byte(2)?, b: byte(4)? })
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// Relative luminance (WCAG 2.2, "relative luminance"): 0 for black, 1 for white.
pub fn relative_luminance(colour: Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)
}

/// Contrast ratio (WCAG 2.2), from 1 (same colour) to 21 (black on white); symmetric.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// What a colour is used for, which decides the contrast it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourUse {
    /// Text of normal size: 4.5:1 (WCAG 1.4.3).
    Text,
    /// Rules, icons, outlines: 3:1 (WCAG 1.4.11).
    Graphic,
}

impl ColourUse {
    /// The contrast ratio this use needs.
    pub fn needed(self) -> f64 {
        match self {
            ColourUse::Text => 4.5,
            ColourUse::Graphic => 3.0,
        }
    }
}

/// A background a brand colour is shown on, and what the colour is used for there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backdrop {
    /// Where it is, for the message: "PDF page", "HTML code background"…
    pub name: &'static str,
    pub colour: Rgb,
    pub used_as: ColourUse,
}

/// A brand colour to check: its role ("primary", "accent"), its value and where it appears.
#[derive(Debug, Clone, PartialEq)]
pub struct BrandColour<'a> {
    pub role: &'static str,
    pub colour: Rgb,
    pub backdrops: &'a [Backdrop],
}

/// One colour on one background with too little contrast.
#[derive(Debug, Clone, PartialEq)]
pub struct ContrastFailure {
    pub role: &'static str,
    pub colour: Rgb,
    pub background: &'static str,
    pub background_colour: Rgb,
    pub ratio: f64,
    pub needed: f64,
}

/// The outcome of checking brand colours: the colour to use for each (the brand colour when
/// it passes everywhere, the accessible alternative otherwise), every failing pair, and one
/// `brand/low-contrast` warning per colour that was replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct BrandCheck {
    /// The colour to publish, in the order the colours were given.
    pub colours: Vec<Rgb>,
    pub failures: Vec<ContrastFailure>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks each brand colour on each of its backdrops (text 4.5:1, graphics 3:1). A colour
/// that fails anywhere is replaced by [`accessible_alternative`] for all of its backdrops,
/// and a warning says which pair failed, by how much, and what is used instead.
pub fn check_brand_colours(colours: &[BrandColour<'_>]) -> BrandCheck {
    let mut check =
        BrandCheck { colours: Vec::new(), failures: Vec::new(), diagnostics: Vec::new() };
    for brand in colours {
        let failing: Vec<ContrastFailure> = brand
            .backdrops
            .iter()
            .map(|b| ContrastFailure {
                role: brand.role,
                colour: brand.colour,
                background: b.name,
                background_colour: b.colour,
                ratio: contrast_ratio(brand.colour, b.colour),
                needed: b.used_as.needed(),
            })
            .filter(|f| f.ratio < f.needed)
            .collect();
        if failing.is_empty() {
            check.colours.push(brand.colour);
            continue;
        }
        let alternative = accessible_alternative(brand.colour, brand.backdrops);
        // The worst pair, relative to what it needs, names the problem.
        let worst = failing
            .iter()
            .min_by(|a, b| (a.ratio / a.needed).total_cmp(&(b.ratio / b.needed)))
            .unwrap_or(&failing[0]);
        let others = failing.len() - 1;
        let more = match others {
            0 => String::new(),
            1 => " (and on 1 other background)".to_owned(),
            n => format!(" (and on {n} other backgrounds)"),
        };
        check.diagnostics.push(
            Diagnostic::warning(
                "brand/low-contrast",
                Span::default(),
                format!(
                    "The {} colour {} has a contrast of {:.2}:1 on the {} ({}){more}; {:.1}:1 is needed. Candor uses {} instead, the nearest colour of the same hue that reaches it.",
                    brand.role,
                    brand.colour,
                    worst.ratio,
                    worst.background,
                    worst.background_colour,
                    worst.needed,
                    alternative,
                ),
            )
            .with_hint(format!(
                "Set the {} colour to {alternative}, or another with at least {:.1}:1 on every background, to publish exactly the colour you chose.",
                brand.role, worst.needed
            )),
        );
        check.failures.extend(failing);
        check.colours.push(alternative);
    }
    check
}

/// The colour nearest to `colour` in lightness, with the same hue and saturation, that has
/// the contrast each backdrop needs; `colour` itself if it already has. Falls back to black
/// or white (whichever does better) if no lightness works for every backdrop.
pub fn accessible_alternative(colour: Rgb, backdrops: &[Backdrop]) -> Rgb {
    let passes =
        |c: Rgb| backdrops.iter().all(|b| contrast_ratio(c, b.colour) >= b.used_as.needed());
    if passes(colour) {
        return colour;
    }
    let (h, s, l) = to_hsl(colour);
    const STEPS: i32 = 1000;
    let start = (l * f64::from(STEPS)).round() as i32;
    for distance in 1..=STEPS {
        for candidate in [start - distance, start + distance] {
            if !(0..=STEPS).contains(&candidate) {
                continue;
            }
            let c = from_hsl(h, s, f64::from(candidate) / f64::from(STEPS));
            if passes(c) {
                return c;
            }
        }
    }
    let black = Rgb { r: 0, g: 0, b: 0 };
    let white = Rgb { r: 255, g: 255, b: 255 };
    let worst = |c: Rgb| {
        backdrops.iter().map(|b| contrast_ratio(c, b.colour)).fold(f64::INFINITY, f64::min)
    };
    if worst(black) >= worst(white) { black } else { white }
}

fn to_hsl(c: Rgb) -> (f64, f64, f64) {
    let (r, g, b) = (f64::from(c.r) / 255.0, f64::from(c.g) / 255.0, f64::from(c.b) / 255.0);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let l = (max + min) / 2.0;
    let d = max - min;
    if d == 0.0 {
        return (0.0, 0.0, l);
    }
    let s = d / (1.0 - (2.0 * l - 1.0).abs());
    let h = if max == r {
        60.0 * ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / d + 2.0)
    } else {
        60.0 * ((r - g) / d + 4.0)
    };
    (h, s, l)
}

fn from_hsl(h: f64, s: f64, l: f64) -> Rgb {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((h / 60.0).rem_euclid(2.0) - 1.0).abs());
    let m = l - c / 2.0;
    let (r, g, b) = match h {
        h if h < 60.0 => (c, x, 0.0),
        h if h < 120.0 => (x, c, 0.0),
        h if h < 180.0 => (0.0, c, x),
        h if h < 240.0 => (0.0, x, c),
        h if h < 300.0 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Rgb { r: byte(r), g: byte(g), b: byte(b) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(text: &str) -> Rgb {
        Rgb::parse(text).unwrap_or_else(|| panic!("bad colour {text}"))
    }

    const WHITE: &str = "#ffffff";

    fn on_white(used_as: ColourUse) -> [Backdrop; 1] {
        [Backdrop { name: "page", colour: rgb(WHITE), used_as }]
    }

    #[test]
    fn known_wcag_pairs() {
        let ratio = |a, b| (contrast_ratio(rgb(a), rgb(b)) * 100.0).round() / 100.0;
        assert_eq!(ratio("#000000", WHITE), 21.0);
        assert_eq!(ratio(WHITE, WHITE), 1.0);
        // Values given by the WebAIM contrast checker.
        assert_eq!(ratio("#767676", WHITE), 4.54);
        assert_eq!(ratio("#777777", WHITE), 4.48);
        assert_eq!(ratio("#0000ff", WHITE), 8.59);
        assert_eq!(ratio("#ff0000", WHITE), 4.0);
        assert_eq!(ratio("#949494", WHITE), 3.03);
        assert_eq!(ratio(WHITE, "#767676"), ratio("#767676", WHITE));
        assert!((relative_luminance(rgb(WHITE)) - 1.0).abs() < 1e-12);
        assert_eq!(relative_luminance(rgb("#000000")), 0.0);
    }

    #[test]
    fn parses_and_prints_colours() {
        assert_eq!(rgb("#1D5E8c").to_string(), "#1d5e8c");
        for bad in ["1d5e8c", "#1d5e8", "#1d5e8cc", "#gggggg", "", "#"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_passing_colour_is_kept_without_diagnostics() {
        let backdrops = on_white(ColourUse::Text);
        let check = check_brand_colours(&[BrandColour {
            role: "primary",
            colour: rgb("#1d5e8c"),
            backdrops: &backdrops,
        }]);
        assert_eq!(check.colours, vec![rgb("#1d5e8c")]);
        assert!(check.failures.is_empty() && check.diagnostics.is_empty());
    }

    #[test]
    fn a_failing_colour_is_replaced_by_the_nearest_accessible_one() {
        let backdrops = [
            Backdrop { name: "page", colour: rgb(WHITE), used_as: ColourUse::Text },
            Backdrop { name: "code background", colour: rgb("#efede8"), used_as: ColourUse::Text },
            Backdrop { name: "card", colour: rgb("#f3f6fa"), used_as: ColourUse::Graphic },
        ];
        for brand in ["#ffcc00", "#ff0000", "#7fb3ff", "#aaaaaa", "#ffffff", "#00ff00"] {
            let colour = rgb(brand);
            let check = check_brand_colours(&[BrandColour {
                role: "accent",
                colour,
                backdrops: &backdrops,
            }]);
            let alt = check.colours[0];
            assert_ne!(alt, colour, "{brand}");
            for b in &backdrops {
                assert!(contrast_ratio(alt, b.colour) >= b.used_as.needed(), "{brand} -> {alt}");
            }
            // Same hue (within rounding), only darker.
            let ((h0, s0, l0), (h1, _, l1)) = (to_hsl(colour), to_hsl(alt));
            assert!(l1 < l0, "{brand} -> {alt}");
            if s0 > 0.0 {
                let dh = (h0 - h1).abs().min(360.0 - (h0 - h1).abs());
                assert!(dh < 4.0, "{brand} -> {alt}: hue {h0} -> {h1}");
            }
            // Nearest: a little lighter fails somewhere.
            let lighter = from_hsl(h0, s0, l1 + 0.01);
            assert!(
                backdrops.iter().any(|b| contrast_ratio(lighter, b.colour) < b.used_as.needed()),
                "{brand} -> {alt} is not the nearest"
            );
            let [d] = check.diagnostics.as_slice() else { panic!("{:?}", check.diagnostics) };
            assert_eq!(d.code, "brand/low-contrast");
            assert!(
                d.message.contains(brand) && d.message.contains(&alt.to_string()),
                "{}",
                d.message
            );
            assert!(d.message.contains("4.5:1"), "{}", d.message);
            assert!(d.hints[0].contains(&alt.to_string()));
            assert!(!check.failures.is_empty());
        }
    }

    #[test]
    fn graphics_need_three_to_one_and_dark_backgrounds_get_lighter_colours() {
        let graphic = on_white(ColourUse::Graphic);
        // #949494 is 3.03:1: fine as a graphic, not as text.
        assert!(
            check_brand_colours(&[BrandColour {
                role: "accent",
                colour: rgb("#949494"),
                backdrops: &graphic
            }])
            .diagnostics
            .is_empty()
        );
        let text = on_white(ColourUse::Text);
        assert_eq!(
            check_brand_colours(&[BrandColour {
                role: "accent",
                colour: rgb("#949494"),
                backdrops: &text
            }])
            .diagnostics
            .len(),
            1
        );
        let dark =
            [Backdrop { name: "dark page", colour: rgb("#15171b"), used_as: ColourUse::Text }];
        let alt = accessible_alternative(rgb("#1d5e8c"), &dark);
        assert!(contrast_ratio(alt, rgb("#15171b")) >= 4.5);
        assert!(to_hsl(alt).2 > to_hsl(rgb("#1d5e8c")).2);
    }

    #[test]
    fn hsl_round_trips() {
        for c in ["#1d5e8c", "#ff0000", "#00ff7f", "#808080", "#000000", "#ffffff", "#b3400a"] {
            let (h, s, l) = to_hsl(rgb(c));
            assert_eq!(from_hsl(h, s, l), rgb(c), "{c}");
        }
    }
}
