//! Long sentences and long paragraphs, with thresholds by audience.

use super::super::tokens::Sentence;
use super::super::{Audience, Finding};
use super::Rule;

pub(super) fn long_sentence(sentence: &Sentence<'_>, audience: Audience, out: &mut Vec<Finding>) {
    let words = sentence.words.len();
    let most = audience.sentence_words();
    if words > most {
        out.push(
            Finding::new(
                Rule::LongSentence,
                sentence.range.clone(),
                format!("This sentence has {words} words. Readers follow sentences of up to {most} words more easily."),
            )
            .hint("Split it where a new idea starts, or move details into a list."),
        );
    }
}

pub(super) fn long_paragraph(
    sentences: &[Sentence<'_>],
    audience: Audience,
    out: &mut Vec<Finding>,
) {
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    let most = audience.paragraph_words();
    if words > most
        && let Some(first) = sentences.first()
    {
        out.push(
            Finding::new(
                Rule::LongParagraph,
                first.range.clone(),
                format!("This paragraph has {words} words. Paragraphs of up to {most} words are easier to take in."),
            )
            .hint("Split it where the topic changes, or turn a series of points into a list."),
        );
    }
}
