//! The removals log: what the author deliberately left out of a document's public version
//! (the Code of Practice allows leaving out security-sensitive or commercially sensitive
//! content), why, who decided and when.
//!
//! The log lives in the project file and nothing of it is ever exported: the
//! `candor-removals` generated block becomes a fixed sentence in the document's language
//! that says removals were made, on which grounds and how many — never what was removed or
//! the reasons in the author's words. A review copy is a copy of the project file and so
//! carries the log: it already holds the full sources the left-out content comes from, and
//! a reviewer judging the public text needs to see what is missing from it and why.

use std::path::Path;

use candor_model::{Block, Diagnostic, Document, Inline, LanguageTag, Span};
use candor_store::{Person, Removal, RemovalGround};
use serde::Serialize;
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::review::{refuse_copy, review_error, short_hash};
use crate::{Error, open_project};

/// The grounds a removal can give, as `why` takes them.
pub const REMOVAL_GROUNDS: [&str; 4] = ["security", "commercial", "personal-data", "other"];

/// A removal to record.
#[derive(Debug, Clone)]
pub struct RemovalRequest<'a> {
    pub document: &'a str,
    /// What was left out, in the author's words (never published).
    pub what: &'a str,
    /// One of [`REMOVAL_GROUNDS`].
    pub why: &'a str,
    /// The reason in the author's words (never published).
    pub reason: &'a str,
    /// The source the left-out content comes from, and optionally its passage.
    pub source: Option<&'a str>,
    pub passage: Option<&'a str>,
}

/// One entry of the removals log as the author sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RemovalItem {
    pub id: String,
    pub document: String,
    pub what: String,
    /// `security`, `commercial`, `personal-data` or `other`.
    pub why: String,
    pub reason: String,
    pub decided_by: String,
    pub decided_by_role: String,
    pub decided_at: String,
    pub source: Option<String>,
    pub passage: Option<String>,
    pub withdrawn_at: Option<String>,
    /// Not withdrawn: it counts in the published statement.
    pub active: bool,
}

impl From<Removal> for RemovalItem {
    fn from(r: Removal) -> Self {
        RemovalItem {
            active: r.is_active(),
            id: r.id,
            document: r.document,
            what: r.what,
            why: r.why.id().to_owned(),
            reason: r.reason,
            decided_by: r.decided_by.name,
            decided_by_role: r.decided_by.role,
            decided_at: r.decided_at,
            source: r.source,
            passage: r.passage,
            withdrawn_at: r.withdrawn_at,
        }
    }
}

/// Records that `request.what` was left out of `request.document`, decided by `by` at `now`.
/// A named source (and passage) must exist. Not in a review copy: removals are the author's
/// decision and are not merged back.
pub fn record_removal(
    project_path: &Path,
    request: &RemovalRequest<'_>,
    by: &Person,
    now: &str,
) -> Result<RemovalItem, Error> {
    let mut project = open_project(project_path)?;
    refuse_copy(project_path, &project, "record removals")?;
    let map = |e| Error::store(project_path, e);
    let doc = request.document;
    if project.document(doc).map_err(map)?.is_none() {
        return Err(Error::UnknownDocument { project: project_path.to_owned(), id: doc.into() });
    }
    let why = RemovalGround::parse(request.why.trim()).ok_or_else(|| {
        review_error(
            project_path,
            &format!(
                "`{}` is not a ground for leaving something out; give one of: {}",
                request.why,
                REMOVAL_GROUNDS.join(", ")
            ),
        )
    })?;
    if request.what.trim().is_empty() {
        return Err(review_error(project_path, "say what was left out"));
    }
    if why == RemovalGround::Other && request.reason.trim().is_empty() {
        return Err(review_error(project_path, "give the reason for leaving it out"));
    }
    let source = request.source.map(str::trim).filter(|s| !s.is_empty());
    let passage = request.passage.map(str::trim).filter(|s| !s.is_empty());
    if let Some(source_id) = source {
        let stored = project.source(source_id).map_err(map)?.ok_or_else(|| {
            Error::UnknownSource { project: project_path.to_owned(), id: source_id.into() }
        })?;
        if let Some(passage) = passage
            && !stored.content.passages.iter().any(|p| p.id == passage)
        {
            return Err(review_error(
                project_path,
                &format!("the source `{source_id}` has no passage `{passage}`"),
            ));
        }
    } else if passage.is_some() {
        return Err(review_error(project_path, "name the source the passage belongs to"));
    }
    let count = project.removals(doc).map_err(map)?.len();
    let removal = Removal {
        id: short_hash(&[doc, &by.name, now, request.what, &count.to_string()]),
        document: doc.to_owned(),
        what: request.what.trim().to_owned(),
        why,
        reason: request.reason.trim().to_owned(),
        decided_by: by.clone(),
        decided_at: now.to_owned(),
        source: source.map(str::to_owned),
        passage: passage.map(str::to_owned),
        withdrawn_at: None,
    };
    project.add_removal(&removal).map_err(map)?;
    let stored = project.removals(doc).map_err(map)?;
    let saved = stored.into_iter().find(|r| r.id == removal.id).unwrap_or(removal);
    Ok(saved.into())
}

/// The removals log of a document, oldest first, withdrawn entries included.
pub fn list_removals(project_path: &Path, doc: &str) -> Result<Vec<RemovalItem>, Error> {
    let project = open_project(project_path)?;
    let map = |e| Error::store(project_path, e);
    if project.document(doc).map_err(map)?.is_none() {
        return Err(Error::UnknownDocument { project: project_path.to_owned(), id: doc.into() });
    }
    Ok(project.removals(doc).map_err(map)?.into_iter().map(RemovalItem::from).collect())
}

/// Withdraws a removal (it no longer holds): it stays in the log, marked withdrawn, and no
/// longer counts in the published statement.
pub fn withdraw_removal(project_path: &Path, id: &str, now: &str) -> Result<RemovalItem, Error> {
    let mut project = open_project(project_path)?;
    refuse_copy(project_path, &project, "withdraw removals")?;
    let map = |e| Error::store(project_path, e);
    let doc = project.withdraw_removal(id, now).map_err(map)?;
    let stored = project.removals(&doc).map_err(map)?;
    stored
        .into_iter()
        .find(|r| r.id == id)
        .map(RemovalItem::from)
        .ok_or_else(|| review_error(project_path, &format!("removal `{id}` vanished")))
}

/// Replaces each `candor-removals` block with a sentence saying that information was left out,
/// on which grounds and how many items — counting active removals only, and never saying
/// what was removed or why in the author's words. With no active removals the block is left
/// out. Outside a project it gets a `generated/needs-project` warning and is left out; in a
/// project without a document id (the live preview of a text) it is left out silently.
pub(crate) fn expand_removals_blocks(
    doc: &mut Document,
    project: Option<&Path>,
    document_id: Option<&str>,
) -> Result<Vec<Diagnostic>, Error> {
    if !crate::export::has_generated(doc, "removals") {
        return Ok(Vec::new());
    }
    let active: Option<Vec<RemovalGround>> = match (project, document_id) {
        (Some(path), Some(id)) => {
            let project = open_project(path)?;
            let removals = project.removals(id).map_err(|e| Error::store(path, e))?;
            Some(removals.into_iter().filter(Removal::is_active).map(|r| r.why).collect())
        }
        _ => None,
    };
    let left_out = crate::export::replace_generated(doc, "removals", |lang, span| {
        let sentence = statement(active.as_deref()?, lang)?;
        let content = vec![Inline::Text { text: sentence, span: Span::default() }];
        Some(vec![Block::Paragraph { content, span }])
    });
    if project.is_some() {
        return Ok(Vec::new());
    }
    Ok(left_out
        .into_iter()
        .map(|span| {
            Diagnostic::warning(
                "generated/needs-project",
                span,
                "The `candor-removals` block states that information was left out, which only a project records; it is left out.",
            )
            .with_hint("Put the document into a project and record removals there: candor removals P.candor --doc ID --add …")
        })
        .collect())
}

/// The published sentence for removals on `grounds` (one per active removal), in the
/// language of `lang` (English, German or French; English otherwise); `None` when there
/// are none. Fixed words only: nothing the author wrote goes in.
pub fn statement(grounds: &[RemovalGround], lang: &LanguageTag) -> Option<String> {
    if grounds.is_empty() {
        return None;
    }
    let language = lang.as_str().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let has = |g: RemovalGround| grounds.contains(&g);
    let protected: Vec<RemovalGround> =
        [RemovalGround::Security, RemovalGround::Commercial, RemovalGround::PersonalData]
            .into_iter()
            .filter(|&g| has(g))
            .collect();
    let other = has(RemovalGround::Other);
    let n = grounds.len();
    let sentence = match language.as_str() {
        "de" => {
            let words: Vec<&str> = protected
                .iter()
                .map(|g| match g {
                    RemovalGround::Security => "die Sicherheit",
                    RemovalGround::Commercial => "Geschäftsgeheimnisse",
                    _ => "personenbezogene Daten",
                })
                .collect();
            let items = if n == 1 { "1 Angabe".to_owned() } else { format!("{n} Angaben") };
            let why = match (words.is_empty(), other) {
                (false, false) => format!(", um {} zu schützen", join(&words, "oder")),
                (false, true) => {
                    format!(", um {} zu schützen, oder aus anderen Gründen", join(&words, "oder"))
                }
                _ => " aus anderen Gründen".to_owned(),
            };
            format!(
                "Einige Informationen wurden in dieser Zusammenfassung weggelassen{why} ({items}). \
                 Die Gründe sind dokumentiert und werden den Aufsichtsbehörden auf Anfrage zur \
                 Verfügung gestellt."
            )
        }
        "fr" => {
            let words: Vec<&str> = protected
                .iter()
                .map(|g| match g {
                    RemovalGround::Security => "la sécurité",
                    RemovalGround::Commercial => "des informations commercialement sensibles",
                    _ => "des données personnelles",
                })
                .collect();
            let items = if n == 1 { "1 élément".to_owned() } else { format!("{n} éléments") };
            let why = match (words.is_empty(), other) {
                (false, false) => format!(" afin de protéger {}", join(&words, "ou")),
                (false, true) => {
                    format!(" afin de protéger {}, ou pour d'autres raisons", join(&words, "ou"))
                }
                _ => " pour d'autres raisons".to_owned(),
            };
            format!(
                "Certaines informations ont été omises de ce résumé{why} ({items}). Les raisons \
                 sont consignées et mises à la disposition des autorités de surveillance sur \
                 demande."
            )
        }
        _ => {
            let words: Vec<&str> = protected
                .iter()
                .map(|g| match g {
                    RemovalGround::Security => "security",
                    RemovalGround::Commercial => "commercially sensitive information",
                    _ => "personal data",
                })
                .collect();
            let items = if n == 1 { "1 item".to_owned() } else { format!("{n} items") };
            let why = match (words.is_empty(), other) {
                (false, false) => format!(" to protect {}", join(&words, "or")),
                (false, true) => {
                    format!(" to protect {}, or for other reasons", join(&words, "or"))
                }
                _ => " for other reasons".to_owned(),
            };
            format!(
                "Some information was left out of this summary{why} ({items}). The reasons are \
                 recorded and available to the supervisory authorities on request."
            )
        }
    };
    Some(sentence)
}

/// "a", "a or b", "a, b or c".
fn join(words: &[&str], or: &str) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} {or} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests;
