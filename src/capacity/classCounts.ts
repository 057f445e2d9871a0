import type { Classification } from '../contract/classifyStatus';
import type { DeliveryResult } from '../delivery/DeliveryResult';

/** Answers by gridX class; `error` is a connection that gave no usable answer (refused, reset, garbage). */
export type AnswerClass = Classification | 'error';

export type ClassCounts = Record<AnswerClass, number>;

export function emptyClassCounts(): ClassCounts {
  return { success: 0, transient: 0, gone: 0, permanent: 0, timeout: 0, error: 0 };
}

export function addClassCounts(into: ClassCounts, from: Readonly<ClassCounts>): void {
  for (const key of Object.keys(into) as AnswerClass[]) into[key] += from[key];
}

export function classOf(result: DeliveryResult): AnswerClass {
  return result.outcome;
}
