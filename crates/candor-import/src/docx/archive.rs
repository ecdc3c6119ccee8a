//! The DOCX package (a ZIP archive), opened without trusting it.
//!
//! A zip bomb is refused before anything is unpacked, from the sizes the archive declares,
//! and again while unpacking, by counting bytes: a lying header gains nothing.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::source::ImportError;

const MIB: u64 = 1024 * 1024;
/// Most entries a package may have (Word writes a few dozen).
pub(super) const MAX_ENTRIES: u64 = 10_000;
/// Largest unpacked size of one entry.
pub(super) const MAX_ENTRY_BYTES: u64 = 64 * MIB;
/// Largest unpacked size of all entries together.
pub(super) const MAX_TOTAL_BYTES: u64 = 256 * MIB;
/// Compression ratio above which a large entry is taken for a bomb. Word's XML packs about
/// 10:1; the ratio of a bomb is near deflate's limit of about 1000:1.
const MAX_RATIO: u64 = 1000;
/// Entries below this size may pack as well as they like: they cannot hurt.
const RATIO_FLOOR: u64 = MIB;

/// The signature of an OLE compound file: Word 97–2003 documents, and encrypted .docx.
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

pub(super) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, ImportError> {
        if bytes.starts_with(CFB_MAGIC) {
            return Err(compound_file(bytes));
        }
        if !bytes.starts_with(b"PK") {
            return Err(ImportError::Unsupported(
                "this file is not a Word document (.docx): a .docx file is a ZIP archive, and \
                 this one does not start like one"
                    .to_owned(),
            ));
        }
        // Counted from the end-of-archive record before the archive is opened: the ZIP
        // reader builds an index of every entry, which a hostile count would blow up.
        if let Some(count) = declared_entries(bytes)
            && count > MAX_ENTRIES
        {
            return Err(too_many_entries(count));
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
        let count = archive.len() as u64;
        if count > MAX_ENTRIES {
            return Err(too_many_entries(count));
        }
        let mut total: u64 = 0;
        for i in 0..archive.len() {
            let entry = archive.by_index_data(i).map_err(|e| damaged(&e))?;
            let name = entry.name().map_or_else(|_| format!("entry {}", i + 1), |n| n.into_owned());
            if entry.encrypted() {
                return Err(ImportError::Encrypted);
            }
            let size = entry.size();
            let packed = entry.compressed_size();
            if size > MAX_ENTRY_BYTES {
                return Err(ImportError::TooLarge(format!(
                    "the DOCX file looks like a zip bomb: its part {name} would unpack to {} \
                     (packed: {}), more than the {} Candor allows for one part",
                    bytes_text(size),
                    bytes_text(packed),
                    bytes_text(MAX_ENTRY_BYTES)
                )));
            }
            if size > RATIO_FLOOR && size / packed.max(1) > MAX_RATIO {
                return Err(ImportError::TooLarge(format!(
                    "the DOCX file looks like a zip bomb: its part {name} packs {} into {} \
                     (more than {MAX_RATIO} to 1), which no real document does",
                    bytes_text(size),
                    bytes_text(packed)
                )));
            }
            total = total.saturating_add(size);
        }
        if total > MAX_TOTAL_BYTES {
            return Err(ImportError::TooLarge(format!(
                "the DOCX file would unpack to {}, more than the {} Candor allows",
                bytes_text(total),
                bytes_text(MAX_TOTAL_BYTES)
            )));
        }
        Ok(Self { archive, unpacked: 0 })
    }

    /// The unpacked bytes of a part, `None` if the package has no such part. Part names
    /// are matched without a leading slash and, as OPC requires, without regard to case.
    pub(super) fn read(&mut self, part: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let part = part.trim_start_matches('/');
        let index = self.archive.index_for_name(part).or_else(|| {
            self.archive
                .file_names()
                .position(|n| n.is_ok_and(|n| n.trim_start_matches('/').eq_ignore_ascii_case(part)))
        });
        let Some(index) = index else { return Ok(None) };
        let file = self.archive.by_index(index).map_err(|e| damaged(&e))?;
        let declared = file.size();
        let limit = MAX_ENTRY_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(self.unpacked));
        let mut data = Vec::with_capacity(usize::try_from(declared.min(limit)).unwrap_or(0));
        // One byte more than allowed, to tell "exactly at the limit" from "over it".
        file.take(limit + 1).read_to_end(&mut data).map_err(|e| {
            // The ZIP reader checks the declared size too; a part that outgrows it is the
            // mark of a bomb with lying headers.
            if e.to_string().contains("larger than its declared") {
                ImportError::TooLarge(format!(
                    "the DOCX file looks like a zip bomb: its part {part} unpacks to more than \
                     the {} the archive says",
                    bytes_text(declared)
                ))
            } else {
                ImportError::Unreadable(format!(
                    "the DOCX file is damaged: its part {part} cannot be unpacked ({e})"
                ))
            }
        })?;
        let got = data.len() as u64;
        if got > limit {
            return Err(ImportError::TooLarge(format!(
                "the DOCX file looks like a zip bomb: its part {part} unpacks to more than {}, \
                 although the archive says {}",
                bytes_text(limit),
                bytes_text(declared)
            )));
        }
        self.unpacked += got;
        Ok(Some(data))
    }
}

/// "1 073 741 824 bytes (1.0 GiB)", sizes as people read them.
fn bytes_text(n: u64) -> String {
    let f = n as f64;
    if n >= 1024 * MIB {
        format!("{n} bytes ({:.1} GiB)", f / (1024.0 * MIB as f64))
    } else if n >= MIB {
        format!("{n} bytes ({:.1} MiB)", f / MIB as f64)
    } else {
        format!("{n} bytes")
    }
}

fn too_many_entries(count: u64) -> ImportError {
    ImportError::TooLarge(format!(
        "the DOCX file has {count} parts; Candor opens packages of at most {MAX_ENTRIES} parts \
         (Word writes a few dozen)"
    ))
}

fn damaged(e: &ZipError) -> ImportError {
    match e {
        ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => {
            ImportError::Encrypted
        }
        ZipError::InvalidPassword => ImportError::Encrypted,
        ZipError::CompressionMethodNotSupported(method) => ImportError::Unsupported(format!(
            "the DOCX file packs its parts with compression method {method}, which Candor does \
             not read (Word uses \"deflate\"); open and save it again in Word"
        )),
        other => ImportError::Unreadable(format!(
            "the DOCX file is damaged: it is not a readable ZIP archive ({other})"
        )),
    }
}

/// The entry count of the end-of-central-directory record (ZIP64 too), if there is one.
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
    let start = bytes.len().saturating_sub(22 + 65_535);
    let at = start + bytes[start..].windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let record = bytes.get(at..at + 22)?;
    let count = u16::from_le_bytes([record[10], record[11]]);
    if count != u16::MAX {
        return Some(u64::from(count));
    }
    // ZIP64: a locator just before the record points at the ZIP64 record with the count.
    let locator = bytes.get(at.checked_sub(20)?..at)?;
    if !locator.starts_with(b"PK\x06\x07") {
        return Some(u64::from(count));
    }
    let offset = usize::try_from(u64::from_le_bytes(locator[8..16].try_into().ok()?)).ok()?;
    let record = bytes.get(offset..)?.get(..56)?;
    if !record.starts_with(b"PK\x06\x06") {
        return None;
    }
    Some(u64::from_le_bytes(record[32..40].try_into().ok()?))
}

/// Word 97–2003 files and password-protected .docx files are both OLE compound files;
/// only the second holds an "EncryptedPackage" stream.
fn compound_file(bytes: &[u8]) -> ImportError {
    let marker: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
        ImportError::Encrypted
    } else {
        ImportError::Unsupported(
            "this is an old Word 97–2003 document (.doc), not a .docx; save it as .docx in Word \
             and import that"
                .to_owned(),
        )
    }
}
