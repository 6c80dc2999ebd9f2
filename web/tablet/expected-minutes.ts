/**
 * How long the questionnaire takes, as the welcome screen says it: about
 * 20 seconds a question, rounded to whole 5 minutes and never under 5
 * ("ungefär 10 minuter" for 34 questions). An estimate, said as one.
 */
const SECONDS_PER_QUESTION = 20;

export function expectedMinutes(questions: number): number {
  const minutes = (questions * SECONDS_PER_QUESTION) / 60;
  return Math.max(5, Math.round(minutes / 5) * 5);
}
