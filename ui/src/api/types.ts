// Generated from Rust by src-tauri/src/bindings.rs; do not edit.
// Update: CANDOR_UPDATE_BINDINGS=1 cargo test -p candor-app bindings

export type CommandError = { code: string, message: string, };

export type ProgressEvent = { step: number, total: number, what: string, };

export type AppInfo = { version: string, 
/**
 * Milliseconds from the start of the process to the window being ready.
 */
startup_ms: number, };

export type ExportOutcome = { 
/**
 * The written file, for display; `None` when problems stopped the export.
 */
file: string | null, 
/**
 * Pass this to `reveal_export` to show the file in its folder.
 */
export_id: number | null, 
/**
 * Every problem found, errors first.
 */
problems: Array<ProblemItem>, };

export type DropEvent = { "kind": "over" } | { "kind": "left" } | { "kind": "dropped", drop_id: number, names: Array<string>, };

export type GlossaryOutcome = { 
/**
 * Whether the entries were saved; when not, `problems` says why and nothing changed.
 */
saved: boolean, entries: number, 
/**
 * Problems with their line numbers ("line 3: …").
 */
problems: Array<string>, };

export type TaxonomyOutcome = { 
/**
 * Whether the entries were saved; when not, `problems` says why and nothing changed.
 */
saved: boolean, 
/**
 * How many categories and kinds the project now adds or rewords.
 */
entries: number, 
/**
 * Problems with their line numbers ("line 3: …").
 */
problems: Array<string>, };

export type BrandingView = { organisation: string | null, 
/**
 * `#rrggbb`, as chosen; `None`: Candor's own.
 */
primary: string | null, accent: string | null, 
/**
 * The colours actually published (the nearest accessible ones where the chosen fail).
 */
primary_used: string | null, accent_used: string | null, 
/**
 * The bundled font's short name (`inter`, `atkinson`); `None`: Inter.
 */
font: string | null, logo: LogoView | null, 
/**
 * One per colour replaced because it has too little contrast.
 */
contrast: Array<ContrastNote>, };

export type LogoView = { mime: string, bytes: number, width: number, height: number, 
/**
 * The logo as a `data:` URI, to show it.
 */
data_uri: string | null, };

export type ContrastNote = { 
/**
 * `primary` or `accent`.
 */
role: string, chosen: string, used: string, 
/**
 * The full warning: which background fails, the ratio and the ratio needed.
 */
message: string, };

export type BrandingForm = { organisation: string, primary: string, accent: string, font: string, };

export type BrandingOutcome = { 
/**
 * Whether the change was saved; when not, `problems` says why and nothing changed.
 */
saved: boolean, 
/**
 * The branding as it is now stored.
 */
branding: BrandingView, 
/**
 * Why the change was refused (a colour not written #rrggbb, an unusable logo).
 */
problems: Array<string>, 
/**
 * Warnings about what was saved (each `brand/low-contrast` message).
 */
warnings: Array<string>, };

export type RecentProject = { path: string, name: string, opened_at: string, 
/**
 * Whether the file is still there.
 */
exists: boolean, };

export type ProjectOverview = { 
/**
 * The file name without `.candor`.
 */
name: string, 
/**
 * Where the project file is, for display.
 */
path: string, sources: Array<SourceItem>, documents: Array<DocumentItem>, };

export type SourceItem = { id: string, title: string, file_name: string, 
/**
 * `pdf`, `docx`, `html`, `markdown`, `cyclonedx`, `spdx`.
 */
format: string, imported_at: string, pages: number | null, sections: number, passages: number, };

export type DocumentItem = { id: string, title: string, created_at: string, latest: VersionItem, };

export type VersionItem = { number: number, at: string, 
/**
 * `save`, `export`, `restore` or `import`.
 */
kind: string, note: string, restored_from: number | null, };

export type SourceReader = { source: SourceItem, 
/**
 * What the document says about itself: (label, value) pairs.
 */
metadata: Array<[string, string]>, outline: Array<OutlineEntry>, passages: Array<PassageItem>, disclosure: Array<DisclosureRow>, };

export type OutlineEntry = { id: string, level: number, number: string | null, title: string, page: number | null, };

export type PassageItem = { id: string, 
/**
 * `paragraph`, `list-item`, `table`, `caption`, `footnote`, `code`, `quote`, `field`.
 */
kind: string, 
/**
 * Index into the outline.
 */
section: number | null, text: string, page: number | null, };

export type DisclosureRow = { 
/**
 * e.g. "EU form", "Hugging Face card".
 */
framework: string, 
/**
 * The official item number, where the framework has one.
 */
number: string | null, group: string, label: string, 
/**
 * `disclosed`, `not-disclosed` or `unknown`.
 */
status: string, passage: string | null, excerpt: string | null, };

export type SearchHit = { source_id: string, passage_id: string, page: number | null, section: string | null, 
/**
 * An excerpt around the matches; `highlights` are its matched byte ranges.
 */
snippet: string, highlights: Array<[number, number]>, };

export type EditingDocument = { id: string, title: string, 
/**
 * The working text: the autosaved text when there is unsaved work, else the latest version.
 */
text: string, latest_version: number, 
/**
 * Set when unsaved work from an earlier session was recovered.
 */
recovered_from: string | null, };

export type ImportOutcome = { file_name: string, 
/**
 * The new (or existing) source; `None` when the file could not be imported.
 */
source: SourceItem | null, already_present: boolean, 
/**
 * Why the file could not be imported, in words for the user.
 */
error: string | null, 
/**
 * Problems in the file's content; it was imported anyway.
 */
warnings: Array<string>, };

export type ProblemItem = { 
/**
 * `error`, `warning` or `info`.
 */
severity: string, 
/**
 * A stable code such as `risk/unknown-category`.
 */
code: string, message: string, hints: Array<string>, 
/**
 * 1-based line and column of the start.
 */
line: number, column: number, 
/**
 * Byte offsets of the problem in the text.
 */
start: number, end: number, 
/**
 * A one-click fix, when the rule knows one.
 */
fix: FixItem | null, };

export type FixItem = { 
/**
 * What the fix does, for its button ("Write “1,000”").
 */
label: string, start: number, end: number, replacement: string, };

export type ScoreCard = { 
/**
 * The language the formulas are for (`en`, `de` …); `None`: only LIX and RIX apply.
 */
language: string | null, 
/**
 * The school grade the header's `reading_level` asks for.
 */
target_grade: number | null, whole: ScoreLine, sections: Array<ScoreLine>, };

export type ScoreLine = { 
/**
 * The section's heading; empty for text before the first heading and for the whole.
 */
label: string, 
/**
 * Byte offsets of the section in the text.
 */
start: number, end: number, words: number, sentences: number, 
/**
 * The school grade the text needs, where the language has a grade formula.
 */
grade: number | null, 
/**
 * Whether the grade is above the target.
 */
above_target: boolean, scores: Array<ScoreValue>, };

export type ScoreValue = { formula: string, value: number, 
/**
 * `true` for reading-ease scores (higher is easier), `false` for grades and LIX.
 */
higher_is_easier: boolean, };

export type StarterInfo = { 
/**
 * Stable id, e.g. `model-report-summary`.
 */
id: string, 
/**
 * A short name for menus.
 */
title: string, 
/**
 * One sentence saying what the document is for.
 */
description: string, };

export type RiskVocabulary = { categories: Array<VocabularyEntry>, mitigation_kinds: Array<VocabularyEntry>, 
/**
 * `low`, `moderate`, `high`, `critical`.
 */
severities: Array<string>, 
/**
 * The calibrated likelihood words ("very unlikely", …), lowest first.
 */
likelihood_words: Array<string>, };

export type VocabularyEntry = { id: string, name: string, 
/**
 * A plain description.
 */
about: string, 
/**
 * Where the value comes from (official item numbers), if anywhere.
 */
reference: string | null, 
/**
 * For categories: which list it comes from (`specified`, `type`, `example`,
 * `first-draft`, `broader`, `project`).
 */
group: string | null, 
/**
 * For categories: one of the four systemic risks the Code of Practice specifies.
 */
specified: boolean, };

export type PreviewUpdate = { 
/**
 * Every page, in order; only changed pages carry their SVG.
 */
pages: Array<PreviewPage>, 
/**
 * How many pages the document has now; pages past it are gone.
 */
page_count: number, 
/**
 * Every problem in the document, errors first. Errors do not stop the preview.
 */
problems: Array<ProblemItem>, 
/**
 * How readable the document is, per section.
 */
score_card: ScoreCard, 
/**
 * How long typesetting and drawing took, in milliseconds.
 */
elapsed_ms: number, };

export type PreviewPage = { 
/**
 * 0-based.
 */
index: number, 
/**
 * Equal hashes mean equal pages (within one run of the program).
 */
hash: string, 
/**
 * The page's size in points.
 */
width: number, height: number, 
/**
 * The page as SVG when it changed since the previous update; `None`: keep your copy.
 */
svg: string | null, };

export type PublishOutcome = { 
/**
 * The folder of the bundle; `None` when refused or cancelled.
 */
folder: string | null, 
/**
 * Why nothing was published (not approved, errors); empty when it was.
 */
refused: Array<string>, problems: Array<ProblemItem>, 
/**
 * The reason recorded when publishing was forced.
 */
forced: string | null, };

export type Identity = { name: string, role: string, email: string, };

export type ReviewStatus = { document: string, 
/**
 * `draft`, `in-review`, `approved` or `published`.
 */
status: string, 
/**
 * The latest version and its SHA-256.
 */
version: number, sha256: string, 
/**
 * A sentence for people: "Approved by Ana Ruiz (Legal) on 2026-05-01 for version 4."
 */
summary: string, approvals: Array<ApprovalItem>, comments: Array<CommentItem>, open_comments: number, open_suggestions: number, orphaned: number, 
/**
 * Set when this project file is a review copy.
 */
copy: CopyMark | null, };

export type CommentItem = { id: string, author: string, author_role: string, body: string, created_at: string, 
/**
 * The version it was made on.
 */
version: number, 
/**
 * The words it is about (range comments).
 */
quote: string | null, 
/**
 * Where those words are in the latest version.
 */
location: { kind: "exact" | "moved"; span: { start: number; end: number } } | { kind: "orphaned" } | null, suggestion: string | null, 
/**
 * `accepted` or `rejected` for a decided suggestion.
 */
decision: string | null, resolved: boolean, reply_to: string | null, };

export type ApprovalItem = { reviewer: string, role: string, at: string, version: number, 
/**
 * The approved text is the latest one.
 */
current: boolean, };

export type CopyMark = { id: string, document: string, 
/**
 * The version the reviewer was sent.
 */
version: number, reviewer: string, sent_at: string, sent_by: string, };

export type MergeReport = { copies: Array<MergedCopy>, };

export type MergedCopy = { file: string, reviewer: string, comments_added: number, comments_known: number, approvals_added: number, 
/**
 * Approvals of a version that has since been edited: recorded, but they do not approve
 * the latest text.
 */
approvals_stale: number, 
/**
 * Comments whose words are no longer in the latest text.
 */
orphaned: number, 
/**
 * Suggestions that no longer fit the latest text and need the author's hand.
 */
conflicts: number, };

export type DecisionOutcome = { accepted: number, rejected: number, 
/**
 * Suggestions left open because their words changed or they overlap another.
 */
conflicts: Array<string>, 
/**
 * The version the accepted suggestions made, if any.
 */
version: number | null, };

export type VersionDiff = { 
/**
 * The document's id.
 */
document: string, from: VersionItem, to: VersionItem, 
/**
 * The text of `to`, with what `from` had in between: equal, deleted and inserted runs.
 */
runs: Array<DiffRunItem>, 
/**
 * Both versions line by line, side by side.
 */
rows: Array<DiffRowItem>, words_added: number, words_removed: number, 
/**
 * The two texts are the same.
 */
identical: boolean, };

export type DiffRunItem = { 
/**
 * `equal`, `deleted` or `inserted`.
 */
kind: string, text: string, };

export type DiffRowItem = { left: DiffLineItem | null, right: DiffLineItem | null, };

export type DiffLineItem = { 
/**
 * The line's number in its version, from 1.
 */
number: number, 
/**
 * The line in pieces; `changed` marks words removed (left) or added (right).
 */
parts: Array<DiffPartItem>, changed: boolean, };

export type DiffPartItem = { text: string, changed: boolean, };

export type RemovalItem = { id: string, document: string, what: string, 
/**
 * `security`, `commercial`, `personal-data` or `other`.
 */
why: string, reason: string, decided_by: string, decided_by_role: string, decided_at: string, source: string | null, passage: string | null, withdrawn_at: string | null, 
/**
 * Not withdrawn: it counts in the published statement.
 */
active: boolean, };

export type GapView = { report: GapReport, 
/**
 * One per `report.stale`, in the same order: the passage as cited and as it is now.
 */
compared: Array<PassageDiff>, };

export type GapReport = { 
/**
 * [`GAPS_FORMAT`].
 */
format: string, 
/**
 * The document's id in the project, and its title.
 */
document: string, title: string, 
/**
 * How many of each kind of gap, for a summary line.
 */
counts: GapCounts, 
/**
 * Risk categories without a card: the four specified systemic risks, and every category
 * a source has a section about.
 */
risks: Array<RiskGap>, 
/**
 * Per source the document names and the project has: what it draws on and leaves out.
 */
sources: Array<SourceGaps>, 
/**
 * Figures no source has, or that contradict the passage cited.
 */
figures: Array<GapItem>, 
/**
 * Citations that point at nothing, at a passage unrelated to the sentence, or away from
 * the passage that has the figure.
 */
citations: Array<GapItem>, 
/**
 * Sentences with a figure a source has, and no citation.
 */
uncited: Array<GapItem>, 
/**
 * Citations of passages that changed, went or moved in a newer version of the source.
 */
stale: Array<StaleItem>, 
/**
 * Sources the front matter names that the project does not have.
 */
missing_sources: Array<GapItem>, };

export type GapCounts = { risks: number, 
/**
 * Of those, specified systemic risks.
 */
specified_risks: number, risk_sections: number, fields: number, figures: number, citations: number, uncited: number, stale: number, missing_sources: number, };

export type RiskGap = { category: string, 
/**
 * The category's plain name in the document's language.
 */
name: string, 
/**
 * One of the four specified systemic risks every provider must assess.
 */
specified: boolean, 
/**
 * The sections of the sources about it: "Llama 3.1 model card: “Critical and other
 * risks”".
 */
discussed_in: Array<string>, };

export type SourceGaps = { 
/**
 * The source as the document cites it.
 */
source: string, title: string, file: string, sections_drawn_on: number, 
/**
 * Every section of the source, in order.
 */
sections: Array<SectionGap>, 
/**
 * Items the source discloses that the document does not cite.
 */
fields_left_out: Array<FieldGap>, };

export type SectionGap = { id: string, 
/**
 * "7.3 Evaluation".
 */
name: string, level: number, page: number | null, passages: number, cited_passages: number, drawn_on: boolean, 
/**
 * Plain names of the risk categories and of the kinds of mitigation it is about.
 */
risks: Array<string>, mitigations: Array<string>, 
/**
 * The removals log records it as left out.
 */
left_out_on_purpose: boolean, };

export type FieldGap = { field: string, 
/**
 * "EU form 2" or "Hugging Face card".
 */
framework: string, label: string, 
/**
 * Where the source discloses it: passage id, section name, and its words.
 */
passage: string | null, section: string | null, excerpt: string | null, left_out_on_purpose: boolean, };

export type GapItem = { code: string, 
/**
 * `error`, `warning` or `info`.
 */
severity: string, message: string, hints: Array<string>, 
/**
 * 1-based line and column, and byte offsets, of the text it is about.
 */
line: number, column: number, start: number, end: number, 
/**
 * The text it is about, at most 160 characters.
 */
quote: string, };

export type StaleItem = { citation: StaleCitation, line: number, column: number, 
/**
 * The sentence or card citing it, at most 160 characters.
 */
quote: string, };

export type StaleCitation = { 
/**
 * The link as written: `SOURCE#PASSAGE` (what [`confirm_citations`] takes).
 */
citation: string, 
/**
 * The source as the document cites it, and the passage it cites.
 */
source: string, passage: string, 
/**
 * `changed`, `removed` or `moved`.
 */
change: string, 
/**
 * The passage's text in the version the author cited.
 */
old_text: string, 
/**
 * Its text now, and its id now; `None` when it is gone.
 */
new_text: string | null, new_passage: string | null, 
/**
 * Byte offsets of the citing link (or risk card) in the document.
 */
start: number, end: number, };

export type PassageDiff = { before: Array<DiffPartItem>, now: Array<DiffPartItem>, words_added: number, words_removed: number, };
