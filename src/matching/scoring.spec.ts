import {
  distancePart,
  fairnessPart,
  haversineKm,
  learningOutcomesPart,
  preferredSkillsPart,
  SCORE_WEIGHTS,
  scoreCandidate,
  skillLevelPart,
  type CandidateFacts,
  type RequiredSkillFact,
} from './scoring.js';

const required = (level: number, minLevel = 2): RequiredSkillFact => ({
  code: 'calligraphy',
  level,
  minLevel,
});

/** A solid candidate; each test overrides only the facts it is about. */
const facts = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
  requiredSkills: [required(3)],
  preferredSkills: [{ code: 'english', level: 3 }],
  relevantOutcomes: ['書道師範'],
  distanceKm: 5,
  recentActivities: 1,
  ...overrides,
});

const TAIRA = { latitude: 37.0505, longitude: 140.8877 };
const ONAHAMA = { latitude: 36.9466, longitude: 140.9033 };

describe('skillLevelPart', () => {
  it('is the mean level of the required skills out of 5', () => {
    expect(skillLevelPart([required(5), required(3)])).toBeCloseTo(0.8);
  });

  it('ranks a seasoned expert above someone who just clears the minimum level', () => {
    expect(skillLevelPart([required(5, 2)])).toBeGreaterThan(skillLevelPart([required(2, 2)]));
  });

  it('gives full points when the request requires no skill', () => {
    expect(skillLevelPart([])).toBe(1);
  });
});

describe('preferredSkillsPart', () => {
  it('weights each preferred skill the resident has by its level out of 5', () => {
    expect(preferredSkillsPart([{ code: 'english', level: 4 }])).toBeCloseTo(0.8);
  });

  it('counts a preferred skill the resident lacks as zero', () => {
    expect(
      preferredSkillsPart([
        { code: 'english', level: 5 },
        { code: 'piano', level: null },
      ]),
    ).toBeCloseTo(0.5);
  });

  it('gives no points when the resident has none of the preferred skills', () => {
    expect(preferredSkillsPart([{ code: 'piano', level: null }])).toBe(0);
  });

  it('gives full points when the request prefers no skill', () => {
    expect(preferredSkillsPart([])).toBe(1);
  });
});

describe('learningOutcomesPart', () => {
  it('gives no points without a relevant learning outcome', () => {
    expect(learningOutcomesPart(0)).toBe(0);
  });

  it('gives half points for one relevant learning outcome', () => {
    expect(learningOutcomesPart(1)).toBeCloseTo(0.5);
  });

  it('gives full points from two relevant learning outcomes on, never more', () => {
    expect(learningOutcomesPart(2)).toBe(1);
    expect(learningOutcomesPart(7)).toBe(1);
  });
});

describe('distancePart', () => {
  it('gives full points when the resident lives where the request is', () => {
    expect(distancePart(0)).toBe(1);
  });

  it('falls linearly with distance', () => {
    expect(distancePart(10)).toBeCloseTo(0.75);
    expect(distancePart(20)).toBeCloseTo(0.5);
  });

  it('gives no points at 40 km and never goes below zero beyond it', () => {
    expect(distancePart(40)).toBe(0);
    expect(distancePart(65)).toBe(0);
  });

  it('gives full points to an online request', () => {
    expect(distancePart(null)).toBe(1);
  });
});

describe('fairnessPart', () => {
  it('gives full points to a resident with no recent activity', () => {
    expect(fairnessPart(0)).toBe(1);
  });

  it('shrinks with each recent activity', () => {
    expect(fairnessPart(1)).toBeCloseTo(0.5);
    expect(fairnessPart(3)).toBeCloseTo(0.25);
    expect(fairnessPart(10)).toBeLessThan(fairnessPart(9));
  });
});

describe('haversineKm', () => {
  it('measures Taira to Onahama as about 11.6 km', () => {
    expect(haversineKm(TAIRA, ONAHAMA)).toBeCloseTo(11.6, 1);
  });

  it('is the same in both directions', () => {
    expect(haversineKm(ONAHAMA, TAIRA)).toBeCloseTo(haversineKm(TAIRA, ONAHAMA), 9);
  });

  it('is zero from a point to itself', () => {
    expect(haversineKm(TAIRA, TAIRA)).toBe(0);
  });

  it('measures one degree of latitude as about 111 km', () => {
    expect(haversineKm({ latitude: 37, longitude: 141 }, { latitude: 38, longitude: 141 })).toBeCloseTo(
      111.2,
      1,
    );
  });
});

describe('scoreCandidate', () => {
  it('names the five parts in a fixed order', () => {
    expect(scoreCandidate(facts()).parts.map((part) => part.name)).toEqual([
      'skillLevel',
      'preferredSkills',
      'learningOutcomes',
      'distance',
      'fairness',
    ]);
  });

  it('uses weights that sum to 1', () => {
    const weights = scoreCandidate(facts()).parts.map((part) => part.weight);
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 10);
    expect(Object.values(SCORE_WEIGHTS).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 10);
  });

  it('gives each part as many points as its value times its weight', () => {
    for (const part of scoreCandidate(facts()).parts) {
      expect(part.weight).toBe(SCORE_WEIGHTS[part.name]);
      expect(part.points).toBeCloseTo(part.value * part.weight, 4);
    }
  });

  it('totals the weighted parts', () => {
    const explanation = scoreCandidate(
      facts({
        requiredSkills: [required(4)], // 0.8
        preferredSkills: [
          { code: 'english', level: 5 },
          { code: 'piano', level: null },
        ], // 0.5
        relevantOutcomes: ['書道師範'], // 0.5
        distanceKm: 10, // 0.75
        recentActivities: 1, // 0.5
      }),
    );
    expect(explanation.parts.map((part) => part.value)).toEqual([0.8, 0.5, 0.5, 0.75, 0.5]);
    const sumOfPoints = explanation.parts.reduce((sum, part) => sum + part.points, 0);
    expect(explanation.total).toBeCloseTo(sumOfPoints, 4);
    expect(explanation.total).toBeCloseTo(0.35 * 0.8 + 0.15 * 0.5 + 0.1 * 0.5 + 0.15 * 0.75 + 0.25 * 0.5, 4);
  });

  it('gives a perfect candidate a total of 1', () => {
    const perfect = facts({
      requiredSkills: [required(5)],
      preferredSkills: [{ code: 'english', level: 5 }],
      relevantOutcomes: ['書道師範', '書写指導'],
      distanceKm: 0,
      recentActivities: 0,
    });
    expect(scoreCandidate(perfect).total).toBe(1);
  });

  it('keeps the facts it scored so a coordinator can see why', () => {
    const scored = facts();
    expect(scoreCandidate(scored).facts).toEqual(scored);
  });

  it('ranks a better-qualified candidate above a worse one', () => {
    const expert = facts({
      requiredSkills: [required(5)],
      preferredSkills: [{ code: 'english', level: 4 }],
      relevantOutcomes: ['書道師範', '書写指導'],
    });
    const novice = facts({
      requiredSkills: [required(2)],
      preferredSkills: [{ code: 'english', level: null }],
      relevantOutcomes: [],
    });
    expect(scoreCandidate(expert).total).toBeGreaterThan(scoreCandidate(novice).total);
  });

  it('ranks a newcomer above an equally skilled resident with many recent activities', () => {
    const newcomer = facts({ recentActivities: 0 });
    const regular = facts({ recentActivities: 12 });
    expect(scoreCandidate(newcomer).total).toBeGreaterThan(scoreCandidate(regular).total);
  });

  it('ranks a nearby resident above an equally skilled one across the city', () => {
    expect(scoreCandidate(facts({ distanceKm: 2 })).total).toBeGreaterThan(
      scoreCandidate(facts({ distanceKm: 30 })).total,
    );
  });

  it('gives an online request full distance points', () => {
    const distance = scoreCandidate(facts({ distanceKm: null })).parts.find(
      (part) => part.name === 'distance',
    );
    expect(distance).toMatchObject({ value: 1, points: SCORE_WEIGHTS.distance });
  });
});
