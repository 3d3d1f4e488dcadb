/**
 * R24: why each charge happened. Charges made before triggers existed were first runs, so they read `run`.
 */
export const chargeTriggerSchema = `
ALTER TABLE charges ADD COLUMN trigger text NOT NULL DEFAULT 'run' CHECK (trigger IN ('run', 'rerun', 'auto_update'));
`;
