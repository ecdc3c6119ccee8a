//! The bounds that keep a hostile PDF cheap, and the checks made before hayro reads the
//! file: size, header, nesting depth, and how far each stream expands when decoded.

use std::borrow::Cow;

use flate2::{Decompress, FlushDecompress, Status};

use crate::PdfError;

/// Bounds on the work and memory one import may take. [`Limits::default`] is what
/// [`import`](crate::import) uses; the README explains each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: usize,
    /// Largest decoded size of one stream, in bytes.
    pub max_stream_bytes: usize,
    /// Largest decoded size of all streams together (images excepted: they are never
    /// decoded), in bytes.
    pub max_decoded_bytes: usize,
    /// Most pages.
    pub max_pages: usize,
    /// Deepest nesting of arrays and dictionaries in the file's objects.
    pub max_nesting: usize,
    /// Most glyphs drawn in the whole document.
    pub max_glyphs: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 256 << 20,
            max_stream_bytes: 64 << 20,
            max_decoded_bytes: 256 << 20,
            max_pages: 5_000,
            max_nesting: 100,
            max_glyphs: 20_000_000,
        }
    }
}

const MIB: usize = 1 << 20;

fn mib(bytes: usize) -> String {
    if bytes >= MIB { format!("{} MiB", bytes / MIB) } else { format!("{bytes} bytes") }
}

/// Checks the raw file before any parsing: size, header, nesting, stream expansion.
pub(crate) fn check(bytes: &[u8], limits: &Limits) -> Result<(), PdfError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(PdfError::TooLarge(format!(
            "the PDF is {}, more than the {} a PDF may have",
            mib(bytes.len()),
            mib(limits.max_file_bytes)
        )));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_none() {
        return Err(PdfError::Malformed("this is not a PDF (no %PDF- header)".into()));
    }
    Scan { bytes, limits, pos: 0, decoded: 0 }.run()
}

struct Scan<'a> {
    bytes: &'a [u8],
    limits: &'a Limits,
    pos: usize,
    decoded: usize,
}

impl Scan<'_> {
    fn run(mut self) -> Result<(), PdfError> {
        let bytes = self.bytes;
        let mut depth = 0usize;
        // Start of the outermost dictionary seen last, and its end.
        let mut dict_start = 0usize;
        let mut dict_end = 0usize;
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            match b {
                b'%' => self.skip_line(),
                b'(' => self.skip_string(),
                b'<' if bytes.get(self.pos + 1) == Some(&b'<') => {
                    if depth == 0 {
                        dict_start = self.pos;
                    }
                    depth += 1;
                    self.pos += 2;
                }
                b'<' => {
                    self.pos =
                        find(&bytes[self.pos..], b">").map_or(bytes.len(), |i| self.pos + i + 1);
                }
                b'>' if bytes.get(self.pos + 1) == Some(&b'>') => {
                    depth = depth.saturating_sub(1);
                    self.pos += 2;
                    if depth == 0 {
                        dict_end = self.pos;
                    }
                }
                b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b']' => {
                    depth = depth.saturating_sub(1);
                    self.pos += 1;
                }
                b's' if bytes[self.pos..].starts_with(b"stream")
                    && (self.pos == 0 || !bytes[self.pos - 1].is_ascii_alphanumeric())
                    && matches!(bytes.get(self.pos + 6), Some(b'\r' | b'\n')) =>
                {
                    let mut start = self.pos + 6;
                    if bytes.get(start) == Some(&b'\r') {
                        start += 1;
                    }
                    if bytes.get(start) == Some(&b'\n') {
                        start += 1;
                    }
                    let end =
                        find(&bytes[start..], b"endstream").map_or(bytes.len(), |i| start + i);
                    let dict = if dict_end <= self.pos && dict_start < dict_end {
                        &bytes[dict_start..dict_end]
                    } else {
                        &[][..]
                    };
                    self.stream(dict, &bytes[start..end])?;
                    self.pos = end + 9;
                    depth = 0;
                }
                b'e' if bytes[self.pos..].starts_with(b"endobj") => {
                    depth = 0;
                    self.pos += 6;
                }
                _ => self.pos += 1,
            }
            if depth > self.limits.max_nesting {
                return Err(PdfError::Malformed(format!(
                    "objects are nested more than {} levels deep",
                    self.limits.max_nesting
                )));
            }
        }
        Ok(())
    }

    fn skip_line(&mut self) {
        while self.pos < self.bytes.len() && !matches!(self.bytes[self.pos], b'\r' | b'\n') {
            self.pos += 1;
        }
    }

    fn skip_string(&mut self) {
        let mut open = 0usize;
        while self.pos < self.bytes.len() {
            match self.bytes[self.pos] {
                b'\\' => self.pos += 1,
                b'(' => open += 1,
                b')' => {
                    open = open.saturating_sub(1);
                    if open == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// Measures how far one stream expands and adds it to the total.
    fn stream(&mut self, dict: &[u8], data: &[u8]) -> Result<(), PdfError> {
        if is_image(dict) {
            return Ok(());
        }
        let remaining = self.limits.max_decoded_bytes.saturating_sub(self.decoded);
        let cap = self.limits.max_stream_bytes.min(remaining);
        let size = expanded_size(&filters(dict), data, cap)?;
        self.decoded += size;
        if size > self.limits.max_stream_bytes {
            return Err(PdfError::TooLarge(format!(
                "a stream expands to more than {} when decoded",
                mib(self.limits.max_stream_bytes)
            )));
        }
        if self.decoded > self.limits.max_decoded_bytes {
            return Err(PdfError::TooLarge(format!(
                "the streams expand to more than {} in total when decoded",
                mib(self.limits.max_decoded_bytes)
            )));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Filter {
    Flate,
    Lzw,
    RunLength,
    AsciiHex,
    Ascii85,
    /// An image codec or encryption: the data is never decoded for text.
    Opaque,
    /// Named indirectly or unknown.
    Unknown,
}

/// The filters named in a stream dictionary's /Filter entry, in order.
fn filters(dict: &[u8]) -> Vec<Filter> {
    let Some(at) = find(dict, b"/Filter") else { return Vec::new() };
    let rest = &dict[at + 7..];
    let rest = rest.trim_ascii_start();
    let names: &[u8] = if rest.first() == Some(&b'[') {
        let end = rest.iter().position(|&b| b == b']').unwrap_or(rest.len());
        &rest[1..end]
    } else if rest.first() == Some(&b'/') {
        let end = rest[1..]
            .iter()
            .position(|&b| b"/<>[]() \r\n\t".contains(&b))
            .map_or(rest.len(), |i| i + 1);
        &rest[..end]
    } else {
        return vec![Filter::Unknown];
    };
    names
        .split(|&b| b == b'/')
        .map(<[u8]>::trim_ascii)
        .filter(|n| !n.is_empty())
        .map(|name| match name {
            b"FlateDecode" | b"Fl" => Filter::Flate,
            b"LZWDecode" | b"LZW" => Filter::Lzw,
            b"RunLengthDecode" | b"RL" => Filter::RunLength,
            b"ASCIIHexDecode" | b"AHx" => Filter::AsciiHex,
            b"ASCII85Decode" | b"A85" => Filter::Ascii85,
            b"DCTDecode" | b"DCT" | b"JPXDecode" | b"JBIG2Decode" | b"CCITTFaxDecode" | b"CCF"
            | b"Crypt" => Filter::Opaque,
            _ => Filter::Unknown,
        })
        .collect()
}

/// The size of `data` once every filter is applied, decoding at most `cap + 1` bytes;
/// data that cannot be decoded counts as it is (hayro will not get further either).
fn expanded_size(filters: &[Filter], data: &[u8], cap: usize) -> Result<usize, PdfError> {
    let mut current: Cow<'_, [u8]> = Cow::Borrowed(data);
    for (i, filter) in filters.iter().enumerate() {
        let last = i + 1 == filters.len();
        let next = match filter {
            Filter::Flate => inflate(&current, cap, last),
            Filter::Lzw => lzw(&current, cap, last),
            Filter::RunLength => run_length(&current, cap),
            Filter::AsciiHex => Ok(ascii_hex(&current)),
            Filter::Ascii85 => Ok(ascii85(&current)),
            Filter::Opaque => return Ok(current.len()),
            Filter::Unknown => {
                // Unknown filters are not decoded by hayro either; bound by the worst ratio.
                return Ok(current.len());
            }
        };
        match next {
            Ok(Decoded::Bytes(bytes)) => current = Cow::Owned(bytes),
            Ok(Decoded::Size(n)) => return Ok(n),
            Err(Over) => return Ok(cap.saturating_add(1)),
        }
    }
    Ok(current.len())
}

enum Decoded {
    Bytes(Vec<u8>),
    /// Only the size was kept (the last filter).
    Size(usize),
}

/// Decoding went past the cap.
struct Over;

fn inflate(data: &[u8], cap: usize, size_only: bool) -> Result<Decoded, Over> {
    // zlib header or raw deflate: hayro accepts both.
    let zlib = data.len() >= 2
        && data[0] & 0x0f == 8
        && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
    let mut inflater = Decompress::new(zlib);
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0usize;
    loop {
        let before_in = inflater.total_in();
        let before_out = inflater.total_out();
        let input = &data[(before_in as usize).min(data.len())..];
        let status = inflater.decompress(input, &mut buf, FlushDecompress::None);
        let produced = (inflater.total_out() - before_out) as usize;
        total += produced;
        if total > cap {
            return Err(Over);
        }
        if !size_only {
            out.extend_from_slice(&buf[..produced]);
        }
        let consumed = inflater.total_in() - before_in;
        match status {
            Ok(Status::StreamEnd) | Err(_) => break,
            Ok(_) if produced == 0 && consumed == 0 => break,
            Ok(_) => {}
        }
    }
    Ok(if size_only { Decoded::Size(total) } else { Decoded::Bytes(out) })
}

fn lzw(data: &[u8], cap: usize, size_only: bool) -> Result<Decoded, Over> {
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut input = data;
    let mut total = 0usize;
    loop {
        let result = decoder.decode_bytes(input, &mut buf);
        total += result.consumed_out;
        if total > cap {
            return Err(Over);
        }
        if !size_only {
            out.extend_from_slice(&buf[..result.consumed_out]);
        }
        input = &input[result.consumed_in..];
        match result.status {
            Ok(weezl::LzwStatus::Ok) if result.consumed_in > 0 || result.consumed_out > 0 => {}
            _ => break,
        }
    }
    Ok(if size_only { Decoded::Size(total) } else { Decoded::Bytes(out) })
}

fn run_length(data: &[u8], cap: usize) -> Result<Decoded, Over> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let n = data[i] as usize;
        i += 1;
        match n {
            0..=127 => {
                let end = (i + n + 1).min(data.len());
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            128 => break,
            _ => {
                if let Some(&b) = data.get(i) {
                    out.extend(std::iter::repeat_n(b, 257 - n));
                }
                i += 1;
            }
        }
        if out.len() > cap {
            return Err(Over);
        }
    }
    Ok(Decoded::Bytes(out))
}

fn ascii_hex(data: &[u8]) -> Decoded {
    let digits: Vec<u8> = data
        .iter()
        .take_while(|&&b| b != b'>')
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    Decoded::Bytes(digits.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect())
}

fn ascii85(data: &[u8]) -> Decoded {
    let mut out = Vec::with_capacity(data.len());
    let mut group = [0u8; 5];
    let mut n = 0;
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = b - b'!';
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
        out.extend_from_slice(&(v as u32).to_be_bytes()[..n - 1]);
    }
    Decoded::Bytes(out)
}

/// Whether a stream dictionary says `/Subtype /Image` (images are never decoded for text).
fn is_image(dict: &[u8]) -> bool {
    let Some(at) = find(dict, b"/Subtype") else { return false };
    let rest = dict[at + 8..].trim_ascii_start();
    rest.starts_with(b"/Image") && !rest.get(6).is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0;
    while from + needle.len() <= haystack.len() {
        let i = haystack[from..].iter().position(|&b| b == first)? + from;
        if haystack[i..].starts_with(needle) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_read_from_names_and_arrays() {
        assert_eq!(filters(b"<< /Length 5 /Filter /FlateDecode >>"), [Filter::Flate]);
        assert_eq!(
            filters(b"<</Filter[/ASCII85Decode/FlateDecode]>>"),
            [Filter::Ascii85, Filter::Flate]
        );
        assert_eq!(filters(b"<< /Filter 7 0 R >>"), [Filter::Unknown]);
        assert!(filters(b"<< /Length 5 >>").is_empty());
    }

    #[test]
    fn only_image_streams_are_skipped() {
        assert!(is_image(b"<< /Type /XObject /Subtype /Image /Width 9 >>"));
        assert!(is_image(b"<</Subtype/Image>>"));
        assert!(!is_image(b"<< /Subtype /Form /Resources << /ProcSet [/PDF /ImageB] >> >>"));
        assert!(!is_image(b"<< /Subtype /ImageX >>"));
    }

    #[test]
    fn ascii_decoders_round_trip_known_values() {
        let Decoded::Bytes(b) = ascii85(b"87cURD]i,\"Ebo80~>") else { panic!() };
        assert_eq!(b, b"Hello World!");
        let Decoded::Bytes(b) = ascii_hex(b"48 65 6c6C6f>") else { panic!() };
        assert_eq!(b, b"Hello");
    }
}
