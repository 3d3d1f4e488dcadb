/**
 * R16, R24: a run stopped midway is remembered as such, so usage activity can say why its charges stayed.
 * Runs completed before this existed read as finished, which is all that was known of them.
 */
export const stoppedRunsSchema = `
ALTER TABLE runs ADD COLUMN stopped boolean NOT NULL DEFAULT false;
`;
