//! Project settings: a key/value table, with typed access to the branding.

use std::fmt;

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params};

use crate::error::Result;
use crate::project::Project;

const ORGANISATION: &str = "branding.organisation";
const LOGO: &str = "branding.logo";
const LOGO_MIME: &str = "branding.logo_mime";
const PRIMARY: &str = "branding.primary_colour";
const ACCENT: &str = "branding.accent_colour";

/// How the organisation's companion documents look.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Branding {
    pub organisation: Option<String>,
    pub logo: Option<Logo>,
    /// The main colour (headings, rules).
    pub primary: Option<Colour>,
    /// The second colour (highlights, icon arrays).
    pub accent: Option<Colour>,
}

/// A logo image, as its bytes and media type (`image/png`, `image/svg+xml`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub mime: String,
}

/// An sRGB colour, written `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    /// Reads `#rrggbb` (either case).
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour { r: byte(0)?, g: byte(2)?, b: byte(4)? })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl Project {
    /// The branding; values missing or of the wrong shape in the file count as not set.
    pub fn branding(&self) -> Result<Branding> {
        let rows: Vec<(String, Value)> = self
            .conn()
            .prepare_cached("SELECT key, value FROM setting WHERE key LIKE 'branding.%'")
            .and_then(|mut stmt| stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(self.sql())?;
        let mut branding = Branding::default();
        let (mut logo, mut mime) = (None, None);
        for (key, value) in rows {
            match (key.as_str(), value) {
                (ORGANISATION, Value::Text(t)) => branding.organisation = Some(t),
                (LOGO, Value::Blob(b)) => logo = Some(b),
                (LOGO_MIME, Value::Text(t)) => mime = Some(t),
                (PRIMARY, Value::Text(t)) => branding.primary = Colour::parse(&t),
                (ACCENT, Value::Text(t)) => branding.accent = Colour::parse(&t),
                _ => {}
            }
        }
        if let (Some(bytes), Some(mime)) = (logo, mime) {
            branding.logo = Some(Logo { bytes, mime });
        }
        Ok(branding)
    }

    /// Replaces the branding, in one transaction; `None` fields are cleared.
    pub fn set_branding(&mut self, branding: &Branding) -> Result<()> {
        let organisation =
            branding.organisation.as_deref().map(str::trim).filter(|o| !o.is_empty());
        if let Some(logo) = &branding.logo {
            let mime_ok = logo.mime.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty() && !b.is_empty() && logo.mime.chars().all(|c| c.is_ascii_graphic())
            });
            if !mime_ok || logo.bytes.is_empty() {
                return Err(self.invalid(format!(
                    "the logo needs bytes and a media type such as image/png (got '{}')",
                    logo.mime.escape_debug()
                )));
            }
        }
        let values: [(&str, Option<Value>); 5] = [
            (ORGANISATION, organisation.map(|o| Value::Text(o.to_owned()))),
            (LOGO, branding.logo.as_ref().map(|l| Value::Blob(l.bytes.clone()))),
            (LOGO_MIME, branding.logo.as_ref().map(|l| Value::Text(l.mime.clone()))),
            (PRIMARY, branding.primary.map(|c| Value::Text(c.to_string()))),
            (ACCENT, branding.accent.map(|c| Value::Text(c.to_string()))),
        ];
        let tx = self.begin()?;
        for (key, value) in values {
            put(&tx, key, value).map_err(self.sql())?;
        }
        tx.commit().map_err(self.sql())
    }

    /// A text setting; `None` if unset (or not text).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        let value: Option<Value> = self
            .conn()
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(self.sql())?;
        Ok(match value {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        })
    }

    /// Sets (or, with `None`, clears) a text setting, in one transaction.
    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        if key.is_empty() {
            return Err(self.invalid("a setting needs a name"));
        }
        let tx = self.begin()?;
        put(&tx, key, value.map(|v| Value::Text(v.to_owned()))).map_err(self.sql())?;
        tx.commit().map_err(self.sql())
    }
}

fn put(conn: &rusqlite::Connection, key: &str, value: Option<Value>) -> rusqlite::Result<()> {
    match value {
        Some(value) => conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?,
        None => conn.execute("DELETE FROM setting WHERE key = ?1", [key])?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_and_write_hex() {
        let c = Colour::parse("#1A2b3c").unwrap();
        assert_eq!(c, Colour { r: 0x1a, g: 0x2b, b: 0x3c });
        assert_eq!(c.to_string(), "#1a2b3c");
        for bad in ["", "#", "1a2b3c", "#1a2b3", "#1a2b3g", "#+1a2b3", "#1a2b3c0", "#é1a2b"] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }
}

#[cfg(test)]
mod project_tests {
    use super::*;
    use crate::StoreError;

    #[test]
    fn branding_round_trips_and_clears() {
        let mut p = Project::in_memory().unwrap();
        assert_eq!(p.branding().unwrap(), Branding::default());
        let branding = Branding {
            organisation: Some("Acme AI Safety".into()),
            logo: Some(Logo { bytes: vec![0x89, b'P', b'N', b'G'], mime: "image/png".into() }),
            primary: Colour::parse("#123456"),
            accent: Colour::parse("#ABCDEF"),
        };
        p.set_branding(&branding).unwrap();
        assert_eq!(p.branding().unwrap(), branding);
        let fewer = Branding { logo: None, accent: None, ..branding };
        p.set_branding(&fewer).unwrap();
        assert_eq!(p.branding().unwrap(), fewer);
        let bad =
            Branding { logo: Some(Logo { bytes: vec![1], mime: "png".into() }), ..fewer.clone() };
        assert!(matches!(p.set_branding(&bad), Err(StoreError::Invalid { .. })));
        assert_eq!(p.branding().unwrap(), fewer);
    }

    #[test]
    fn settings_are_text_and_malformed_values_count_as_unset() {
        let mut p = Project::in_memory().unwrap();
        p.set_setting("export.template", Some("companion")).unwrap();
        assert_eq!(p.setting("export.template").unwrap().as_deref(), Some("companion"));
        p.set_setting("export.template", None).unwrap();
        assert_eq!(p.setting("export.template").unwrap(), None);
        p.conn()
            .execute_batch(
                "INSERT INTO setting VALUES ('branding.primary_colour', 'red'), \
                 ('branding.organisation', x'00'), ('branding.logo', 'not bytes')",
            )
            .unwrap();
        assert_eq!(p.branding().unwrap(), Branding::default());
    }
}
