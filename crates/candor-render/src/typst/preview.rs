//! Live preview: one typst world kept alive between edits, so typst's memoised work
//! (comemo) carries over from one update to the next and only the pages that changed are
//! drawn again as SVG.

use std::collections::BTreeMap;
use std::fmt;

use candor_model::Document;
use typst::foundations::Datetime;
use typst::utils::hash128;
use typst_svg::SvgOptions;

use super::{MemoryWorld, RenderError, compile, writer};
use crate::images::Images;

/// How many updates a memoised result may go unused before it is dropped: typst-cli's
/// watch mode keeps 10, which bounds memory in a long session.
const MEMO_MAX_AGE: usize = 10;

/// One page of a preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewPage {
    /// 0-based position in the document.
    pub index: usize,
    /// A hash of everything drawn on the page (32 hex digits). Equal hashes mean equal
    /// pages within one run of the program.
    pub hash: String,
    /// The page's width in points.
    pub width_pt: f64,
    /// The page's height in points.
    pub height_pt: f64,
    /// The page as SVG, only when it differs from the page at this index in the previous
    /// update; `None` means the caller's copy is still right.
    pub svg: Option<String>,
}

/// Every page of a preview after an update.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewPages {
    /// One entry per page, in order.
    pub pages: Vec<PreviewPage>,
    /// How many pages the document has now; pages past it are gone.
    pub page_count: usize,
}

/// A live preview of one document: call [`Preview::update`] after every edit.
///
/// typst's memo cache is shared by the whole process; each update ages it and drops what
/// went unused for a while, as typst's own watch mode does.
pub struct Preview {
    state: Option<WorldState>,
    /// The hash of each page the caller was last given.
    page_hashes: Vec<u128>,
    reuse: bool,
}

/// The world kept between updates, with what it was built from.
struct WorldState {
    world: MemoryWorld,
    today: Option<Datetime>,
    /// Hash of each image file's bytes by virtual path, to replace only changed images.
    images: BTreeMap<String, u128>,
    /// The template text (it changes with the branding).
    template: String,
}

impl fmt::Debug for Preview {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Preview")
            .field("pages", &self.page_hashes.len())
            .field("reuse", &self.reuse)
            .finish_non_exhaustive()
    }
}

impl Default for Preview {
    fn default() -> Self {
        Self::new()
    }
}

impl Preview {
    /// A preview with nothing shown yet: the first update returns every page's SVG.
    pub fn new() -> Self {
        Self { state: None, page_hashes: Vec::new(), reuse: true }
    }

    /// A preview that reuses nothing: each update starts from a fresh world, clears typst's
    /// memo cache (for the whole process) and returns every page's SVG. Only for measuring
    /// what incremental reuse saves.
    pub fn without_reuse() -> Self {
        Self { reuse: false, ..Self::new() }
    }

    /// Makes the next update return every page's SVG, for a caller that lost its copies.
    pub fn forget_pages(&mut self) {
        self.page_hashes.clear();
    }

    /// Typesets `doc` again and returns its pages, with SVG only for pages that changed
    /// since the last successful update. After an error the previous pages stay current.
    pub fn update(&mut self, doc: &Document, images: &Images) -> Result<PreviewPages, RenderError> {
        if !self.reuse {
            typst::comemo::evict(0);
            self.state = None;
            self.page_hashes.clear();
        }
        let main = writer::write_main(doc, images);
        let today = doc.meta.date.and_then(|d| Datetime::from_ymd(d.year, d.month, d.day));
        let template = super::template(images.branding());
        let files: BTreeMap<&str, &[u8]> = main
            .images
            .iter()
            .filter_map(|(path, src)| images.get(src).map(|i| (path.as_str(), i.data.as_slice())))
            .collect();

        // Keep the world (and so the main source's id and syntax tree) unless the date
        // changed or an image went away; a new world still finds typst's memo cache.
        let mut state = match self.state.take() {
            Some(mut state)
                if state.today == today
                    && state.template == template
                    && state.images.keys().all(|p| files.contains_key(p.as_str())) =>
            {
                state.world.set_main(main.text);
                state
            }
            _ => {
                let mut world = MemoryWorld::new(main.text, today);
                world.add_source(writer::TEMPLATE_PATH, template.clone().into_owned());
                WorldState {
                    world,
                    today,
                    images: BTreeMap::new(),
                    template: template.into_owned(),
                }
            }
        };
        for (path, data) in files {
            let hash = hash128(data);
            if state.images.get(path) != Some(&hash) {
                state.world.add_file(path, data.to_vec());
                state.images.insert(path.to_owned(), hash);
            }
        }

        let compiled = compile(&state.world);
        self.state = Some(state);
        if self.reuse {
            typst::comemo::evict(MEMO_MAX_AGE);
        }
        let paged = compiled?;

        let options = SvgOptions::default();
        let mut hashes = Vec::with_capacity(paged.pages().len());
        let pages: Vec<PreviewPage> = paged
            .pages()
            .iter()
            .enumerate()
            .map(|(index, page)| {
                let hash = hash128(page);
                hashes.push(hash);
                let size = page.frame.size();
                PreviewPage {
                    index,
                    hash: format!("{hash:032x}"),
                    width_pt: size.x.to_pt(),
                    height_pt: size.y.to_pt(),
                    svg: (self.page_hashes.get(index) != Some(&hash))
                        .then(|| typst_svg::svg(page, &options)),
                }
            })
            .collect();
        self.page_hashes = hashes;
        Ok(PreviewPages { page_count: pages.len(), pages })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        candor_import::parse_companion(text).value
    }

    const HEADER: &str = "---\ntitle: Preview test\nlang: en\ndate: 2026-03-01\n---\n\n";

    /// A document of several pages: `sections` level-1 headings with long paragraphs.
    fn long_text(sections: usize, last_paragraph: &str) -> String {
        let mut text = HEADER.to_owned();
        let sentence = "The model was checked against the risk of misuse before the public release, \
                        and the figures are estimates with real uncertainty. ";
        for i in 0..sections {
            text.push_str(&format!("# Section {i}\n\n"));
            for _ in 0..6 {
                text.push_str(&sentence.repeat(6));
                text.push_str("\n\n");
            }
        }
        text.push_str(last_paragraph);
        text.push('\n');
        text
    }

    fn svgs(pages: &PreviewPages) -> Vec<usize> {
        pages.pages.iter().filter(|p| p.svg.is_some()).map(|p| p.index).collect()
    }

    #[test]
    fn the_first_update_draws_every_page_and_an_identical_one_none() {
        let mut preview = Preview::new();
        let d = doc(&long_text(3, "The end."));
        let first = preview.update(&d, &Images::new()).unwrap();
        assert!(first.page_count >= 3, "{}", first.page_count);
        assert_eq!(first.pages.len(), first.page_count);
        assert_eq!(svgs(&first), (0..first.page_count).collect::<Vec<_>>());
        for (i, page) in first.pages.iter().enumerate() {
            assert_eq!(page.index, i);
            assert_eq!(page.hash.len(), 32);
            // A4 in points.
            assert!((page.width_pt - 595.28).abs() < 0.1 && (page.height_pt - 841.89).abs() < 0.1);
            assert!(page.svg.as_deref().unwrap().starts_with("<svg"));
        }

        let second = preview.update(&d, &Images::new()).unwrap();
        assert!(svgs(&second).is_empty());
        let hashes = |p: &PreviewPages| p.pages.iter().map(|p| p.hash.clone()).collect::<Vec<_>>();
        assert_eq!(hashes(&first), hashes(&second));

        // A preview started afresh agrees on every page.
        let fresh = Preview::new().update(&d, &Images::new()).unwrap();
        assert_eq!(hashes(&first), hashes(&fresh));
        assert_eq!(first.pages[1].svg, fresh.pages[1].svg);
    }

    #[test]
    fn an_edit_on_the_last_page_redraws_only_that_page() {
        let mut preview = Preview::new();
        let before = preview.update(&doc(&long_text(4, "The end.")), &Images::new()).unwrap();
        let after = preview.update(&doc(&long_text(4, "The very end.")), &Images::new()).unwrap();
        assert_eq!(before.page_count, after.page_count);
        assert_eq!(svgs(&after), vec![after.page_count - 1]);
        assert!(after.pages[after.page_count - 1].svg.as_deref().unwrap().contains("<svg"));
    }

    #[test]
    fn a_shorter_document_has_fewer_pages() {
        let mut preview = Preview::new();
        let long = preview.update(&doc(&long_text(5, "The end.")), &Images::new()).unwrap();
        let short = preview.update(&doc(&long_text(2, "The end.")), &Images::new()).unwrap();
        assert!(short.page_count < long.page_count, "{} {}", short.page_count, long.page_count);
        assert_eq!(short.pages.len(), short.page_count);
        assert_eq!(short.pages.last().map(|p| p.index), Some(short.page_count - 1));
        // Growing again draws the pages that came back.
        let again = preview.update(&doc(&long_text(5, "The end.")), &Images::new()).unwrap();
        assert_eq!(again.page_count, long.page_count);
        assert!(svgs(&again).contains(&(long.page_count - 1)));
    }

    #[test]
    fn forgetting_pages_draws_them_all_again() {
        let mut preview = Preview::new();
        let d = doc(&long_text(1, "The end."));
        preview.update(&d, &Images::new()).unwrap();
        preview.forget_pages();
        let again = preview.update(&d, &Images::new()).unwrap();
        assert_eq!(svgs(&again).len(), again.page_count);
    }

    #[test]
    fn a_changed_date_and_changed_images_are_picked_up() {
        use crate::images::prepare_image;
        let png = |colour: [u8; 4]| {
            let img = image::RgbaImage::from_pixel(4, 4, image::Rgba(colour));
            let mut bytes = Vec::new();
            img.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
            prepare_image(&bytes).unwrap()
        };
        let text = format!("{HEADER}# Picture\n\n![a square](square.png)\n");
        let d = doc(&text);
        let mut images = Images::new();
        images.insert("square.png", png([255, 0, 0, 255]));
        let mut preview = Preview::new();
        preview.update(&d, &images).unwrap();
        images.insert("square.png", png([0, 0, 255, 255]));
        let recoloured = preview.update(&d, &images).unwrap();
        assert_eq!(svgs(&recoloured), vec![0]);
        let redated = preview.update(&doc(&text.replace("2026-03-01", "2026-04-01")), &images);
        assert_eq!(svgs(&redated.unwrap()), vec![0]);
    }

    #[test]
    fn a_preview_can_move_between_threads() {
        fn send<T: Send>() {}
        send::<Preview>();
    }
}
