import * as z from 'zod/mini';
import { resourceId } from './primitives';

/** Dev mode only: a fresh workspace on a plan, with its secret key. */
export const devWorkspaceCreateParams = z.object({
  /** The catalogue id of the plan the workspace starts on, e.g. `pro-monthly`. */
  planId: resourceId,
});
/** Dev mode only: the fresh workspace and the secret key that acts for it. */
export const devWorkspace = z.object({
  /** The new workspace's id (`ws_…`). */
  workspaceId: z.string(),
  /** The new workspace's secret key (`sk_…`); keep it on a server. */
  secretKey: z.string(),
});
/** Dev mode only: a fresh workspace and its secret key. */
export type DevWorkspace = z.infer<typeof devWorkspace>;
