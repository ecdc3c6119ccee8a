//! The window's TypeScript types, generated from the Rust types that cross the bridge.
//! `ui/src/api/types.ts` is committed; this test fails when it is stale and rewrites it when
//! run with `CANDOR_UPDATE_BINDINGS=1`.

use ts_rs::{Config, TS};

fn declarations() -> String {
    let cfg = Config::default();
    let decls = [
        crate::CommandError::decl(&cfg),
        crate::ProgressEvent::decl(&cfg),
        crate::commands::AppInfo::decl(&cfg),
        crate::commands::ExportOutcome::decl(&cfg),
        crate::commands::DropEvent::decl(&cfg),
        crate::commands::GlossaryOutcome::decl(&cfg),
        crate::commands::TaxonomyOutcome::decl(&cfg),
        crate::branding_commands::BrandingView::decl(&cfg),
        crate::branding_commands::LogoView::decl(&cfg),
        crate::branding_commands::ContrastNote::decl(&cfg),
        crate::branding_commands::BrandingForm::decl(&cfg),
        crate::branding_commands::BrandingOutcome::decl(&cfg),
        candor_core::RecentProject::decl(&cfg),
        candor_core::ProjectOverview::decl(&cfg),
        candor_core::SourceItem::decl(&cfg),
        candor_core::DocumentItem::decl(&cfg),
        candor_core::VersionItem::decl(&cfg),
        candor_core::SourceReader::decl(&cfg),
        candor_core::OutlineEntry::decl(&cfg),
        candor_core::PassageItem::decl(&cfg),
        candor_core::DisclosureRow::decl(&cfg),
        candor_core::SearchHit::decl(&cfg),
        candor_core::EditingDocument::decl(&cfg),
        candor_core::ImportOutcome::decl(&cfg),
        candor_core::ProblemItem::decl(&cfg),
        candor_core::FixItem::decl(&cfg),
        candor_core::ScoreCard::decl(&cfg),
        candor_core::ScoreLine::decl(&cfg),
        candor_core::ScoreValue::decl(&cfg),
        candor_core::StarterInfo::decl(&cfg),
        candor_core::RiskVocabulary::decl(&cfg),
        candor_core::VocabularyEntry::decl(&cfg),
        candor_core::PreviewUpdate::decl(&cfg),
        candor_core::PreviewPage::decl(&cfg),
        crate::review_commands::PublishOutcome::decl(&cfg),
        candor_core::Identity::decl(&cfg),
        candor_core::ReviewStatus::decl(&cfg),
        candor_core::CommentItem::decl(&cfg),
        candor_core::ApprovalItem::decl(&cfg),
        candor_core::CopyMark::decl(&cfg),
        candor_core::MergeReport::decl(&cfg),
        candor_core::MergedCopy::decl(&cfg),
        candor_core::DecisionOutcome::decl(&cfg),
        candor_core::VersionDiff::decl(&cfg),
        candor_core::DiffRunItem::decl(&cfg),
        candor_core::DiffRowItem::decl(&cfg),
        candor_core::DiffLineItem::decl(&cfg),
        candor_core::DiffPartItem::decl(&cfg),
        candor_core::RemovalItem::decl(&cfg),
        crate::gaps_commands::GapView::decl(&cfg),
        candor_core::GapReport::decl(&cfg),
        candor_core::GapCounts::decl(&cfg),
        candor_core::RiskGap::decl(&cfg),
        candor_core::SourceGaps::decl(&cfg),
        candor_core::SectionGap::decl(&cfg),
        candor_core::FieldGap::decl(&cfg),
        candor_core::GapItem::decl(&cfg),
        candor_core::StaleItem::decl(&cfg),
        candor_core::StaleCitation::decl(&cfg),
        candor_core::PassageDiff::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from Rust by src-tauri/src/bindings.rs; do not edit.\n\
         // Update: CANDOR_UPDATE_BINDINGS=1 cargo test -p candor-app bindings\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}

#[test]
fn bindings_are_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/types.ts");
    let want = declarations();
    if std::env::var_os("CANDOR_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).expect("write ui/src/api/types.ts");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/api/types.ts is stale; run CANDOR_UPDATE_BINDINGS=1 cargo test -p candor-app bindings and commit it"
    );
}
