/**
 * The server cannot listen on its port: another process holds it, or the system refuses it (a privileged
 * port). Raised by `startServer` after it has let go of the database, so the caller may start again.
 */
export class PortUnavailableError extends Error {
  readonly code = 'port_unavailable';
  constructor(
    readonly host: string,
    readonly port: number,
    /** The system's reason, e.g. `EADDRINUSE` or `EACCES`. */
    readonly reason: string,
  ) {
    super(
      reason === 'EADDRINUSE'
        ? `Port ${port} on ${host} is already in use: stop what holds it, or give this server another --port.`
        : `Cannot listen on port ${port} on ${host} (${reason}): give this server another --port.`,
    );
  }
}
