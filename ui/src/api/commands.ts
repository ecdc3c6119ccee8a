// One typed function per Tauri command (src-tauri/src/commands.rs).
import { call, progressChannel } from "./bridge";
import type {
  AppInfo,
  ApprovalItem,
  BrandingForm,
  BrandingOutcome,
  BrandingView,
  CommentItem,
  DecisionOutcome,
  DropEvent,
  EditingDocument,
  ExportOutcome,
  GapView,
  GlossaryOutcome,
  Identity,
  ImportOutcome,
  MergeReport,
  CopyMark,
  PreviewUpdate,
  ProgressEvent,
  ProjectOverview,
  PublishOutcome,
  RecentProject,
  RemovalItem,
  ReviewStatus,
  RiskVocabulary,
  SearchHit,
  SourceReader,
  StarterInfo,
  TaxonomyOutcome,
  VersionDiff,
  VersionItem,
} from "./types";

export type ExportFormat = "pdf" | "pdf-ua" | "html" | "risk-json" | "risk-html";
export type OnProgress = (event: ProgressEvent) => void;

export const appReady = () => call<AppInfo>("app_ready");
export const recentProjects = () => call<RecentProject[]>("recent_projects");
export const forgetRecent = (path: string) => call<void>("forget_recent", { path });
/** Shows the save dialog; `null` when the user cancelled. */
export const newProject = () => call<ProjectOverview | null>("new_project");
/** Shows the open dialog; `null` when the user cancelled. */
export const openProject = () => call<ProjectOverview | null>("open_project");
export const openRecent = (path: string) => call<ProjectOverview>("open_recent", { path });
export const openExample = () => call<ProjectOverview>("open_example");
export const closeProject = () => call<void>("close_project");
export const projectOverview = () => call<ProjectOverview>("project_overview");

export const importSources = (onProgress: OnProgress) =>
  call<ImportOutcome[] | null>("import_sources", { onProgress: progressChannel(onProgress) });
export const importDropped = (dropId: number, onProgress: OnProgress) =>
  call<ImportOutcome[]>("import_dropped", { dropId, onProgress: progressChannel(onProgress) });
export const cancelTask = () => call<void>("cancel_task");

export const sourceReader = (id: string) => call<SourceReader>("source_reader", { id });
export const searchSources = (query: string) => call<SearchHit[]>("search_sources", { query });

export const starters = () => call<StarterInfo[]>("starters");
export const riskVocabulary = () => call<RiskVocabulary>("risk_vocabulary");
export const newDocument = (starter: string, sources: string[]) =>
  call<string>("new_document", { starter, sources });
export const openDocument = (id: string) => call<EditingDocument>("open_document", { id });
export const autosave = (id: string, text: string) => call<void>("autosave", { id, text });
export const saveVersion = (id: string, text: string, note: string) =>
  call<VersionItem>("save_version", { id, text, note });
export const versions = (id: string) => call<VersionItem[]>("versions", { id });
export const versionText = (id: string, number: number) =>
  call<string>("version_text", { id, number });
export const restoreVersion = (id: string, number: number) =>
  call<EditingDocument>("restore_version", { id, number });

/** `allPages`: the window has no pages to keep, so every page must come with its SVG. */
export const preview = (text: string, allPages: boolean) =>
  call<PreviewUpdate>("preview", { text, allPages });
export const previewHtml = (text: string) => call<string>("preview_html", { text });
/** Shows the save dialog, then exports; `null` when the user cancelled. */
export const exportDocument = (id: string, text: string, format: ExportFormat, onProgress: OnProgress) =>
  call<ExportOutcome | null>("export_document", {
    id,
    text,
    format,
    onProgress: progressChannel(onProgress),
  });
/** The project's own glossary entries, in the glossary text format ("" when none). */
export const projectGlossary = () => call<string>("project_glossary");
/** Replaces the project's glossary entries; when `saved` is false nothing changed. */
export const setProjectGlossary = (text: string) => call<GlossaryOutcome>("set_project_glossary", { text });
/** The project's own risk categories and mitigation kinds, in the taxonomy text format ("" when none). */
export const projectTaxonomy = () => call<string>("project_taxonomy");
/** Replaces the project's own categories and kinds; when `saved` is false nothing changed. */
export const setProjectTaxonomy = (text: string) => call<TaxonomyOutcome>("set_project_taxonomy", { text });

/** The project's organisation, colours, font and logo, with the colours actually published. */
export const projectBranding = () => call<BrandingView>("project_branding");
/** Saves the organisation, colours and font; an empty value clears it. */
export const setBranding = (form: BrandingForm) => call<BrandingOutcome>("set_branding", { form });
/** Shows the open dialog and stores the chosen image as the logo, with `organisation`; `null` when cancelled. */
export const setBrandingLogo = (organisation: string) =>
  call<BrandingOutcome | null>("set_branding_logo", { organisation });
export const clearBrandingLogo = () => call<BrandingOutcome>("clear_branding_logo");
export const revealExport = (exportId: number) => call<void>("reveal_export", { exportId });

// ---- Review and publication (src-tauri/src/review_commands.rs) ----------------------------
/** Who is using Candor on this computer, or `null` before they said. */
export const identity = () => call<Identity | null>("identity");
export const setIdentity = (identity: Identity) => call<void>("set_identity", { identity });
export const reviewStatus = (id: string) => call<ReviewStatus>("review_status", { id });
/**
 * Comments on `quote` (its `occurrence`-th appearance, 1-based, in the latest saved version),
 * or on the whole document when `quote` is empty.
 */
export const addComment = (
  id: string,
  quote: string,
  occurrence: number | null,
  body: string,
  suggestion: string | null,
  replyTo: string | null,
) => call<CommentItem>("add_comment", { id, quote, occurrence, body, suggestion, replyTo });
export const resolveComment = (comment: string) => call<void>("resolve_comment", { comment });
/** `ids` empty: every open suggestion. Accepting saves one new version. */
export const decideSuggestions = (id: string, ids: string[], accept: boolean) =>
  call<DecisionOutcome>("decide_suggestions", { id, ids, accept });
export const approveDocument = (id: string) => call<ApprovalItem>("approve_document", { id });
/** Shows the save dialog; `null` when the user cancelled. */
export const sendForReview = (id: string, reviewer: string) =>
  call<CopyMark | null>("send_for_review", { id, reviewer });
/** Shows the open dialog for many copies; `null` when the user cancelled. */
export const mergeReviewCopies = () => call<MergeReport | null>("merge_review_copies");
/** Shows the save dialog, then writes the review sheet PDF; the file, or `null` when cancelled. */
export const saveReviewSheet = (id: string) => call<string | null>("save_review_sheet", { id });
export const diffVersions = (id: string, from: number, to: number) =>
  call<VersionDiff>("diff_versions", { id, from, to });
/** Shows the save dialog for a new folder; `null` when cancelled. `force`: why to publish anyway. */
export const publishDocument = (id: string, force: string | null) =>
  call<PublishOutcome | null>("publish_document", { id, force });

// ---- The removals log (src-tauri/src/removals_commands.rs) ---------------------------------
/** What was deliberately left out of document `id`, oldest first (never exported). */
export const removals = (id: string) => call<RemovalItem[]>("removals", { id });
/** `why`: `security`, `commercial`, `personal-data` or `other`; decided by the saved identity. */
export const recordRemoval = (
  id: string,
  what: string,
  why: string,
  reason: string,
  source: string | null,
  passage: string | null,
) => call<RemovalItem>("record_removal", { id, what, why, reason, source, passage });
export const withdrawRemoval = (removal: string) => call<RemovalItem>("withdraw_removal", { removal });

// ---- Gaps and changed sources (src-tauri/src/gaps_commands.rs) ----------------------------
/** What document `id` (its `text`, saved or not) leaves out of its sources or cannot back with them. */
export const gapReport = (id: string, text: string | null) => call<GapView>("gap_report", { id, text });
/** Shows the save dialog, then writes the gap report as a PDF; the file, or `null` when cancelled. */
export const saveGapReport = (id: string, text: string | null) => call<string | null>("save_gap_report", { id, text });
/**
 * Records, as the saved identity, that `citation` (`SOURCE#PASSAGE`, as the latest saved version
 * writes it) still holds against the source's current version; how many were confirmed.
 */
export const confirmCitation = (id: string, citation: string, text: string | null) =>
  call<number>("confirm_citation", { id, citation, text });
/** Shows the open dialog and imports the file as a new version of `source`; `null` when cancelled. */
export const updateSource = (source: string) => call<ImportOutcome | null>("update_source", { source });

export type { DropEvent };
