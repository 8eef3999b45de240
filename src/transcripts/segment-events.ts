import { TranscriptSegment } from './transcript-segment.entity';

/** A stored segment as published to subscribers: its JSON form, with dates as ISO strings. */
export type SegmentEvent = Omit<TranscriptSegment, 'receivedAt' | 'createdAt' | 'updatedAt'> & {
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
};

export function segmentFromEvent(event: SegmentEvent): TranscriptSegment {
  return Object.assign(new TranscriptSegment(), event, {
    receivedAt: new Date(event.receivedAt),
    createdAt: new Date(event.createdAt),
    updatedAt: new Date(event.updatedAt),
  });
}
