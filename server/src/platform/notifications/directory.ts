import type { Executor } from '../db/database.ts';

/** Who a person is, for delivery: name, e-mail address, and department path ('/root/…/dept/'). */
export type Contact = { personId: string; name: string; email: string | null; departmentId: string; departmentPath: string };

/**
 * The notification engine is platform and may not import modules; the org module supplies
 * people's contacts through this port when the app is built (modules/notifications routes).
 */
export type NotificationSetup = {
  contacts(db: Executor, personIds: string[]): Promise<Contact[]>;
  /** true when SMTP is configured in the environment (QINLIAN_SMTP_URL) */
  envEmail: boolean;
};

let setup: NotificationSetup | null = null;

export function configureNotifications(next: NotificationSetup): void {
  setup = next;
}

export function notificationSetup(): NotificationSetup {
  if (!setup) throw new Error('notifications are not configured: build the app (modules/notifications) before notify()');
  return setup;
}
