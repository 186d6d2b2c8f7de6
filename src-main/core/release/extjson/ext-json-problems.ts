/** One thing wrong with a rendered ext_json: a code the console words, its parameters, and the English the log uses. */
export interface ExtJsonProblem {
  code: string;
  params: Record<string, string | number>;
}

/** Collects problems as codes (for the console) and as English lines (for item errors and the log). */
export class ProblemList {
  readonly problems: ExtJsonProblem[] = [];
  readonly errors: string[] = [];

  add(code: string, params: Record<string, string | number>, english: string): void {
    this.problems.push({ code, params });
    this.errors.push(english);
  }
}
