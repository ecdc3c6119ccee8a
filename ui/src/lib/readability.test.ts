import { describe, expect, it } from "vitest";
import type { ScoreCard, ScoreLine } from "../api/types";
import {
  formatGrade,
  formatScore,
  hasGrades,
  mainScore,
  mainScoreText,
  scoreText,
  sectionLabel,
  standing,
} from "./readability";

function line(over: Partial<ScoreLine> = {}): ScoreLine {
  return {
    label: "",
    start: 0,
    end: 10,
    words: 120,
    sentences: 8,
    grade: null,
    above_target: false,
    scores: [],
    ...over,
  };
}

const FRENCH = [
  { formula: "Kandel–Moles", value: 72.37, higher_is_easier: true },
  { formula: "LIX", value: 41.6, higher_is_easier: false },
  { formula: "RIX", value: 3.14, higher_is_easier: false },
];

describe("the main score", () => {
  it("is the grade when there is one", () => {
    const l = line({ grade: 9.26, scores: [{ formula: "Flesch Reading Ease", value: 61, higher_is_easier: true }] });
    expect(mainScore(l)).toEqual({ kind: "grade", value: 9.26 });
    expect(mainScoreText(l)).toBe("Grade 9.3");
  });

  it("is the first score without a grade, with its direction", () => {
    const l = line({ scores: FRENCH });
    expect(mainScore(l)).toEqual({ kind: "score", score: FRENCH[0] });
    expect(mainScoreText(l)).toBe("Kandel–Moles 72 (higher is easier)");
    expect(scoreText(FRENCH[1])).toBe("LIX 42 (lower is easier)");
    expect(scoreText(FRENCH[2])).toBe("RIX 3.1 (lower is easier)");
  });

  it("says so when there is nothing to score", () => {
    expect(mainScore(line())).toBeNull();
    expect(mainScoreText(line())).toBe("Too little text to score");
  });
});

describe("numbers and labels", () => {
  it("formats grades with one decimal and large scores as whole numbers", () => {
    expect(formatGrade(9)).toBe("9.0");
    expect(formatGrade(11.44)).toBe("11.4");
    expect(formatScore(64.5)).toBe("65");
    expect(formatScore(-12.34)).toBe("-12.3");
  });

  it("names the text before the first heading", () => {
    expect(sectionLabel(line({ label: "What it is" }))).toBe("What it is");
    expect(sectionLabel(line({ label: "  " }))).toBe("Before the first heading");
  });
});

describe("standing against the target", () => {
  it("is above or within with a grade and a target, none otherwise", () => {
    expect(standing(line({ grade: 12, above_target: true }), 9)).toBe("above");
    expect(standing(line({ grade: 8 }), 9)).toBe("within");
    expect(standing(line({ grade: 12, above_target: true }), null)).toBe("none");
    expect(standing(line({ scores: FRENCH }), 9)).toBe("none");
  });

  it("knows whether the language has grades", () => {
    const card = (whole: ScoreLine, sections: ScoreLine[] = []): ScoreCard => ({
      language: "fr",
      target_grade: 9,
      whole,
      sections,
    });
    expect(hasGrades(card(line({ scores: FRENCH })))).toBe(false);
    expect(hasGrades(card(line({ grade: 7 })))).toBe(true);
  });
});
