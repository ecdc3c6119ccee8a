//! The reviewer's identity on this computer: name, role and e-mail, kept in Candor's
//! preferences (`identity.json` in the configuration folder the app and the CLI share).

use std::path::{Path, PathBuf};

use candor_store::Person;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::Error;

const FILE: &str = "identity.json";
/// An identity file is a few dozen bytes; anything much larger is not one.
const MAX_BYTES: u64 = 64 * 1024;

/// Who is using Candor here.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Identity {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub email: String,
}

impl Identity {
    pub fn person(&self) -> Person {
        Person {
            name: self.name.trim().to_owned(),
            role: self.role.trim().to_owned(),
            email: self.email.trim().to_owned(),
        }
    }
}

/// The configuration folder the desktop app uses (`$XDG_CONFIG_HOME/eu.candor.desktop`, or
/// `~/.config/eu.candor.desktop`); `CANDOR_CONFIG_DIR` overrides it.
pub fn default_config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CANDOR_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("eu.candor.desktop"))
}

/// The identity saved in `config_dir`, if any. A damaged file counts as none.
pub fn load_identity(config_dir: &Path) -> Option<Identity> {
    let path = config_dir.join(FILE);
    let size = std::fs::metadata(&path).ok()?.len();
    if size > MAX_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    serde_json::from_str::<Identity>(&text).ok().filter(|i| !i.name.trim().is_empty())
}

/// Saves the identity in `config_dir` (created if missing), replacing the file whole.
pub fn save_identity(config_dir: &Path, identity: &Identity) -> Result<(), Error> {
    if identity.name.trim().is_empty() {
        return Err(Error::Review {
            path: config_dir.join(FILE),
            message: "a name is needed; role and e-mail are optional".to_owned(),
        });
    }
    let path = config_dir.join(FILE);
    std::fs::create_dir_all(config_dir)
        .map_err(|source| Error::Write { path: path.clone(), source })?;
    let json = serde_json::to_string_pretty(&Identity {
        name: identity.name.trim().to_owned(),
        role: identity.role.trim().to_owned(),
        email: identity.email.trim().to_owned(),
    })
    .unwrap_or_default();
    crate::export::write_atomically(&path, json.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_is_saved_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_identity(dir.path()), None);
        let me = Identity { name: " Ana Ruiz ".into(), role: "Legal".into(), email: String::new() };
        save_identity(&dir.path().join("nested"), &me).unwrap();
        let back = load_identity(&dir.path().join("nested")).unwrap();
        assert_eq!(back.name, "Ana Ruiz");
        assert_eq!(back.person().role, "Legal");
        assert!(save_identity(dir.path(), &Identity::default()).is_err());
        std::fs::write(dir.path().join(FILE), "{not json").unwrap();
        assert_eq!(load_identity(dir.path()), None);
    }
}
