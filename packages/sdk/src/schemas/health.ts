import * as z from 'zod/mini';

/** `GET /healthz`: the process answers. Nothing else is checked, so a balancer never restarts a server for its database. */
export const liveness = z.object({
  /** Always `ok`: a server that can answer at all is alive. */
  status: z.literal('ok'),
});
/** The answer of `GET /healthz`. */
export type Liveness = z.infer<typeof liveness>;

/** `GET /readyz`: the server may be sent requests: its database answers and holds every migration it needs. */
export const readiness = z.object({
  /** Always `ready`; a server that is not answers 503 with a problem instead. */
  status: z.literal('ready'),
});
/** The answer of `GET /readyz` while the server takes requests. */
export type Readiness = z.infer<typeof readiness>;
