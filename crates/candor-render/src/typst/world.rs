//! The typst World: every file typst may read is handed in; nothing comes from disk.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The bundled fonts (assets/fonts), compiled into the binary so output never depends on
/// the fonts of the machine.
static FONT_FILES: &[&[u8]] = &[
    include_bytes!("../../../../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../../../../assets/fonts/Inter-Italic.otf"),
    include_bytes!("../../../../assets/fonts/Inter-Bold.otf"),
    include_bytes!("../../../../assets/fonts/Inter-BoldItalic.otf"),
    include_bytes!("../../../../assets/fonts/Inter-SemiBold.otf"),
    include_bytes!("../../../../assets/fonts/Inter-SemiBoldItalic.otf"),
    include_bytes!("../../../../assets/fonts/AtkinsonHyperlegible-Regular.ttf"),
    include_bytes!("../../../../assets/fonts/AtkinsonHyperlegible-Italic.ttf"),
    include_bytes!("../../../../assets/fonts/AtkinsonHyperlegible-Bold.ttf"),
    include_bytes!("../../../../assets/fonts/AtkinsonHyperlegible-BoldItalic.ttf"),
    include_bytes!("../../../../assets/fonts/NotoSansMono-Regular.ttf"),
    include_bytes!("../../../../assets/fonts/NotoSansMono-Bold.ttf"),
];

struct FontSet {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<FontSet> = LazyLock::new(|| {
    let fonts: Vec<Font> =
        FONT_FILES.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
    FontSet { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
});

static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// A typst project held in memory: typst sources and binary files by virtual path.
pub struct MemoryWorld {
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

/// The id of a file at `path` (e.g. `/main.typ`) in the project root.
pub(crate) fn file_id(path: &str) -> FileId {
    // Our own paths are fixed ASCII names; a failure here is a programming error.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| panic!("invalid virtual path {path}"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

impl MemoryWorld {
    /// A world whose main file is `/main.typ` with `main_text`; `today` (the document's
    /// date) answers `datetime.today()`, so output never depends on the clock.
    pub fn new(main_text: String, today: Option<Datetime>) -> Self {
        let main = file_id("/main.typ");
        let mut sources = HashMap::new();
        sources.insert(main, Source::new(main, main_text));
        Self { main, sources, files: HashMap::new(), today }
    }

    /// Adds (or replaces) a typst source file, e.g. the template.
    pub fn add_source(&mut self, path: &str, text: String) {
        let id = file_id(path);
        self.sources.insert(id, Source::new(id, text));
    }

    /// Adds (or replaces) a binary file, e.g. an image.
    pub fn add_file(&mut self, path: &str, data: Vec<u8>) {
        self.files.insert(file_id(path), Bytes::new(data));
    }

    /// Replaces the main source's text, keeping its id so typst can reuse earlier work.
    pub fn set_main(&mut self, text: String) {
        if let Some(source) = self.sources.get_mut(&self.main) {
            source.replace(&text);
        }
    }

    pub fn main_source(&self) -> Option<&Source> {
        self.sources.get(&self.main)
    }
}

impl World for MemoryWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        self.sources
            .get(&id)
            .map(|s| Bytes::from_string(s.text().to_owned()))
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}
