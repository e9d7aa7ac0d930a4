/** The example subgraphs' data (schedule and reviews): an in-memory map from ftrack ids to plans and review states. */
export type TaskStatus = "NOT_STARTED" | "IN_PROGRESS" | "PENDING_REVIEW" | "DONE";
export type ReviewState = "NOT_REVIEWED" | "NEEDS_CHANGES" | "APPROVED";

export interface TaskPlan {
  dueDate: string | null;
  status: TaskStatus;
}

export interface ScheduleSeed {
  tasks?: Record<string, Partial<TaskPlan>>;
  reviews?: Record<string, ReviewState>;
}

const UNPLANNED: TaskPlan = { dueDate: null, status: "NOT_STARTED" };

export class ScheduleStore {
  readonly #tasks = new Map<string, TaskPlan>();
  readonly #reviews = new Map<string, ReviewState>();

  constructor(seed: ScheduleSeed = {}) {
    for (const [id, plan] of Object.entries(seed.tasks ?? {})) this.#tasks.set(id, { ...UNPLANNED, ...plan });
    for (const [id, state] of Object.entries(seed.reviews ?? {})) this.#reviews.set(id, state);
  }

  /** Any id is a task the schedule may not know yet: unknown ones are simply unplanned. */
  task(id: string): TaskPlan {
    return this.#tasks.get(id) ?? UNPLANNED;
  }

  reviewState(id: string): ReviewState {
    return this.#reviews.get(id) ?? "NOT_REVIEWED";
  }

  withReviewState(state: string): string[] {
    return [...this.#reviews].filter(([, value]) => value === state).map(([id]) => id);
  }

  /** Ids of tasks due on or before `day` (ISO dates compare as strings), earliest first. */
  dueBefore(day: string): string[] {
    return [...this.#tasks]
      .filter(([, plan]) => plan.dueDate !== null && plan.dueDate <= day)
      .sort(([, a], [, b]) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0))
      .map(([id]) => id);
  }
}
