/** A replay's record, as its store keeps it. */
export interface ReplayJobRecord {
  id: string;
  state: ReplayJobState;
  startedBy: string;
  /** events read from the topic so far, and of those applied to the read models (the rest are not theirs, or repeats) */
  events: number;
  applied: number;
  /** the events in the topic when the replay started (the partitions' end offsets less their start) */
  eventsTotal: number | null;
  error: string | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export type ReplayJobState = 'running' | 'finished' | 'failed' | 'interrupted';

/** What GET /admin/replay/:id answers. */
export interface ReplayJobView {
  id: string;
  state: ReplayJobState;
  startedBy: string;
  events: number;
  applied: number;
  eventsTotal: number | null;
  /** events read per second since the start (to the end, once it ended) */
  eventsPerSecond: number;
  /** seconds left at that rate, to the end offsets the replay started with; null when not running or not known yet */
  etaSeconds: number | null;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** The job's figures as the operator sees them: its rate so far and, while it runs, the time left to the topic's end. */
export function replayJobView(job: ReplayJobRecord, now: Date): ReplayJobView {
  const until = job.finishedAt ?? (job.state === 'running' ? now : job.updatedAt);
  const seconds = Math.max(0.001, (until.getTime() - job.startedAt.getTime()) / 1000);
  const eventsPerSecond = Math.round(job.events / seconds);
  const left = job.eventsTotal === null ? null : Math.max(0, job.eventsTotal - job.events);
  const etaSeconds = job.state !== 'running' || left === null || eventsPerSecond === 0 ? null : Math.round(left / eventsPerSecond);
  return {
    id: job.id,
    state: job.state,
    startedBy: job.startedBy,
    events: job.events,
    applied: job.applied,
    eventsTotal: job.eventsTotal,
    eventsPerSecond,
    etaSeconds,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error,
  };
}
