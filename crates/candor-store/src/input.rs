//! Checks of the ids, times and hashes callers pass in.

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::project::Project;

/// Longest id accepted for a source, document or comment.
const MAX_ID_BYTES: usize = 128;
/// Longest time text accepted.
const MAX_TIME_BYTES: usize = 64;

/// The SHA-256 of `bytes` as 64 lowercase hex digits, as the store records it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl Project {
    /// Ids are chosen by the caller: 1–128 bytes, no white space, control characters or `#`
    /// (citations read `source:ID#PASSAGE`).
    pub(crate) fn check_id(&self, what: &str, id: &str) -> Result<()> {
        let bad = id.is_empty()
            || id.len() > MAX_ID_BYTES
            || id.chars().any(|c| c.is_whitespace() || c.is_control() || c == '#');
        if bad {
            return Err(self.invalid(format!(
                "'{}' is not a valid {what} id: use 1 to {MAX_ID_BYTES} bytes without spaces or '#'",
                id.escape_debug()
            )));
        }
        Ok(())
    }

    /// Times are ISO 8601 text given by the caller (`2026-03-01T12:00:00Z`); the store never
    /// reads the clock. Only the shape is checked: a date first, printable ASCII after it.
    pub(crate) fn check_time(&self, what: &str, at: &str) -> Result<()> {
        let b = at.as_bytes();
        let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
        let ok = b.len() >= 10
            && b.len() <= MAX_TIME_BYTES
            && digits(0..4)
            && b[4] == b'-'
            && digits(5..7)
            && b[7] == b'-'
            && digits(8..10)
            && b[10..].iter().all(|c| c.is_ascii_graphic());
        if !ok {
            return Err(self.invalid(format!(
                "{what} '{}' is not an ISO 8601 time such as 2026-03-01T12:00:00Z",
                at.escape_debug()
            )));
        }
        Ok(())
    }

    /// A size or count for a column: sizes beyond `i64` are not representable in SQLite.
    pub(crate) fn to_i64(&self, what: &str, n: usize) -> Result<i64> {
        i64::try_from(n).map_err(|_| self.invalid(format!("{what} is too large ({n})")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn ids_and_times_are_checked() {
        let p = Project::in_memory().unwrap();
        assert!(p.check_id("source", "gpt-4o-card").is_ok());
        assert!(p.check_id("source", "modèle_ü.1").is_ok());
        for bad in ["", "a b", "a#b", "a\u{0}b", &"x".repeat(129)] {
            assert!(p.check_id("source", bad).is_err(), "{bad:?}");
        }
        for good in ["2026-03-01", "2026-03-01T12:00:00Z", "2026-03-01T12:00:00.123+02:00"] {
            assert!(p.check_time("time", good).is_ok(), "{good}");
        }
        for bad in ["", "yesterday", "2026-3-1", "2026-03-01 12:00", "２０２６-03-01"] {
            assert!(p.check_time("time", bad).is_err(), "{bad}");
        }
    }
}
