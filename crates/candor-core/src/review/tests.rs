use std::path::PathBuf;

use super::*;
use crate::{PublishRequest, create_project, publish, put_document, save_version, verify_bundle};

const TEXT: &str = "---\ntitle: Risks of Example-1\nlang: en\nversion: \"1.0\"\ndate: 2026-05-01\n---\n\n# What it is\n\nExample-1 writes text. It was tested by experts before release.\n\n# Risks\n\nAttackers succeeded in about 20 in 100 attempts.\n";

fn person(name: &str, role: &str) -> Person {
    Person { name: name.into(), role: role.into(), email: String::new() }
}

struct Setup {
    _dir: tempfile::TempDir,
    project: PathBuf,
    dir: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.candor");
    create_project(&project).unwrap();
    let id = put_document(&project, None, TEXT, "first draft", "2026-05-01T09:00:00Z").unwrap();
    assert_eq!(id.as_str(), "risks-of-example-1");
    Setup { dir: dir.path().to_owned(), project, _dir: dir }
}

const DOC: &str = "risks-of-example-1";

fn quote(text: &str) -> Target {
    Target::Quote { text: text.into(), occurrence: None }
}

#[test]
fn two_reviewers_copies_merge_into_an_edited_document_with_nothing_lost() {
    let s = setup();
    let author = person("Sam Author", "Policy");
    let ana = person("Ana Ruiz", "Legal");
    let ben = person("Ben Okafor", "Safety");
    let copy_a = s.dir.join("for-ana.candor");
    let copy_b = s.dir.join("for-ben.candor");
    send_for_review(&s.project, DOC, "Ana Ruiz", &copy_a, &author, "2026-05-01T10:00:00Z").unwrap();
    send_for_review(&s.project, DOC, "Ben Okafor", &copy_b, &author, "2026-05-01T10:01:00Z")
        .unwrap();
    assert_eq!(review_status(&s.project, DOC).unwrap().status, "in-review");
    // A review copy knows what it is, and refuses to be used as the author's project.
    let status_a = review_status(&copy_a, DOC).unwrap();
    assert_eq!(status_a.copy.as_ref().unwrap().reviewer, "Ana Ruiz");
    assert!(
        send_for_review(&copy_a, DOC, "X", &s.dir.join("x.candor"), &ana, "2026-05-01T10:02:00Z")
            .is_err()
    );

    // Ana: a comment, a suggestion, a reply to her own comment, and an approval.
    let ask = |body: &'static str, target: Target, suggestion: Option<&'static str>| {
        CommentRequest { document: DOC, target, body, suggestion, reply_to: None }
    };
    let c1 = add_comment(
        &copy_a,
        &ask("Which experts?", quote("tested by experts"), None),
        &ana,
        "2026-05-02T08:00:00Z",
    )
    .unwrap();
    add_comment(
        &copy_a,
        &ask("Plainer.", quote("writes text"), Some("writes letters, answers and summaries")),
        &ana,
        "2026-05-02T08:01:00Z",
    )
    .unwrap();
    add_comment(
        &copy_a,
        &CommentRequest { reply_to: Some(&c1.id), ..ask("Name the lab.", Target::Document, None) },
        &ana,
        "2026-05-02T08:02:00Z",
    )
    .unwrap();
    approve(&copy_a, DOC, &ana, "2026-05-02T08:03:00Z").unwrap();
    // Ben: a suggestion on words the author will change meanwhile, and one that still fits.
    add_comment(
        &copy_b,
        &ask(
            "Give the range.",
            quote("about 20 in 100"),
            Some("about 20 in 100 (between 10 and 30)"),
        ),
        &ben,
        "2026-05-02T09:00:00Z",
    )
    .unwrap();
    add_comment(
        &copy_b,
        &ask("", quote("before release"), Some("before it was released")),
        &ben,
        "2026-05-02T09:01:00Z",
    )
    .unwrap();

    // Meanwhile the author edits: a new paragraph before, and the figure changed.
    let edited = TEXT
        .replace("# What it is\n", "# What it is\n\nA short summary comes first.\n")
        .replace("about 20 in 100", "about 18 in 100");
    save_version(&s.project, DOC, &edited, "author's edit", "2026-05-02T12:00:00Z").unwrap();

    let report = merge_review_copies(
        &s.project,
        &[copy_a.clone(), copy_b.clone()],
        &author,
        "2026-05-03T08:00:00Z",
    )
    .unwrap();
    let [a, b] = &report.copies[..] else { panic!("{report:?}") };
    assert_eq!(
        (a.reviewer.as_str(), a.comments_added, a.approvals_added, a.approvals_stale),
        ("Ana Ruiz", 3, 1, 1)
    );
    assert_eq!((b.comments_added, b.orphaned, b.conflicts), (2, 1, 1));

    let status = review_status(&s.project, DOC).unwrap();
    assert_eq!(status.comments.len(), 5, "nothing lost");
    assert_eq!(status.status, "in-review", "Ana approved the text before the author's edit");
    assert!(
        status.summary.contains("Ana Ruiz approved version 1; the text has changed since"),
        "{}",
        status.summary
    );
    let latest = get_document(&s.project, DOC);
    for c in &status.comments {
        match (c.quote.as_deref(), c.location) {
            (Some("about 20 in 100"), Some(Location::Orphaned)) => {}
            (Some(q), Some(loc)) => {
                let span = loc.span().unwrap_or_else(|| panic!("{q} lost"));
                assert_eq!(&latest[span.start..span.end], q);
            }
            (None, None) => assert_eq!(c.reply_to.as_deref(), Some(c1.id.as_str())),
            other => panic!("{other:?}"),
        }
    }
    // The review sheet lists every comment, orphaned ones included.
    let sheet = review_sheet(&s.project, DOC, "2026-05-03T08:30:00Z").unwrap();
    assert!(sheet.starts_with(b"%PDF-"));
    let text = candor_pdf_text(&sheet);
    for needle in ["Which experts?", "Give the range.", "no longer in the text", "Suggests instead"]
    {
        assert!(text.contains(needle), "{needle} missing from the sheet");
    }
    // Merging the same copies again changes nothing.
    let again = merge_review_copies(&s.project, &[copy_a, copy_b], &author, "2026-05-03T09:00:00Z")
        .unwrap();
    assert!(again.copies.iter().all(|c| c.comments_added == 0 && c.approvals_added == 0));
    assert_eq!(again.copies[0].comments_known, 3);
    assert_eq!(review_status(&s.project, DOC).unwrap().comments.len(), 5);

    // Accept every suggestion: the two that fit are applied in one version, the orphaned one
    // stays open as a conflict.
    let outcome =
        decide_suggestions(&s.project, DOC, &[], true, &author, "2026-05-03T10:00:00Z").unwrap();
    assert_eq!(outcome.accepted, 2);
    assert_eq!(outcome.conflicts.len(), 1);
    let text = get_document(&s.project, DOC);
    assert!(text.contains("Example-1 writes letters, answers and summaries."), "{text}");
    assert!(text.contains("before it was released."), "{text}");
    assert!(text.contains("about 18 in 100"), "the author's own edit stays");
    // The rest is rejected explicitly.
    let rest = decide_suggestions(
        &s.project,
        DOC,
        &outcome.conflicts,
        false,
        &author,
        "2026-05-03T10:01:00Z",
    )
    .unwrap();
    assert_eq!(rest.rejected, 1);
    assert_eq!(review_status(&s.project, DOC).unwrap().open_suggestions, 0);

    // Approval of the final text, then an edit clears it visibly.
    approve(&s.project, DOC, &ana, "2026-05-03T11:00:00Z").unwrap();
    assert_eq!(review_status(&s.project, DOC).unwrap().status, "approved");
    let changed = get_document(&s.project, DOC).replace("A short summary", "A very short summary");
    save_version(&s.project, DOC, &changed, "typo", "2026-05-03T12:00:00Z").unwrap();
    let status = review_status(&s.project, DOC).unwrap();
    assert_eq!(status.status, "in-review");
    let last = status.history.last().unwrap();
    assert!(last.note.starts_with("approval cleared"), "{last:?}");
}

fn get_document(project: &Path, doc: &str) -> String {
    crate::get_document(project, doc, None).unwrap()
}

#[test]
fn quotes_must_be_found_once_and_copies_must_belong() {
    let s = setup();
    let me = person("Sam", "");
    let missing = CommentRequest {
        document: DOC,
        target: quote("not in the text"),
        body: "x",
        suggestion: None,
        reply_to: None,
    };
    let err = add_comment(&s.project, &missing, &me, "2026-05-01T10:00:00Z").unwrap_err();
    assert!(err.to_string().contains("is not in the latest version"), "{err}");
    let twice = CommentRequest { target: quote("Example-1"), ..missing.clone() };
    let err = add_comment(&s.project, &twice, &me, "2026-05-01T10:00:00Z").unwrap_err();
    assert!(err.to_string().contains("occurs 2 times"), "{err}");
    let second = CommentRequest {
        target: Target::Quote { text: "Example-1".into(), occurrence: Some(2) },
        ..missing.clone()
    };
    assert_eq!(
        add_comment(&s.project, &second, &me, "2026-05-01T10:00:00Z").unwrap().quote.as_deref(),
        Some("Example-1")
    );
    // A copy sent from another project is refused by name.
    let other = setup();
    let copy = other.dir.join("c.candor");
    send_for_review(&other.project, DOC, "Ana", &copy, &me, "2026-05-01T10:00:00Z").unwrap();
    let err = merge_review_copies(&s.project, &[copy], &me, "2026-05-01T11:00:00Z").unwrap_err();
    assert!(err.to_string().contains("was not sent from"), "{err}");
    // A plain project is not a review copy.
    let err = merge_review_copies(
        &s.project,
        std::slice::from_ref(&other.project),
        &me,
        "2026-05-01T11:00:00Z",
    )
    .unwrap_err();
    assert!(err.to_string().contains("not a review copy"), "{err}");
    assert!(matches!(acting(None, None), Err(Error::NoIdentity)));
    assert_eq!(acting(None, Some("Ana")).unwrap().name, "Ana");
}

#[test]
fn publishing_needs_an_approval_or_a_recorded_reason_and_is_reproducible() {
    let s = setup();
    let me = person("Sam Author", "Policy");
    let out = s.dir.join("bundle");
    let request = PublishRequest {
        project: s.project.clone(),
        document: DOC.into(),
        out: out.clone(),
        force: None,
    };
    let refused = publish(&request, &me, "2026-05-04T08:00:00Z").unwrap();
    assert!(refused.refused[0].contains("is not approved"), "{:?}", refused.refused);
    assert!(!out.exists(), "nothing is written when publishing is refused");

    approve(&s.project, DOC, &person("Ana Ruiz", "Legal"), "2026-05-04T09:00:00Z").unwrap();
    let first = publish(&request, &me, "2026-05-04T10:00:00Z").unwrap();
    assert!(first.refused.is_empty(), "{:?}", first.refused);
    let manifest = first.manifest.unwrap();
    let names: Vec<&str> = manifest.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, [format!("{DOC}.pdf"), format!("{DOC}.html"), format!("{DOC}-risks.json")]);
    assert_eq!(manifest.approvals[0].reviewer, "Ana Ruiz");
    assert_eq!(manifest.document.version.as_deref(), Some("1.0"));
    assert_eq!(manifest.document.date.as_deref(), Some("2026-05-01"));
    assert!(manifest.forced.is_none());
    assert!(verify_bundle(&out).unwrap().is_empty());
    let bytes = |dir: &Path| -> Vec<Vec<u8>> {
        let mut names: Vec<_> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        names.sort();
        names.iter().map(|p| std::fs::read(p).unwrap()).collect()
    };
    let before = bytes(&out);
    publish(&request, &me, "2026-05-05T10:00:00Z").unwrap();
    assert_eq!(bytes(&out), before, "publishing twice gives the same bundle");
    assert_eq!(review_status(&s.project, DOC).unwrap().status, "published");
    // A tampered file is found.
    std::fs::write(out.join(format!("{DOC}.html")), "changed").unwrap();
    assert_eq!(verify_bundle(&out).unwrap(), [format!("{DOC}.html")]);

    // After an edit, only a forced publication goes through, and says so.
    let edited = crate::get_document(&s.project, DOC, None).unwrap().replace("experts", "two labs");
    save_version(&s.project, DOC, &edited, "edit", "2026-05-06T08:00:00Z").unwrap();
    let forced_out = s.dir.join("forced");
    let forced = PublishRequest {
        out: forced_out.clone(),
        force: Some("urgent correction".into()),
        ..request
    };
    let report = publish(&forced, &me, "2026-05-06T09:00:00Z").unwrap();
    let o = report.manifest.unwrap().forced.unwrap();
    assert_eq!((o.reason.as_str(), o.by.as_str()), ("urgent correction", "Sam Author"));
    assert!(o.overridden[0].contains("not approved"));
    let manifest = std::fs::read_to_string(forced_out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"override\": {"), "{manifest}");
}

/// The words of a PDF, read back with Candor's own PDF reader.
fn candor_pdf_text(pdf: &[u8]) -> String {
    let imported = candor_import::import_source(candor_model::SourceFormat::Pdf, pdf).unwrap();
    let content = imported.value;
    let sections = content.sections.iter().map(|s| s.title.clone());
    let passages = content.passages.iter().map(|p| p.text.clone());
    sections.chain(passages).collect::<Vec<_>>().join(" ")
}
