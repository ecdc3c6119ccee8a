//! Full-text search over the passages of every source (SQLite FTS5, ranked by bm25).
//!
//! The user's words are always quoted before they reach FTS5, so a query is plain words —
//! never FTS5 syntax (`NEAR(`, `*`, `column:`, `AND`…) — and never an error.

use candor_model::{SourceContent, Span};
use rusqlite::types::Value;
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::error::Result;
use crate::project::Project;

/// Marks where a match starts and ends in FTS5's snippet (private-use characters, removed
/// from indexed text so they only ever come from `snippet()`).
const MARK_START: char = '\u{E000}';
const MARK_END: char = '\u{E001}';
/// At most this many words of a query are used.
const MAX_TERMS: usize = 32;
/// At most this many hits are returned, whatever the caller asks.
const MAX_HITS: usize = 1000;
/// About this many words of context in a snippet.
const SNIPPET_WORDS: u32 = 24;

/// A passage that matches a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageHit {
    pub source_id: String,
    pub passage_id: String,
    pub page: Option<u32>,
    /// The section's number and title, e.g. "7.3 Risk estimates".
    pub section: Option<String>,
    /// A short excerpt of the passage around the matches ("…" where text was cut).
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    pub highlights: Vec<Span>,
    /// Higher is better (the negated bm25 rank).
    pub score: f64,
}

impl Project {
    /// Passages containing all the words of `query` (any order; word forms are stemmed),
    /// best first. Words are taken literally; a query with no words finds nothing.
    pub fn search_passages(&self, query: &str, limit: usize) -> Result<Vec<PassageHit>> {
        let Some(fts_query) = fts_query(query) else { return Ok(Vec::new()) };
        let limit = i64::try_from(limit.min(MAX_HITS)).unwrap_or(0);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT source_id, passage_id, page, section, \
             snippet(passage_search, 4, char({start}), char({end}), '…', {SNIPPET_WORDS}), \
             bm25(passage_search, 0.0, 0.0, 0.0, 0.5, 1.0) AS rank \
             FROM passage_search WHERE passage_search MATCH ?1 ORDER BY rank, rowid LIMIT ?2",
            start = u32::from(MARK_START),
            end = u32::from(MARK_END),
        );
        let rows: Vec<(Value, Value, Value, Value, Value, f64)> = self
            .conn()
            .prepare_cached(&sql)
            .and_then(|mut stmt| {
                stmt.query_map(params![fts_query, limit], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                })?
                .collect()
            })
            .map_err(self.sql())?;
        Ok(rows
            .into_iter()
            .map(|(source_id, passage_id, page, section, snippet, rank)| {
                let (snippet, highlights) = split_marks(&text(snippet).unwrap_or_default());
                PassageHit {
                    source_id: text(source_id).unwrap_or_default(),
                    passage_id: text(passage_id).unwrap_or_default(),
                    page: match page {
                        Value::Integer(n) => u32::try_from(n).ok(),
                        _ => None,
                    },
                    section: text(section).filter(|s| !s.is_empty()),
                    snippet,
                    highlights,
                    score: -rank,
                }
            })
            .collect())
    }
}

/// Search rows come from the file; values of unexpected types are treated as absent.
fn text(value: Value) -> Option<String> {
    match value {
        Value::Text(s) => Some(s),
        _ => None,
    }
}

/// The user's words as an FTS5 query of quoted phrases, all required; `None` if no word
/// has a letter or digit.
pub(crate) fn fts_query(query: &str) -> Option<String> {
    let cleaned: String = query
        .chars()
        .map(|c| if c.is_control() || c == MARK_START || c == MARK_END { ' ' } else { c })
        .collect();
    let terms: Vec<String> = cleaned
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MAX_TERMS)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() { None } else { Some(terms.join(" ")) }
}

/// Removes the match marks from a snippet, returning the text and the marked byte ranges.
fn split_marks(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::with_capacity(marked.len());
    let mut highlights = Vec::new();
    let mut start = None;
    for c in marked.chars() {
        match c {
            MARK_START => start = Some(text.len()),
            MARK_END => {
                if let Some(s) = start.take() {
                    highlights.push(Span::new(s, text.len()));
                }
            }
            _ => text.push(c),
        }
    }
    (text, highlights)
}

/// Adds a source's passages to the index (inside the caller's transaction).
pub(crate) fn index_passages(
    conn: &Connection,
    source_id: &str,
    content: &SourceContent,
) -> rusqlite::Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO passage_search (source_id, passage_id, page, section, text) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for passage in &content.passages {
        let section =
            passage.section.and_then(|i| content.sections.get(i)).map(|s| match &s.number {
                Some(n) => format!("{n} {}", s.title),
                None => s.title.clone(),
            });
        insert.execute(params![
            source_id,
            passage.id,
            passage.page,
            section.as_deref().map(unmarked),
            unmarked(&passage.text),
        ])?;
    }
    Ok(())
}

/// Removes a source's passages from the index (inside the caller's transaction).
pub(crate) fn unindex_passages(conn: &Connection, source_id: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM passage_search WHERE source_id = ?1", [source_id])?;
    Ok(())
}

fn unmarked(text: &str) -> String {
    text.replace([MARK_START, MARK_END], "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_words() {
        assert_eq!(fts_query("risk estimate").as_deref(), Some("\"risk\" \"estimate\""));
        assert_eq!(fts_query("a\"b").as_deref(), Some("\"a\"\"b\""));
        assert_eq!(fts_query("NEAR( x"), Some("\"NEAR(\" \"x\"".to_owned()));
        assert_eq!(fts_query("  * ) \" - ^ "), None);
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query("a\u{0}b").as_deref(), Some("\"a\" \"b\""));
    }

    #[test]
    fn marks_become_spans() {
        let (text, spans) = split_marks("…the \u{E000}risk\u{E001} is \u{E000}low\u{E001}");
        assert_eq!(text, "…the risk is low");
        assert_eq!(&text[spans[0].start..spans[0].end], "risk");
        assert_eq!(&text[spans[1].start..spans[1].end], "low");
    }
}

#[cfg(test)]
mod project_tests {
    use crate::Project;
    use crate::test_support::{new_source, report};

    fn project() -> Project {
        let mut p = Project::in_memory().unwrap();
        let content = report();
        p.add_source(&new_source("frontier", b"bytes", &content)).unwrap();
        p
    }

    #[test]
    fn words_find_passages_with_snippets() {
        let p = project();
        let hits = p.search_passages("risk misuse", 10).unwrap();
        assert_eq!(hits.len(), 1);
        let hit = &hits[0];
        assert_eq!(hit.source_id, "frontier");
        assert_eq!(hit.passage_id, "sec-7-3-p1");
        assert_eq!(hit.page, Some(4));
        assert_eq!(hit.section.as_deref(), Some("7.3 Risk estimates"));
        assert!(hit.score > 0.0);
        let marked: Vec<&str> =
            hit.highlights.iter().map(|s| &hit.snippet[s.start..s.end]).collect();
        assert_eq!(marked, ["risk", "misuse"]);
    }

    #[test]
    fn stems_diacritics_and_sections_match() {
        let p = project();
        // "evaluated" and "evaluations" share a stem; "modele" matches "modèle".
        assert_eq!(p.search_passages("evaluated", 10).unwrap().len(), 2);
        assert_eq!(p.search_passages("MODELE", 10).unwrap()[0].passage_id, "p1");
        // Section titles are searched too, and rank passages of that section.
        let hits = p.search_passages("training", 10).unwrap();
        assert_eq!(hits[0].passage_id, "sec-8-p1");
        assert_eq!(p.search_passages("risk", 1).unwrap().len(), 1);
        assert!(p.search_passages("risk", 0).unwrap().is_empty());
        assert!(p.search_passages("absent", 10).unwrap().is_empty());
    }

    #[test]
    fn hostile_queries_never_fail() {
        let p = project();
        let hostile = [
            "\"",
            "\"\"",
            "*",
            "risk*",
            "NEAR(",
            "NEAR(risk misuse, 2)",
            "AND OR",
            "AND",
            "OR NOT",
            ")",
            "(",
            "((risk",
            "risk)",
            "text:risk",
            "section : risk",
            "^risk",
            "-risk",
            "+",
            "{text section}: risk",
            "risk AND",
            "NOT risk",
            "'",
            "''",
            ";",
            "-- risk",
            "/* x */",
            "\u{0}",
            "risk\u{0}misuse",
            "\u{E000}risk\u{E001}",
            "日本語",
            "Ünïcödé",
            "🦀 risk",
            "\u{200B}",
            "\u{301}",
            "ــــ",
            "٣٤",
            "a\u{301}",
            "ǅ",
            "ﬁ",
            "ß",
            "İ",
            "\u{FEFF}risk",
            "\\",
            "%",
            "_",
            "$1",
            "?1",
            ":name",
            "@x",
            "risk \"misuse",
            "x\"y\"z",
            "   ",
        ];
        for q in hostile {
            let result = p.search_passages(q, 10);
            assert!(result.is_ok(), "{q:?}: {result:?}");
        }
        let long = "risk ".repeat(10_000);
        // "risk" is in one passage's text and in the section title of another.
        assert_eq!(p.search_passages(&long, 10).unwrap().len(), 2);
        assert_eq!(p.search_passages("risk*", 10).unwrap().len(), 2, "* is not a prefix operator");
        assert!(p.search_passages("ris*", 10).unwrap().is_empty());
        assert!(p.search_passages("NEAR(risk misuse, 2)", 10).unwrap().is_empty());
    }
}
