import * as z from 'zod/mini';
import { resourceId } from './primitives';

/** Dev mode only: a fresh workspace on a plan, with its secret key. */
export const devWorkspaceCreateParams = z.object({ planId: resourceId });
export const devWorkspace = z.object({ workspaceId: z.string(), secretKey: z.string() });
export type DevWorkspace = z.infer<typeof devWorkspace>;
