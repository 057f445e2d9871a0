/**
 * A few event types for full certifications whose point is the transport (a receiver that resets,
 * redirects, answers garbage or 404, refuses every event): what such a receiver does is the same
 * for every event type, so three types prove it as well as the spec's 23, at a fifth of the CPU
 * (each event check sends its cases per selected type). One of them is deprecated, so that the
 * deprecated-type check runs too and every check of the catalogue is judged or blocked.
 */
export const TRANSPORT_TYPES: readonly string[] = ['ev/plugged', 'ev/update', 'gateway/online'];
