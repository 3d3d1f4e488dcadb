/**
 * R13, R15: refunding the charge that holds a dedup key hands the key to another charge that paid for the same
 * action, record and field (a re-run, an Auto-Update refresh); this index finds it without scanning the
 * workspace's charges.
 */
export const chargesByDedupKeySchema = `
CREATE INDEX charges_by_dedup_key ON charges (workspace_id, action_id, record_id, field);
`;
