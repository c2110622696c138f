/** A screen about one activity and one list of its records: the registrations, the waiting list, the interest list. */
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import type { AdminActivity } from '../screens/activities.js';
import { problemText } from './errors.js';
import { Screen } from './screen.js';

export abstract class ActivityListScreen<Row> extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() activityId = '';
  @state() activity: AdminActivity | null = null;
  @state() rows: Row[] | null = null;
  @state() problem = '';

  /** The list's address under the API, and how to take the rows out of its answer. */
  protected abstract list(activityId: string): { path: string; rows: (body: never) => Row[] };

  override updated(changed: Map<string, unknown>) {
    if (changed.has('activityId')) void this.load();
  }

  protected async load() {
    try {
      this.activity = await api<AdminActivity>('GET', `/admin/activities/${this.activityId}`);
      const { path, rows } = this.list(this.activityId);
      this.rows = rows(await api<never>('GET', path));
    } catch (e) {
      this.problem = problemText(e);
    }
  }
}
