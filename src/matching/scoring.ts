/**
 * How well one resident fits one request, as named parts a coordinator can read. Pure functions: no
 * database, no clock. Every part is a value in [0, 1]; the total is their weighted sum.
 */

export const SCORE_WEIGHTS = {
  skillLevel: 0.35,
  preferredSkills: 0.15,
  learningOutcomes: 0.1,
  distance: 0.15,
  fairness: 0.25,
} as const;

export type ScorePartName = keyof typeof SCORE_WEIGHTS;

/** Beyond this distance between districts, travel earns no points (the city is about 40 km across). */
export const DISTANCE_ZERO_KM = 40;
/** Two linked learning outcomes are as much evidence as the score counts. */
export const OUTCOMES_FOR_FULL_POINTS = 2;

export interface SkillFact {
  code: string;
  /** The resident's level, or null when they lack the skill. */
  level: number | null;
}

export interface RequiredSkillFact extends SkillFact {
  level: number;
  minLevel: number;
}

/** What the candidate query found about one resident for one request. */
export interface CandidateFacts {
  requiredSkills: RequiredSkillFact[];
  preferredSkills: SkillFact[];
  /** Titles of the resident's learning outcomes linked to any skill the request asks for. */
  relevantOutcomes: string[];
  /** Between the resident's home district and the request's; null when the request is online. */
  distanceKm: number | null;
  /**
   * The resident's activities in the fairness window (the last 12 months) plus those already confirmed
   * and still to come: everyone they are committed to counts, not only what is past.
   */
  recentActivities: number;
}

export interface ScorePart {
  name: ScorePartName;
  value: number;
  weight: number;
  points: number;
}

export interface ScoreExplanation {
  total: number;
  parts: ScorePart[];
  facts: CandidateFacts;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Mean level of the required skills out of 5: a seasoned expert beats someone who just clears the bar. */
export function skillLevelPart(required: RequiredSkillFact[]): number {
  if (required.length === 0) return 1;
  return required.reduce((sum, skill) => sum + skill.level / 5, 0) / required.length;
}

/** Share of the preferred skills the resident has, each weighted by their level. */
export function preferredSkillsPart(preferred: SkillFact[]): number {
  if (preferred.length === 0) return 1;
  return preferred.reduce((sum, skill) => sum + (skill.level ?? 0) / 5, 0) / preferred.length;
}

export function learningOutcomesPart(relevantOutcomes: number): number {
  return Math.min(1, relevantOutcomes / OUTCOMES_FOR_FULL_POINTS);
}

export function distancePart(distanceKm: number | null): number {
  if (distanceKm === null) return 1;
  return Math.max(0, 1 - distanceKm / DISTANCE_ZERO_KM);
}

/** Fewer recent and confirmed activities rank higher, so chances spread beyond the same few people. */
export function fairnessPart(recentActivities: number): number {
  return 1 / (1 + recentActivities);
}

export function scoreCandidate(facts: CandidateFacts): ScoreExplanation {
  const values: Record<ScorePartName, number> = {
    skillLevel: skillLevelPart(facts.requiredSkills),
    preferredSkills: preferredSkillsPart(facts.preferredSkills),
    learningOutcomes: learningOutcomesPart(facts.relevantOutcomes.length),
    distance: distancePart(facts.distanceKm),
    fairness: fairnessPart(facts.recentActivities),
  };
  const parts = (Object.keys(SCORE_WEIGHTS) as ScorePartName[]).map((name) => ({
    name,
    value: round(values[name]),
    weight: SCORE_WEIGHTS[name],
    points: round(values[name] * SCORE_WEIGHTS[name]),
  }));
  return { total: round(parts.reduce((sum, part) => sum + part.points, 0)), parts, facts };
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance between two points given in degrees. */
export function haversineKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
