//! Every command the window may call; build.rs turns each into an `allow-…` permission.

pub const NAMES: &[&str] = &[
    "app_ready",
    "recent_projects",
    "forget_recent",
    "new_project",
    "open_project",
    "open_recent",
    "open_example",
    "close_project",
    "project_overview",
    "import_sources",
    "import_dropped",
    "cancel_task",
    "source_reader",
    "search_sources",
    "starters",
    "risk_vocabulary",
    "new_document",
    "open_document",
    "autosave",
    "save_version",
    "versions",
    "version_text",
    "restore_version",
    "preview",
    "preview_html",
    "project_glossary",
    "set_project_glossary",
    "project_taxonomy",
    "set_project_taxonomy",
    "project_branding",
    "set_branding",
    "set_branding_logo",
    "clear_branding_logo",
    "identity",
    "set_identity",
    "review_status",
    "add_comment",
    "resolve_comment",
    "decide_suggestions",
    "approve_document",
    "send_for_review",
    "merge_review_copies",
    "save_review_sheet",
    "diff_versions",
    "publish_document",
    "removals",
    "record_removal",
    "withdraw_removal",
    "gap_report",
    "save_gap_report",
    "confirm_citation",
    "update_source",
    "export_document",
    "reveal_export",
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::NAMES;

    /// The window is granted exactly the commands that exist: no more, no fewer.
    #[test]
    fn capabilities_grant_every_command_and_nothing_else() {
        let text = include_str!("../capabilities/main.json");
        let capability: serde_json::Value = serde_json::from_str(text).unwrap();
        let granted: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let mut own: Vec<String> =
            granted.iter().filter(|p| p.starts_with("allow-")).map(|p| p.to_string()).collect();
        let mut want: Vec<String> =
            NAMES.iter().map(|n| format!("allow-{}", n.replace('_', "-"))).collect();
        own.sort();
        want.sort();
        assert_eq!(own, want);
        let others: Vec<&&str> = granted.iter().filter(|p| !p.starts_with("allow-")).collect();
        assert_eq!(others, [&"core:event:allow-listen", &"core:event:allow-unlisten"]);
    }

    /// Every command handed to Tauri is in the list build.rs turns into permissions.
    #[test]
    fn every_registered_command_is_named() {
        let lib = include_str!("lib.rs");
        let registered: Vec<&str> = lib
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                l.strip_prefix("commands::")
                    .or_else(|| l.strip_prefix("review_commands::"))
                    .or_else(|| l.strip_prefix("branding_commands::"))
                    .or_else(|| l.strip_prefix("removals_commands::"))
                    .or_else(|| l.strip_prefix("gaps_commands::"))
            })
            .map(|l| l.trim_end_matches(','))
            .collect();
        let mut sorted_registered = registered.clone();
        sorted_registered.sort();
        let mut names = NAMES.to_vec();
        names.sort();
        assert_eq!(sorted_registered, names);
    }
}
