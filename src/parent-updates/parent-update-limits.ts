/** Review states of a parent update: only `approved` updates are ever sent. */
export const PARENT_UPDATE_STATUSES = ['draft', 'approved', 'rejected'] as const;
export type ParentUpdateStatus = (typeof PARENT_UPDATE_STATUSES)[number];

/** Delivery states of an approved update's email. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const PARENT_UPDATE_VERSION_SOURCES = ['generated', 'edited'] as const;
export type ParentUpdateVersionSource = (typeof PARENT_UPDATE_VERSION_SOURCES)[number];

export const PARENT_UPDATE_GENERATE_JOB = 'parent_update.generate';
export const PARENT_UPDATE_DELIVER_JOB = 'parent_update.deliver';

/** Reason stored on a pending delivery while no SMTP server is configured. */
export const SMTP_NOT_CONFIGURED = 'SMTP_NOT_CONFIGURED';

export const PARENT_UPDATE_LIMITS = {
  subjectLength: 200,
  bodyLength: 5000,
  noteLength: 500,
  reasonLength: 2000,
  /** Versions per update, the generated one included. */
  versions: 50,
  /** Delivery attempts per update before it is marked failed. */
  deliveryAttempts: 5,
  generationAttempts: 3,
};
