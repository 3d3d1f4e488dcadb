/**
 * R28: credits the secret key grants, with a reason from a closed set, an optional note, an optional expiry and a
 * priority that orders grants expiring together (R2). Existing grants keep priority 0 and no reason. The partial
 * index finds granted credits whose expiry has come with something left, which the expiry job writes off.
 */
export const grantedCreditsSchema = `
ALTER TABLE grants DROP CONSTRAINT grants_source_check;
ALTER TABLE grants ADD CONSTRAINT grants_source_check
  CHECK (source IN ('plan', 'rollover', 'purchased', 'granted'));
ALTER TABLE grants ADD COLUMN priority integer NOT NULL DEFAULT 0 CHECK (priority BETWEEN -100 AND 100);
ALTER TABLE grants ADD COLUMN reason text CHECK (reason IN ('promotional', 'compensation', 'goodwill'));
ALTER TABLE grants ADD COLUMN note text;
ALTER TABLE grants ADD CONSTRAINT grants_reason_of_granted CHECK ((source = 'granted') = (reason IS NOT NULL));
CREATE INDEX grants_granted_expiring ON grants (expires_at) WHERE source = 'granted' AND remaining > 0;
`;
