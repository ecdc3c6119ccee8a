use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use candor_model::{Diagnostic, Document, Warned};
use candor_render::{Images, MAX_IMAGE_BYTES, for_each_image, prepare_image};

use crate::Error;

/// Largest companion document Candor reads.
pub const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

/// A companion document read from disk and parsed.
#[derive(Debug, Clone)]
pub struct LoadedDocument {
    pub path: PathBuf,
    pub text: String,
    pub document: Warned<Document>,
}

/// Reads and parses a companion document (`.md`).
pub fn load_document(path: &Path) -> Result<LoadedDocument, Error> {
    let bytes = read_limited(path, MAX_DOCUMENT_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let document = candor_import::parse_companion(&text);
    Ok(LoadedDocument { path: path.to_owned(), text, document })
}

/// Reads at most `limit` bytes, failing with `TooLarge` beyond, without reading more.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let file = fs::File::open(path).map_err(|e| Error::read(path, e))?;
    let size = file.metadata().map_err(|e| Error::read(path, e))?.len();
    if size > limit {
        return Err(Error::TooLarge { path: path.to_owned(), size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Error::read(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Loads every image the document uses, relative to the document's folder. Images outside
/// that folder, missing or broken ones become diagnostics at the image's position.
pub fn load_images(doc: &Document, document_path: &Path) -> (Images, Vec<Diagnostic>) {
    let base = document_path.parent().unwrap_or(Path::new("."));
    let mut images = Images::new();
    let mut diagnostics = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for_each_image(doc, &mut |image| {
        if !seen.insert(image.src.clone()) {
            return;
        }
        let problem = |code: &str, message: String| Diagnostic::error(code, image.span, message);
        let relative = Path::new(&image.src);
        let inside =
            relative.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if !inside || image.src.is_empty() {
            diagnostics.push(
                problem(
                    "image/outside-folder",
                    format!("The image `{}` is not inside the document's folder.", image.src),
                )
                .with_hint(
                    "Copy the image next to the document and refer to it by a relative path.",
                ),
            );
            return;
        }
        let path = base.join(relative);
        let bytes = match read_limited(&path, MAX_IMAGE_BYTES as u64) {
            Ok(bytes) => bytes,
            Err(Error::NotFound { .. }) => {
                let message = format!("The image `{}` does not exist.", image.src);
                let hint = "Check the file name; it is read relative to the document's folder.";
                diagnostics.push(problem("image/not-found", message).with_hint(hint));
                return;
            }
            Err(Error::TooLarge { size, limit, .. }) => {
                let message = format!(
                    "The image `{}` is {size} bytes; images may be at most {limit} bytes.",
                    image.src
                );
                diagnostics.push(problem("image/too-large", message));
                return;
            }
            Err(Error::Read { source, .. }) => {
                let message = format!("The image `{}` cannot be read: {source}.", image.src);
                diagnostics.push(problem("image/unreadable", message));
                return;
            }
            Err(other) => {
                diagnostics.push(problem(
                    "image/unreadable",
                    format!("The image `{}`: {other}.", image.src),
                ));
                return;
            }
        };
        match prepare_image(&bytes) {
            Ok(prepared) => images.insert(image.src.clone(), prepared),
            Err(e) => diagnostics
                .push(problem("image/invalid", format!("The image `{}`: {e}.", image.src))),
        }
    });
    (images, diagnostics)
}
