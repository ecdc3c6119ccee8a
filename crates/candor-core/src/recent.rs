//! The list of recently opened projects, kept in a small JSON file of the app's settings.
//! A missing or damaged list is an empty one: it only saves the user a few clicks.

use std::path::Path;

use crate::Error;
use crate::views::RecentProject;
use crate::workspace::project_name;

/// At most this many projects are remembered.
pub const MAX_RECENT: usize = 10;

/// The remembered projects, most recent first, each marked whether its file still exists.
pub fn recent_projects(list_file: &Path) -> Vec<RecentProject> {
    let mut list = read_list(list_file);
    for entry in &mut list {
        entry.exists = Path::new(&entry.path).is_file();
    }
    list
}

/// Puts a project at the top of the list.
pub fn remember_project(list_file: &Path, project: &Path, now: &str) -> Result<(), Error> {
    let path = project.display().to_string();
    let mut list = read_list(list_file);
    list.retain(|p| p.path != path);
    list.insert(
        0,
        RecentProject {
            path,
            name: project_name(project),
            opened_at: now.to_owned(),
            exists: true,
        },
    );
    list.truncate(MAX_RECENT);
    write_list(list_file, &list)
}

/// Removes a project from the list (the file itself is left alone).
pub fn forget_project(list_file: &Path, project: &str) -> Result<(), Error> {
    let mut list = read_list(list_file);
    list.retain(|p| p.path != project);
    write_list(list_file, &list)
}

fn read_list(list_file: &Path) -> Vec<RecentProject> {
    let Ok(text) = std::fs::read_to_string(list_file) else { return Vec::new() };
    let mut list: Vec<RecentProject> = serde_json::from_str(&text).unwrap_or_default();
    list.truncate(MAX_RECENT);
    list
}

fn write_list(list_file: &Path, list: &[RecentProject]) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(list).map_err(|e| Error::Write {
        path: list_file.to_owned(),
        source: std::io::Error::other(e),
    })?;
    crate::export::write_atomically(list_file, text.as_bytes())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn keeps_the_latest_first_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("settings").join("recent.json");
        let a = dir.path().join("a.candor");
        let b = dir.path().join("b.candor");
        std::fs::write(&a, b"").unwrap();
        remember_project(&list, &a, "2026-01-01T00:00:00Z").unwrap();
        remember_project(&list, &b, "2026-01-02T00:00:00Z").unwrap();
        remember_project(&list, &a, "2026-01-03T00:00:00Z").unwrap();
        let got = recent_projects(&list);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].name, "a");
        assert!(got[0].exists);
        assert_eq!(got[1].name, "b");
        assert!(!got[1].exists, "b.candor was never created");
        forget_project(&list, &got[1].path).unwrap();
        assert_eq!(recent_projects(&list).len(), 1);
    }

    #[test]
    fn a_damaged_list_is_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("recent.json");
        std::fs::write(&list, b"{not json").unwrap();
        assert!(recent_projects(&list).is_empty());
        remember_project(&list, &dir.path().join("x.candor"), "2026-01-01T00:00:00Z").unwrap();
        assert_eq!(recent_projects(&list).len(), 1);
    }

    #[test]
    fn remembers_at_most_ten() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("recent.json");
        for i in 0..15 {
            let p = dir.path().join(format!("p{i}.candor"));
            remember_project(&list, &p, "2026-01-01T00:00:00Z").unwrap();
        }
        let got = recent_projects(&list);
        assert_eq!(got.len(), MAX_RECENT);
        assert_eq!(got[0].name, "p14");
    }
}
