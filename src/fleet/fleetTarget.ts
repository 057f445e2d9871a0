/** One receiver of a fleet, as the targets file describes it. */
export interface FleetTarget {
  /** Unique in the file; names the target's report directory and its row in the index. */
  readonly name: string;
  readonly url: string;
  /** Environment variables holding the receiver's secrets (one, or several during a rotation). */
  readonly secretEnv: readonly string[];
  /** Event types the receiver subscribes to (default: all). */
  readonly types?: readonly string[];
  /** Allow a plain http:// URL (staging); default: the fleet's --allow-http. */
  readonly allowHttp?: boolean;
  /** A report.json (or report.html) to recheck instead of certifying afresh. */
  readonly recheck?: string;
  /** `Name: value` headers for this target's deliveries; a value `${NAME}` is read from the environment. */
  readonly headers?: readonly string[];
}
