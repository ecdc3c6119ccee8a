//! Reading the glossary format into entries, with every problem reported by line.

use std::collections::HashMap;

use super::{GlossaryEntry, GlossaryError, Term};
use crate::Language;

/// What one `<lang>…:` line sets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Term,
    Plain,
    Def,
}

/// One language of an entry while it is being read; each part keeps its line.
struct Draft {
    language: Language,
    first_line: usize,
    term: Option<(String, Vec<String>, usize)>,
    plain: Option<(String, usize)>,
    def: Option<(String, usize)>,
    /// A line of this language had an error already: report nothing more about it.
    broken: bool,
}

/// An entry while it is being read.
struct Pending {
    id: String,
    line: usize,
    /// False for an entry whose heading was wrong or repeated: it is checked, not kept.
    keep: bool,
    /// A line of this entry had an error already: do not also call the entry empty.
    broken: bool,
    drafts: Vec<Draft>,
}

pub(super) fn entries(text: &str) -> Result<Vec<GlossaryEntry>, Vec<GlossaryError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::default();
    for (at, raw) in text.lines().enumerate() {
        let content = raw.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let mut messages = Vec::new();
        reader.line(content, at + 1, &mut |message| messages.push(message));
        let line = at + 1;
        if let Some(entry) = reader.pending.as_mut().filter(|_| !messages.is_empty()) {
            entry.broken = true;
        }
        reader.errors.extend(messages.into_iter().map(|message| GlossaryError { line, message }));
    }
    reader.close();
    let Reader { mut errors, entries, .. } = reader;
    if errors.is_empty() {
        Ok(entries)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// The state of reading a file line by line.
#[derive(Default)]
struct Reader {
    errors: Vec<GlossaryError>,
    entries: Vec<GlossaryEntry>,
    /// Ids seen so far, with the line of their heading.
    seen: HashMap<String, usize>,
    pending: Option<Pending>,
}

impl Reader {
    fn line(&mut self, content: &str, line: usize, error: &mut impl FnMut(String)) {
        if let Some(rest) = content.strip_prefix('[') {
            self.close();
            let (id, mut keep) = heading(rest, error);
            if keep {
                if let Some(first) = self.seen.get(&id) {
                    error(format!("the entry [{id}] is already defined on line {first}"));
                    keep = false;
                } else {
                    self.seen.insert(id.clone(), line);
                }
            }
            self.pending = Some(Pending { id, line, keep, broken: false, drafts: Vec::new() });
            return;
        }
        let Some((key, value)) = content.split_once(':') else {
            error(
                "this line is neither an entry heading such as [fine-tuning] nor a line such as \
                 \"en: fine-tuning\""
                    .to_owned(),
            );
            return;
        };
        let key = key.trim();
        let Some((language, field)) = key_of(key) else {
            error(format!(
                "unknown key \"{key}\"; use a language code (en, de, fr, es, it, nl), alone or \
                 followed by .plain or .def"
            ));
            return;
        };
        let Some(entry) = self.pending.as_mut() else {
            error(
                "this line comes before the first entry; start each entry with its id in \
                 brackets, such as [fine-tuning]"
                    .to_owned(),
            );
            return;
        };
        let at = match entry.drafts.iter().position(|d| d.language == language) {
            Some(at) => at,
            None => {
                let draft = Draft {
                    language,
                    first_line: line,
                    term: None,
                    plain: None,
                    def: None,
                    broken: false,
                };
                entry.drafts.push(draft);
                entry.drafts.len() - 1
            }
        };
        if let Some(draft) = entry.drafts.get_mut(at) {
            let mut failed = false;
            set(draft, field, value.trim(), line, &entry.id, &mut |message| {
                failed = true;
                error(message);
            });
            draft.broken |= failed;
        }
    }

    /// Ends the entry being read, if any.
    fn close(&mut self) {
        if let Some(done) = self.pending.take() {
            finish(done, &mut self.entries, &mut self.errors);
        }
    }
}

/// The id of a heading line (after its `[`), and whether it is valid.
fn heading(rest: &str, error: &mut impl FnMut(String)) -> (String, bool) {
    let Some((id, after)) = rest.split_once(']') else {
        error("an entry heading must end with ], such as [fine-tuning]".to_owned());
        return (rest.trim().to_owned(), false);
    };
    let id = id.trim();
    if !after.trim().is_empty() {
        error("nothing may follow the ] of an entry heading".to_owned());
        return (id.to_owned(), false);
    }
    if id.is_empty() {
        error("the entry id is empty; write it between the brackets, such as [fine-tuning]".into());
        return (String::new(), false);
    }
    let valid_chars = id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_chars || id.starts_with('-') || id.ends_with('-') {
        error(format!(
            "the entry id \"{id}\" may only use lower-case letters a–z, digits and hyphens \
             between them, such as [fine-tuning]"
        ));
        return (id.to_owned(), false);
    }
    (id.to_owned(), true)
}

fn key_of(key: &str) -> Option<(Language, Field)> {
    let (code, field) = match key.split_once('.') {
        Some((code, "plain")) => (code, Field::Plain),
        Some((code, "def")) => (code, Field::Def),
        Some(_) => return None,
        None => (key, Field::Term),
    };
    let language = Language::ALL.into_iter().find(|l| l.code() == code)?;
    Some((language, field))
}

fn set(
    draft: &mut Draft,
    field: Field,
    value: &str,
    line: usize,
    id: &str,
    error: &mut impl FnMut(String),
) {
    let name = language_name(draft.language);
    let earlier = match field {
        Field::Term => draft.term.as_ref().map(|t| t.2),
        Field::Plain => draft.plain.as_ref().map(|p| p.1),
        Field::Def => draft.def.as_ref().map(|d| d.1),
    };
    if let Some(first) = earlier {
        let what = match field {
            Field::Term => "term",
            Field::Plain => "plain wording",
            Field::Def => "definition",
        };
        error(format!("the {name} {what} of [{id}] is already given on line {first}"));
        return;
    }
    match field {
        Field::Term => {
            if let Some((headword, variants)) = forms(value, name, error) {
                draft.term = Some((headword, variants, line));
            }
        }
        Field::Plain if value.is_empty() => {
            error(format!("the {name} plain wording is empty; write one or remove the line"));
        }
        Field::Plain => draft.plain = Some((value.to_owned(), line)),
        Field::Def if value.is_empty() => {
            error(format!("the {name} definition is empty; explain the term in a sentence"));
        }
        Field::Def => draft.def = Some((value.to_owned(), line)),
    }
}

/// The headword and variants of a term line, such as `model | models, AI model`.
fn forms(value: &str, name: &str, error: &mut impl FnMut(String)) -> Option<(String, Vec<String>)> {
    let (headword, rest) = match value.split_once('|') {
        Some((headword, rest)) => (headword.trim(), Some(rest.trim())),
        None => (value, None),
    };
    if headword.is_empty() {
        error(match rest {
            Some(_) => format!(
                "the variants after \"|\" need the {name} term before them, such as \
                 \"en: model | models\""
            ),
            None => format!("the {name} term is empty; write it after the colon"),
        });
        return None;
    }
    let mut variants = Vec::new();
    let mut ok = usable(headword, name, error);
    for variant in rest.filter(|r| !r.is_empty()).into_iter().flat_map(|r| r.split(',')) {
        let variant = variant.trim();
        if variant.is_empty() {
            error("there is an empty variant between two commas or at the end".to_owned());
            ok = false;
        } else if usable(variant, name, error) {
            variants.push(variant.to_owned());
        } else {
            ok = false;
        }
    }
    ok.then(|| (headword.to_owned(), variants))
}

/// Whether a form can be searched for: it must begin and end with a letter or digit.
fn usable(form: &str, name: &str, error: &mut impl FnMut(String)) -> bool {
    let edge = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if edge(form.chars().next()) && edge(form.chars().next_back()) {
        return true;
    }
    error(format!("the {name} form \"{form}\" must begin and end with a letter or a digit"));
    false
}

/// Turns a finished entry into a [`GlossaryEntry`], or reports what it lacks.
fn finish(entry: Pending, entries: &mut Vec<GlossaryEntry>, errors: &mut Vec<GlossaryError>) {
    let id = &entry.id;
    if entry.drafts.is_empty() && !entry.broken {
        errors.push(GlossaryError {
            line: entry.line,
            message: format!("the entry [{id}] has no term; add a line such as \"en: …\""),
        });
        return;
    }
    let mut terms = Vec::new();
    for draft in entry.drafts.into_iter().filter(|d| !d.broken) {
        let name = language_name(draft.language);
        let code = draft.language.code();
        let Some((term, variants, term_line)) = draft.term else {
            errors.push(GlossaryError {
                line: draft.first_line,
                message: format!(
                    "[{id}] has a {name} plain wording or definition but no {name} term; add \
                     a line \"{code}: …\""
                ),
            });
            continue;
        };
        let Some((definition, _)) = draft.def else {
            errors.push(GlossaryError {
                line: term_line,
                message: format!(
                    "[{id}] has no {name} definition; add a line \"{code}.def: …\" that \
                     explains the term"
                ),
            });
            continue;
        };
        let plain = draft.plain.map(|p| p.0);
        terms.push(Term { language: draft.language, term, variants, plain, definition });
    }
    if entry.keep {
        entries.push(GlossaryEntry { id: entry.id, terms });
    }
}

fn language_name(language: Language) -> &'static str {
    match language {
        Language::En => "English",
        Language::De => "German",
        Language::Fr => "French",
        Language::Es => "Spanish",
        Language::It => "Italian",
        Language::Nl => "Dutch",
    }
}
