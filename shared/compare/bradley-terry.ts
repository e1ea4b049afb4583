/** One head-to-head result: `score` is what `first` earned (1 a win, 0.5 a tie, 0 a loss). */
export interface Game {
  first: string;
  second: string;
  score: 1 | 0.5 | 0;
}

export interface RatingOptions {
  /** Iterations at most; the fit usually settles in far fewer. */
  maxIterations?: number;
  /** Stops once no strength moves by more than this fraction in one iteration. */
  tolerance?: number;
}

/** Where a strength of 1 lands: a model with no votes, or as many wins as losses against its peers. */
export const baseRating = 1000;

/**
 * Bradley–Terry strengths fitted by Hunter's MM iterations (Ann. Statist. 32(1), 2004), on the Elo scale
 * (`baseRating + 400·log10(strength)`, so 400 points are 10:1 odds). A tie counts as half a win for each side.
 * Each model also plays one virtual tie against a fixed player of strength 1: a model that always wins (or always
 * loses) then has a finite rating, models never compared with each other share one scale, and the fit has one
 * answer. Games are summed per pair in sorted order first, so the result does not depend on their order.
 */
export function bradleyTerry(games: Game[], options: RatingOptions = {}): Map<string, number> {
  const { maxIterations = 10_000, tolerance = 1e-10 } = options;
  const models = [...new Set(games.flatMap((game) => [game.first, game.second]))].sort();
  const index = new Map(models.map((model, position) => [model, position]));
  const count = models.length;
  // played[i][j]: games between i and j; won[i]: i's wins, ties as halves, plus the virtual tie's half.
  const played = models.map(() => new Array<number>(count).fill(0));
  const won = new Array<number>(count).fill(0.5);
  for (const game of games) {
    const first = index.get(game.first)!;
    const second = index.get(game.second)!;
    if (first === second) continue;
    played[first]![second]! += 1;
    played[second]![first]! += 1;
    won[first]! += game.score;
    won[second]! += 1 - game.score;
  }
  let strength = new Array<number>(count).fill(1);
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    const next = strength.map((own, i) => {
      // The virtual game against strength 1, then every real opponent.
      let denominator = 1 / (own + 1);
      for (let j = 0; j < count; j += 1) {
        const games = played[i]![j]!;
        if (games > 0) denominator += games / (own + strength[j]!);
      }
      return won[i]! / denominator;
    });
    const change = Math.max(0, ...next.map((value, i) => Math.abs(value - strength[i]!) / strength[i]!));
    strength = next;
    if (change < tolerance) break;
  }
  return new Map(models.map((model, i) => [model, baseRating + 400 * Math.log10(strength[i]!)]));
}
