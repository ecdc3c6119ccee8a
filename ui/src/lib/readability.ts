// The score card (how readable the text is, per section) in words for the Readability panel.
// Pure functions, no DOM.
import type { ScoreCard, ScoreLine, ScoreValue } from "../api/types";
import { t } from "../i18n";

/** The one number a line is judged by: its grade where the language has one, else its first score. */
export type MainScore =
  | { kind: "grade"; value: number }
  | { kind: "score"; score: ScoreValue }
  | null;

export function mainScore(line: ScoreLine): MainScore {
  if (line.grade !== null && Number.isFinite(line.grade)) return { kind: "grade", value: line.grade };
  const score = line.scores.find((s) => Number.isFinite(s.value));
  return score ? { kind: "score", score } : null;
}

/** Whether the card's language has a school-grade formula (then every line with words has a grade). */
export function hasGrades(card: ScoreCard): boolean {
  return card.whole.grade !== null || card.sections.some((s) => s.grade !== null);
}

const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** A grade with one decimal ("9.0", "11.4"). */
export function formatGrade(value: number): string {
  return oneDecimal.format(value);
}

/** A score: whole numbers from 20 (reading ease, LIX), one decimal below (RIX, grades). */
export function formatScore(value: number): string {
  return Math.abs(value) >= 20 ? whole.format(value) : oneDecimal.format(value);
}

/** "Kandel–Moles 72 (higher is easier)". */
export function scoreText(score: ScoreValue): string {
  return t("readability.score", {
    formula: score.formula,
    value: formatScore(score.value),
    direction: t(score.higher_is_easier ? "readability.higherEasier" : "readability.lowerEasier"),
  });
}

/** The main score of a line in words ("Grade 9.3", "Kandel–Moles 72 (higher is easier)"). */
export function mainScoreText(line: ScoreLine): string {
  const main = mainScore(line);
  if (!main) return t("readability.noScore");
  return main.kind === "grade" ? t("readability.grade", { value: formatGrade(main.value) }) : scoreText(main.score);
}

/** How a line stands against the target: above it, within it, or not comparable. */
export type Standing = "above" | "within" | "none";

export function standing(line: ScoreLine, targetGrade: number | null): Standing {
  if (targetGrade === null || line.grade === null) return "none";
  return line.above_target ? "above" : "within";
}

/** A section's heading, or a name for the text before the first heading. */
export function sectionLabel(line: ScoreLine): string {
  return line.label.trim() || t("readability.untitled");
}
