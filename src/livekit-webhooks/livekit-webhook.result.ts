import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const WEBHOOK_OUTCOMES = ['recorded', 'duplicate', 'session_ended', 'ignored'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** What HiLink did with one LiveKit webhook. Every verified webhook is acknowledged with 200. */
export class LivekitWebhookResult {
  @ApiProperty({ example: 'participant_joined' })
  event: string;

  @ApiProperty({ enum: WEBHOOK_OUTCOMES })
  outcome: WebhookOutcome;

  @ApiPropertyOptional({ description: 'Why the webhook changed nothing, for `ignored`.' })
  reason?: string;
}
