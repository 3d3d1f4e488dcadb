/**
 * R13 refined: the dedup key is action + record + field, so a free action on a field no longer makes a
 * paid one on the same field free. Each existing key takes the action of the charge that paid for it, so
 * a workspace's records stay paid for the action that paid.
 */
export const dedupByActionSchema = `
ALTER TABLE dedup_keys ADD COLUMN action_id text;
UPDATE dedup_keys AS d SET action_id = c.action_id FROM charges AS c WHERE c.id = d.charge_id;
ALTER TABLE dedup_keys ALTER COLUMN action_id SET NOT NULL;
ALTER TABLE dedup_keys DROP CONSTRAINT dedup_keys_pkey;
ALTER TABLE dedup_keys ADD PRIMARY KEY (workspace_id, action_id, record_id, field);
`;
