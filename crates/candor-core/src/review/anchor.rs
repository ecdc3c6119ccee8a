//! Finding a comment's text again after the document was edited.
//!
//! A range comment keeps the text it was made on and a little context on each side
//! ([`Quote`]). In a later text, the comment belongs where that quote occurs with the most
//! of its context around it; when the quote is gone, the comment is orphaned — shown with
//! its quote, never dropped.

use candor_model::Span;
use candor_store::Quote;
use serde::Serialize;

/// Where a comment's quote is in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Location {
    /// Found with all of its context: the text around it did not change.
    Exact { span: Span },
    /// Found, but the text around it changed (or it occurs more than once and the context
    /// chose between them).
    Moved { span: Span },
    /// The quoted text is no longer there.
    Orphaned,
}

impl Location {
    pub fn span(self) -> Option<Span> {
        match self {
            Location::Exact { span } | Location::Moved { span } => Some(span),
            Location::Orphaned => None,
        }
    }
}

/// Where `quote` (first made at `was` in an earlier text) is in `text`.
pub fn locate(quote: &Quote, was: Span, text: &str) -> Location {
    if quote.text.is_empty() {
        // A point between two pieces of text: find the junction of its context.
        let junction = format!("{}{}", quote.before, quote.after);
        return match best(text, &junction, quote, was, quote.before.len()) {
            Some((at, full)) => {
                let point = at + quote.before.len();
                let span = Span::new(point, point);
                if full { Location::Exact { span } } else { Location::Moved { span } }
            }
            None => Location::Orphaned,
        };
    }
    match best(text, &quote.text, quote, was, 0) {
        Some((at, full)) => {
            let span = Span::new(at, at + quote.text.len());
            if full { Location::Exact { span } } else { Location::Moved { span } }
        }
        None => Location::Orphaned,
    }
}

/// The occurrence of `needle` in `text` with the most matching context (then the nearest to
/// where it was); and whether all of the context matched. `offset` shifts the occurrence to
/// the quote's start.
fn best(
    text: &str,
    needle: &str,
    quote: &Quote,
    was: Span,
    offset: usize,
) -> Option<(usize, bool)> {
    if needle.is_empty() {
        return None;
    }
    let wanted = quote.before.chars().count() + quote.after.chars().count();
    text.match_indices(needle)
        .map(|(at, _)| {
            let start = at + offset;
            let end = start + quote.text.len();
            let before = common_suffix(&text[..start], &quote.before);
            let after = common_prefix(&text[end..], &quote.after);
            let distance = start.abs_diff(was.start);
            (at, before + after, distance)
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(at, score, _)| (at, score == wanted))
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote_of(text: &str, needle: &str) -> (Quote, Span) {
        let at = text.find(needle).unwrap();
        let span = Span::new(at, at + needle.len());
        (Quote::of(text, span), span)
    }

    #[test]
    fn a_quote_survives_edits_around_it() {
        let old = "The model was tested by experts. It refused 96 in 100 requests.";
        let (q, was) = quote_of(old, "96 in 100");
        // Unchanged text: exact.
        assert_eq!(locate(&q, was, old), Location::Exact { span: was });
        // Text added before: moved, same words.
        let new = format!("Summary first. {old}");
        let found = locate(&q, was, &new).span().unwrap();
        assert_eq!(&new[found.start..found.end], "96 in 100");
        // The sentence around it rewritten: still found, marked as moved.
        let new = "Experts tested the model; it turned down 96 in 100 harmful requests.";
        let loc = locate(&q, was, new);
        assert!(matches!(loc, Location::Moved { .. }), "{loc:?}");
        assert_eq!(&new[loc.span().unwrap().start..loc.span().unwrap().end], "96 in 100");
        // The quoted words themselves changed: orphaned, never silently re-pinned.
        assert_eq!(locate(&q, was, "It refused 97 in 100 requests."), Location::Orphaned);
    }

    #[test]
    fn context_chooses_between_repeated_quotes() {
        let old = "Risk A: about 20 in 100. Risk B: about 20 in 100.";
        let second = old.rfind("20 in 100").unwrap();
        let was = Span::new(second, second + 9);
        let q = Quote::of(old, was);
        let new = "Intro. Risk A: about 20 in 100. Risk B: about 20 in 100.";
        let span = locate(&q, was, new).span().unwrap();
        assert_eq!(span.start, new.rfind("20 in 100").unwrap());
    }

    #[test]
    fn an_empty_range_is_a_point_between_its_context() {
        let old = "Before the point|after it.";
        let at = old.find('|').unwrap();
        let q = Quote::of(old, Span::new(at, at));
        let new = format!("New start. {old}");
        let span = locate(&q, Span::new(at, at), &new).span().unwrap();
        assert_eq!(span.start, new.find('|').unwrap());
        assert_eq!(span.start, span.end);
    }
}
